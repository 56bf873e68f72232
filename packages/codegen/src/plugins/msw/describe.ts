import { endpointOf } from "../../emit/operations.js";
import type { LiteralValue } from "../../emit/code.js";
import type { ApiModel, OperationModel, ResponseModel } from "../../model/model.js";
import { SIZE_PARAMS } from "../../model/pagination.js";
import { dereference, isReference } from "../../model/refs.js";
import type { OpenApiDocument } from "../../model/spec.js";
import { appendPointer, getAtPointer } from "../../pointer.js";
import type { MockExampleTable, MockSchemaTable } from "./mock-tables.js";

/** The tables the descriptions refer into, filled as operations are described. */
export interface MockTables {
  readonly schemas: MockSchemaTable;
  readonly examples: MockExampleTable;
}

/** When neither the request nor the spec says how big a page is. */
const DEFAULT_PAGE_SIZE = 20;

/**
 * What the mock runtime needs of one operation (`MockOperation` in templates/mocks/runtime.ts), as a literal: the
 * method and path, every documented answer with the spec's example or its schema, and for a list the pagination the
 * client reads (the same literal the operation's endpoint carries) plus the page-size parameter.
 */
export function describeOperation(model: ApiModel, operation: OperationModel, document: OpenApiDocument, tables: MockTables): LiteralValue {
  const endpoint = endpointOf(operation) as { readonly pagination?: LiteralValue };
  const responses = [...operation.responses].sort((a, b) => Number(b.isSuccess) - Number(a.isSuccess));
  return {
    method: operation.method,
    path: operation.path,
    basePath: basePathOf(model.defaultBaseUrl),
    name: operation.functionName,
    responses: responses.map((response) => describeResponse(operation, response, document, tables)),
    pagination: endpoint.pagination,
    pageSize: operation.pagination === undefined ? undefined : pageSizeOf(operation),
  };
}

/** `https://api.example.com/v3/` → `/v3`; `""` at the origin's root, or without a server. */
export function basePathOf(baseUrl: string | undefined): string {
  if (baseUrl === undefined) return "";
  try {
    return new URL(baseUrl, "http://localhost").pathname.replace(/\/+$/, "");
  } catch {
    return "";
  }
}

function describeResponse(operation: OperationModel, response: ResponseModel, document: OpenApiDocument, { schemas, examples }: MockTables): LiteralValue {
  const pointer = appendPointer(operation.pointer, "responses", response.status);
  const object = dereference<unknown>(document, getAtPointer(document, pointer), pointer).value;
  const content = (object as { content?: Record<string, unknown> } | undefined)?.content;
  const media = response.mediaType === undefined ? undefined : (content?.[response.mediaType] as { schema?: unknown; example?: unknown; examples?: Record<string, unknown> } | undefined);
  const status = /^\d+$/.test(response.status) ? Number(response.status) : response.status;
  const { example, exampleName } = media === undefined ? {} : exampleOf(media, examples);
  // A list's example may hold fewer items than a test asks for: the rest are generated from the schema.
  const needsSchema = (example === undefined && exampleName === undefined) || (response.isSuccess && operation.pagination !== undefined);
  return {
    status,
    mediaType: response.mediaType === "application/json" ? undefined : response.mediaType,
    kind: response.kind === "json" ? undefined : response.kind,
    example,
    exampleName,
    schema: media?.schema === undefined || response.kind !== "json" || !needsSchema ? undefined : schemas.add(media.schema),
  };
}

/**
 * The media type's `example`, else the value of its first `examples` entry; a `$ref` to a shared example becomes a
 * reference into the examples table, so an example several answers share is written once (GitHub: 838 uses of 483).
 */
function exampleOf(media: { example?: unknown; examples?: Record<string, unknown> }, examples: MockExampleTable): { example?: LiteralValue; exampleName?: string | undefined } {
  if (media.example !== undefined) return { example: media.example as LiteralValue };
  const first = Object.values(media.examples ?? {})[0];
  return isReference(first) ? { exampleName: examples.add(first.$ref) } : { example: (first as { value?: LiteralValue } | undefined)?.value };
}

/** The page size parameter (the style's own, else a conventional one the operation takes) and its default. */
function pageSizeOf(operation: OperationModel): LiteralValue {
  const fromStyles = operation.pagination?.styles.map((style) => ("size" in style ? style.size : undefined)).find((size) => size !== undefined);
  const param = fromStyles ?? SIZE_PARAMS.find((name) => operation.parameters.some((parameter) => parameter.in === "query" && parameter.name === name));
  const value = operation.parameters.find((parameter) => parameter.name === param)?.value;
  const fallback = value?.maximum !== undefined && value.maximum < DEFAULT_PAGE_SIZE ? value.maximum : DEFAULT_PAGE_SIZE;
  return { param, default: typeof value?.default === "number" && value.default > 0 ? value.default : fallback };
}
