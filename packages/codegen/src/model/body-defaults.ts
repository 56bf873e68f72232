import type { BodyDefaultsModel } from "./model.js";
import { dereference } from "./refs.js";
import type { MaybeRef, OpenApiDocument, SchemaObject } from "./spec.js";

/** How deep into nested objects defaults are followed; FastAPI bodies rarely nest models deeper than this. */
const MAX_DEPTH = 6;

/**
 * The fields of a request body the caller may leave out because the schema gives them a `default` without requiring
 * them, where openapi-typescript made them required. Its `defaultNonNullable` (right for responses: the server fills
 * defaults in) applies to every schema outside the operation's own inline `requestBody`, so to every property of a
 * `$ref`'d component, which is how FastAPI writes each body and each nested model. Followed through `$ref`, `allOf`,
 * `anyOf`/`oneOf` (FastAPI's `Optional[Model]`) and array `items`, as openapi-typescript merges them; undefined when
 * there is nothing to loosen.
 */
export function bodyDefaultsOf(document: OpenApiDocument, schema: MaybeRef<SchemaObject> | undefined): BodyDefaultsModel | undefined {
  return defaultsAt(document, schema, false, [], 0);
}

function defaultsAt(document: OpenApiDocument, node: MaybeRef<SchemaObject> | boolean | undefined, viaRef: boolean, following: readonly string[], depth: number): BodyDefaultsModel | undefined {
  if (typeof node !== "object" || node === null || depth > MAX_DEPTH || !mayHaveDefaults(document, node, viaRef, depth)) return undefined;
  const { value: schema, pointer } = dereference<SchemaObject>(document, node, "");
  if (typeof schema !== "object" || schema === null || (pointer !== "" && following.includes(pointer))) return undefined;
  const referenced = viaRef || pointer !== "";
  const path = pointer === "" ? following : [...following, pointer];

  const optional = new Set<string>();
  const required = new Set<string>();
  const nested = new Map<string, BodyDefaultsModel>();
  const merge = (part: BodyDefaultsModel | undefined) => {
    for (const name of part?.optional ?? []) optional.add(name);
    for (const [name, inner] of part?.nested ?? []) nested.set(name, mergeDefaults(nested.get(name), inner));
  };
  for (const name of schema.required ?? []) required.add(name);
  for (const member of schema.allOf ?? []) {
    for (const name of dereference<SchemaObject>(document, member, "").value?.required ?? []) required.add(name);
  }
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (referenced && typeof property === "object" && property !== null && "default" in property && property.default !== undefined) optional.add(name);
    const inner = defaultsAt(document, property, referenced, path, depth + 1);
    if (inner !== undefined) nested.set(name, inner);
  }
  for (const member of [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) merge(defaultsAt(document, member, referenced, path, depth));
  const items = (schema as { items?: MaybeRef<SchemaObject> | boolean }).items;
  if (items !== undefined) merge(defaultsAt(document, items, referenced, path, depth));
  // `allOf` members that require a field another member defaults: required wins, as in openapi-typescript.
  for (const name of required) optional.delete(name);
  return optional.size === 0 && nested.size === 0 ? undefined : { optional: [...optional], nested: [...nested] };
}

function mergeDefaults(a: BodyDefaultsModel | undefined, b: BodyDefaultsModel): BodyDefaultsModel {
  if (a === undefined) return b;
  const nested = new Map(a.nested);
  for (const [name, inner] of b.nested) nested.set(name, mergeDefaults(nested.get(name), inner));
  return { optional: [...new Set([...a.optional, ...b.optional])], nested: [...nested] };
}

/**
 * Whether `defaultsAt` can find anything at `node`: the same walk without its per-path cycle cut, so it explores
 * everything `defaultsAt` does and more, and answers false only where `defaultsAt` finds nothing. Without the path,
 * the answer depends only on the schema, `viaRef` and the depth, so each is computed once per document. The walk it
 * saves is exponential: Microsoft Graph's entities refer to each other through hundreds of properties, six levels
 * of which is ~100 s of a 150 s generation, to find nothing (every `@odata.type` default is also required).
 */
function mayHaveDefaults(document: OpenApiDocument, node: object, viaRef: boolean, depth: number): boolean {
  let memo = reachMemos.get(document);
  if (memo === undefined) reachMemos.set(document, (memo = new WeakMap()));
  return reach(document, memo, new Set(), node, viaRef, depth).found;
}

type ReachMemo = WeakMap<object, Map<string, boolean>>;
const reachMemos = new WeakMap<OpenApiDocument, ReachMemo>();

interface Reach {
  readonly found: boolean;
  /** Whether a schema already on the walk's stack was skipped below: then "not found" holds only for this walk. */
  readonly cut: boolean;
}

function reach(document: OpenApiDocument, memo: ReachMemo, onStack: Set<string>, node: unknown, viaRef: boolean, depth: number): Reach {
  if (typeof node !== "object" || node === null || depth > MAX_DEPTH) return { found: false, cut: false };
  const { value: schema, pointer } = dereference<SchemaObject>(document, node as MaybeRef<SchemaObject>, "");
  if (typeof schema !== "object" || schema === null) return { found: false, cut: false };
  const referenced = viaRef || pointer !== "";
  const key = `${String(referenced)}:${depth}`;
  const known = memo.get(schema)?.get(key);
  if (known !== undefined) return { found: known, cut: false };
  // Members and items stay at the same depth, so a schema that is its own member (through `allOf`, `items`) would
  // loop: skipped here, which `cut` records.
  const stackKey = `${pointer}@${key}`;
  if (pointer !== "" && onStack.has(stackKey)) return { found: false, cut: true };
  if (pointer !== "") onStack.add(stackKey);
  let cut = false;
  const found = (() => {
    const visit = (child: unknown, childDepth: number) => {
      const result = reach(document, memo, onStack, child, referenced, childDepth);
      cut ||= result.cut;
      return result.found;
    };
    const required = new Set(schema.required ?? []);
    for (const member of schema.allOf ?? []) for (const name of dereference<SchemaObject>(document, member, "").value?.required ?? []) required.add(name);
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (referenced && !required.has(name) && typeof property === "object" && property !== null && "default" in property && property.default !== undefined) return true;
      if (visit(property, depth + 1)) return true;
    }
    const members = [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
    const items = (schema as { items?: unknown }).items;
    // Over-counts a member's default that this schema requires (`defaultsAt` drops it), which is allowed.
    return (items === undefined ? members : [...members, items]).some((member) => visit(member, depth));
  })();
  if (pointer !== "") onStack.delete(stackKey);
  if (found || !cut) {
    let byKey = memo.get(schema);
    if (byKey === undefined) memo.set(schema, (byKey = new Map()));
    byKey.set(key, found);
  }
  return { found, cut };
}
