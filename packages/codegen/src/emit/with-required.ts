import type TypeScript from "typescript";

/**
 * openapi-typescript types an `allOf` of a `$ref` plus `required: [...]` as `WithRequired<T, K>`, with a helper
 * `type WithRequired<T, K extends keyof T>` that does not compile (TS2344, "does not satisfy the constraint 'never'")
 * when `T` may be `null` or `undefined`, because `keyof (X | null)` is `never`. Real specs do both: a referenced
 * component with `nullable: true` (Plaid's `PlaidError`), and a `$ref` to a property that is not required in its
 * schema (Twine's `#/components/schemas/CalendarEventResource/properties/attributes`, typed
 * `components["schemas"]["CalendarEventResource"]["attributes"]`, which includes `undefined`).
 *
 * Our helper takes `NonNullable<T>`. It is the same type wherever openapi-typescript's compiles: the helper
 * intersects `T` with an object type, and `null & { … }` is `never` already, so only the constraint changes.
 */
export const WITH_REQUIRED = "type WithRequired<T, K extends keyof NonNullable<T>> = NonNullable<T> & { [P in K]-?: NonNullable<T>[P] };";

/** Replaces openapi-typescript's `WithRequired` declaration, where it emitted one, with `WITH_REQUIRED`. */
export function withNullableSafeHelpers<Node extends TypeScript.Node>(ts: typeof TypeScript, nodes: readonly Node[]): Node[] {
  return nodes.map((node) => {
    if (!ts.isTypeAliasDeclaration(node) || node.name.text !== "WithRequired") return node;
    const [helper] = ts.createSourceFile("with-required.ts", WITH_REQUIRED, ts.ScriptTarget.ESNext).statements;
    return (helper ?? node) as unknown as Node;
  });
}
