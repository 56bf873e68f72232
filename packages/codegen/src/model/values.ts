import type { ValueModel } from "./model.js";
import { dereference } from "./refs.js";
import type { MaybeRef, OpenApiDocument, SchemaObject, SchemaType } from "./spec.js";

const UNCONSTRAINED: ValueModel = {
  type: undefined,
  nullable: false,
  format: undefined,
  enum: undefined,
  minimum: undefined,
  maximum: undefined,
  exclusiveMinimum: undefined,
  exclusiveMaximum: undefined,
  minLength: undefined,
  maxLength: undefined,
  pattern: undefined,
  items: undefined,
  default: undefined,
};

type Scalar = string | number | boolean | null;

/**
 * The checkable facts of a parameter schema. FastAPI writes optional parameters as `anyOf: [X, {type: "null"}]`;
 * 3.0 writes `nullable: true`; 3.1 writes `type: [X, "null"]`. All three become X with `nullable`.
 * Anything a client cannot reasonably check (composition of several real alternatives) becomes unconstrained.
 */
export function valueModelOf(document: OpenApiDocument, schemaOrRef: MaybeRef<SchemaObject> | undefined, depth = 0): ValueModel {
  if (schemaOrRef === undefined || depth > 8) return UNCONSTRAINED;
  const schema = dereference(document, schemaOrRef, "").value;
  if (typeof schema !== "object" || schema === null) return UNCONSTRAINED;

  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives !== undefined) {
    const nonNull = alternatives.filter((alternative) => !isNullSchema(document, alternative));
    const only = nonNull[0];
    if (nonNull.length !== 1 || only === undefined) return UNCONSTRAINED;
    const inner = valueModelOf(document, only, depth + 1);
    return { ...inner, nullable: inner.nullable || nonNull.length < alternatives.length };
  }
  if (schema.allOf?.length === 1 && schema.allOf[0] !== undefined) return valueModelOf(document, schema.allOf[0], depth + 1);

  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type as SchemaType];
  const realTypes = types.filter((type) => type !== "null");
  const enumValues = schema.const !== undefined ? [schema.const] : schema.enum;
  return {
    type: realTypes.length === 1 ? (realTypes[0] as Exclude<SchemaType, "null">) : undefined,
    nullable: schema.nullable === true || types.includes("null"),
    format: schema.format,
    enum: enumValues?.filter(isScalar),
    minimum: schema.minimum,
    maximum: schema.maximum,
    // 3.0 writes `exclusiveMinimum: true` next to `minimum`; 3.1 writes the bound itself.
    exclusiveMinimum: schema.exclusiveMinimum === true ? schema.minimum : numberOrUndefined(schema.exclusiveMinimum),
    exclusiveMaximum: schema.exclusiveMaximum === true ? schema.maximum : numberOrUndefined(schema.exclusiveMaximum),
    minLength: schema.minLength,
    maxLength: schema.maxLength,
    pattern: schema.pattern,
    items: schema.items === undefined ? undefined : valueModelOf(document, schema.items, depth + 1),
    default: schema.default,
  };
}

function isNullSchema(document: OpenApiDocument, schemaOrRef: MaybeRef<SchemaObject>): boolean {
  const schema: SchemaObject = dereference(document, schemaOrRef, "").value;
  return schema.type === "null" || (schema.enum?.length === 1 && schema.enum[0] === null);
}

function isScalar(value: unknown): value is Scalar {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}
