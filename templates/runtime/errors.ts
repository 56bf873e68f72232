import type { ApiPromise, ErrorOf } from "./api-promise.js";

/** Base of every error this client throws, so one `instanceof` check catches them all. */
export class SdkError extends Error {
  override name = "SdkError";
}

/**
 * Thrown when the API answers with a status outside 2xx, after any retries. `body` is the parsed error body (typed
 * per operation), `requestId` the server's request id header if it sent one: quote it to the API's support.
 */
export class ApiError<TBody = unknown, TStatus extends number = number> extends SdkError {
  override name = "ApiError";
  readonly status: TStatus;
  readonly headers: Headers;
  readonly body: TBody;
  readonly requestId: string | undefined;
  /**
   * Whether the status is one the failed operation's spec expects: one it documents, or any when it documents none
   * (its error type is then any `ApiError`). What `isApiError(error, operation)` checks.
   */
  readonly documented: boolean;

  /** `operation` (`GET /v1/phone/`) starts the message, so a log line says which call failed. */
  constructor(
    status: TStatus,
    headers: Headers,
    body: TBody,
    requestId: string | undefined,
    documented = false,
    operation?: string,
  ) {
    super(
      `${operation === undefined ? "" : `${operation}: `}${describeApiError(status, body, requestId)}`,
    );
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.requestId = requestId;
    this.documented = documented;
  }
}

/** 400: the request was malformed or a parameter was invalid. */
export class BadRequestError<TBody = unknown> extends ApiError<TBody, 400> {
  override name = "BadRequestError";
}
/** 401: the credentials are missing or wrong. */
export class AuthenticationError<TBody = unknown> extends ApiError<TBody, 401> {
  override name = "AuthenticationError";
}
/** 403: the credentials are valid but lack permission. */
export class PermissionDeniedError<TBody = unknown> extends ApiError<TBody, 403> {
  override name = "PermissionDeniedError";
}
/** 404: the resource does not exist. */
export class NotFoundError<TBody = unknown> extends ApiError<TBody, 404> {
  override name = "NotFoundError";
}
/** 409: the request conflicts with the resource's current state. */
export class ConflictError<TBody = unknown> extends ApiError<TBody, 409> {
  override name = "ConflictError";
}
/** 422: the request was well-formed but its values were rejected. */
export class UnprocessableEntityError<TBody = unknown> extends ApiError<TBody, 422> {
  override name = "UnprocessableEntityError";
}
/** 429: too many requests; retried automatically, thrown when retries run out. */
export class RateLimitError<TBody = unknown> extends ApiError<TBody, 429> {
  override name = "RateLimitError";
}
/** 500 and above: the server failed; retried automatically, thrown when retries run out. */
export class InternalServerError<TBody = unknown, TStatus extends number = number> extends ApiError<
  TBody,
  TStatus
> {
  override name = "InternalServerError";
}

const ERROR_CLASSES: Readonly<Record<number, typeof ApiError<unknown, number>>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The most specific error class for a status. */
export function createApiError(
  status: number,
  headers: Headers,
  body: unknown,
  requestId: string | undefined,
  documented: boolean,
  operation?: string,
): ApiError {
  const ErrorClass = status >= 500 ? InternalServerError : (ERROR_CLASSES[status] ?? ApiError);
  return new ErrorClass(status, headers, body, requestId, documented, operation);
}

/** Thrown when no HTTP answer arrived: DNS failure, refused or dropped connection, TLS error. Retried automatically. */
export class ConnectionError extends SdkError {
  override name = "ConnectionError";
}

/** Thrown when no answer arrived within the timeout, after any retries. */
export class TimeoutError extends ConnectionError {
  override name = "TimeoutError";
}

/** Thrown when the caller's `AbortSignal` aborted the request; never retried. */
export class AbortError extends SdkError {
  override name = "AbortError";
}

/** The error of a call whose signal aborted it, whatever it was doing then. */
export function abortError(signal: AbortSignal | undefined): AbortError {
  return new AbortError("request aborted", { cause: signal?.reason });
}

/** Thrown before sending when a parameter breaks the spec's rules; nothing went over the wire. */
export class RequestValidationError extends SdkError {
  override name = "RequestValidationError";
}

/**
 * Whether `error` is an {@link ApiError}. Given the operation function whose call failed, it also narrows `error` to
 * the errors that operation documents, with their status and body types, and checks that the status is one of them
 * (any status, when the operation documents none). Pass the operation you called: the check is against the
 * statuses of the operation that raised the error.
 *
 * ```ts
 * if (isApiError(error, listPhones) && error.status === 422) console.log(error.body.message);
 * ```
 */
export function isApiError<
  TOperation extends (...args: never[]) => ApiPromise<unknown, unknown> = never,
>(
  error: unknown,
  operation?: TOperation,
): error is [TOperation] extends [never] ? ApiError : ErrorOf<TOperation> {
  return error instanceof ApiError && (operation === undefined || error.documented);
}

/**
 * `422 INVALID_PAGINATION_PARAMETERS: Cannot specify both 'before' and 'after' (request id req_123)`: the server's own
 * code and message, wherever the common shapes put them.
 */
function describeApiError(status: number, body: unknown, requestId: string | undefined): string {
  const text = typeof body === "string" ? body : serverMessage(body, 0);
  return `${status}${text === "" ? " status code (no body)" : ` ${text.slice(0, 500)}`}${requestId === undefined ? "" : ` (request id ${requestId})`}`;
}

/**
 * The message of an error body: `code: message` at the top (Diga), or under `error` (Stripe, OpenAI), problem+json's
 * `title: detail`, FastAPI's `detail` list of `{ loc, msg }`, or the first of `errors` (GraphQL-style, JSON:API).
 */
function serverMessage(body: unknown, depth: number): string {
  if (typeof body === "string") return body;
  if (typeof body !== "object" || body === null || depth > 2) return "";
  if (Array.isArray(body)) return body.length === 0 ? "" : serverMessage(body[0], depth + 1);
  const fields = body as Record<string, unknown>;
  const text = (...names: string[]) =>
    names
      .map((name) => fields[name])
      .find((value): value is string => typeof value === "string" && value !== "");
  // FastAPI's `{ loc, msg, type }`: where, then what.
  if (typeof fields["msg"] === "string")
    return [Array.isArray(fields["loc"]) ? fields["loc"].join(".") : undefined, fields["msg"]]
      .filter(Boolean)
      .join(": ");
  // problem+json's `type` is a URI, not a code.
  const code = [
    text("error_code", "code"),
    text("type")?.match(/^[\w.-]+$/)?.[0],
    text("title"),
  ].find((value) => value !== undefined);
  const detail =
    text("message", "detail", "error_description", "error") ?? nestedMessage(fields, depth);
  return [code, detail].filter((part) => part !== undefined && part !== "").join(": ");
}

function nestedMessage(fields: Record<string, unknown>, depth: number): string | undefined {
  for (const name of ["error", "detail", "errors"]) {
    const message = serverMessage(fields[name], depth + 1);
    if (message !== "") return message;
  }
  return undefined;
}
