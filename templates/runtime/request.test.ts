import { describe, expect, it } from "vitest";
import { createRuntimeClient, type Fetch } from "./client.js";
import { ApiError, ConnectionError, SdkError } from "./errors.js";
import { buildRequest, request, type Endpoint } from "./request.js";

const credentials = {
  bearerToken: { kind: "bearer" },
  apiKey: { kind: "apiKey", in: "query", name: "api_key" },
  basicAuth: { kind: "basic" },
} as const;

function client(options: Parameters<typeof createRuntimeClient>[0] & Record<string, unknown> = {}) {
  return createRuntimeClient(options, { baseUrl: "https://api.example.com/v1/", credentials });
}

const endpoint = {
  method: "GET",
  path: "/things/{id}",
  params: { limit: { in: "query" }, "X-Trace": { in: "header" }, session: { in: "cookie" } },
  security: [["bearerToken"]],
} as const satisfies Endpoint;

describe("createRuntimeClient", () => {
  it("requires an absolute base URL", () => {
    expect(() => createRuntimeClient({}, { credentials: {} })).toThrow("no base URL");
    expect(() => createRuntimeClient({ baseUrl: "/api" }, { credentials: {} })).toThrow('baseUrl must be an absolute http(s) URL, got "/api"');
  });
});

describe("buildRequest", () => {
  it("builds the URL, query, headers and cookies of a call", async () => {
    const { url, init } = await buildRequest(client({ bearerToken: "t0k", headers: { "x-default": "1" } }), endpoint, {
      path: { id: "a/b" },
      params: { limit: 5, "X-Trace": "abc", session: "s 1" },
    });
    expect(url).toBe("https://api.example.com/v1/things/a%2Fb?limit=5");
    expect(Object.fromEntries(init.headers as Headers)).toStrictEqual({
      accept: "application/json",
      authorization: "Bearer t0k",
      cookie: "session=s%201",
      "x-default": "1",
      "x-trace": "abc",
    });
    expect(init.method).toBe("GET");
  });

  it("sends no credentials to an operation that asks for none", async () => {
    const { init } = await buildRequest(client({ bearerToken: "t0k" }), { method: "GET", path: "/open" }, {});
    expect((init.headers as Headers).has("authorization")).toBe(false);
  });

  it.each([
    { name: "the first satisfiable alternative", security: [["basicAuth"], ["apiKey"]], options: { apiKey: "k" }, want: { url: "https://api.example.com/v1/x?api_key=k", authorization: null } },
    { name: "basic auth, UTF-8 safe", security: [["basicAuth"]], options: { basicAuth: { username: "zoë", password: "p:w" } }, want: { url: "https://api.example.com/v1/x", authorization: `Basic ${Buffer.from("zoë:p:w").toString("base64")}` } },
    { name: "a token function, called per request", security: [["bearerToken"]], options: { bearerToken: () => Promise.resolve("fresh") }, want: { url: "https://api.example.com/v1/x", authorization: "Bearer fresh" } },
  ])("credentials: $name", async ({ security, options, want }) => {
    const { url, init } = await buildRequest(client(options), { method: "GET", path: "/x", security }, {});
    expect({ url, authorization: (init.headers as Headers).get("authorization") }).toStrictEqual(want);
  });

  it("lets a per-call header override or remove a client header", async () => {
    const { init } = await buildRequest(client({ headers: { "x-a": "client", "x-b": "client" } }), { method: "GET", path: "/x" }, {}, { headers: { "x-a": "call", "x-b": undefined } });
    expect(Object.fromEntries(init.headers as Headers)).toStrictEqual({ accept: "application/json", "x-a": "call" });
  });

  it("rejects header values with line breaks", async () => {
    await expect(buildRequest(client(), endpoint, { path: { id: "1" }, params: { "X-Trace": "a\r\nx-evil: 1" } })).rejects.toThrow(SdkError);
    await expect(buildRequest(client({ bearerToken: "t\nx" }), endpoint, { path: { id: "1" } })).rejects.toThrow('header "authorization" contains a line break');
  });
});

function respond(status: number, body: string, headers: Record<string, string> = { "content-type": "application/json" }): Fetch {
  return () => Promise.resolve(new Response(status === 204 ? null : body, { status, headers }));
}

describe("request", () => {
  it("resolves with the parsed JSON body", async () => {
    await expect(request(client({ fetch: respond(200, '{"ok":true}') }), endpoint, { path: { id: "1" } })).resolves.toStrictEqual({ ok: true });
  });

  it("resolves with undefined for an empty body", async () => {
    await expect(request(client({ fetch: respond(204, "", {}) }), { method: "DELETE", path: "/x", response: "empty" }, {})).resolves.toBeUndefined();
  });

  it("rejects with an ApiError carrying status, headers, body and request id", async () => {
    const fetch = respond(422, '{"status":"error","error_code":"INVALID_PAGINATION_PARAMETERS","message":"Cannot specify both"}', {
      "content-type": "application/json",
      "x-request-id": "req_1",
    });
    const error = await request(client({ fetch }), endpoint, { path: { id: "1" } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 422,
      requestId: "req_1",
      body: { status: "error", error_code: "INVALID_PAGINATION_PARAMETERS", message: "Cannot specify both" },
      message: "422 INVALID_PAGINATION_PARAMETERS: Cannot specify both (request id req_1)",
    });
    expect((error as ApiError).headers.get("content-type")).toBe("application/json");
  });

  it("keeps a non-JSON error body as text", async () => {
    const error = await request(client({ fetch: respond(502, "<html>Bad gateway</html>", { "content-type": "text/html" }) }), endpoint, { path: { id: "1" } }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 502, body: "<html>Bad gateway</html>", message: "502 <html>Bad gateway</html>" });
  });

  it("rejects with a ConnectionError when fetch fails, keeping the cause", async () => {
    const cause = new TypeError("fetch failed");
    const error = await request(client({ fetch: () => Promise.reject(cause) }), endpoint, { path: { id: "1" } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ cause, message: "GET /things/{id}: connection failed: fetch failed" });
  });

  it("never puts the token in an error message", async () => {
    const error = await request(client({ bearerToken: "s3cret", fetch: respond(401, '{"message":"bad token"}') }), endpoint, { path: { id: "1" } }).catch((caught: unknown) => caught);
    expect(String(error)).not.toContain("s3cret");
    expect(JSON.stringify(error)).not.toContain("s3cret");
  });
});
