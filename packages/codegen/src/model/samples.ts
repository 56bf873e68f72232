import type { SampleValue } from "./model.js";
import { dereference } from "./refs.js";
import type { MaybeRef, OpenApiDocument, SchemaObject } from "./spec.js";

/**
 * A value that fits a request body's schema, for the examples in JSDoc and the README: required properties (and
 * those with a default) only, each with its default, first enum value or a value of its type and format. Built from the schema rather than
 * from the spec's `example`, which may carry properties the type does not allow (the examples must compile).
 */
export function sampleOf(document: OpenApiDocument, schemaOrRef: MaybeRef<SchemaObject> | boolean | undefined, depth = 0): SampleValue {
  if (schemaOrRef === undefined || typeof schemaOrRef === "boolean" || depth > 6) return { kind: "object", properties: [] };
  const schema = dereference(document, schemaOrRef, "").value;
  if (typeof schema !== "object" || schema === null) return { kind: "object", properties: [] };
  if (schema.const !== undefined && isScalar(schema.const)) return { kind: "literal", value: schema.const };
  // `enum` and `const` are the type itself; `default` is not, and real specs write `default: "1"` for an integer.
  if (schema.default !== undefined && isScalar(schema.default) && fitsType(schema.default, typeOf(schema)) && (schema.enum === undefined || schema.enum.includes(schema.default))) {
    return { kind: "literal", value: schema.default };
  }
  const firstEnum = schema.enum?.find((value) => value !== null && isScalar(value));
  if (firstEnum !== undefined && isScalar(firstEnum)) return { kind: "literal", value: firstEnum };
  const alternatives = (schema.oneOf ?? schema.anyOf)?.filter((alternative) => !isNullOnly(document, alternative));
  if (alternatives !== undefined && alternatives[0] !== undefined) {
    // Properties beside `oneOf` (GitHub's check runs: `name` required outside, `conclusion` declared outside and
    // required by one alternative) are the type's too: the sample is the object and its first alternative, merged.
    const first = dereference(document, alternatives[0], "").value;
    if (schema.properties !== undefined && isPlainObject(first)) {
      const { oneOf: _oneOf, anyOf: _anyOf, ...object } = schema;
      return objectSample(document, { ...object, properties: { ...schema.properties, ...first.properties }, required: [...(schema.required ?? []), ...(first.required ?? [])] }, depth);
    }
    return sampleOf(document, alternatives[0], depth + 1);
  }
  const type = typeOf(schema);
  // `allOf: [{ $ref: String }, { description }]` (AWS's way to document a reused string) or `allOf: [{ type: string },
  // { minLength: 1 }]`: no member describes an object, so the first that says what the value is decides the sample.
  const typed = type === undefined && schema.properties === undefined ? (schema.allOf?.filter((member) => !isAnnotationOnly(document, member)) ?? []) : [];
  if (typed[0] !== undefined && !typed.some((member) => isObjectLike(document, member))) return sampleOf(document, typed[0], depth + 1);
  if (type === "object" || (type === undefined && (schema.properties !== undefined || schema.allOf !== undefined))) return objectSample(document, schema, depth);
  switch (type) {
    case "array":
      return { kind: "array", items: [] };
    case "integer":
    case "number":
      return { kind: "literal", value: schema.minimum ?? 1 };
    case "boolean":
      return { kind: "literal", value: true };
    case "null":
      return { kind: "literal", value: null };
    case "string":
      return schema.format === "binary" ? { kind: "blob" } : { kind: "literal", value: sampleString(schema.format) };
    default:
      return { kind: "object", properties: [] };
  }
}

function objectSample(document: OpenApiDocument, schema: SchemaObject, depth: number): SampleValue {
  const properties = new Map<string, MaybeRef<SchemaObject>>();
  const required = new Set<string>();
  const collect = (part: SchemaObject, level: number) => {
    for (const [name, property] of Object.entries(part.properties ?? {})) {
      properties.set(name, property);
      // openapi-typescript types a property with its own `default` as present (`defaultNonNullable`) outside inline
      // parameters and request bodies; a sample that sets it fits either way.
      if (typeof property === "object" && property !== null && !("$ref" in property) && property.default !== undefined) required.add(name);
    }
    for (const name of part.required ?? []) required.add(name);
    if (level < 6) for (const member of part.allOf ?? []) collect(dereference(document, member, "").value, level + 1);
  };
  collect(schema, 0);
  // A required name no `properties` declares (Plaid lists three) is no member of openapi-typescript's type: a sample
  // that sets it does not compile.
  const declared = [...required].filter((name) => properties.has(name));
  return { kind: "object", properties: declared.map((name) => [name, sampleOf(document, properties.get(name), depth + 1)] as const) };
}

function typeOf(schema: SchemaObject): string | undefined {
  const types = (Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type]).filter((type) => type !== "null");
  return types[0] ?? (Array.isArray(schema.type) && schema.type.includes("null") ? "null" : undefined);
}

const ANNOTATIONS: ReadonlySet<string> = new Set(["description", "title", "example", "examples", "deprecated", "readOnly", "writeOnly", "xml", "externalDocs", "nullable", "$comment"]);

function isAnnotationOnly(document: OpenApiDocument, schemaOrRef: MaybeRef<SchemaObject>): boolean {
  const schema = dereference(document, schemaOrRef, "").value;
  return typeof schema === "object" && schema !== null && Object.keys(schema).every((key) => ANNOTATIONS.has(key));
}

function isObjectLike(document: OpenApiDocument, schemaOrRef: MaybeRef<SchemaObject>): boolean {
  const schema = dereference(document, schemaOrRef, "").value;
  return typeof schema !== "object" || schema === null || typeOf(schema) === "object" || schema.properties !== undefined || schema.allOf !== undefined;
}

function isNullOnly(document: OpenApiDocument, schemaOrRef: MaybeRef<SchemaObject>): boolean {
  const schema = dereference(document, schemaOrRef, "").value;
  return typeof schema === "object" && schema !== null && (schema.type === "null" || (Array.isArray(schema.type) && schema.type.length === 1 && schema.type[0] === "null"));
}

/** Whether a literal is of the schema's (first non-null) type; without a type, anything fits. */
export function fitsType(value: string | number | boolean | null, type: string | undefined): boolean {
  switch (type) {
    case undefined:
      return true;
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "string":
    case "boolean":
      return typeof value === type;
    case "null":
      return value === null;
    default:
      return false;
  }
}

function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

export function sampleString(format: string | undefined): string {
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

/** An object schema with nothing but properties to merge: no alternatives or members of its own. */
function isPlainObject(schema: SchemaObject | undefined): schema is SchemaObject {
  return (
    typeof schema === "object" &&
    schema !== null &&
    schema.oneOf === undefined &&
    schema.anyOf === undefined &&
    schema.allOf === undefined &&
    (typeOf(schema) === undefined || typeOf(schema) === "object")
  );
}
