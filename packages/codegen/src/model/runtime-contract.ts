/**
 * The runtime contract: every name and default that the generator and the runtime (`templates/runtime/`, copied into
 * each generated package) must agree on, in one module. The generated code names runtime exports (`jsonBody`,
 * `cursorPages`, `NotFoundError`…) and leaves out what the runtime assumes by default; `runtime-contract.test.ts`
 * runs the runtime itself against each table, so the two cannot drift apart silently.
 */
import type { PageStyleModel, PathParameterModel, RequestBodyModel, ResponseModel } from "./model.js";

/** The runtime's encoder of each kind of body; an operation imports only its own, so unused ones are never bundled. */
export const BODY_ENCODERS: Readonly<Record<RequestBodyModel["kind"], string>> = { json: "jsonBody", text: "textBody", binary: "binaryBody", form: "formBody", multipart: "multipartBody" };

/**
 * The runtime's parameter styles besides the defaults (`form` in the query, `simple` in the path); an operation imports
 * only those it uses, so an application bundles only those.
 */
export const QUERY_STYLES: ReadonlyMap<string, string> = new Map([
  ["spaceDelimited", "spaceDelimitedQuery"],
  ["pipeDelimited", "pipeDelimitedQuery"],
  ["deepObject", "deepObjectQuery"],
]);

/** The runtime's style of a query parameter or form property; undefined for `form` (and styles a query cannot have). */
export function queryStyle(style: string | undefined): string | undefined {
  return style === undefined ? undefined : QUERY_STYLES.get(style);
}

export const PATH_STYLES: Readonly<Record<PathParameterModel["style"], string | undefined>> = { simple: undefined, label: "labelPath", matrix: "matrixPath" };

/** The runtime's writer of header and cookie parameters (query parameters need none): imported per use. */
export const PARAM_LOCATIONS: Readonly<Record<"header" | "cookie", string>> = { header: "headerParam", cookie: "cookieParam" };

/** The runtime's reader of each kind of 2xx body besides JSON, the default: imported per use. */
export const RESPONSE_READERS: Readonly<Record<Exclude<ResponseModel["kind"], "json"> | "auto", string>> = {
  text: "textResponse",
  binary: "binaryResponse",
  empty: "emptyResponse",
  auto: "autoResponse",
};

/** Formats the runtime checks (and, for `date`, serialises differently), as its exports; others are left to the server. */
export const CHECKED_FORMATS: ReadonlyMap<string, string> = new Map([
  ["uuid", "uuidFormat"],
  ["date", "dateFormat"],
  ["date-time", "dateTimeFormat"],
]);

/**
 * The runtime's checks of the rarer value rules, by the rule fields each reads: a parameter names those its rule has,
 * so an application bundles only those checks (type, format, enum, `minimum` and `maximum` need none).
 */
export const VALUE_CHECKS: readonly (readonly [check: string, fields: readonly ("items" | "exclusiveMinimum" | "exclusiveMaximum" | "minLength" | "maxLength" | "pattern")[]])[] = [
  ["eachItem", ["items"]],
  ["exclusiveBounds", ["exclusiveMinimum", "exclusiveMaximum"]],
  ["lengthBounds", ["minLength", "maxLength"]],
  ["patternMatch", ["pattern"]],
];

/**
 * Per-use runtime helpers of parameters: filling a path template's `{names}`, writing an array or object query value,
 * and `allowReserved`. An operation names one only when a parameter needs it.
 */
export const PATH_BUILDER = "buildPath";
export const COLLECTION_WRITER = "collectionQuery";
export const KEEP_RESERVED = "keepReserved";
/** Works out a server URL with `{variables}`, or one relative to the page; named by `createClient` for such servers. */
export const SERVER_URL = "serverUrl";
/**
 * Follows redirects itself, dropping credential headers on the way to another origin; named by `createClient` when the
 * spec sends an API key in a header, which `fetch` itself would carry along (it drops only `Authorization` and cookies).
 */
export const REDIRECT_FOLLOWER = "followRedirects";

/** Value types whose query values are always scalars: their parameters need no {@link COLLECTION_WRITER}. */
export const SCALAR_TYPES: ReadonlySet<string | undefined> = new Set(["string", "number", "integer", "boolean"]);

/** The runtime's values the generated index re-exports. */
export const RUNTIME_VALUE_EXPORTS: readonly string[] = [
  "AbortError",
  "ApiError",
  "AuthenticationError",
  "BadRequestError",
  "ConflictError",
  "ConnectionError",
  "InternalServerError",
  "isApiError",
  "NotFoundError",
  "PermissionDeniedError",
  "RateLimitError",
  "RequestValidationError",
  "SdkError",
  "TimeoutError",
  "UnprocessableEntityError",
];

/** The runtime's export for each pagination style: the generated endpoint imports the ones it uses. */
export const PAGE_STYLES: Readonly<Record<PageStyleModel["kind"], string>> = {
  cursor: "cursorPages",
  pageNumber: "pageNumbers",
  offset: "offsetPages",
  nextUrl: "nextUrlPages",
  linkHeader: "linkHeaderPages",
};

/** The runtime's types the generated index re-exports. */
export const RUNTIME_TYPE_EXPORTS: readonly string[] = [
  "ApiPromise",
  "BasicCredentials",
  "Client",
  "CredentialSource",
  "ErrorOf",
  "Fetch",
  "Hooks",
  "Page",
  "PagePromise",
  "RequestInfo",
  "RequestOptions",
  "WithResponse",
];

/**
 * Names the generated modules declare or import next to an operation function (the runtime's functions, the schema's
 * roots, the endpoint constant): an operation may not take them either.
 */
export const MODULE_SCOPE_NAMES: readonly string[] = [
  "request",
  "paginate",
  PATH_BUILDER,
  COLLECTION_WRITER,
  KEEP_RESERVED,
  ...Object.values(BODY_ENCODERS),
  ...Object.values(PAGE_STYLES),
  ...QUERY_STYLES.values(),
  ...Object.values(PATH_STYLES).filter((style) => style !== undefined),
  ...CHECKED_FORMATS.values(),
  ...VALUE_CHECKS.map(([check]) => check),
  ...Object.values(PARAM_LOCATIONS),
  ...Object.values(RESPONSE_READERS),
  "bindOperations",
  "createRuntimeClient",
  "operations",
  "paths",
  "components",
  "endpoint",
];

/** The runtime's error class for each status that has its own (`createApiError`); other 5xx are `InternalServerError`. */
export const STATUS_ERROR_CLASSES: Readonly<Record<string, string>> = {
  "400": "BadRequestError",
  "401": "AuthenticationError",
  "403": "PermissionDeniedError",
  "404": "NotFoundError",
  "409": "ConflictError",
  "422": "UnprocessableEntityError",
  "429": "RateLimitError",
};

/** The media type each body encoder sends when the endpoint names none: the generated endpoint names only others. */
export const DEFAULT_MEDIA_TYPES: Readonly<Partial<Record<RequestBodyModel["kind"], string>>> = {
  json: "application/json",
  form: "application/x-www-form-urlencoded",
  multipart: "multipart/form-data",
  text: "text/plain",
};

/**
 * Whether the runtime explodes a parameter whose endpoint rule says nothing (`explode` left out): query parameters of
 * the default style (`form`, no runtime style) do; every other query style, path, header and cookie parameters do not.
 */
export function runtimeExplodes(location: "query" | "path" | "header" | "cookie", runtimeStyle: string | undefined): boolean {
  return location === "query" && runtimeStyle === undefined;
}
