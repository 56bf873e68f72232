/**
 * The template of one generated operation file. The generator reads it with ts-morph once and, per operation:
 * renames `operationName` and the `Operation*` types, points `Operation` at that operation's types, fills in the
 * endpoint description and the JSDoc, and writes one positional argument per path parameter (here `thingId`).
 * It type-checks against a stand-in schema, so the shape the generator copies cannot rot.
 */
import type { operations } from "./stand-in/schema.js";
import { request, type ApiError, type Client, type Endpoint, type Params, type RequestOptions } from "./runtime/index.js";

type Operation = operations["operation_id"];

/** The parameters of {@link operationName}. */
export type OperationParams = Params<NonNullable<Operation["parameters"]["query"]>>;

/** What {@link operationName} resolves with. */
export type OperationResponse = Operation["responses"][200]["content"]["application/json"];

/** The errors documented for {@link operationName}; any other non-2xx status is a plain {@link ApiError}. */
export type OperationError = ApiError<Operation["responses"][404]["content"]["application/json"], 404>;

const endpoint = {
  method: "GET",
  path: "/things/{thing_id}",
  params: { limit: { in: "query" }, cursor: { in: "query" } },
  security: [["bearerToken"]],
} as const satisfies Endpoint;

/** Summary and description of the operation. */
export function operationName(
  client: Client,
  thingId: Operation["parameters"]["path"]["thing_id"],
  params: OperationParams = {},
  options?: RequestOptions,
): Promise<OperationResponse> {
  return request(client, endpoint, { path: { thing_id: thingId }, params }, options);
}
