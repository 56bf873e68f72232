import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEchoServer } from "./support/echo-server.js";
import { importGeneratedClient, type LooseModule } from "./support/generated.js";

/** Coverage fixtures whose generated clients change what goes over the wire, against a real server. */
let server: Awaited<ReturnType<typeof startEchoServer>>;
beforeAll(async () => {
  server = await startEchoServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.received.length = 0;
  server.answer((_request, response) => response.writeHead(204).end());
});

describe("parameter styles", () => {
  let sdk: LooseModule;
  let client: unknown;
  beforeAll(async () => {
    sdk = await importGeneratedClient("parameter-styles");
    client = sdk["createClient"]({ baseUrl: server.url });
  });

  it.each([
    { name: "simple arrays and exploded objects in the path", call: () => sdk["simpleStyle"](client, [1, 2, 3], { x: 1, y: 2 }), url: "/simple/1,2,3/x=1,y=2" },
    { name: "label, exploded", call: () => sdk["labelStyle"](client, ["blue", "black"]), url: "/label/.blue.black" },
    { name: "matrix, an object", call: () => sdk["matrixStyle"](client, { R: 100, G: 200 }), url: "/matrix/;color=R,100,G,200" },
  ])("$name", async ({ call, url }) => {
    await call();
    expect(server.received[0]?.url).toBe(url);
  });

  it("query styles, headers and cookies, all in one call", async () => {
    await sdk["search"](client, {
      tags: ["a b", "c"],
      ids: [1, 2],
      words: ["x", "y"],
      flags: ["p", "q"],
      filter: { status: "open", age: 3 },
      point: { x: 1, y: 2 },
      redirect: "/next?page=2",
      day: new Date(Date.UTC(2025, 0, 31, 22)),
      "X-Request-Tags": ["t1", "t2"],
      "X-Dimensions": { w: 10, h: 20 },
      session: "s=1",
      prefs: ["dark", "compact"],
    });
    const [request] = server.received;
    expect(request?.url).toBe("/search?tags=a%20b&tags=c&ids=1,2&words=x%20y&flags=p%7Cq&filter%5Bstatus%5D=open&filter%5Bage%5D=3&x=1&y=2&redirect=/next?page%3D2&day=2025-01-31");
    expect({ tags: request?.headers["x-request-tags"], dimensions: request?.headers["x-dimensions"], cookie: request?.headers.cookie }).toStrictEqual({
      tags: "t1,t2",
      dimensions: "w=10,h=20",
      cookie: "session=s%3D1; prefs=dark%2Ccompact",
    });
  });
});

describe("security schemes", () => {
  let sdk: LooseModule;
  beforeAll(async () => {
    sdk = await importGeneratedClient("security-schemes");
  });

  it.each([
    { operation: "usesDefaultSecurity", want: { authorization: "Bearer jwt" } },
    { operation: "publicEndpoint", want: {} },
    { operation: "headerKey", want: { "x-api-key": "hk" } },
    { operation: "queryKey", want: {}, url: "/query-key?api_key=qk" },
    { operation: "cookieKey", want: { cookie: "SESSION=ck" } },
    { operation: "basicOnly", want: { authorization: `Basic ${Buffer.from("ada:pw").toString("base64")}` } },
    { operation: "oauthScoped", want: { authorization: "Bearer oauth-token" } },
    { operation: "openIdConnect", want: { authorization: "Bearer oidc-token" } },
    { operation: "keyAndToken", want: { "x-api-key": "hk", authorization: "Bearer jwt" } },
    { operation: "optionalAuth", want: { authorization: "Bearer jwt" } },
  ])("$operation sends exactly its scheme's credentials", async ({ operation, want, url }) => {
    const client = sdk["createClient"]({
      baseUrl: server.url,
      bearerAuth: "jwt",
      headerKey: "hk",
      queryKey: "qk",
      cookieKey: "ck",
      basicAuth: { username: "ada", password: "pw" },
      oauth: () => Promise.resolve("oauth-token"),
      oidc: "oidc-token",
    });
    await sdk[operation](client);
    const [request] = server.received;
    const sent = Object.fromEntries(["authorization", "x-api-key", "cookie"].flatMap((name) => (request?.headers[name] === undefined ? [] : [[name, request.headers[name]]])));
    expect(sent).toStrictEqual(want);
    if (url !== undefined) expect(request?.url).toBe(url);
  });

  it("drops the API-key header, the token and cookies on a redirect to another origin", async () => {
    // fetch drops Authorization and cookies by itself, not X-API-Key: this spec's createClient brings a follower that does.
    const elsewhere = await startEchoServer();
    try {
      server.answer((_request, response) => response.writeHead(302, { location: `${elsewhere.url}/landed` }).end());
      elsewhere.answer((_request, response) => response.writeHead(204).end());
      const client = sdk["createClient"]({ baseUrl: server.url, bearerAuth: "jwt", headerKey: "hk", cookieKey: "ck" });
      await sdk["keyAndToken"](client);
      await sdk["cookieKey"](client);
      expect(server.received.map((request) => [request.headers["x-api-key"] ?? request.headers.cookie, request.headers.authorization])).toStrictEqual([
        ["hk", "Bearer jwt"],
        ["SESSION=ck", undefined],
      ]);
      expect(elsewhere.received.map((request) => [request.url, request.headers["x-api-key"], request.headers.authorization, request.headers.cookie])).toStrictEqual([
        ["/landed", undefined, undefined, undefined],
        ["/landed", undefined, undefined, undefined],
      ]);
    } finally {
      await elsewhere.close();
    }
  });

  it("falls back to the next alternative when the first lacks a credential, and sends nothing when none fits", async () => {
    const basicOnly = sdk["createClient"]({ baseUrl: server.url, basicAuth: { username: "u", password: "p" } });
    await sdk["keyAndToken"](basicOnly);
    await sdk["optionalAuth"](basicOnly);
    expect(server.received.map((request) => request.headers.authorization)).toStrictEqual([`Basic ${Buffer.from("u:p").toString("base64")}`, undefined]);
  });
});

describe("servers", () => {
  it("fills server variables, with typed defaults and overrides", async () => {
    const sdk = await importGeneratedClient("servers-with-variables");
    expect(sdk["createClient"]().baseUrl).toBe("https://eu.api.example.com/v2");
    expect(sdk["createClient"]({ serverVariables: { region: "ap-south" } }).baseUrl).toBe("https://ap-south.api.example.com/v2");
  });

  it("asks for baseUrl when the server is relative (outside a browser) or missing", async () => {
    const relative = await importGeneratedClient("relative-server");
    expect(() => relative["createClient"]()).toThrow('the base URL must be absolute (https://…), got "/api/v3"');
    const none = await importGeneratedClient("no-servers");
    expect(() => none["createClient"]()).toThrow("no base URL: the API description names no server, so pass `baseUrl` to createClient");
    server.answer((_request, response) => response.writeHead(200, { "content-type": "application/json" }).end('["a"]'));
    await expect(none["listItems"](none["createClient"]({ baseUrl: server.url }))).resolves.toStrictEqual(["a"]);
  });
});

describe("names", () => {
  it("every operation, however odd its id, is a callable function reaching its own path", async () => {
    const sdk = await importGeneratedClient("names");
    const client = sdk["createClient"]({ baseUrl: server.url });
    const calls: [string, string][] = [
      ["getUsersByUserId", "GET /users/u1"],
      ["delete_", "DELETE /users/u1"],
      ["getUser", "GET /users"],
      ["getUser2", "POST /users"],
      ["duplicated", "GET /dup/a"],
      ["duplicated2", "GET /dup/b"],
      ["_2faVerify", "POST /2fa"],
      ["createClient_", "GET /client"],
      ["isApiError_", "GET /errors"],
      ["listarLlamadasÚltimas", "GET /llamadas"],
      ["列出通话", "GET /%E9%80%9A%E8%AF%9D"],
      ["listCallsV1CallsGet", "GET /v1/calls/"],
      ["listCallsV2CallsGet", "GET /v2/calls/"],
    ];
    for (const [name] of calls) await (name.includes("Users") || name === "delete_" ? sdk[name](client, "u1") : sdk[name](client));
    expect(server.received.map((request) => `${request.method} ${request.url}`)).toStrictEqual(calls.map(([, sent]) => sent));
    const names = new sdk["Names"]({ baseUrl: server.url });
    // The tag `User Accounts` is not in these names, so they keep their words (`getById` would hide which resource).
    expect(Object.keys(names.userAccounts)).toStrictEqual(["getUsersByUserId", "delete", "getUser", "getUser2"]);
    expect(Object.keys(names.calls)).toStrictEqual(["listV1CallsGet", "listV2CallsGet"]);
  });
});

describe("hostile text", () => {
  it("sends enum values with quotes, backticks and newlines exactly, and checks the pattern", async () => {
    const sdk = await importGeneratedClient("hostile-text");
    const client = sdk["createClient"]({ baseUrl: server.url });
    server.answer((_request, response) => response.writeHead(200, { "content-type": "application/json" }).end("{}"));
    for (const mode of ["it's", 'say "hi"', "back`tick", "${x}", "*/", "new\nline", "ünïcödé"]) await sdk["getItem"](client, "id/1", { mode });
    expect(server.received.map((request) => new URL(request.url, server.url).searchParams.get("mode"))).toStrictEqual(["it's", 'say "hi"', "back`tick", "${x}", "*/", "new\nline", "ünïcödé"]);
    expect(server.received[0]?.url.startsWith("/items/id%2F1?")).toBe(true);
    await expect(sdk["getItem"](client, "x", { "filter[name]": "UPPER" })).rejects.toThrow(`"filter[name]" is "UPPER", but must match /^[a-z]+'*/$/`);
  });
});
