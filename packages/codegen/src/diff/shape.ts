/**
 * A schema as the TypeScript type openapi-typescript makes of it, reduced to what a diff compares. The spellings that
 * give one TS type become one shape: FastAPI's `anyOf: [X, {type: "null"}]`, 3.0's `nullable: true` and 3.1's
 * `type: [X, "null"]` are all X, nullable; `integer` is `number`; `allOf` is merged into one object.
 * A `$ref` to a named schema stays a reference: the named schema is compared once, under its own name.
 */
import { isReference, localRefPointer, resolveLocalRef } from "../model/refs.js";
import { appendPointer } from "../pointer.js";

/** JSON types as TypeScript sees them (`integer` is `number`). */
export type JsonType = "array" | "boolean" | "number" | "object" | "string";

export type EnumValue = string | number | boolean;

export interface PropertyShape {
  readonly name: string;
  readonly required: boolean;
  /**
   * Has a `default`: the server fills it in. openapi-typescript makes it required where the caller reads it
   * (responses); the generated body types leave it optional where the caller writes it.
   */
  readonly defaulted: boolean;
  readonly shape: ShapeModel;
}

export interface ShapeModel {
  /** Where the schema is written, for messages. */
  readonly pointer: string;
  /** The exported type alias this is a `$ref` to; the structure then lives in the surface's schema table. */
  readonly ref: string | undefined;
  /** Sorted; empty means any value (`unknown`), or, with `ref`, whatever the named schema says. */
  readonly types: readonly JsonType[];
  readonly nullable: boolean;
  /** The allowed values (`const` is a one-value enum); undefined when not restricted to a list. */
  readonly enum: readonly EnumValue[] | undefined;
  readonly format: string | undefined;
  readonly properties: readonly PropertyShape[];
  readonly items: ShapeModel | undefined;
  /** The alternatives of a real `anyOf`/`oneOf` union (null alternatives are folded into `nullable`). */
  readonly variants: readonly ShapeModel[];
  readonly description: string | undefined;
  readonly deprecated: boolean;
}

export interface ShapeContext {
  readonly document: unknown;
  /** The type alias a `/components/schemas/…` pointer is exported as; refs to those stay references. */
  readonly aliasOf: (pointer: string) => string | undefined;
}

type Json = Readonly<Record<string, unknown>>;

/** The shape of the schema at `pointer`; `undefined` (no schema) is any value. */
export function shapeOf(schema: unknown, pointer: string, context: ShapeContext): ShapeModel {
  return normalize(schema, pointer, context, new Set(), false);
}

/** The shape of a `components.schemas` entry itself (not a reference to it). */
export function namedShapeOf(schema: unknown, pointer: string, context: ShapeContext): ShapeModel {
  return normalize(schema, pointer, context, new Set([pointer]), false);
}

/**
 * `following` holds the refs being inlined on the way here, so an anonymous cycle (or a named one reached through
 * `allOf`, where refs are inlined) stops instead of recursing forever. `inlineNamed` inlines a named ref at the top,
 * for `allOf` members, whose properties become the merged object's.
 */
function normalize(schema: unknown, pointer: string, context: ShapeContext, following: ReadonlySet<string>, inlineNamed: boolean): ShapeModel {
  if (isReference(schema)) return referenceShape(schema, pointer, context, following, inlineNamed);
  if (!isJson(schema)) return emptyShape(pointer);
  const own = ownShape(schema, pointer, context, following);
  return withAlternatives(withAllOf(own, schema, context, following), schema, context, following);
}

function referenceShape(reference: { readonly $ref: string; readonly description?: string }, pointer: string, context: ShapeContext, following: ReadonlySet<string>, inlineNamed: boolean): ShapeModel {
  const target = localRefPointer(reference.$ref);
  if (target === undefined) return emptyShape(pointer);
  const alias = context.aliasOf(target);
  const description = trimmed(reference.description);
  if (alias !== undefined && (!inlineNamed || following.has(target))) return { ...emptyShape(pointer), ref: alias, description };
  if (following.has(target)) return emptyShape(pointer);
  return normalize(resolveLocalRef(context.document, reference.$ref), target, context, new Set([...following, target]), false);
}

function ownShape(schema: Json, pointer: string, context: ShapeContext, following: ReadonlySet<string>): ShapeModel {
  const declared = typeof schema["type"] === "string" ? [schema["type"]] : Array.isArray(schema["type"]) ? (schema["type"] as unknown[]) : [];
  const listed = Object.hasOwn(schema, "const") ? [schema["const"]] : Array.isArray(schema["enum"]) ? (schema["enum"] as unknown[]) : undefined;
  const values = listed?.filter(isEnumValue);
  const required = new Set(Array.isArray(schema["required"]) ? schema["required"].filter((name) => typeof name === "string") : []);
  const properties = isJson(schema["properties"]) ? Object.entries(schema["properties"]) : [];
  return {
    pointer,
    ref: undefined,
    types: typesOf(declared, schema, values),
    nullable: schema["nullable"] === true || declared.includes("null") || (listed?.includes(null) ?? false),
    enum: values === undefined ? undefined : [...new Set(values)],
    format: typeof schema["format"] === "string" ? schema["format"] : undefined,
    properties: properties.map(([name, property]) => ({
      name,
      required: required.has(name),
      defaulted: isJson(property) && property["default"] !== undefined,
      shape: normalize(property, appendPointer(pointer, "properties", name), context, following, false),
    })),
    items: schema["items"] === undefined || Array.isArray(schema["items"]) ? undefined : normalize(schema["items"], appendPointer(pointer, "items"), context, following, false),
    variants: [],
    description: trimmed(schema["description"]),
    deprecated: schema["deprecated"] === true,
  };
}

/** Declared types, or the ones the schema's keywords imply (openapi-typescript does the same for `properties`). */
function typesOf(declared: readonly unknown[], schema: Json, values: readonly EnumValue[] | undefined): JsonType[] {
  const named = declared.flatMap((type) => (type === "integer" ? ["number"] : type === "null" || typeof type !== "string" ? [] : [type]));
  const implied =
    named.length > 0
      ? named
      : schema["properties"] !== undefined || schema["additionalProperties"] !== undefined
        ? ["object"]
        : schema["items"] !== undefined
          ? ["array"]
          : (values ?? []).map((value) => typeof value);
  return [...new Set(implied)].filter(isJsonType).sort();
}

/** `allOf` is an intersection: one object with every member's properties; a lone member just annotates it. */
function withAllOf(own: ShapeModel, schema: Json, context: ShapeContext, following: ReadonlySet<string>): ShapeModel {
  const members = Array.isArray(schema["allOf"]) ? (schema["allOf"] as unknown[]) : [];
  const [only] = members;
  if (members.length === 1 && isBare(own)) return annotated(normalize(only, appendPointer(own.pointer, "allOf", 0), context, following, false), own);
  return members.map((member, index) => normalize(member, appendPointer(own.pointer, "allOf", index), context, following, true)).reduce(intersect, own);
}

function intersect(into: ShapeModel, member: ShapeModel): ShapeModel {
  const byName = new Map(into.properties.map((property) => [property.name, property]));
  for (const property of member.properties) {
    const known = byName.get(property.name);
    byName.set(property.name, known === undefined ? property : { ...known, required: known.required || property.required, defaulted: known.defaulted || property.defaulted });
  }
  return {
    ...into,
    types: into.types.length === 0 ? member.types : member.types.length === 0 ? into.types : into.types.filter((type) => member.types.includes(type)),
    enum: into.enum ?? member.enum,
    format: into.format ?? member.format,
    properties: [...byName.values()],
    items: into.items ?? member.items,
    variants: [...into.variants, ...member.variants],
  };
}

/** `anyOf`/`oneOf`: null alternatives make the rest nullable; one real alternative is that alternative. */
function withAlternatives(own: ShapeModel, schema: Json, context: ShapeContext, following: ReadonlySet<string>): ShapeModel {
  const keyword = Array.isArray(schema["anyOf"]) ? "anyOf" : Array.isArray(schema["oneOf"]) ? "oneOf" : undefined;
  if (keyword === undefined) return own;
  const alternatives = (schema[keyword] as unknown[]).map((alternative, index) => ({ alternative, pointer: appendPointer(own.pointer, keyword, index) }));
  const real = alternatives.filter(({ alternative }) => !isNullSchema(context.document, alternative));
  const nullable = own.nullable || real.length < alternatives.length;
  const [only] = real;
  if (real.length === 1 && only !== undefined && isBare(own)) {
    const inner = annotated(normalize(only.alternative, only.pointer, context, following, false), own);
    return { ...inner, nullable: inner.nullable || nullable };
  }
  return { ...own, nullable, variants: [...own.variants, ...real.map(({ alternative, pointer }) => normalize(alternative, pointer, context, following, false))] };
}

/** The inner shape, keeping the outer schema's place and docs (FastAPI writes them next to the `anyOf`). */
function annotated(inner: ShapeModel, outer: ShapeModel): ShapeModel {
  return {
    ...inner,
    pointer: outer.pointer,
    nullable: inner.nullable || outer.nullable,
    description: outer.description ?? inner.description,
    deprecated: outer.deprecated || inner.deprecated,
  };
}

/** No structure of its own, only annotations: a wrapper around its `anyOf`/`allOf`. */
function isBare(shape: ShapeModel): boolean {
  return shape.types.length === 0 && shape.enum === undefined && shape.properties.length === 0 && shape.items === undefined && shape.variants.length === 0;
}

function isNullSchema(document: unknown, schema: unknown): boolean {
  const resolved = isReference(schema) ? resolveLocalRef(document, schema.$ref) : schema;
  if (!isJson(resolved)) return false;
  const values = resolved["enum"];
  return resolved["type"] === "null" || (Array.isArray(values) && values.length === 1 && values[0] === null);
}

export function emptyShape(pointer: string): ShapeModel {
  return { pointer, ref: undefined, types: [], nullable: false, enum: undefined, format: undefined, properties: [], items: undefined, variants: [], description: undefined, deprecated: false };
}

function isJson(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isEnumValue(value: unknown): value is EnumValue {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function isJsonType(value: string): value is JsonType {
  return value === "array" || value === "boolean" || value === "number" || value === "object" || value === "string";
}

function trimmed(value: unknown): string | undefined {
  return typeof value === "string" ? value.trim() || undefined : undefined;
}
