import { astToString, resolveRef, scanDiscriminators, transformSchema, type OpenAPI3, type SchemaObject } from "openapi-typescript";
import ts from "typescript";
import type { ApiModel } from "../model/model.js";
import type { OpenApiDocument } from "../model/spec.js";
import { getAtPointer } from "../pointer.js";

/**
 * Stage 4: `src/schema.ts`, the request and response types, by openapi-typescript. This is the only module that
 * imports it. We call its transform directly rather than `openapiTS()`: that entry point re-parses, lints and bundles
 * the document with Redocly, work our load and validate stages have already done (and a large share of its time).
 *
 * openapi-typescript patches discriminator enums into the document it is given, so this stage runs after the model.
 */
export function emitTypes(document: OpenApiDocument, model: ApiModel, header: string): string {
  renameDuplicateOperationIds(document, model);
  const spec = document as unknown as OpenAPI3;
  const options = { silent: true } as const;
  const nodes = transformSchema(spec, {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(spec, options),
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
    transform: clientSideTypes,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => resolveRef(spec, $ref, options),
  });
  return `${header}\n\n${astToString(nodes)}`;
}

/** Gives each operation the unique id the model chose for its types (see the model's `uniqueTypeRoots`). */
function renameDuplicateOperationIds(document: OpenApiDocument, model: ApiModel): void {
  for (const operation of model.operations) {
    if (operation.typeRoot.kind !== "operations" || operation.typeRoot.operationId === operation.operationId) continue;
    const target = getAtPointer(document, operation.pointer) as { operationId?: string } | undefined;
    if (target !== undefined) target.operationId = operation.typeRoot.operationId;
  }
}

const PARAMETER_PATH = /\/parameters\/(query|header|path|cookie)\/|^#\/components\/parameters\//;

/**
 * Two types the client sees differently from the wire: a `date` or `date-time` parameter also accepts a `Date` (the
 * runtime sends it as an ISO string; response bodies stay `string`, which is what JSON delivers), and a
 * `format: binary` string is a `Blob`, the only way to put a file into a multipart or binary body.
 */
function clientSideTypes(schema: SchemaObject, { path }: { path?: string }): ts.TypeNode | undefined {
  const format = "format" in schema ? schema.format : undefined;
  if (format === "binary" && typeOf(schema) === "string") return ts.factory.createTypeReferenceNode("Blob");
  if (path === undefined || !PARAMETER_PATH.test(path) || (format !== "date-time" && format !== "date")) return undefined;
  return ts.factory.createUnionTypeNode([
    ts.factory.createTypeReferenceNode("Date"),
    ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
  ]);
}

function typeOf(schema: SchemaObject): unknown {
  return "type" in schema ? schema.type : undefined;
}
