import { escapePointerSegment, parsePointer } from "../pointer.js";
import type { OperationModel, SampleValue } from "./model.js";
import { dereference, localRefPointer } from "./refs.js";
import type { MaybeRef, OpenApiDocument, SchemaObject } from "./spec.js";

/**
 * A value that fits a request body's schema, for the examples in JSDoc and the README: required properties (and
 * those with a default) only, each with its default, first enum value or a value of its type and format. Built from the schema rather than
 * from the spec's `example`, which may carry properties the type does not allow (the examples must compile).
 */
export function sampleOf(document: OpenApiDocument, schemaOrRef: MaybeRef<SchemaObject> | boolean | undefined, depth = 0, at = ""): SampleValue {
  if (schemaOrRef === undefined || typeof schemaOrRef === "boolean" || depth > 6) return { kind: "object", properties: [] };
  const { value: schema, pointer } = dereference(document, schemaOrRef, at);
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
    if ((schema.properties !== undefined || schema.allOf !== undefined) && isPlainObject(first)) {
      const { oneOf: _oneOf, anyOf: _anyOf, ...object } = schema;
      return objectSample(document, { ...object, properties: { ...schema.properties, ...first.properties }, required: [...(schema.required ?? []), ...(first.required ?? [])] }, depth, pointer);
    }
    return sampleOf(document, alternatives[0], depth + 1);
  }
  const type = typeOf(schema);
  // `allOf: [{ $ref: String }, { description }]` (AWS's way to document a reused string) or `allOf: [{ type: string },
  // { minLength: 1 }]`: no member describes an object, so the first that says what the value is decides the sample.
  const typed = type === undefined && schema.properties === undefined ? (schema.allOf?.filter((member) => !isAnnotationOnly(document, member)) ?? []) : [];
  const tagged = pointer !== "" && schema.discriminator === undefined && inheritedDiscriminator(document, schema) !== undefined;
  if (typed[0] !== undefined && !tagged && !typed.some((member) => isObjectLike(document, member))) {
    // `allOf: [{ type: string }, { type: integer }]` is `string & number`, which nothing is (oas-examples' quirks).
    const types = new Set(typed.flatMap((member) => typeOf(dereference<SchemaObject>(document, member, "").value) ?? []));
    if (types.size > 1) return { kind: "unwritable", pointer, reason: `its allOf members are of different types (${[...types].join(", ")})` };
    return sampleOf(document, typed[0], depth + 1);
  }
  if (type === "object" || (type === undefined && (schema.properties !== undefined || schema.allOf !== undefined))) return objectSample(document, schema, depth, pointer);
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

/** `pointer`: where the schema is written (`#/components/schemas/X` when reached by `$ref`), which names its discriminator value. */
function objectSample(document: OpenApiDocument, schema: SchemaObject, depth: number, pointer: string): SampleValue {
  const properties = new Map<string, { schema: MaybeRef<SchemaObject>; pointer: string }>();
  const required = new Set<string>();
  // Each `additionalProperties` schema of the object or its allOf members: openapi-typescript intersects its index
  // signature with the named properties, so every property's value must fit it too.
  const indexSignatures: { schema: SchemaObject | "nothing"; pointer: string }[] = [];
  // allOf members that are unions (`allOf: [{ $ref: CheckDiscriminator }]`, a oneOf of checks): openapi-typescript
  // `Omit`s the discriminator from them, which keeps the properties every alternative has.
  const unions: SchemaObject[] = [];
  const patchedTags = new Map<string, string>();
  const collect = (part: SchemaObject, level: number, at: string) => {
    const patched = at === "" ? undefined : patchedDiscriminators(document).get(at);
    if (patched !== undefined && !patchedTags.has(patched.propertyName)) patchedTags.set(patched.propertyName, patched.value);
    if (level > 0 && part.properties === undefined && (part.oneOf ?? part.anyOf) !== undefined) unions.push(part);
    const extra = dereference<SchemaObject | boolean | undefined>(document, part.additionalProperties as MaybeRef<SchemaObject> | boolean | undefined, `${at}/additionalProperties`);
    if (typeof extra.value === "object" && extra.value !== null) indexSignatures.push({ schema: extra.value, pointer: at });
    // An allOf member that is a bare `{ type: object }` is openapi-typescript's `Record<string, never>` (Docker Hub's
    // `allOf: [{ $ref }, { type: object, required: […] }]`): no property can be anything.
    else if (level > 0 && isBareObject(part)) indexSignatures.push({ schema: "nothing", pointer: at });
    for (const [name, property] of Object.entries(part.properties ?? {})) {
      // A redeclaration that only documents (Nexmo's `text: { description }` beside Text's `text: string`) is
      // `unknown` in its member's type, so the other declaration decides what the intersection holds.
      if (!properties.has(name) || !isAnnotationOnly(document, property)) properties.set(name, { schema: property, pointer: `${at}/properties/${escapePointerSegment(name)}` });
      // openapi-typescript types a property with its own `default` as present (`defaultNonNullable`) outside inline
      // parameters and request bodies; a sample that sets it fits either way.
      if (typeof property === "object" && property !== null && !("$ref" in property) && property.default !== undefined) required.add(name);
    }
    for (const name of part.required ?? []) required.add(name);
    if (level < 6)
      for (const [index, member] of (part.allOf ?? []).entries()) {
        const resolved = dereference(document, member, `${at}/allOf/${index}`);
        collect(resolved.value, level + 1, resolved.pointer);
      }
  };
  collect(schema, 0, pointer);
  // A required name no `properties` declares (Plaid lists three) is no member of openapi-typescript's type: a sample
  // that sets it does not compile.
  const declared = [...required].filter((name) => properties.has(name));
  const samples: (readonly [string, SampleValue])[] = declared.map((name) => [name, sampleOf(document, properties.get(name)?.schema, depth + 1, properties.get(name)?.pointer)] as const);
  for (const [name, sample] of samples) {
    const misfit = sample.kind === "unwritable" ? undefined : indexSignatures.find(({ schema: extra }) => extra === "nothing" || !fitsSchemaType(sample, typeOf(extra)));
    if (misfit?.schema === "nothing")
      return {
        kind: "unwritable",
        pointer: misfit.pointer,
        reason: `an allOf member is a bare \`{ type: object }\`, which openapi-typescript types as \`Record<string, never>\`, so its required property "${name}" can be nothing`,
      };
    if (misfit !== undefined)
      return { kind: "unwritable", pointer: misfit.pointer, reason: `its required property "${name}" cannot also be the ${typeOf(misfit.schema)} its \`additionalProperties\` asks for` };
  }
  for (const union of unions) for (const entry of commonProperties(document, union, depth)) if (!samples.some(([name]) => name === entry[0])) samples.push(entry);
  // A union that lists this schema (or a member of its allOf) under a discriminator makes openapi-typescript rewrite
  // that property as the mapped value (Linode's `Domain.type`, an enum of "master" and "slave", becomes "Domain").
  if (patchedTags.size > 0) return withTags(samples, patchedTags);
  const discriminator = pointer === "" ? undefined : schema.discriminator === undefined ? inheritedDiscriminator(document, schema) : ownTaggedDiscriminator(schema);
  if (discriminator?.propertyName === undefined) return { kind: "object", properties: samples };
  const value = discriminatorValue(discriminator, pointer);
  const excluding = ownDeclarations(document, schema, discriminator.propertyName).find((declared) => declared.enum !== undefined && !declared.enum.includes(value));
  if (excluding !== undefined)
    return {
      kind: "unwritable",
      pointer,
      reason: `its discriminator "${discriminator.propertyName}" must be "${value}" (the schema's name), which its own enum (${excluding.enum?.map((item) => JSON.stringify(item)).join(", ")}) does not allow`,
    };
  return withTags(samples, new Map([[discriminator.propertyName, value]]));
}

/** The object with each discriminator property first, set to the literal its type demands. */
function withTags(samples: readonly (readonly [string, SampleValue])[], tags: ReadonlyMap<string, string>): SampleValue {
  const literals = [...tags].map(([name, value]) => [name, { kind: "literal", value }] as const);
  return { kind: "object", properties: [...literals, ...samples.filter(([name]) => !tags.has(name))] };
}

/**
 * The schemas openapi-typescript patches before typing (its `scanDiscriminators`): every `$ref` in the `oneOf` of a
 * schema with a discriminator gets the discriminator property as the mapping's first key for it, else its own name.
 * Keyed by the target's pointer; computed once per document.
 */
function patchedDiscriminators(document: OpenApiDocument): Map<string, { propertyName: string; value: string }> {
  const known = patchedByDocument.get(document);
  if (known !== undefined) return known;
  const patched = new Map<string, { propertyName: string; value: string }>();
  const stack: unknown[] = [document];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    seen.add(node);
    const { discriminator, oneOf } = node as SchemaObject;
    if (discriminator?.propertyName !== undefined && Array.isArray(oneOf)) {
      for (const member of oneOf) {
        if (!("$ref" in member) || typeof member.$ref !== "string") continue;
        const target = localRefPointer(member.$ref);
        const defined = Object.entries(discriminator.mapping ?? {}).find(([, ref]) => ref === member.$ref)?.[0];
        if (target !== undefined && !patched.has(target)) patched.set(target, { propertyName: discriminator.propertyName, value: defined ?? lastSegment(member.$ref) });
      }
    }
    for (const child of Object.values(node)) if (typeof child === "object" && child !== null) stack.push(child);
  }
  patchedByDocument.set(document, patched);
  return patched;
}

const patchedByDocument = new WeakMap<OpenApiDocument, Map<string, { propertyName: string; value: string }>>();

/** The first alternative's required properties that every alternative declares: what `Omit<A | B, "type">` keeps. */
function commonProperties(document: OpenApiDocument, union: SchemaObject, depth: number): (readonly [string, SampleValue])[] {
  const alternatives = union.oneOf ?? union.anyOf ?? [];
  const first = alternatives[0] === undefined ? undefined : sampleOf(document, alternatives[0], depth + 1);
  if (first?.kind !== "object") return [];
  const declaredBy = alternatives.map((alternative) => declaredNames(document, alternative, 0));
  return first.properties.filter(([name]) => declaredBy.every((names) => names.has(name)));
}

function declaredNames(document: OpenApiDocument, schemaOrRef: MaybeRef<SchemaObject>, level: number): Set<string> {
  const schema = dereference<SchemaObject>(document, schemaOrRef, "").value;
  const names = new Set(Object.keys(schema.properties ?? {}));
  if (level < 6) for (const member of schema.allOf ?? []) for (const name of declaredNames(document, member, level + 1)) names.add(name);
  return names;
}

/**
 * A schema's own discriminator, when openapi-typescript also writes it as the schema's name into an inline allOf
 * member that composes further (it types such members at the parent's path): Azure Kusto's `Database` is then
 * `{ kind?: "ReadWrite" | … } & { kind: "Database" }`.
 */
function ownTaggedDiscriminator(schema: SchemaObject): Discriminator | undefined {
  const composing = (schema.allOf ?? []).some((member) => !("$ref" in member) && member.discriminator === undefined && (member.allOf ?? member.anyOf) !== undefined);
  return composing ? schema.discriminator : undefined;
}

/**
 * The schemas a property has in the object itself and its inline allOf members: what openapi-typescript intersects
 * with the discriminator's literal (the `$ref`'d parents are `Omit`ted of it). Bitbucket's `pipeline_selector`
 * declares `type` as an enum of its own, so its type demands `"pipeline_selector"` and one of them at once.
 */
function ownDeclarations(document: OpenApiDocument, schema: SchemaObject, property: string): SchemaObject[] {
  const inline = (schema.allOf ?? []).filter((member): member is SchemaObject => !("$ref" in member));
  return [schema, ...inline].flatMap((part) => {
    const declared = part.properties?.[property];
    return declared === undefined ? [] : [dereference<SchemaObject>(document, declared, "").value];
  });
}

/** `{ type: object }` with no members or compositions of its own (`required` may be there: it adds no property). */
function isBareObject(schema: SchemaObject): boolean {
  return (
    typeOf(schema) === "object" &&
    schema.properties === undefined &&
    schema.additionalProperties === undefined &&
    schema.allOf === undefined &&
    schema.oneOf === undefined &&
    schema.anyOf === undefined
  );
}

/** Whether a sample is a value of the JSON type named (an index signature's); without a type, anything is. */
function fitsSchemaType(sample: SampleValue, type: string | undefined): boolean {
  switch (type) {
    case undefined:
      return true;
    case "object":
      return sample.kind === "object";
    case "array":
      return sample.kind === "array";
    case "string":
      return sample.kind === "literal" && typeof sample.value === "string";
    default:
      return sample.kind === "literal" && fitsType(sample.value, type);
  }
}

/**
 * What stops an operation's example from compiling: the first unwritable part of the samples it shows (its required
 * object parameters and its required body), or undefined when it has none.
 */
export function exampleBlocker(operation: OperationModel): Extract<SampleValue, { kind: "unwritable" }> | undefined {
  const shown = [
    ...operation.parameters.filter((parameter) => parameter.required).map((parameter) => parameter.sample),
    operation.requestBody?.required === true ? operation.requestBody.sample : undefined,
  ];
  for (const sample of shown) {
    const found = sample === undefined ? undefined : unwritablePart(sample);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The first place in a sample that no value can be written for, if any. */
function unwritablePart(sample: SampleValue): Extract<SampleValue, { kind: "unwritable" }> | undefined {
  if (sample.kind === "unwritable") return sample;
  const parts = sample.kind === "object" ? sample.properties.map(([, value]) => value) : sample.kind === "array" ? sample.items : [];
  for (const part of parts) {
    const found = unwritablePart(part);
    if (found !== undefined) return found;
  }
  return undefined;
}

type Discriminator = NonNullable<SchemaObject["discriminator"]>;

/**
 * The discriminator a schema inherits through `allOf: [{ $ref }]`, directly or through its parents' own `allOf`.
 * openapi-typescript types the inheriting schema's discriminator property as its own value, whatever the parent's
 * enum says (Service Fabric's `LocalNetworkResourceProperties` has `kind: "LocalNetworkResourceProperties"`).
 */
function inheritedDiscriminator(document: OpenApiDocument, schema: SchemaObject): Discriminator | undefined {
  // Memoised: Microsoft Graph samples its 4,000 schemas through thousands of bodies.
  const known = inherited.get(schema);
  if (known !== undefined) return known ?? undefined;
  const found = findInheritedDiscriminator(document, schema, new Set());
  inherited.set(schema, found ?? null);
  return found;
}

const inherited = new WeakMap<SchemaObject, Discriminator | null>();

function findInheritedDiscriminator(document: OpenApiDocument, schema: SchemaObject, seen: Set<string>): Discriminator | undefined {
  for (const member of schema.allOf ?? []) {
    if (!("$ref" in member) || seen.has(member.$ref)) continue;
    seen.add(member.$ref);
    const parent = dereference<SchemaObject>(document, member, "").value;
    if (typeof parent !== "object" || parent === null) continue;
    const found = parent.discriminator?.propertyName !== undefined ? parent.discriminator : findInheritedDiscriminator(document, parent, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** openapi-typescript's value for the schema at `pointer`: the mapping's first key that names it, else the schema's own name. */
function discriminatorValue(discriminator: Discriminator, pointer: string): string {
  const name = lastSegment(pointer);
  let keysByTarget = mappingKeys.get(discriminator);
  if (keysByTarget === undefined) {
    // Graph's `@odata.type` mapping has thousands of entries: index it once, not per sample.
    keysByTarget = new Map();
    for (const [key, target] of Object.entries(discriminator.mapping ?? {})) {
      const targetName = target.startsWith("#") ? lastSegment(target) : target;
      if (!keysByTarget.has(targetName)) keysByTarget.set(targetName, key);
    }
    mappingKeys.set(discriminator, keysByTarget);
  }
  return keysByTarget.get(name) ?? name;
}

const mappingKeys = new WeakMap<Discriminator, Map<string, string>>();

function lastSegment(pointer: string): string {
  const slash = pointer.lastIndexOf("/");
  return slash === -1 ? pointer : (parsePointer(pointer.slice(slash)).at(-1) ?? "");
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

/** An object, or an allOf that has one among its members (ATO's `partyId`, an allOf of two strings, is not). */
function isObjectLike(document: OpenApiDocument, schemaOrRef: MaybeRef<SchemaObject>, depth = 0): boolean {
  const schema = dereference(document, schemaOrRef, "").value;
  if (typeof schema !== "object" || schema === null || typeOf(schema) === "object" || schema.properties !== undefined) return true;
  if (schema.allOf === undefined || typeOf(schema) !== undefined) return false;
  return depth > 6 || schema.allOf.some((member) => isObjectLike(document, member, depth + 1));
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
