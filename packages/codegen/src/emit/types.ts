import { createRequire } from "node:module";
import type { OpenAPI3, SchemaObject, astToString as AstToString, resolveRef as ResolveRef, scanDiscriminators as ScanDiscriminators, transformSchema as TransformSchema } from "openapi-typescript";
import type TypeScript from "typescript";
import type { ApiModel } from "../model/model.js";
import { loadWithCodeCache } from "./code-cache.js";
import type { GeneratedFile } from "./file.js";
import { splitTypeModules, type TypeModulePlan } from "./type-modules.js";
import { childContext, type Context } from "../load/contexts.js";
import { localRefPointer } from "../model/refs.js";
import { escapePointerSegment, getAtPointer, parsePointer } from "../pointer.js";
import { withLinearOperations } from "./linear-operations.js";
import { indexesThroughOptional } from "./property-refs.js";
import { withNullableSafeHelpers } from "./with-required.js";

/**
 * Stage 4: `src/schema.ts`, the request and response types, by openapi-typescript; the only module that uses it.
 * We call its transform directly rather than `openapiTS()`, whose Redocly lint-and-bundle pass repeats what our load
 * and validate stages did (and is a large share of its time); for the same reason we load the transform's own
 * modules, leaving Redocly unloaded. openapi-typescript is pinned to an exact version, and a test checks our output
 * equals `openapiTS()`'s. It patches discriminator enums into the document it is given: give it a copy you own.
 */

/** Operation ids to change in the types' copy of the document: duplicates get unique ids (see the model). */
export interface OperationIdRename {
  readonly pointer: string;
  readonly operationId: string;
}

function operationIdRenames(model: ApiModel): OperationIdRename[] {
  return model.operations.flatMap((operation) =>
    operation.typeRoot.kind === "operations" && operation.typeRoot.operationId !== operation.operationId ? [{ pointer: operation.pointer, operationId: operation.typeRoot.operationId }] : [],
  );
}

interface OpenapiTypescript {
  readonly ts: typeof TypeScript;
  readonly transformSchema: typeof TransformSchema;
  readonly astToString: typeof AstToString;
  readonly resolveRef: typeof ResolveRef;
  readonly scanDiscriminators: typeof ScanDiscriminators;
}

/**
 * Loads TypeScript and openapi-typescript's transform, once per caller, from openapi-typescript's CommonJS build:
 * Node 20 imports TypeScript's 9 MB CommonJS file into an ES module about three times slower than `require` loads it
 * (~0.95 s against ~0.33 s here), and this load is on the types stage's critical path.
 */
export async function loadOpenapiTypescript(): Promise<OpenapiTypescript> {
  const ownRequire = createRequire(import.meta.url);
  // Resolved from openapi-typescript's own folder, so `ts` is the very instance its transform uses.
  const require = createRequire(ownRequire.resolve("openapi-typescript/package.json"));
  // First, so the transform's own `require("typescript")` finds it loaded.
  const ts = loadWithCodeCache(require, "typescript").exports as typeof TypeScript;
  const lib = require("./dist/lib/ts.cjs") as { astToString: typeof AstToString };
  const utils = require("./dist/lib/utils.cjs") as { resolveRef: typeof ResolveRef; scanDiscriminators: typeof ScanDiscriminators };
  return {
    ts,
    transformSchema: withLinearOperations(require, ts, require("./dist/transform/index.cjs") as typeof TransformSchema),
    astToString: lib.astToString,
    resolveRef: utils.resolveRef,
    scanDiscriminators: utils.scanDiscriminators,
  };
}

/** What the types stage needs besides the document: decided by the model on the main thread. */
export interface TypesPlan {
  readonly renames: readonly OperationIdRename[];
  readonly modules: TypeModulePlan;
}

export function typesPlan(model: ApiModel): TypesPlan {
  return {
    renames: operationIdRenames(model),
    modules: {
      operations: model.operations.map(({ typeRoot, fileName, typeNames }) => ({ root: typeRoot, fileName, typeName: typeNames.operation })),
      schemaNames: Object.fromEntries(model.schemas.map(({ componentName, name }) => [componentName, name])),
      reservedNames: model.reservedTypeNames,
    },
  };
}

/** Stage 4: the type modules (see type-modules.ts). Takes ownership of `document`. */
export function emitTypes(ots: OpenapiTypescript, document: unknown, plan: TypesPlan, header: string): GeneratedFile[] {
  return splitTypeModules(ots.ts, withNullableSafeHelpers(ots.ts, typeNodes(ots, document, plan.renames)), plan.modules, header);
}

/** openapi-typescript's output for the document, as the statements `openapiTS()` returns. Takes ownership of `document`. */
export function typeNodes(ots: OpenapiTypescript, document: unknown, renames: readonly OperationIdRename[]): TypeScript.Statement[] {
  for (const { pointer, operationId } of renames) {
    // A copy, not an edit: through a YAML alias, one operation object can sit under two paths.
    const parent = getAtPointer(document, pointer.slice(0, pointer.lastIndexOf("/"))) as Record<string, unknown> | undefined;
    const key = parsePointer(pointer).at(-1);
    const target = key === undefined ? undefined : parent?.[key];
    if (parent !== undefined && key !== undefined && typeof target === "object" && target !== null) parent[key] = { ...target, operationId };
  }
  rewriteForOpenapiTypescript(document);
  const spec = document as OpenAPI3;
  // openapiTS()'s Redocly pass adds an empty `components`; do the same so the types match its output exactly.
  (spec as { components?: object }).components ??= {};
  const options = { silent: true } as const;
  return ots.transformSchema(spec, {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: ots.scanDiscriminators(spec, options),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    redoc: undefined as never,
    silent: true,
    transform: (schema, metadata) => clientSideTypes(ots.ts, schema, metadata),
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => ots.resolveRef(spec, $ref, options),
  }) as TypeScript.Statement[];
}

/**
 * Rewrites, in the types' own copy of the document, what openapi-typescript gets wrong. A `$ref` into `paths`
 * (`#/paths/~1a/post/requestBody/content/application~1json/schema/…`) or inside a component schema (codat's
 * `#/components/schemas/Item/definitions/itemType`, JSON Schema `definitions` nested in a schema) becomes an indexed
 * type that does not exist (TS2339), so it is replaced by a copy of its target. A target that contains itself (codat's
 * `pushOptionProperty`, whose `properties` map holds more of them), and a schema the document refers to more than
 * once, become components of their own, named after where they are written (`PushOption.definitions.pushOptionProperty`):
 * the first cannot be copied out, the second would be printed again at every use. Boolean schemas inside
 * compositions crash it, so they are written as objects (see `booleanAsSchema`).
 */
function rewriteForOpenapiTypescript(document: unknown): void {
  const uses = localRefUses(document);
  const hoisted = new Map<string, string>();
  const hoist = (ref: string, target: unknown): string => {
    const known = hoisted.get(ref);
    if (known !== undefined) return known;
    const root = document as { components?: { schemas?: Record<string, unknown> } };
    const schemas = ((root.components ??= {}).schemas ??= {});
    const base = withoutPropertiesKeywords(parsePointer(localRefPointer(ref) ?? ""))
      .slice(ref.startsWith("#/components/") ? 2 : 0)
      .join(".");
    let name = base;
    for (let suffix = 2; Object.hasOwn(schemas, name); suffix++) name = `${base}${suffix}`;
    const named = `#/components/schemas/${escapePointerSegment(name)}`;
    hoisted.set(ref, named);
    schemas[name] = walked(inline(structuredClone(target), [ref]));
    return named;
  };
  // Each ref is copied out once and the copy shared: Azure's refs into `paths` refer to each other, and copying every
  // occurrence anew grew exponentially (network-applicationGateway: 155 KB, past 60 s).
  const copies = new Map<string, unknown>();
  // Only the copies and hoisted components can be met twice (the parsed document is a tree); a set of every node
  // walked held millions of entries on Microsoft Graph, and the garbage collector paid for each one.
  const done = new WeakSet<object>();
  const walked = <T>(node: T): T => {
    if (typeof node === "object" && node !== null) done.add(node);
    return node;
  };
  const inline = (node: unknown, inlining: readonly string[]): unknown => {
    if (typeof node !== "object" || node === null || done.has(node)) return node;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === "string" && ref.startsWith("#/") && (!NAMED_TYPE.test(ref) || indexesThroughOptional(document, ref))) {
      const pointer = localRefPointer(ref) ?? "";
      const target = getAtPointer(document, pointer);
      if (target === undefined) return node;
      // A target that contains itself cannot be copied out, and a schema used more than once is printed once: copies
      // inside copies grew Azure's network-applicationGateway (155 KB) to 27 MB of types.
      if (inlining.includes(ref) || ((uses.get(ref) ?? 0) > 1 && isSchemaPointer(pointer))) return { ...node, $ref: hoist(ref, target) };
      const known = copies.get(ref);
      if (known !== undefined) return known;
      const copy = walked(inline(structuredClone(target), [...inlining, ref]));
      copies.set(ref, copy);
      return copy;
    }
    const fields = node as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      const child = fields[key];
      const replaced = COMPOSITIONS.has(key) && Array.isArray(child) ? child.map(booleanAsSchema) : child;
      const inlined = inline(replaced, inlining);
      if (inlined !== child) fields[key] = inlined;
    }
    return node;
  };
  inline(document, []);
}

const COMPOSITIONS = new Set(["allOf", "anyOf", "oneOf"]);

/**
 * How often the document writes each local ref. Counted as written, not judged: the walk that rewrites refs judges
 * each one once, and only asks for the count of those it rewrites.
 */
function localRefUses(document: unknown): Map<string, number> {
  const uses = new Map<string, number>();
  const count = (node: unknown): void => {
    if (typeof node !== "object" || node === null) return;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === "string" && ref.startsWith("#/")) uses.set(ref, (uses.get(ref) ?? 0) + 1);
    for (const child of Object.values(node)) count(child);
  };
  count(document);
  return uses;
}

/**
 * A pointer's segments without the `properties` keywords of the schemas it passes, for a shorter name: Azure's
 * `…/ApplicationGatewayBackendHealthServer/properties/ipConfiguration/allOf/0` is
 * `….ApplicationGatewayBackendHealthServer.ipConfiguration.allOf.0`; a property named `properties` stays.
 */
function withoutPropertiesKeywords(segments: readonly string[]): string[] {
  let context: Context = "root";
  return segments.filter((segment) => {
    const keyword = context === "schema" && segment === "properties";
    context = childContext(context, segment);
    return !keyword;
  });
}

/**
 * Whether a pointer names a schema, the only kind of target that may become a component schema: conjur's refs to
 * whole responses (`#/paths/…/responses/200`) and others' to an `example` are not schemas and stay copies.
 */
function isSchemaPointer(pointer: string): boolean {
  return parsePointer(pointer).reduce<Context>(childContext, "root") === "schema";
}

/**
 * A ref openapi-typescript turns into a type that exists: a whole component (`#/components/schemas/Pet`), or a
 * property or `$defs` entry inside one (it skips `properties` and writes `$defs` as a member).
 */
const NAMED_TYPE = /^#\/components\/[^/]+\/[^/]+(\/(properties|\$defs)\/[^/]+)*$/;

/**
 * OpenAPI 3.1 allows `true`/`false` as schemas; openapi-typescript reads them at the top of a schema but crashes on
 * them inside `allOf`/`anyOf`/`oneOf` (its discriminator scan). The same meaning, written as objects: `true` is
 * `{}` (anything), `false` is `{ not: {} }` (nothing).
 */
function booleanAsSchema(member: unknown): unknown {
  return member === true ? {} : member === false ? { not: {} } : member;
}

const PARAMETER_PATH = /\/parameters\/(query|header|path|cookie)\/|^#\/components\/parameters\//;

/**
 * Two types the client sees differently from the wire: a `date` or `date-time` parameter also accepts a `Date` (the
 * runtime sends it as an ISO string; response bodies stay `string`, which is what JSON delivers), and a
 * `format: binary` string is a `Blob`, the only way to put a file into a multipart or binary body.
 */
export function clientSideTypes(ts: typeof TypeScript, schema: SchemaObject, { path }: { path?: string }): TypeScript.TypeNode | undefined {
  // OpenAPI 3.1 schemas may be the booleans `true` and `false` (openapi-typescript passes them through).
  if (typeof schema !== "object" || schema === null) return undefined;
  const format = "format" in schema ? schema.format : undefined;
  const inParameter = path !== undefined && PARAMETER_PATH.test(path);
  // A parameter is text on the wire, so `format: binary` there (Sinao's `invoice` query parameter) stays a string.
  if (format === "binary" && "type" in schema && schema.type === "string" && !inParameter) return ts.factory.createTypeReferenceNode("Blob");
  if (!inParameter || (format !== "date-time" && format !== "date")) return undefined;
  return ts.factory.createUnionTypeNode([ts.factory.createTypeReferenceNode("Date"), ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword)]);
}
