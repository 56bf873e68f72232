import { localRefPointer } from "../model/refs.js";
import { appendPointer, getAtPointer, parsePointer } from "../pointer.js";

/**
 * Whether openapi-typescript's type for a `$ref` into a schema's properties
 * (`#/components/schemas/Event/properties/relationships/properties/owner`) does not compile. It writes one indexed
 * access per property (`components["schemas"]["Event"]["relationships"]["owner"]`), and indexing a property that may
 * be `undefined` (not required) or `null` (nullable) is an error (TS2339). Only the properties before the last are
 * indexed into; the last may be optional. Such a ref is written as a copy of its target instead.
 */
export function indexesThroughOptional(document: unknown, ref: string): boolean {
  // Nearly every ref names a whole component: nothing to walk (Graph's types stage meets a million of them).
  if (!ref.includes("/properties/")) return false;
  const segments = parsePointer(localRefPointer(ref) ?? "");
  // components, section, name: the first indexed type.
  let parent = getAtPointer(document, appendPointer("", ...segments.slice(0, 3)));
  for (let index = 3; index + 1 < segments.length; index += 2) {
    if (segments[index] !== "properties") return false;
    const name = segments[index + 1] ?? "";
    if (index + 2 >= segments.length) return false;
    const schema = asRecord(parent);
    const property = asRecord(asRecord(schema?.["properties"])?.[name]);
    const required = schema?.["required"];
    if (!Array.isArray(required) || !required.includes(name) || isNullable(property)) return true;
    parent = property;
  }
  return false;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function isNullable(schema: Record<string, unknown> | undefined): boolean {
  const type = schema?.["type"];
  return schema?.["nullable"] === true || (Array.isArray(type) && type.includes("null"));
}
