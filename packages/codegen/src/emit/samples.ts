import type { SampleValue, ValueModel } from "../model/model.js";
import { fitsType, sampleString } from "../model/samples.js";
import { propertyKey, stringLiteral, type LiteralValue } from "./code.js";

/** Sample values are short scalars: numbers and booleans as written, strings quoted like all generated strings. */
function toLiteral(value: LiteralValue): string {
  return typeof value === "string" ? stringLiteral(value) : String(value);
}

/** A plausible value for an `@example`, as source text: the default, else the first enum value, else by type. */
export function sampleValue(value: ValueModel): string {
  // Only a default of the parameter's own type: Billingo's integer `page` has `default: "1"`.
  if (isScalar(value.default) && fitsType(value.default, value.type) && (value.enum === undefined || value.enum.includes(value.default))) return toLiteral(value.default);
  const first = value.enum?.find((item) => item !== null);
  if (first !== undefined) return toLiteral(first);
  switch (value.type) {
    case "integer":
    case "number":
      return String(value.minimum ?? value.exclusiveMinimum ?? 1);
    case "boolean":
      return "true";
    case "array":
      // Only scalar items: an item of unknown or object type has no one-line sample that surely fits.
      return `[${value.items === undefined || !SCALAR_TYPES.has(value.items.type ?? "") ? "" : sampleValue(value.items)}]`;
    case "object":
      return "{}";
    default:
      return toLiteral(sampleString(value.format));
  }
}

const SCALAR_TYPES: ReadonlySet<string> = new Set(["string", "number", "integer", "boolean"]);

function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

/** A sample body as one line of source: `{ name: "string", audio: new Blob([]) }`. */
export function sampleSource(sample: SampleValue): string {
  switch (sample.kind) {
    case "literal":
      return toLiteral(sample.value);
    case "blob":
      return "new Blob([])";
    case "array":
      return `[${sample.items.map(sampleSource).join(", ")}]`;
    case "unwritable":
      // Callers leave such examples out (`hasExample`); this keeps a slip compiling rather than crashing.
      return "undefined as never";
    case "object":
      return sample.properties.length === 0 ? "{}" : `{ ${sample.properties.map(([key, value]) => `${key === "__proto__" ? '["__proto__"]' : propertyKey(key)}: ${sampleSource(value)}`).join(", ")} }`;
  }
}
