import type { ValueModel } from "../model/model.js";
import { stringLiteral, type LiteralValue } from "./code.js";

/** Sample values are short scalars: numbers and booleans as written, strings quoted like all generated strings. */
function toLiteral(value: LiteralValue): string {
  return typeof value === "string" ? stringLiteral(value) : String(value);
}

/** A plausible value for an `@example`, as source text: the default, else the first enum value, else by type. */
export function sampleValue(value: ValueModel): string {
  if (isLiteral(value.default)) return toLiteral(value.default);
  const first = value.enum?.find((item) => item !== null);
  if (first !== undefined) return toLiteral(first);
  switch (value.type) {
    case "integer":
    case "number":
      return String(value.minimum ?? value.exclusiveMinimum ?? 1);
    case "boolean":
      return "true";
    case "array":
      return `[${value.items === undefined ? "" : sampleValue(value.items)}]`;
    case "object":
      return "{}";
    default:
      return toLiteral(sampleString(value.format));
  }
}

function sampleString(format: string | undefined): string {
  switch (format) {
    case "uuid":
      return "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    case "date-time":
      return "2025-01-31T09:30:00Z";
    case "date":
      return "2025-01-31";
    case "email":
      return "user@example.com";
    case "uri":
    case "url":
      return "https://example.com";
    default:
      return "string";
  }
}

function isLiteral(value: unknown): value is LiteralValue {
  return value !== undefined && (value === null || ["string", "number", "boolean"].includes(typeof value));
}
