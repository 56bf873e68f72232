export { ApiPromise } from "./api-promise.js";
export { binaryBody, formBody, jsonBody, multipartBody, textBody } from "./body.js";
export type { BinaryBody, BodyEncoder, BodySpec, EncodedBody } from "./body.js";
export type { ErrorOf, RawResponse, WithResponse } from "./api-promise.js";
export { apiKeyAuth, basicAuth, bearerAuth } from "./auth.js";
export type { CredentialScheme, Outgoing } from "./auth.js";
export { Client, createRuntimeClient, serverUrl } from "./client.js";
export type {
  BaseClientOptions,
  BasicCredentials,
  ClientDefaults,
  CredentialSource,
  Fetch,
  Hooks,
  RequestInfo,
} from "./client.js";
export {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  isApiError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestValidationError,
  SdkError,
  TimeoutError,
  UnprocessableEntityError,
} from "./errors.js";
export { bindOperations } from "./facade.js";
export type { Bound, BoundOperations } from "./facade.js";
export {
  cursorPages,
  linkHeaderPages,
  nextUrlPages,
  offsetPages,
  pageNumbers,
} from "./page-styles.js";
export type {
  CursorPaging,
  CursorSpec,
  LinkHeaderPaging,
  NextUrlPaging,
  OffsetPaging,
  PageNumberPaging,
} from "./page-styles.js";
export { fieldAt, PagePromise, pageRequest, paginate } from "./pagination.js";
export type {
  FieldPath,
  Page,
  PageMethods,
  PageRequest,
  PageState,
  PageStyle,
  PaginationSpec,
  StyleEntry,
} from "./pagination.js";
export { followRedirects } from "./redirects.js";
export type { FollowRedirects } from "./redirects.js";
export { autoResponse, binaryResponse, emptyResponse, request, textResponse } from "./request.js";
export {
  buildPath,
  collectionQuery,
  cookieParam,
  deepObjectQuery,
  headerParam,
  keepReserved,
  labelPath,
  matrixPath,
  pipeDelimitedQuery,
  spaceDelimitedQuery,
} from "./serialize.js";
export type { CollectionWriter, ParamLocation, PathStyle, QueryStyle } from "./serialize.js";
export type {
  Endpoint,
  NoParams,
  Params,
  ParamSpec,
  PathParamSpec,
  RequestInput,
  RequestOptions,
  ResponseReader,
  WithDefaults,
} from "./request.js";
export {
  dateFormat,
  dateTimeFormat,
  eachItem,
  exclusiveBounds,
  lengthBounds,
  patternMatch,
  uuidFormat,
} from "./validate.js";
export type { Format, ValueCheck, ValueRule } from "./validate.js";
