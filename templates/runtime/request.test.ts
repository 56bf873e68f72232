import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { apiKeyAuth, basicAuth, bearerAuth } from "./auth.js";
import { createRuntimeClient, serverUrl, type Fetch, type RequestInfo } from "./client.js";
import {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestValidationError,
  SdkError,
  TimeoutError,
  UnprocessableEntityError,
} from "./errors.js";
import { jsonBody } from "./body.js";
import { emptyResponse, prepareRequest, request, type Endpoint } from "./request.js";
import { followRedirects } from "./redirects.js";
import { buildPath, cookieParam, headerParam } from "./serialize.js";
import { dateTimeFormat, uuidFormat } from "./validate.js";

const credentials = {
  bearerToken: bearerAuth,
  apiKey: apiKeyAuth("query", "api_key"),
  headerKey: apiKeyAuth("header", "X-Api-Key"),
  basicAuth,
} as const;

type Options = Parameters<typeof createRuntimeClient>[0] & Record<string, unknown>;

function client(options: Options = {}) {
  return createRuntimeClient(options, {
    baseUrl: "https://api.example.com/v1/",
    userAgent: "example-client/1.2.3",
    credentials,
    // As the generated createClient does for a spec that sends an API key in a header.
    followRedirects,
  });
}

const endpoint = {
  method: "GET",
  path: "/things/{id}",
  buildPath,
  params: { limit: { in: "query" }, "X-Trace": { in: headerParam }, session: { in: cookieParam } },
  security: [["bearerToken"]],
  errors: [404, 422],
} as const satisfies Endpoint;

/** A fetch that answers from a list, one response per call, and records what it was sent. */
function scripted(...responses: (Response | Error | (() => Response | Promise<Response>))[]) {
  const calls: { url: string; init: RequestInit; headers: Record<string, string> }[] = [];
  const fetch: Fetch = async (url, init) => {
    calls.push({ url, init, headers: Object.fromEntries(new Headers(init.headers)) });
    const next = responses.shift();
    if (next === undefined) throw new Error("no more scripted responses");
    if (next instanceof Error) throw next;
    return typeof next === "function" ? next() : next;
  };
  return { fetch, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });

describe("createRuntimeClient", () => {
  it("requires an absolute base URL", () => {
    expect(() => createRuntimeClient({}, { userAgent: "x", credentials: {} })).toThrow(
      "no base URL",
    );
    expect(() =>
      createRuntimeClient({ baseUrl: "/api" }, { userAgent: "x", credentials: {} }),
    ).toThrow(
      'the base URL must be absolute (https://…), got "/api": pass `baseUrl` to createClient',
    );
  });

  it("fills the server's variables from the options, over the defaults", () => {
    const defaults = {
      baseUrl: serverUrl("https://{region}.api.example.com/{version}/", {
        region: "eu",
        version: "v1",
      }),
      userAgent: "x",
      credentials: {},
    };
    expect(createRuntimeClient({}, defaults).baseUrl).toBe("https://eu.api.example.com/v1");
    const withVariables = (options: {
      baseUrl?: string;
      serverVariables: Record<string, string>;
    }) => createRuntimeClient(options, defaults).baseUrl;
    expect(withVariables({ serverVariables: { region: "us" } })).toBe(
      "https://us.api.example.com/v1",
    );
    expect(
      withVariables({ baseUrl: "http://localhost:8080", serverVariables: { region: "us" } }),
    ).toBe("http://localhost:8080");
  });

  it("resolves a relative server URL against the page, where there is one", () => {
    const defaults = { baseUrl: serverUrl("/api/v3"), userAgent: "x", credentials: {} };
    expect(() => createRuntimeClient({}, defaults)).toThrow(
      'the base URL must be absolute (https://…), got "/api/v3"',
    );
    const globals = globalThis as { location?: unknown };
    globals.location = { href: "https://app.example.com/dashboard/" };
    try {
      expect(createRuntimeClient({}, defaults).baseUrl).toBe("https://app.example.com/api/v3");
    } finally {
      delete globals.location;
    }
  });

  it("never shows its credentials when printed, logged or serialised", () => {
    const secret = client({
      bearerToken: "s3cret-token",
      basicAuth: { username: "u", password: "s3cret-pw" },
    });
    for (const shown of [
      String(secret),
      JSON.stringify(secret),
      inspect(secret, { depth: 10, showHidden: true }),
      `${Object.entries(secret)}`,
    ]) {
      expect(shown).not.toContain("s3cret");
    }
    expect(String(secret)).toBe("Client(https://api.example.com/v1)");
  });
});

describe("prepareRequest", () => {
  it("builds the URL, query, headers and cookies of a call", async () => {
    const { url, init } = await prepareRequest(
      client({ bearerToken: "t0k", headers: { "x-default": "1" } }),
      endpoint,
      {
        path: { id: "a/b" },
        params: { limit: 5, "X-Trace": "abc", session: "s 1" },
      },
    );
    expect(url).toBe("https://api.example.com/v1/things/a%2Fb?limit=5");
    expect(Object.fromEntries(init.headers)).toStrictEqual({
      accept: "application/json",
      authorization: "Bearer t0k",
      cookie: "session=s%201",
      "user-agent": "example-client/1.2.3",
      "x-default": "1",
      "x-trace": "abc",
    });
  });

  it("adds the parameters to a query the path already has, and drops a fragment fetch would not send", async () => {
    const flickr = {
      method: "GET",
      path: "/rest?method=flickr.photos.search#search",
      params: { text: { in: "query" } },
    } as const satisfies Endpoint;
    const { url } = await prepareRequest(client(), flickr, { params: { text: "cats" } });
    expect(url).toBe("https://api.example.com/v1/rest?method=flickr.photos.search&text=cats");
    const bare = await prepareRequest(client(), flickr, {});
    expect(bare.url).toBe("https://api.example.com/v1/rest?method=flickr.photos.search");
  });

  it("sends no credentials to an operation that asks for none", async () => {
    const { init } = await prepareRequest(
      client({ bearerToken: "t0k" }),
      { method: "GET", path: "/open" },
      {},
    );
    expect(init.headers.has("authorization")).toBe(false);
  });

  it.each([
    {
      name: "the first satisfiable alternative",
      security: [["basicAuth"], ["apiKey"]],
      options: { apiKey: "k" },
      want: { url: "https://api.example.com/v1/x?api_key=k", authorization: null },
    },
    {
      name: "basic auth, UTF-8 safe",
      security: [["basicAuth"]],
      options: { basicAuth: { username: "zoë", password: "p:w" } },
      want: {
        url: "https://api.example.com/v1/x",
        authorization: `Basic ${Buffer.from("zoë:p:w").toString("base64")}`,
      },
    },
    {
      name: "a token function, called per request",
      security: [["bearerToken"]],
      options: { bearerToken: () => Promise.resolve("fresh") },
      want: { url: "https://api.example.com/v1/x", authorization: "Bearer fresh" },
    },
  ])("credentials: $name", async ({ security, options, want }) => {
    const { url, init } = await prepareRequest(
      client(options),
      { method: "GET", path: "/x", security },
      {},
    );
    expect({ url, authorization: init.headers.get("authorization") }).toStrictEqual(want);
  });

  it("keeps query credentials out of the URL hooks see", async () => {
    const prepared = await prepareRequest(
      client({ apiKey: "k3y" }),
      { method: "GET", path: "/x", params: { q: { in: "query" } }, security: [["apiKey"]] },
      { params: { q: 1 } },
    );
    expect({ url: prepared.url, safeUrl: prepared.safeUrl }).toStrictEqual({
      url: "https://api.example.com/v1/x?q=1&api_key=k3y",
      safeUrl: "https://api.example.com/v1/x?q=1",
    });
  });

  it("lets a per-call header override or remove a client header", async () => {
    const { init } = await prepareRequest(
      client({ headers: { "x-a": "client", "x-b": "client" } }),
      { method: "GET", path: "/x" },
      {},
      { headers: { "x-a": "call", "x-b": undefined, "user-agent": undefined } },
    );
    expect(Object.fromEntries(init.headers)).toStrictEqual({
      accept: "application/json",
      "x-a": "call",
    });
  });

  it("rejects header values with line breaks", async () => {
    await expect(
      prepareRequest(client(), endpoint, {
        path: { id: "1" },
        params: { "X-Trace": "a\r\nx-evil: 1" },
      }),
    ).rejects.toThrow(SdkError);
    await expect(
      prepareRequest(client({ bearerToken: "t\nx" }), endpoint, { path: { id: "1" } }),
    ).rejects.toThrow('header "authorization" contains a line break');
  });
});

describe("request: responses and errors", () => {
  it("resolves with the parsed JSON body", async () => {
    const { fetch } = scripted(json(200, { ok: true }));
    await expect(
      request(client({ fetch }), endpoint, { path: { id: "1" } }),
    ).resolves.toStrictEqual({ ok: true });
  });

  it("resolves with undefined for an empty body", async () => {
    const { fetch } = scripted(json(204, undefined));
    await expect(
      request(client({ fetch }), { method: "DELETE", path: "/x", response: emptyResponse }, {}),
    ).resolves.toBeUndefined();
  });

  it.each([
    { status: 400, want: BadRequestError },
    { status: 401, want: AuthenticationError },
    { status: 403, want: PermissionDeniedError },
    { status: 404, want: NotFoundError },
    { status: 409, want: ConflictError },
    { status: 422, want: UnprocessableEntityError },
    { status: 429, want: RateLimitError },
    { status: 500, want: InternalServerError },
    { status: 503, want: InternalServerError },
    { status: 418, want: ApiError },
  ])("a $status rejects with $want.name", async ({ status, want }) => {
    const { fetch } = scripted(json(status, { message: "no" }));
    const error = await request(client({ fetch, maxRetries: 0 }), endpoint, {
      path: { id: "1" },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(want);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).name).toBe(want.name);
  });

  it("says which URL sent a body that is not JSON, without its query: an API key may travel there", async () => {
    const notJson = new Response("<html>gateway</html>", {
      status: 200,
      headers: { "content-type": "application/json" },
    });
    Object.defineProperty(notJson, "url", {
      value: "https://api.example.com/v1/things/1?api_key=SECRET",
    });
    const { fetch } = scripted(notJson);
    const error = await request(
      client({ fetch, apiKey: "SECRET" }),
      { ...endpoint, security: [["apiKey"]] },
      { path: { id: "1" } },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SdkError);
    expect((error as Error).message).toBe(
      "expected a JSON body from https://api.example.com/v1/things/1 (status 200), got: <html>gateway</html>",
    );
  });

  it("carries status, headers, body and request id, and knows whether the spec documents the status", async () => {
    const body = {
      status: "error",
      error_code: "INVALID_PAGINATION_PARAMETERS",
      message: "Cannot specify both",
    };
    const { fetch } = scripted(json(422, body, { "x-request-id": "req_1" }), json(400, body));
    const documented = await request(client({ fetch }), endpoint, { path: { id: "1" } }).catch(
      (caught: unknown) => caught,
    );
    expect(documented).toMatchObject({
      status: 422,
      requestId: "req_1",
      body,
      documented: true,
      message:
        "GET /things/{id}: 422 INVALID_PAGINATION_PARAMETERS: Cannot specify both (request id req_1)",
    });
    const undocumented = await request(client({ fetch }), endpoint, { path: { id: "1" } }).catch(
      (caught: unknown) => caught,
    );
    expect(undocumented).toMatchObject({ status: 400, documented: false });
  });

  it("keeps a non-JSON error body as text", async () => {
    const { fetch } = scripted(
      new Response("<html>Bad gateway</html>", {
        status: 502,
        headers: { "content-type": "text/html" },
      }),
    );
    const error = await request(client({ fetch, maxRetries: 0 }), endpoint, {
      path: { id: "1" },
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      status: 502,
      body: "<html>Bad gateway</html>",
      message: "GET /things/{id}: 502 <html>Bad gateway</html>",
    });
  });

  it("rejects with a ConnectionError when fetch fails, keeping the cause", async () => {
    const cause = new TypeError("fetch failed");
    const { fetch } = scripted(cause);
    const error = await request(client({ fetch, maxRetries: 0 }), endpoint, {
      path: { id: "1" },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({
      cause,
      message: "GET /things/{id}: connection failed: fetch failed",
    });
  });

  it("rejects a body on GET before sending, as a mistake in the call: never a ConnectionError, never retried", async () => {
    let calls = 0;
    const fetch: Fetch = (input, init) => {
      calls++;
      return globalThis.fetch(input, init);
    };
    const withBody: Endpoint = { method: "GET", path: "/search", body: { encode: jsonBody } };
    const error = await request(client({ fetch, maxRetries: 3 }), withBody, {
      params: { body: ["a", "b"] },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({
      message: "GET /search: a GET request cannot carry a body (fetch refuses to send one)",
    });
    expect(calls).toBe(0);
    // Without a body the same endpoint is sent as usual.
    const { fetch: answering } = scripted(json(200, { ok: true }));
    await expect(request(client({ fetch: answering }), withBody, {})).resolves.toStrictEqual({
      ok: true,
    });
  });

  it("never puts the token in an error message", async () => {
    const { fetch } = scripted(json(401, { message: "bad token" }));
    const error = await request(client({ bearerToken: "s3cret", fetch }), endpoint, {
      path: { id: "1" },
    }).catch((caught: unknown) => caught);
    expect(`${String(error)} ${JSON.stringify(error)} ${inspect(error)}`).not.toContain("s3cret");
  });
});

describe("request: headers", () => {
  it("takes per-call and client headers as an object, a Headers or pairs; undefined removes one", async () => {
    const { fetch, calls } = scripted(json(200, {}), json(200, {}), json(200, {}));
    const shared = client({ fetch, bearerToken: "t", headers: new Headers({ "x-team": "voice" }) });
    await request(
      shared,
      endpoint,
      { path: { id: "1" } },
      { headers: { "x-trace": "a", "x-team": undefined } },
    );
    await request(
      shared,
      endpoint,
      { path: { id: "1" } },
      { headers: new Headers({ "x-trace": "b" }) },
    );
    await request(
      client({ fetch, bearerToken: "t", headers: [["x-team", "calls"]] }),
      endpoint,
      { path: { id: "1" } },
      { headers: [["x-trace", "c"]] },
    );
    expect(calls.map((call) => [call.headers["x-team"], call.headers["x-trace"]])).toStrictEqual([
      [undefined, "a"],
      ["voice", "b"],
      ["calls", "c"],
    ]);
  });
});

describe("request: retries", () => {
  const fast = { timeout: 1_000 };

  it("retries 503 twice by default, then succeeds, telling the server which attempt it is", async () => {
    const { fetch, calls } = scripted(
      json(503, {}, { "retry-after-ms": "1" }),
      json(503, {}, { "retry-after-ms": "1" }),
      json(200, { ok: 1 }),
    );
    await expect(
      request(client({ fetch, ...fast }), endpoint, { path: { id: "1" } }),
    ).resolves.toStrictEqual({ ok: 1 });
    expect(calls.map((call) => call.headers["x-retry-count"])).toStrictEqual([undefined, "1", "2"]);
  });

  it("gives up after maxRetries and throws the last error", async () => {
    const { fetch, calls } = scripted(
      json(500, {}, { "retry-after-ms": "1" }),
      json(500, {}, { "retry-after-ms": "1" }),
      json(502, { message: "last" }, { "retry-after-ms": "1" }),
    );
    const error = await request(client({ fetch }), endpoint, { path: { id: "1" } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ status: 502, body: { message: "last" } });
    expect(calls).toHaveLength(3);
  });

  it.each([
    { name: "a 400 (not retryable)", responses: [json(400, {})], options: {}, calls: 1 },
    {
      name: "a 404 with x-should-retry: true",
      responses: [
        json(404, {}, { "x-should-retry": "true", "retry-after-ms": "1" }),
        json(200, {}),
      ],
      options: {},
      calls: 2,
    },
    {
      name: "a 503 with x-should-retry: false",
      responses: [json(503, {}, { "x-should-retry": "false" })],
      options: {},
      calls: 1,
    },
    {
      name: "a 429 with maxRetries: 0 per call",
      responses: [json(429, {})],
      options: { maxRetries: 0 },
      calls: 1,
    },
    {
      name: "408, 409 and 429 (all retryable)",
      responses: [
        json(408, {}, { "retry-after-ms": "1" }),
        json(409, {}, { "retry-after-ms": "1" }),
        json(200, {}),
      ],
      options: {},
      calls: 3,
    },
  ])("sends $calls request(s) for $name", async ({ responses, options, calls: count }) => {
    const { fetch, calls } = scripted(...responses);
    await request(client({ fetch }), endpoint, { path: { id: "1" } }, options).catch(
      () => undefined,
    );
    expect(calls).toHaveLength(count);
  });

  it("never retries POST unless the call says it is idempotent", async () => {
    const post = { method: "POST", path: "/x" } as const;
    const once = scripted(json(503, {}));
    await request(client({ fetch: once.fetch }), post, {}).catch(() => undefined);
    expect(once.calls).toHaveLength(1);
    const retried = scripted(json(503, {}, { "retry-after-ms": "1" }), json(200, {}));
    await request(client({ fetch: retried.fetch }), post, {}, { idempotent: true });
    expect(retried.calls).toHaveLength(2);
  });

  it("retries connection errors", async () => {
    const { fetch, calls } = scripted(new TypeError("fetch failed"), json(200, { ok: true }));
    await expect(
      request(client({ fetch }), endpoint, { path: { id: "1" } }),
    ).resolves.toStrictEqual({ ok: true });
    expect(calls).toHaveLength(2);
  });

  it("honours Retry-After in seconds", async () => {
    const { fetch } = scripted(json(429, {}, { "retry-after": "0.2" }), json(200, {}));
    const start = performance.now();
    await request(client({ fetch }), endpoint, { path: { id: "1" } });
    expect(performance.now() - start).toBeGreaterThanOrEqual(195);
  });
});

describe("request: timeouts and aborts", () => {
  /** A fetch that never answers, but honours its signal like a real one. */
  const hanging: Fetch = (_url, init) =>
    new Promise((_resolve, reject) =>
      init.signal?.addEventListener("abort", () =>
        reject(new DOMException("aborted", "AbortError")),
      ),
    );

  it("times out each attempt, retries, then throws TimeoutError", async () => {
    let attempts = 0;
    const fetch: Fetch = (url, init) => {
      attempts++;
      return hanging(url, init);
    };
    const start = performance.now();
    const error = await request(client({ fetch, timeout: 50, maxRetries: 1 }), endpoint, {
      path: { id: "1" },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe(
      "GET https://api.example.com/v1/things/1: no response within 50 ms",
    );
    expect(attempts).toBe(2);
    expect(performance.now() - start).toBeGreaterThanOrEqual(100);
  });

  it("aborts with AbortError and does not retry", async () => {
    let attempts = 0;
    const controller = new AbortController();
    const fetch: Fetch = (url, init) => {
      attempts++;
      setTimeout(() => controller.abort(), 10);
      return hanging(url, init);
    };
    const error = await request(
      client({ fetch }),
      endpoint,
      { path: { id: "1" } },
      { signal: controller.signal },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect(attempts).toBe(1);
  });

  it("aborts while waiting to retry", async () => {
    const controller = new AbortController();
    const { fetch, calls } = scripted(json(503, {}, { "retry-after": "30" }));
    setTimeout(() => controller.abort(), 20);
    const error = await request(
      client({ fetch }),
      endpoint,
      { path: { id: "1" } },
      { signal: controller.signal },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AbortError);
    expect(calls).toHaveLength(1);
  });

  it("aborts a body that stalls after the headers arrived", async () => {
    const controller = new AbortController();
    // Headers at once, then half a JSON body and nothing more, until the request's signal aborts the stream.
    const fetch: Fetch = async (_url, init) =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(stream) {
            stream.enqueue(new TextEncoder().encode('{"id": '));
            init.signal?.addEventListener("abort", () =>
              stream.error(new DOMException("aborted", "AbortError")),
            );
          },
        }),
        { headers: { "content-type": "application/json" } },
      );
    setTimeout(() => controller.abort(), 30);
    const start = performance.now();
    const error = await request(
      client({ fetch }),
      endpoint,
      { path: { id: "1" } },
      { signal: controller.signal },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AbortError);
    expect(performance.now() - start).toBeLessThan(1_000);
  });

  it("rejects with AbortError, not an ApiError, when the caller aborts while an error body is read", async () => {
    const controller = new AbortController();
    const fetch: Fetch = async (_url, init) =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(stream) {
            stream.enqueue(new TextEncoder().encode('{"message": '));
            init.signal?.addEventListener("abort", () =>
              stream.error(new DOMException("aborted", "AbortError")),
            );
          },
        }),
        { status: 503, headers: { "content-type": "application/json" } },
      );
    setTimeout(() => controller.abort(), 30);
    const error = await request(
      client({ fetch }),
      endpoint,
      { path: { id: "1" } },
      { signal: controller.signal },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AbortError);
  });

  it("detaches from the caller's signal once the body is read, so a long-lived signal collects no listeners", async () => {
    const signal = new AbortController().signal;
    const listening = new Set<unknown>();
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((
      type: string,
      listener: EventListener,
      options?: AddEventListenerOptions,
    ) => (listening.add(listener), add(type, listener, options))) as typeof signal.addEventListener;
    signal.removeEventListener = ((type: string, listener: EventListener) => (
      listening.delete(listener),
      remove(type, listener)
    )) as typeof signal.removeEventListener;
    const { fetch } = scripted(
      json(200, { id: 1 }),
      json(404, { message: "gone" }),
      json(200, { id: 3 }),
    );
    expect(
      await request(client({ fetch }), endpoint, { path: { id: "1" } }, { signal }),
    ).toStrictEqual({ id: 1 });
    await request(client({ fetch }), endpoint, { path: { id: "2" } }, { signal }).catch(
      () => undefined,
    );
    await request(client({ fetch }), endpoint, { path: { id: "3" } }, { signal }).asResponse();
    expect(listening.size).toBe(0);
  });

  it("rejects at once when the signal is already aborted", async () => {
    const { fetch, calls } = scripted(json(200, {}));
    const error = await request(
      client({ fetch }),
      endpoint,
      { path: { id: "1" } },
      { signal: AbortSignal.abort() },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AbortError);
    expect(calls).toHaveLength(0);
  });
});

describe("request: redirects", () => {
  const redirect = (status: number, location: string) =>
    new Response(null, { status, headers: { location } });

  it("keeps credentials on a same-origin redirect", async () => {
    const { fetch, calls } = scripted(redirect(307, "/v1/things/2"), json(200, {}));
    await request(client({ fetch, bearerToken: "t0k" }), endpoint, { path: { id: "1" } });
    expect(calls.map((call) => [call.url, call.headers["authorization"]])).toStrictEqual([
      ["https://api.example.com/v1/things/1", "Bearer t0k"],
      ["https://api.example.com/v1/things/2", "Bearer t0k"],
    ]);
  });

  it("drops Authorization, API-key headers and cookies on a redirect to another origin", async () => {
    const { fetch, calls } = scripted(
      redirect(302, "https://elsewhere.example.net/x"),
      json(200, {}),
    );
    await request(
      client({ fetch, bearerToken: "t0k", headerKey: "k3y" }),
      { method: "GET", path: "/x", security: [["bearerToken", "headerKey"]] },
      {},
      { headers: { cookie: "a=b" } },
    );
    expect(calls[0]?.headers).toMatchObject({
      authorization: "Bearer t0k",
      "x-api-key": "k3y",
      cookie: "a=b",
    });
    expect(calls[1]?.url).toBe("https://elsewhere.example.net/x");
    expect(Object.keys(calls[1]?.headers ?? {})).not.toEqual(
      expect.arrayContaining(["authorization"]),
    );
    expect(calls[1]?.headers).not.toHaveProperty("x-api-key");
    expect(calls[1]?.headers).not.toHaveProperty("cookie");
  });

  it("turns a 303 into a GET", async () => {
    const { fetch, calls } = scripted(redirect(303, "/v1/result"), json(200, {}));
    await request(client({ fetch }), { method: "POST", path: "/jobs" }, {});
    expect(calls.map((call) => call.init.method)).toStrictEqual(["POST", "GET"]);
  });

  it("stops after 20 redirects", async () => {
    const { fetch } = scripted(...Array.from({ length: 25 }, () => redirect(302, "/v1/loop")));
    await expect(
      request(client({ fetch, maxRetries: 0 }), { method: "GET", path: "/loop" }, {}),
    ).rejects.toThrow("more than 20 redirects");
  });
});

describe("request: redirects through Node's own fetch, between two real servers", () => {
  /** A server that answers `/go` with a redirect to `target(path)` and records the headers of every other request. */
  async function listen(redirectTo?: (path: string) => string) {
    const received: { path: string; headers: IncomingHttpHeaders }[] = [];
    const server: Server = createServer((incoming, outgoing) => {
      const path = incoming.url ?? "/";
      if (redirectTo !== undefined && path.startsWith("/go")) {
        outgoing.writeHead(302, { location: redirectTo(path) }).end();
        return;
      }
      received.push({ path, headers: incoming.headers });
      outgoing.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { url, received, close: () => new Promise((resolve) => server.close(resolve)) };
  }

  const keyEndpoint = {
    method: "GET",
    path: "/go",
    security: [["bearerToken", "headerKey"]],
  } as const satisfies Endpoint;

  async function redirectedHeaders(
    sameOrigin: boolean,
    follower: typeof followRedirects | undefined,
  ) {
    // Another port is another origin.
    const elsewhere = await listen();
    const api = await listen((path) => (sameOrigin ? `/landed${path}` : `${elsewhere.url}/landed`));
    try {
      const apiClient = createRuntimeClient(
        { baseUrl: api.url, bearerToken: "t0k", headerKey: "k3y", maxRetries: 0 } as Options,
        {
          userAgent: "x",
          credentials,
          ...(follower === undefined ? {} : { followRedirects: follower }),
        },
      );
      await request(apiClient, keyEndpoint, {}, { headers: { cookie: "a=b" } });
      return [...api.received, ...elsewhere.received];
    } finally {
      await Promise.all([api.close(), elsewhere.close()]);
    }
  }

  it("keeps every credential on a same-origin redirect, with or without a follower", async () => {
    for (const follower of [undefined, followRedirects]) {
      const [landed] = await redirectedHeaders(true, follower);
      expect(landed?.path).toBe("/landed/go");
      expect(landed?.headers).toMatchObject({
        authorization: "Bearer t0k",
        "x-api-key": "k3y",
        cookie: "a=b",
      });
    }
  });

  it("fetch alone drops Authorization and cookies on a redirect to another origin, but not an API-key header", async () => {
    // Why a client without credential headers needs no follower, and one with them does.
    const [landed] = await redirectedHeaders(false, undefined);
    expect(landed?.path).toBe("/landed");
    expect(landed?.headers).not.toHaveProperty("authorization");
    expect(landed?.headers).not.toHaveProperty("cookie");
    expect(landed?.headers).toHaveProperty("x-api-key", "k3y");
  });

  it("followRedirects drops the API-key header as well", async () => {
    const [landed] = await redirectedHeaders(false, followRedirects);
    expect(landed?.path).toBe("/landed");
    expect(landed?.headers).not.toHaveProperty("authorization");
    expect(landed?.headers).not.toHaveProperty("cookie");
    expect(landed?.headers).not.toHaveProperty("x-api-key");
  });
});

describe("request: hooks", () => {
  it("calls beforeRequest, afterResponse and onError for every attempt, without credentials", async () => {
    const seen: string[] = [];
    const infos: RequestInfo[] = [];
    const { fetch, calls } = scripted(json(503, {}, { "retry-after-ms": "1" }), json(200, {}));
    await request(
      client({
        fetch,
        apiKey: "k3y",
        hooks: {
          beforeRequest: (info) => {
            infos.push(info);
            seen.push(`before ${info.attempt}`);
            return { traceparent: `trace-${info.attempt}` };
          },
          afterResponse: (info, response) =>
            void seen.push(`after ${info.attempt} ${response.status}`),
          onError: (info, error) => void seen.push(`error ${info.attempt} ${error.name}`),
        },
      }),
      { method: "GET", path: "/x", security: [["apiKey"]] },
      {},
    );
    expect(seen).toStrictEqual([
      "before 0",
      "after 0 503",
      "error 0 InternalServerError",
      "before 1",
      "after 1 200",
    ]);
    expect(calls.map((call) => call.headers["traceparent"])).toStrictEqual(["trace-0", "trace-1"]);
    expect(JSON.stringify(infos)).not.toContain("k3y");
    expect(infos[0]).toStrictEqual({
      operation: "GET /x",
      method: "GET",
      url: "https://api.example.com/v1/x",
      attempt: 0,
    });
  });
});

describe("request: validation before sending", () => {
  const validated = {
    method: "GET",
    path: "/items/{id}",
    buildPath,
    pathParams: { id: { format: uuidFormat } },
    params: {
      limit: { in: "query", type: "integer", minimum: 1, maximum: 100 },
      order: { in: "query", enum: ["asc", "desc"] },
      since: { in: "query", format: dateTimeFormat },
      q: { in: "query", required: true },
    },
  } as const satisfies Endpoint;

  it("throws one error naming each parameter, its value and the rule, and sends nothing", async () => {
    const { fetch, calls } = scripted(json(200, {}));
    const error = await request(client({ fetch }), validated, {
      path: { id: "nope" },
      params: { limit: 500, order: "newest", since: "yesterday" },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as Error).message).toBe(
      'GET /items/{id}: "id" is "nope", but must be a UUID; "limit" is 500, but must be at most 100; "order" is "newest", but must be one of "asc", "desc"; "since" is "yesterday", but must be an RFC 3339 date-time; "q" is required',
    );
    expect(calls).toHaveLength(0);
  });

  it("can be turned off per client or per call", async () => {
    const { fetch, calls } = scripted(json(200, {}), json(200, {}));
    await request(client({ fetch, validate: false }), validated, {
      path: { id: "x" },
      params: { limit: 500 },
    });
    await request(
      client({ fetch }),
      validated,
      { path: { id: "x" }, params: { limit: 500 } },
      { validate: false },
    );
    expect(calls).toHaveLength(2);
  });
});
