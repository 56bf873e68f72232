import type { Client, Fetch } from "./client.js";
import { applyCredentials } from "./auth.js";
import { ApiError, ConnectionError, SdkError } from "./errors.js";
import { setHeader } from "./headers.js";
import { buildPath, serializeQueryParam, serializeSimpleValue, type SerializeRule } from "./serialize.js";

/** Where a non-path parameter goes, and how it is written there. */
export interface ParamSpec extends SerializeRule {
  readonly in: "query" | "header" | "cookie";
}

/** How a response body is read: decided from the spec, so a JSON API sent as text/plain still parses. */
export type ResponseKind = "json" | "text" | "binary" | "empty";

/** Everything the runtime needs to know about one operation; generated next to each operation function. */
export interface Endpoint {
  readonly method: string;
  readonly path: string;
  readonly pathParams?: Readonly<Record<string, SerializeRule>>;
  readonly params?: Readonly<Record<string, ParamSpec>>;
  /** Alternatives of credential names that must all be present; the first satisfiable one is sent. */
  readonly security?: readonly (readonly string[])[];
  /** How a 2xx body is read; JSON when omitted. */
  readonly response?: ResponseKind;
}

/** Per-call settings, the last argument of every operation function. */
export interface RequestOptions {
  /** Aborts the request. */
  readonly signal?: AbortSignal;
  /** Extra headers for this call; `undefined` removes a header the client would send. */
  readonly headers?: Readonly<Record<string, string | undefined>>;
  /** A `fetch` for this call only. */
  readonly fetch?: Fetch;
}

/**
 * The params object of an operation, from openapi-typescript's parameter types: optional parameters also accept
 * `undefined` (not sent, like `null`), so `{ after: maybeCursor }` compiles under `exactOptionalPropertyTypes`.
 */
export type Params<T> = { [K in keyof T]: {} extends Pick<T, K> ? T[K] | undefined : T[K] };

/** The values of one call, grouped as the generated function received them. */
export interface RequestInput {
  readonly path?: Readonly<Record<string, unknown>>;
  readonly params?: object;
}

const REQUEST_ID_HEADERS = ["x-request-id", "request-id"];

/**
 * Sends one request described by `endpoint` and resolves with the parsed 2xx body. Rejects with an
 * {@link ApiError} for any other status and a {@link ConnectionError} when no response arrives.
 */
export async function request<T>(client: Client, endpoint: Endpoint, input: RequestInput, options: RequestOptions = {}): Promise<T> {
  const { url, init } = await buildRequest(client, endpoint, input, options);
  const fetch = options.fetch ?? client.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if (options.signal?.aborted === true) throw error;
    throw new ConnectionError(`${endpoint.method} ${endpoint.path}: connection failed: ${messageOf(error)}`, { cause: error });
  }
  if (!response.ok) throw await toApiError(response);
  return (await readBody(response, endpoint.response ?? "json")) as T;
}

/** The exact URL and `RequestInit` a call sends; separate from sending so it can be tested without a server. */
export async function buildRequest(
  client: Client,
  endpoint: Endpoint,
  input: RequestInput,
  options: RequestOptions = {},
): Promise<{ url: string; init: RequestInit }> {
  const query: string[] = [];
  const cookies: string[] = [];
  const headers = new Headers({ accept: acceptFor(endpoint.response ?? "json") });
  for (const [name, value] of Object.entries(client.headers)) setHeader(headers, name, value);

  const values = (input.params ?? {}) as Record<string, unknown>;
  for (const [name, spec] of Object.entries(endpoint.params ?? {})) {
    const value = values[name];
    if (spec.in === "query") query.push(...serializeQueryParam(name, value, spec));
    else {
      const text = serializeSimpleValue(value, spec);
      if (text === undefined) continue;
      if (spec.in === "header") setHeader(headers, name, text);
      else cookies.push(`${encodeURIComponent(name)}=${encodeURIComponent(text)}`);
    }
  }

  await applyCredentials(client, endpoint.security ?? [], { headers, query, cookies });
  if (cookies.length > 0) setHeader(headers, "cookie", cookies.join("; "));
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) headers.delete(name);
    else setHeader(headers, name, value);
  }

  const path = buildPath(endpoint.path, input.path ?? {}, endpoint.pathParams);
  const url = `${client.baseUrl}${path}${query.length > 0 ? `?${query.join("&")}` : ""}`;
  const init: RequestInit = { method: endpoint.method, headers };
  if (options.signal !== undefined) init.signal = options.signal;
  return { url, init };
}

function acceptFor(kind: ResponseKind): string {
  return kind === "json" ? "application/json" : kind === "text" ? "text/plain, */*" : "*/*";
}

async function readBody(response: Response, kind: ResponseKind): Promise<unknown> {
  if (kind === "binary") return response.blob();
  const text = await response.text();
  if (kind === "text") return text;
  if (kind === "empty" || text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new SdkError(`expected a JSON body from ${response.url || "the server"} (status ${response.status}), got: ${text.slice(0, 200)}`);
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => "");
  let body: unknown = text === "" ? undefined : text;
  try {
    if (text !== "") body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's HTML error page, say): keep the text.
  }
  const requestId = REQUEST_ID_HEADERS.map((name) => response.headers.get(name)).find((value) => value !== null) ?? undefined;
  return new ApiError(response.status, response.headers, body, requestId);
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
}
