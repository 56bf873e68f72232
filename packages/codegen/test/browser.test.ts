import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startFakeDiga, type FakeDiga } from "../../../fixtures/diga-phones/server.js";
import { startStylesServer, THINGS, type StylesServer } from "../../../fixtures/pagination-styles/server.js";
import { bundleForBrowser, launchChromium, servePage } from "./support/browser.js";
import type { ScenarioConfig, Scenarios } from "./support/browser-page.js";

/**
 * The generated client's source, bundled by esbuild for the browser, in Debian's headless Chromium. The page is
 * served from one loopback origin and the fake Diga API listens on another port, so every call carries
 * `Authorization` across origins and the browser sends a real CORS preflight first.
 */
describe("generated Diga client in Chromium, across origins", () => {
  let browser: Browser | undefined;
  let page: Page;
  let pageServer: Awaited<ReturnType<typeof servePage>> | undefined;
  let diga: FakeDiga | undefined;
  let styles: StylesServer | undefined;
  let environment: { readonly origin: string; readonly userAgent: string };
  const pageErrors: string[] = [];

  const server = (): FakeDiga => {
    if (diga === undefined) throw new Error("the fake Diga server did not start");
    return diga;
  };
  const config = (token = server().token): ScenarioConfig => ({ baseUrl: server().url, token });
  /** Runs a scenario of the page script in the page, with its plain-JSON result. */
  const run = <K extends keyof Scenarios>(name: K, ...args: Parameters<Scenarios[K]>): Promise<Awaited<ReturnType<Scenarios[K]>>> =>
    page.evaluate(([scenario, values]) => (globalThis as unknown as Record<string, Record<string, (...args: unknown[]) => unknown>>)["digaScenarios"]?.[scenario]?.(...values), [
      name,
      args,
    ] as const) as Promise<Awaited<ReturnType<Scenarios[K]>>>;
  const sent = () => server().requests.map((request) => `${request.method} ${request.url}`);
  const newestFirst = () => [...server().phones].reverse().map((phone) => phone.id);
  const requestId = expect.stringMatching(/^req_\d{4}$/);

  beforeAll(async () => {
    const script = await bundleForBrowser(fileURLToPath(new URL("./support/browser-page.ts", import.meta.url)));
    pageServer = await servePage(script);
    diga = await startFakeDiga({ cors: { origin: pageServer.url } });
    styles = await startStylesServer({ cors: { origin: pageServer.url } });
    browser = await launchChromium();
    page = await browser.newPage();
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    await page.goto(`${pageServer.url}/`);
    await page.waitForFunction(() => "digaScenarios" in globalThis);
    environment = await run("environment");
  });
  afterAll(async () => {
    await browser?.close();
    await pageServer?.close();
    await diga?.close();
    await styles?.close();
  });
  beforeEach(() => {
    server().requests.length = 0;
  });
  afterEach(() => {
    expect(pageErrors).toStrictEqual([]);
  });

  it("runs in a real browser page on another origin than the API", () => {
    expect(environment.origin).toBe(pageServer?.url);
    expect(new URL(server().url).origin).not.toBe(environment.origin);
    expect(environment.userAgent).toMatch(/Chrome\/\d+/);
  });

  it("fetches the first page after a CORS preflight, and reads the request id the server exposes", async () => {
    const result = await run("firstPage", config());

    const ids = newestFirst().slice(0, 5);
    expect(result).toStrictEqual({ ids, firstId: ids[0], lastId: ids[4], hasMore: true, hasNextPage: true, requestId });
    expect(sent()).toStrictEqual(["OPTIONS /v1/phone/?limit=5", "GET /v1/phone/?limit=5"]);
    const [preflight, get] = server().requests;
    expect(preflight?.headers).toMatchObject({
      origin: environment.origin,
      "access-control-request-method": "GET",
      // The headers a script set that are not CORS-safelisted: no User-Agent among them, no retry count on a first attempt.
      "access-control-request-headers": "authorization",
    });
    expect(preflight?.headers.authorization).toBeUndefined();
    expect(get?.headers).toMatchObject({
      origin: environment.origin,
      authorization: `Bearer ${server().token}`,
      accept: "application/json",
      // The browser's own, not the client's `@diga/client/0.1.0`.
      "user-agent": environment.userAgent,
    });
  });

  it("lets the browser follow a redirect, sending the redirected request once (the browser keeps the token on its origin itself)", async () => {
    server().inject({ kind: "redirect", status: 307, location: "/v1/phone/?limit=5&order=desc" });
    const result = await run("firstPage", config());

    expect(result.ids).toStrictEqual(newestFirst().slice(0, 5));
    expect(sent().filter((request) => request.startsWith("GET "))).toStrictEqual(["GET /v1/phone/?limit=5", "GET /v1/phone/?limit=5&order=desc"]);
    expect(
      server()
        .requests.filter((request) => request.method === "GET")
        .map((request) => request.headers.authorization),
    ).toStrictEqual([`Bearer ${server().token}`, `Bearer ${server().token}`]);
  });

  it("hands fetch no User-Agent in a browser: the runtime sets one only outside browsers", async () => {
    const headers = await run("headersGivenToFetch", config());

    expect(headers).toStrictEqual([
      [
        ["accept", "application/json"],
        ["authorization", `Bearer ${server().token}`],
      ],
    ]);
  });

  it("iterates every phone the server holds with for await, following the after cursor page by page", async () => {
    const ids = await run("allPhones", config());

    expect(ids).toHaveLength(server().phones.length);
    expect(ids).toStrictEqual(newestFirst());
    const [page2Cursor, page3Cursor] = [ids[99], ids[199]];
    expect(sent()).toStrictEqual([
      "OPTIONS /v1/phone/?limit=100",
      "GET /v1/phone/?limit=100",
      // Query parameters go in the spec's order, so the cursor comes before the limit.
      `OPTIONS /v1/phone/?after=${page2Cursor}&limit=100`,
      `GET /v1/phone/?after=${page2Cursor}&limit=100`,
      `OPTIONS /v1/phone/?after=${page3Cursor}&limit=100`,
      `GET /v1/phone/?after=${page3Cursor}&limit=100`,
    ]);
  });

  it("follows Django REST framework's next URLs across origins to the last page, and stops at next: null", async () => {
    styles?.requests.splice(0);
    const ids = await run("drfThings", styles?.url ?? "");

    expect(ids).toStrictEqual(THINGS.map((thing) => thing.id));
    expect(styles?.requests).toStrictEqual(["/drf/things?page_size=10", "/drf/things?page_size=10&page=2", "/drf/things?page_size=10&page=3"]);
  });

  it("follows the Link header across origins, which the server exposes to scripts", async () => {
    styles?.requests.splice(0);
    const ids = await run("linkThings", styles?.url ?? "");

    expect(ids).toStrictEqual(THINGS.map((thing) => thing.id));
    expect(styles?.requests).toStrictEqual(["/link/things?per_page=10", "/link/things?per_page=10&page=2", "/link/things?per_page=10&page=3"]);
  });

  it("rejects a wrong token with a PermissionDeniedError carrying status, body and request id, without retrying", async () => {
    const error = await run("failingCall", config("not-the-token"));

    expect(error).toStrictEqual({
      name: "PermissionDeniedError",
      message: expect.stringMatching(/^GET \/v1\/phone\/: 403 FORBIDDEN: Missing required permissions \(request id req_\d{4}\)$/),
      instanceOf: ["SdkError", "ApiError", "PermissionDeniedError"],
      status: 403,
      body: { status: "error", error_code: "FORBIDDEN", message: "Missing required permissions" },
      requestId,
      documented: true,
      causeName: undefined,
    });
    expect(sent()).toStrictEqual(["OPTIONS /v1/phone/?limit=5", "GET /v1/phone/?limit=5"]);
    expect(server().requests[1]?.headers.authorization).toBe("Bearer not-the-token");
  });

  it("rejects a 401 with an AuthenticationError, which listPhones does not document", async () => {
    const body = { status: "error", error_code: "UNAUTHORIZED", message: "Token expired" };
    server().inject({ kind: "status", status: 401, body });

    const error = await run("failingCall", config());

    expect(error).toStrictEqual({
      name: "AuthenticationError",
      message: expect.stringMatching(/^GET \/v1\/phone\/: 401 UNAUTHORIZED: Token expired \(request id req_\d{4}\)$/),
      instanceOf: ["SdkError", "ApiError", "AuthenticationError"],
      status: 401,
      body,
      requestId,
      documented: false,
      causeName: undefined,
    });
    expect(sent()).toStrictEqual(["OPTIONS /v1/phone/?limit=5", "GET /v1/phone/?limit=5"]);
  });

  it("rejects with an AbortError when the caller's AbortSignal aborts a request in flight, and does not retry it", async () => {
    server().inject({ kind: "delay", ms: 3_000 });

    await run("startAbortable", config());
    await vi.waitFor(() => expect(sent()).toContain("GET /v1/phone/?limit=5"), { timeout: 5_000, interval: 20 });
    const error = await run("abortPending");

    expect(error).toStrictEqual({
      name: "AbortError",
      message: "request aborted",
      instanceOf: ["SdkError", "AbortError"],
      status: undefined,
      body: undefined,
      requestId: undefined,
      documented: false,
      causeName: "AbortError",
    });
    expect(sent()).toStrictEqual(["OPTIONS /v1/phone/?limit=5", "GET /v1/phone/?limit=5"]);
  });
});
