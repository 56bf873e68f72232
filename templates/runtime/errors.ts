/** Base of every error this client throws, so one `instanceof` check catches them all. */
export class SdkError extends Error {
  override name = "SdkError";
}

/**
 * Thrown when the API answers with a status outside 2xx. `body` is the parsed error body (typed per operation),
 * `requestId` the server's request id header, if it sent one; quote it when you contact the API's support.
 */
export class ApiError<TBody = unknown, TStatus extends number = number> extends SdkError {
  override name = "ApiError";
  readonly status: TStatus;
  readonly headers: Headers;
  readonly body: TBody;
  readonly requestId: string | undefined;

  constructor(status: TStatus, headers: Headers, body: TBody, requestId: string | undefined) {
    super(describeApiError(status, body, requestId));
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.requestId = requestId;
  }
}

/** Thrown when the request never got an HTTP answer: DNS failure, refused or dropped connection, TLS error. */
export class ConnectionError extends SdkError {
  override name = "ConnectionError";
}

/** Whether `error` is an {@link ApiError}; with a status, also that it has that status. */
export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** `422 INVALID_PAGINATION_PARAMETERS: Cannot specify both 'before' and 'after' (request id req_123)`. */
function describeApiError(status: number, body: unknown, requestId: string | undefined): string {
  const fields = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const code = [fields["error_code"], fields["code"], fields["type"]].find((value) => typeof value === "string");
  const detail = [fields["message"], fields["detail"], fields["error"], typeof body === "string" ? body : undefined].find(
    (value) => typeof value === "string" && value !== "",
  );
  const text = [code, detail].filter((part) => part !== undefined).join(": ");
  return `${status}${text === "" ? " status code (no body)" : ` ${text.slice(0, 500)}`}${requestId === undefined ? "" : ` (request id ${requestId})`}`;
}
