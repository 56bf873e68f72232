import { ApiPromise, type RawResponse } from "./api-promise.js";
import { applyCredentials, type Outgoing } from "./auth.js";
import type { BodySpec } from "./body.js";
import { internalsOf, type Client, type Fetch, type RequestInfo } from "./client.js";
import {
  AbortError,
  abortError,
  ConnectionError,
  createApiError,
  SdkError,
  TimeoutError,
  type ApiError,
} from "./errors.js";
import { headerEntries, setHeader, type HeadersOption } from "./headers.js";
import type { PaginationSpec } from "./pagination.js";
import { backoffMs, isIdempotent, isRetryableStatus, retryAfterMs, sleep } from "./retry.js";
import {
  serializeQueryParam,
  type buildPath,
  type ParamLocation,
  type PathRule,
  type SerializeRule,
} from "./serialize.js";
import { validateValues, type ValueRule } from "./validate.js";

/** Where a non-path parameter goes, how it is written there, and what values the spec allows. */
export interface ParamSpec extends SerializeRule, ValueRule {
  readonly in: "query" | ParamLocation;
}

/** How a path parameter is written, and what values the spec allows. */
export interface PathParamSpec extends PathRule, ValueRule {}

/**
 * How a 2xx body is read when it is not JSON, the default: decided from the spec, so a JSON API sent as text/plain
 * still parses. Generated code names the reader its operation needs ({@link textResponse}…), so a JSON-only client
 * bundles none.
 */
export interface ResponseReader {
  /** The Accept header sent. */
  readonly accept: string;
  readonly read: (response: Response) => Promise<unknown>;
}

/** Everything the runtime needs to know about one operation; generated next to each operation function. */
export interface Endpoint {
  readonly method: string;
  /** The path template, e.g. `/v1/phone/{phone_id}`. */
  readonly path: string;
  /** Fills the template's `{name}`s: generated (as `buildPath`) for a path that has any, so others bundle none of it. */
  readonly buildPath?: typeof buildPath;
  readonly pathParams?: Readonly<Record<string, PathParamSpec>>;
  readonly params?: Readonly<Record<string, ParamSpec>>;
  /** Alternatives of credential names that must all be present; the first satisfiable one is sent. */
  readonly security?: readonly (readonly string[])[];
  /** How a 2xx body is read; JSON when omitted. */
  readonly response?: ResponseReader;
  /** The documented error statuses: codes, `4XX`-style ranges, or `default`. */
  readonly errors?: readonly (number | string)[];
  readonly pagination?: PaginationSpec;
  readonly body?: BodySpec;
}

/**
 * Per-call settings, the last argument of every operation function. Each overrides the client's setting; an
 * `undefined` value leaves the client's setting in place.
 */
export interface RequestOptions {
  /** Aborts the request, including any wait between retries; the call then rejects with `AbortError`. */
  readonly signal?: AbortSignal | undefined;
  /** Extra headers for this call: a `Headers`, pairs, or an object where `undefined` removes a header the client would send. */
  readonly headers?: HeadersOption | undefined;
  /** A `fetch` for this call only. */
  readonly fetch?: Fetch | undefined;
  /** Milliseconds to wait for a response. */
  readonly timeout?: number | undefined;
  readonly maxRetries?: number | undefined;
  /** Allow retries for a method that is not idempotent (POST, PATCH), e.g. when you send an idempotency key. */
  readonly idempotent?: boolean | undefined;
  /** Check parameters against the spec before sending. */
  readonly validate?: boolean | undefined;
}

/**
 * The params object of an operation, from openapi-typescript's parameter types: optional parameters also accept
 * `undefined` (not sent, like `null`), so `{ after: maybeCursor }` compiles under `exactOptionalPropertyTypes`.
 * Generated aliases write `Params<…> & {}`: the intersection is a type of their own, so editors and errors show the
 * alias's name. Parameters that exclude each other (the `after` and `before` cursors) are refused at run time, not
 * in the type: a union there broke the natural `{ ...params, after: cursor }` and made every error message long.
 */
export type Params<T> = Loose<T>;

/**
 * The params of an operation that takes none (yet): leave it out, or pass `{}` to reach `options`. Every operation
 * has its params in the same place, so a parameter the API adds later never moves the caller's `options`.
 */
export type NoParams = { readonly [key: string]: never };

/**
 * A request body whose fields at the paths `Defaulted` (`"is_draft" | "voice.speed"`; arrays are crossed without a
 * step, so `"tools.timeout"` is each tool's) the server fills in when they are left out. openapi-typescript types a
 * schema once for requests and responses alike and makes fields with a `default` required (right for responses); for
 * a body they are optional. Distributes over unions, so each alternative keeps its own fields.
 */
export type WithDefaults<T, Defaulted extends string> = [Defaulted] extends [never]
  ? T
  : T extends readonly (infer E)[]
    ? WithDefaults<E, Defaulted>[]
    : T extends object
      ? {
          [K in keyof T as K extends Defaulted ? K : never]?: WithDefaults<
            T[K],
            Below<Defaulted, K>
          >;
        } & {
          [K in keyof T as K extends Defaulted ? never : K]: WithDefaults<
            T[K],
            Below<Defaulted, K>
          >;
        }
      : T;

/** The paths under one field: `Below<"voice.speed" | "name", "voice">` is `"speed"`. */
type Below<Paths extends string, K> = K extends string
  ? Paths extends `${K}.${infer Rest}`
    ? Rest
    : never
  : never;

type Loose<T> = { [K in keyof T]: {} extends Pick<T, K> ? T[K] | undefined : T[K] };

/** The values of one call, grouped as the generated function received them. */
export interface RequestInput {
  readonly path?: Readonly<Record<string, unknown>>;
  readonly params?: object | undefined;
  /** A URL the server gave for the next page, sent instead of the path and params. */
  readonly url?: ServerUrl;
}

/**
 * A URL from the server, and how it is followed. The pagination styles that page by URL name
 * {@link followServerUrl}, so only clients with such operations bundle it.
 */
export interface ServerUrl {
  readonly href: string;
  readonly follow: FollowUrl;
}

/** Resolves a server's URL against the operation's (`base`); returns it with the query's credentials, and without. */
export type FollowUrl = (
  url: string,
  base: string,
  baseUrl: string,
  credentials: readonly string[],
) => [url: string, safeUrl: string];

/** A request ready to send, minus what changes per attempt. */
export interface PreparedRequest {
  readonly url: string;
  /** The URL without credentials, for hooks and messages. */
  readonly safeUrl: string;
  readonly init: RequestInit & { readonly headers: Headers };
  /** Headers that must not follow a redirect to another origin (see `followRedirects`). */
  readonly credentialHeaders: readonly string[];
  /** False when the body is a stream, which can be sent only once. */
  readonly replayable: boolean;
}

/**
 * Sends one operation and resolves with its parsed 2xx body. Rejects with an {@link ApiError} subclass for other
 * statuses, `ConnectionError`/`TimeoutError` when no response arrives, `AbortError` when the caller aborts, and
 * `RequestValidationError` before sending when a parameter breaks the spec.
 */
export function request<T, E = unknown>(
  client: Client,
  endpoint: Endpoint,
  input: RequestInput,
  options: RequestOptions = {},
): ApiPromise<T, E> {
  return new ApiPromise(
    send(client, endpoint, input, options),
    (raw) => readResponse(raw, endpoint.response, options.signal) as Promise<T>,
  );
}

/** Validates, then sends with retries, timeouts and safe redirects; resolves with the 2xx response, body unread. */
export async function send(
  client: Client,
  endpoint: Endpoint,
  input: RequestInput,
  options: RequestOptions = {},
): Promise<RawResponse> {
  const settings = internalsOf(client);
  const { hooks } = settings;
  const { method } = endpoint;
  const { signal } = options;
  const operation = `${method} ${endpoint.path}`;
  if (input.url === undefined && (options.validate ?? settings.validate)) {
    validateValues(
      operation,
      [input.path ?? {}, endpoint.pathParams ?? {}],
      [(input.params ?? {}) as Record<string, unknown>, endpoint.params ?? {}],
    );
  }
  const prepared = await prepareRequest(client, endpoint, input, options);
  const fetch = options.fetch ?? settings.fetch ?? globalThis.fetch;
  const { followRedirects } = settings;
  // `fetch` follows redirects, dropping `Authorization` and cookies when one leaves the origin; a client that sends a
  // credential header of its own was given a follower that drops that too.
  const transmit: Transmit =
    followRedirects === undefined
      ? (init) => fetch(prepared.url, init)
      : (init) => followRedirects(fetch, prepared, init);
  const retryable = prepared.replayable && (options.idempotent ?? isIdempotent(method));
  const maxRetries = retryable ? (options.maxRetries ?? settings.maxRetries) : 0;

  for (let attempt = 0; ; attempt++) {
    const info: RequestInfo = { operation, method, url: prepared.safeUrl, attempt };
    const headers = new Headers(prepared.init.headers);
    // Only on retries: on every request it would make each cross-origin browser call need a CORS preflight that
    // allows it, public GETs included.
    if (attempt > 0) headers.set("x-retry-count", String(attempt));
    for (const [name, value] of Object.entries((await hooks.beforeRequest?.(info)) ?? {}))
      setHeader(headers, name, value);

    // A response, or the SdkError of an attempt that got none.
    const attempted = await fetchWithTimeout(
      transmit,
      prepared,
      { ...prepared.init, headers },
      options.timeout ?? settings.timeout,
      signal,
    ).catch((error: unknown) =>
      error instanceof SdkError
        ? error
        : new ConnectionError(`${operation}: ${messageOf(error)}`, { cause: error }),
    );
    let failure: SdkError;
    let response: Response | undefined;
    if (attempted instanceof SdkError) failure = attempted;
    else {
      response = attempted.response;
      let handedOver = false;
      try {
        await hooks.afterResponse?.(info, response);
        const requestId =
          response.headers.get("x-request-id") ?? response.headers.get("request-id") ?? undefined;
        if (response.ok) {
          handedOver = true; // released once its body is read
          return { response, requestId, release: attempted.release };
        }
        failure = await toApiError(response, requestId, endpoint, operation);
        // An abort while the error body was read: the caller's abort, not the status, is what happened.
        if (isAborted(signal)) throw abortError(signal);
      } finally {
        if (!handedOver) attempted.release();
      }
    }
    await hooks.onError?.(info, failure);
    if (
      failure instanceof AbortError ||
      attempt >= maxRetries ||
      (response !== undefined && !isRetryableStatus(response))
    )
      throw failure;
    await sleep(
      (response === undefined ? undefined : retryAfterMs(response.headers)) ?? backoffMs(attempt),
      signal,
    );
  }
}

/** The URL, headers and credentials of a call; separate from sending so it can be tested without a server. */
export async function prepareRequest(
  client: Client,
  endpoint: Endpoint,
  input: RequestInput,
  options: RequestOptions = {},
): Promise<PreparedRequest> {
  const settings = internalsOf(client);
  const outgoing: Outgoing = {
    headers: new Headers({ accept: endpoint.response?.accept ?? "application/json" }),
    query: [],
    cookies: [],
    sensitive: [],
  };
  if (!isBrowser()) outgoing.headers.set("user-agent", settings.userAgent);
  for (const [name, value] of Object.entries(settings.headers))
    setHeader(outgoing.headers, name, value);

  const values = (input.params ?? {}) as Record<string, unknown>;
  for (const [name, spec] of Object.entries(endpoint.params ?? {})) {
    const value = values[name];
    if (spec.in === "query") outgoing.query.push(...serializeQueryParam(name, value, spec));
    else spec.in(outgoing, name, value, spec);
  }
  const publicQuery = [...outgoing.query];
  await applyCredentials(settings, endpoint.security ?? [], outgoing);
  if (outgoing.cookies.length > 0)
    setHeader(outgoing.headers, "cookie", outgoing.cookies.join("; "));
  for (const [name, value] of headerEntries(options.headers)) {
    if (value === undefined) outgoing.headers.delete(name);
    else setHeader(outgoing.headers, name, value);
  }

  // A path may carry a query of its own (`/rest?method=flickr.photos.search`) and a fragment that only tells two
  // operations apart (`/items#archived`): the parameters join the query, and fetch never sends a fragment.
  const path =
    endpoint.buildPath?.(endpoint.path, input.path ?? {}, endpoint.pathParams) ?? endpoint.path;
  const base = `${client.baseUrl}${path}`.replace(/#.*$/s, "");
  const withQuery = (query: readonly string[]) =>
    query.length > 0 ? `${base}${base.includes("?") ? "&" : "?"}${query.join("&")}` : base;
  const [url, safeUrl] =
    input.url === undefined
      ? [withQuery(outgoing.query), withQuery(publicQuery)]
      : input.url.follow(
          input.url.href,
          base,
          client.baseUrl,
          outgoing.query.slice(publicQuery.length),
        );
  const init: RequestInit & { headers: Headers } = {
    method: endpoint.method,
    headers: outgoing.headers,
  };
  const encoded = endpoint.body?.encode(
    values[endpoint.body.key ?? "body"],
    endpoint.body,
    endpoint,
  );
  if (encoded !== undefined) {
    init.body = encoded.body;
    if (encoded.contentType !== undefined && !outgoing.headers.has("content-type"))
      outgoing.headers.set("content-type", encoded.contentType);
    // Node's fetch sends a stream only in half-duplex mode, and says so explicitly.
    if (!encoded.replayable) (init as { duplex?: string }).duplex = "half";
  }
  return {
    url,
    safeUrl,
    init,
    credentialHeaders: [...outgoing.sensitive, "authorization", "cookie"],
    replayable: encoded?.replayable ?? true,
  };
}

/**
 * A next-page URL from the server, resolved against the operation's URL. Only the base URL's origin is followed, with
 * the operation's credentials, as a redirect would be: a server (or whoever controls a body field) must not be able
 * to send our credentials elsewhere. Credentials that go in the query replace any the server echoed.
 */
export const followServerUrl: FollowUrl = (url, base, baseUrl, credentials) => {
  const target = new URL(url, base);
  const { origin, host, protocol } = new URL(baseUrl);
  // A framework behind a TLS proxy often writes its own links as http://: the same host is upgraded, never downgraded.
  if (target.host === host && protocol === "https:") target.protocol = protocol;
  if (target.origin !== origin)
    throw new SdkError(
      `the server's next page URL ${target.origin}${target.pathname} is not on ${origin}, so it is not followed`,
    );
  if (credentials.length === 0) return [target.href, target.href];
  for (const pair of credentials)
    target.searchParams.delete(decodeURIComponent(pair.split("=")[0] ?? ""));
  return [`${target.href}${target.search === "" ? "?" : "&"}${credentials.join("&")}`, target.href];
};

/** Sends one attempt, redirects included. */
type Transmit = (init: RequestInit & { headers: Headers }) => Promise<Response>;

/** A response, and how to stop the caller's signal from aborting its body once that body has been read. */
interface Attempt {
  readonly response: Response;
  readonly release: () => void;
}

/**
 * One attempt: the caller's signal and the timeout both abort it, and each gets its own error. The timeout ends when
 * the headers arrive; the caller's signal stays attached until the body is read (see {@link readResponse}), so a
 * stalled body can still be cancelled.
 */
async function fetchWithTimeout(
  transmit: Transmit,
  prepared: PreparedRequest,
  init: RequestInit & { headers: Headers },
  timeout: number,
  signal: AbortSignal | undefined,
): Promise<Attempt> {
  if (isAborted(signal)) throw abortError(signal);
  const controller = new AbortController();
  const abort = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", abort, { once: true });
  const release = () => signal?.removeEventListener("abort", abort);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  try {
    return {
      response: await transmit({ ...init, signal: controller.signal }),
      release,
    };
  } catch (error) {
    release();
    throw isAborted(signal)
      ? abortError(signal)
      : timedOut
        ? new TimeoutError(`${init.method} ${prepared.safeUrl}: no response within ${timeout} ms`, {
            cause: error,
          })
        : error;
  } finally {
    clearTimeout(timer);
  }
}

// A function, so control-flow narrowing does not assume an abort signal stays unaborted across an await.
function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

export function isBrowser(): boolean {
  // Browsers refuse (or preflight) a script-set User-Agent; everywhere else it identifies the client.
  return (
    typeof (globalThis as { document?: unknown }).document !== "undefined" ||
    typeof (globalThis as { importScripts?: unknown }).importScripts === "function"
  );
}

/** Reads a 2xx body. The caller's signal still aborts the read, with `AbortError` like any other abort. */
export async function readResponse(
  raw: RawResponse,
  reader: ResponseReader | undefined,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  try {
    return await (reader?.read ?? readJson)(raw.response);
  } catch (error) {
    if (isAborted(signal)) throw abortError(signal);
    throw error;
  } finally {
    raw.release();
  }
}

/** JSON; an empty body is `undefined`. */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // Without the query: an API key may travel there, and messages never carry credentials.
    throw new SdkError(
      `expected a JSON body from ${response.url.replace(/[?#].*$/s, "") || "the server"} (status ${response.status}), got: ${text.slice(0, 200)}`,
    );
  }
}

export const textResponse: ResponseReader = {
  accept: "text/plain, */*",
  read: (response) => response.text(),
};

export const binaryResponse: ResponseReader = {
  accept: "*/*",
  read: (response) => response.blob(),
};

/** No content: the body is read (so the connection is released) and ignored. */
export const emptyResponse: ResponseReader = {
  accept: "*/*",
  read: (response) => response.text().then(() => undefined),
};

/** For operations whose successes differ: goes by the response's Content-Type. */
export const autoResponse: ResponseReader = {
  accept: "application/json, */*",
  read(response) {
    const type = response.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
    const reader =
      type === "application/json" || type.endsWith("+json")
        ? undefined
        : type.startsWith("text/")
          ? textResponse
          : type === ""
            ? emptyResponse
            : binaryResponse;
    return (reader?.read ?? readJson)(response);
  },
};

async function toApiError(
  response: Response,
  requestId: string | undefined,
  { errors = [] }: Endpoint,
  operation: string,
): Promise<ApiError> {
  const { status, headers } = response;
  const text = await response.text().catch(() => "");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's HTML error page, say): keep the text.
    body = text === "" ? undefined : text;
  }
  // An operation that documents no error statuses types its errors as any ApiError: every status fits.
  const documented =
    errors.length === 0 ||
    [status, `${String(status)[0]}XX`, "default"].some((each) => errors.includes(each));
  return createApiError(status, headers, body, requestId, documented, operation);
}

function messageOf(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  return `connection failed: ${error instanceof Error ? error.message : String(error)}${cause instanceof Error ? ` (${cause.message})` : ""}`;
}
