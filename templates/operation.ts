/**
 * The template of one generated operation file. The generator reads it with ts-morph once and, per operation:
 * renames the function and the `Operation*` types, points `Operation` at that operation's types under a name of
 * its own (`ListPhonesOperation`, unique in the package, so the root's declarations can be one file), fills in the
 * endpoint description and the JSDoc, and writes one positional argument per path parameter (here `thingId`).
 * A list operation (one the model found paginated) takes `listOperationName`'s shape, every other one
 * `operationName`'s. Every operation takes `params` before `options`, typed `NoParams` when it has none, so a
 * parameter the API adds later never moves `options`. It type-checks against a stand-in schema, so the shapes the
 * generator copies cannot rot.
 */
import type { operations } from "./stand-in/schema.js";
import {
  cursorPages,
  jsonBody,
  paginate,
  request,
  type ApiPromise,
  type Client,
  type Endpoint,
  type NotFoundError,
  type Page,
  type PagePromise,
  type Params,
  type RequestOptions,
  type WithDefaults,
} from "./runtime/index.js";

type Operation = operations["operation_id"];

/** The parameters of {@link operationName}. */
export interface OperationParams extends Params<NonNullable<Operation["parameters"]["query"]>> {
  body?: OperationBody;
}

/** The request body of {@link operationName}. */
export type OperationBody = WithDefaults<
  NonNullable<Operation["requestBody"]>["content"]["application/json"],
  "draft" | "voice.speed"
>;

/** The body of a successful response of {@link operationName}. */
export type OperationResponse = Operation["responses"][200]["content"]["application/json"];

/** One item of the pages {@link operationName} returns. */
export type OperationItem = OperationResponse["data"][number];

/** What {@link listOperationName} resolves with: the response body, plus `hasNextPage()`, `getNextPage()` and `iterPages()`. */
export type OperationPage = Page<OperationResponse, OperationItem>;

/** The errors documented for {@link operationName}; narrow an error to them with `isApiError(error, operationName)`. */
export type OperationError = NotFoundError<
  Operation["responses"][404]["content"]["application/json"]
>;

const endpoint: Endpoint = {
  method: "GET",
  path: "/things/{thing_id}",
  params: {
    limit: { in: "query", type: "integer", minimum: 1 },
    after: { in: "query" },
    before: { in: "query" },
  },
  security: [["bearerToken"]],
  errors: [404],
  pagination: {
    items: "data",
    hasMore: "has_more",
    styles: [{ style: cursorPages, next: { param: "after", from: "last_id" } }],
  },
  body: { encode: jsonBody },
};

/** Summary and description of the operation. */
export function operationName(
  client: Client,
  thingId: Operation["parameters"]["path"]["thing_id"],
  params?: OperationParams,
  options?: RequestOptions,
): ApiPromise<OperationResponse, OperationError> {
  return request<OperationResponse, OperationError>(
    client,
    endpoint,
    { path: { thing_id: thingId }, params },
    options,
  );
}

/** Summary and description of a list operation. */
export function listOperationName(
  client: Client,
  thingId: Operation["parameters"]["path"]["thing_id"],
  params?: OperationParams,
  options?: RequestOptions,
): PagePromise<OperationResponse, OperationItem, OperationError> {
  return paginate<OperationResponse, OperationItem, OperationError>(
    client,
    endpoint,
    { path: { thing_id: thingId }, params },
    options,
  );
}
