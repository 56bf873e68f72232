/**
 * Writes plain data as TypeScript source. Every string goes through `JSON.stringify`, so no text from a spec can
 * end a literal early or inject code; keys that are not identifiers are quoted the same way.
 */
export type LiteralValue = string | number | boolean | null | undefined | Identifier | readonly LiteralValue[] | { readonly [key: string]: LiteralValue };

/** A reference to a binding the generated file imports, written as a bare name. Never built from spec text. */
export class Identifier {
  constructor(readonly name: string) {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`not an identifier: ${name}`);
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function propertyKey(key: string): string {
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

/** `undefined` properties are left out, so optional model fields never appear as `key: undefined`. */
export function toLiteral(value: LiteralValue): string {
  if (value === undefined) return "undefined";
  if (value === null || typeof value === "boolean") return String(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "undefined";
  if (typeof value === "string") return JSON.stringify(value);
  if (value instanceof Identifier) return value.name;
  if (Array.isArray(value)) return `[${value.map((item: LiteralValue) => toLiteral(item)).join(", ")}]`;
  const entries = Object.entries(value as { readonly [key: string]: LiteralValue }).filter(([, inner]) => inner !== undefined);
  return `{ ${entries.map(([key, inner]) => `${propertyKey(key)}: ${toLiteral(inner)}`).join(", ")} }`;
}

/** `"..."` as a string literal type, or an indexed-access segment: `["/v1/phone/"]`. */
export function stringLiteral(text: string): string {
  return JSON.stringify(text);
}
