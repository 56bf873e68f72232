/** Base of every error this client throws, so one `instanceof` check catches them all. */
export class SdkError extends Error {
	name = "SdkError";
}
/**
* Thrown when the API answers with a status outside 2xx, after any retries. `body` is the parsed error body (typed
* per operation), `requestId` the server's request id header if it sent one: quote it to the API's support.
*/
export class ApiError extends SdkError {
	name = "ApiError";
	status;
	headers;
	body;
	requestId;
	/**
	* Whether the status is one the failed operation's spec expects: one it documents, or any when it documents none
	* (its error type is then any `ApiError`). What `isApiError(error, operation)` checks.
	*/
	documented;
	/** `operation` (`GET /v1/phone/`) starts the message, so a log line says which call failed. */
	constructor(status, headers, body, requestId, documented = false, operation) {
		super(`${operation === undefined ? "" : `${operation}: `}${describeApiError(status, body, requestId)}`);
		this.status = status;
		this.headers = headers;
		this.body = body;
		this.requestId = requestId;
		this.documented = documented;
	}
}
/** 400: the request was malformed or a parameter was invalid. */
export class BadRequestError extends ApiError {
	name = "BadRequestError";
}
/** 401: the credentials are missing or wrong. */
export class AuthenticationError extends ApiError {
	name = "AuthenticationError";
}
/** 403: the credentials are valid but lack permission. */
export class PermissionDeniedError extends ApiError {
	name = "PermissionDeniedError";
}
/** 404: the resource does not exist. */
export class NotFoundError extends ApiError {
	name = "NotFoundError";
}
/** 409: the request conflicts with the resource's current state. */
export class ConflictError extends ApiError {
	name = "ConflictError";
}
/** 422: the request was well-formed but its values were rejected. */
export class UnprocessableEntityError extends ApiError {
	name = "UnprocessableEntityError";
}
/** 429: too many requests; retried automatically, thrown when retries run out. */
export class RateLimitError extends ApiError {
	name = "RateLimitError";
}
/** 500 and above: the server failed; retried automatically, thrown when retries run out. */
export class InternalServerError extends ApiError {
	name = "InternalServerError";
}
const ERROR_CLASSES = {
	400: BadRequestError,
	401: AuthenticationError,
	403: PermissionDeniedError,
	404: NotFoundError,
	409: ConflictError,
	422: UnprocessableEntityError,
	429: RateLimitError
};
/** The most specific error class for a status. */
export function createApiError(status, headers, body, requestId, documented, operation) {
	const ErrorClass = status >= 500 ? InternalServerError : ERROR_CLASSES[status] ?? ApiError;
	return new ErrorClass(status, headers, body, requestId, documented, operation);
}
/** Thrown when no HTTP answer arrived: DNS failure, refused or dropped connection, TLS error. Retried automatically. */
export class ConnectionError extends SdkError {
	name = "ConnectionError";
}
/** Thrown when no answer arrived within the timeout, after any retries. */
export class TimeoutError extends ConnectionError {
	name = "TimeoutError";
}
/** Thrown when the caller's `AbortSignal` aborted the request; never retried. */
export class AbortError extends SdkError {
	name = "AbortError";
}
/** The error of a call whose signal aborted it, whatever it was doing then. */
export function abortError(signal) {
	return new AbortError("request aborted", { cause: signal?.reason });
}
/** Thrown before sending when a parameter breaks the spec's rules; nothing went over the wire. */
export class RequestValidationError extends SdkError {
	name = "RequestValidationError";
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
export function isApiError(error, operation) {
	return error instanceof ApiError && (operation === undefined || error.documented);
}
/** `422 INVALID_PAGINATION_PARAMETERS: Cannot specify both 'before' and 'after' (request id req_123)`. */
function describeApiError(status, body, requestId) {
	const fields = typeof body === "object" && body !== null ? body : {};
	const code = [
		fields["error_code"],
		fields["code"],
		fields["type"]
	].find((value) => typeof value === "string");
	const detail = [
		fields["message"],
		fields["detail"],
		fields["error"],
		typeof body === "string" ? body : undefined
	].find((value) => typeof value === "string" && value !== "");
	const text = [code, detail].filter((part) => part !== undefined).join(": ");
	return `${status}${text === "" ? " status code (no body)" : ` ${text.slice(0, 500)}`}${requestId === undefined ? "" : ` (request id ${requestId})`}`;
}
