import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AGENT_IDS, startFakeDiga, type FakeDiga } from "../../../fixtures/diga-phones/server.js";
import {
  AbortError,
  ConnectionError,
  createClient,
  Diga,
  isApiError,
  listPhones,
  PermissionDeniedError,
  RateLimitError,
  RequestValidationError,
  TimeoutError,
  type ClientOptions,
  type ListPhonesItem,
} from "../../diga-client/src/index.js";

/**
 * The generated Diga client's runtime against the fake Diga API over real HTTP: pagination over 250 phones,
 * retries, timeouts, aborts, redirects, hooks and validation, counting exactly what went over the wire.
 */
describe("Diga client runtime over HTTP", () => {
  let server: FakeDiga;
  let other: FakeDiga;
  const client = (options: ClientOptions = {}) => createClient({ baseUrl: server.url, bearerToken: server.token, ...options });
  const phoneIds = (phones: readonly { id: string }[]) => phones.map((phone) => phone.id);

  async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
    const out: T[] = [];
    for await (const value of iterable) out.push(value);
    return out;
  }

  beforeAll(async () => {
    [server, other] = await Promise.all([startFakeDiga(), startFakeDiga()]);
  });
  afterAll(() => Promise.all([server.close(), other.close()]));
  beforeEach(() => {
    server.requests.length = 0;
    other.requests.length = 0;
  });

  describe("pagination", () => {
    it("iterates all 250 phones in order, 100 per request, in exactly 3 requests", async () => {
      const phones = await collect(listPhones(client(), { limit: 100, order: "asc" }));
      expect(phoneIds(phones)).toStrictEqual(phoneIds(server.phones));
      expect(server.requests.map((request) => request.url)).toStrictEqual([
        "/v1/phone/?limit=100&order=asc",
        `/v1/phone/?after=${server.phones[99]?.id}&limit=100&order=asc`,
        `/v1/phone/?after=${server.phones[199]?.id}&limit=100&order=asc`,
      ]);
    });

    it("iterates with the default page size and order (desc), every phone exactly once", async () => {
      const phones = await collect(listPhones(client()));
      expect(phoneIds(phones)).toStrictEqual(phoneIds([...server.phones].reverse()));
      expect(server.requests).toHaveLength(13);
    });

    it("keeps filters on every page", async () => {
      const agent = AGENT_IDS[1];
      const phones = await collect(listPhones(client(), { inbound_agent_id: agent, status: "assigned", limit: 7 }));
      const expected = [...server.phones].reverse().filter((phone) => phone.inbound_agent_id === agent && phone.status === "assigned");
      expect(phoneIds(phones)).toStrictEqual(phoneIds(expected));
      expect(server.requests.every((request) => request.url.includes(`inbound_agent_id=${agent}`) && request.url.includes("status=assigned"))).toBe(true);
      expect(server.requests).toHaveLength(Math.ceil(expected.length / 7));
    });

    it("pages backwards through first_id when started with before", async () => {
      const start = server.phones[60]?.id;
      const phones = await collect(listPhones(client(), { before: start, limit: 25, order: "asc" }));
      // Every phone before the start, the nearest first: the whole sequence runs backwards.
      expect(phoneIds(phones)).toStrictEqual(phoneIds(server.phones.slice(0, 60)).reverse());
      expect(server.requests.map((request) => new URL(request.url, server.url).searchParams.get("before"))).toStrictEqual([start, server.phones[35]?.id, server.phones[10]?.id]);
    });

    it("follows page numbers when started with page, and stops at total_pages", async () => {
      const pages = await collect(listPhones(client(), { page: 1, limit: 100, order: "asc" }).iterPages());
      expect(pages.map((page) => [page.current_page, page.total_pages, page.data.length])).toStrictEqual([
        [1, 3, 100],
        [2, 3, 100],
        [3, 3, 50],
      ]);
      expect(server.requests).toHaveLength(3);
    });

    it("gives one page with hasNextPage/getNextPage when awaited", async () => {
      const first = await listPhones(client(), { limit: 2, order: "asc" });
      expect(first.hasNextPage()).toBe(true);
      const second = await first.getNextPage();
      expect(phoneIds(second.data)).toStrictEqual(phoneIds(server.phones.slice(2, 4)));
      expect(server.requests).toHaveLength(2);
    });

    it("stops when the listing is exhausted, with no extra request", async () => {
      const phones = await collect(listPhones(client(), { limit: 50, order: "asc" }));
      expect(phones).toHaveLength(250);
      expect(server.requests).toHaveLength(5);
    });

    it("rejects after + before before any request is sent", async () => {
      const both = { after: server.phones[1]?.id, before: server.phones[5]?.id } as never;
      await expect(listPhones(client(), both)).rejects.toThrow(RequestValidationError);
      await expect(listPhones(client(), both)).rejects.toThrow('GET /v1/phone/: pass either "after" or "before", not both');
      expect(server.requests).toHaveLength(0);
    });
  });

  describe("retries", () => {
    it("retries a 503 and succeeds: 2 requests, the second marked as retry 1", async () => {
      server.inject({ kind: "status", status: 503, headers: { "retry-after-ms": "5" } });
      const page = await listPhones(client(), { limit: 1 });
      expect(page.data).toHaveLength(1);
      expect(server.requests.map((request) => request.headers["x-retry-count"])).toStrictEqual([undefined, "1"]);
    });

    it("waits as long as a 429's Retry-After says", async () => {
      server.inject({ kind: "status", status: 429, headers: { "retry-after": "1" }, body: { status: "error", error_code: "RATE_LIMITED", message: "slow down" } });
      const start = performance.now();
      await listPhones(client(), { limit: 1 });
      const elapsed = performance.now() - start;
      expect(server.requests).toHaveLength(2);
      expect(elapsed).toBeGreaterThanOrEqual(990);
      expect(elapsed).toBeLessThan(3_000);
    });

    it("backs off exponentially without Retry-After: about 0.5 s, then 1 s, with at most 25% jitter", async () => {
      server.inject({ kind: "status", status: 503 }, { kind: "status", status: 503 });
      const start = performance.now();
      await listPhones(client(), { limit: 1 });
      const elapsed = performance.now() - start;
      expect(server.requests).toHaveLength(3);
      expect(elapsed).toBeGreaterThanOrEqual(375 + 750 - 5);
      expect(elapsed).toBeLessThan(1_500 + 1_000);
    });

    it("throws RateLimitError when 429 outlasts the retries", async () => {
      server.inject(
        ...Array.from({ length: 3 }, () => ({ kind: "status" as const, status: 429, headers: { "retry-after-ms": "1" }, body: { status: "error", error_code: "RATE_LIMITED", message: "slow down" } })),
      );
      const error = await listPhones(client()).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(server.requests).toHaveLength(3);
    });

    it("does not retry a 403", async () => {
      const error = await listPhones(createClient({ baseUrl: server.url, bearerToken: "wrong" })).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PermissionDeniedError);
      expect(server.requests).toHaveLength(1);
    });

    it("retries a dropped connection and then succeeds", async () => {
      server.inject({ kind: "drop" });
      const page = await listPhones(client(), { limit: 3 });
      expect(page.data).toHaveLength(3);
      expect(server.requests).toHaveLength(2);
    });

    it("throws ConnectionError when every attempt is dropped", async () => {
      server.inject({ kind: "drop" }, { kind: "drop" });
      const error = await listPhones(client({ maxRetries: 1 })).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).not.toBeInstanceOf(TimeoutError);
      expect(server.requests).toHaveLength(2);
    });
  });

  describe("timeouts and aborts", () => {
    it("times out a slow response, retries it, and gives up with TimeoutError", async () => {
      server.inject({ kind: "delay", ms: 400 }, { kind: "delay", ms: 400 });
      const start = performance.now();
      const error = await listPhones(client(), { limit: 1 }, { timeout: 100, maxRetries: 1 }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TimeoutError);
      expect(server.requests).toHaveLength(2);
      expect(performance.now() - start).toBeGreaterThanOrEqual(200);
    });

    it("recovers when only the first response is slow", async () => {
      server.inject({ kind: "delay", ms: 400 });
      const page = await listPhones(client({ timeout: 100 }), { limit: 1 });
      expect(page.data).toHaveLength(1);
      expect(server.requests).toHaveLength(2);
    });

    it("aborts with AbortError, without retrying", async () => {
      server.inject({ kind: "delay", ms: 1_000 });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const error = await listPhones(client(), {}, { signal: controller.signal }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AbortError);
      expect(server.requests).toHaveLength(1);
    });
  });

  describe("security", () => {
    it("sends User-Agent naming the client and its version", async () => {
      await listPhones(client(), { limit: 1 });
      expect(server.requests[0]?.headers["user-agent"]).toBe("@diga/client/0.1.0");
    });

    it("does not carry the token across a redirect to another origin", async () => {
      server.inject({ kind: "redirect", status: 307, location: `${other.url}/v1/phone/?limit=1` });
      const error = await listPhones(client(), { limit: 1 }).catch((caught: unknown) => caught);
      expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${server.token}`);
      expect(other.requests).toHaveLength(1);
      expect(other.requests[0]?.headers.authorization).toBeUndefined();
      expect(error).toBeInstanceOf(PermissionDeniedError);
    });

    it("keeps the token on a same-origin redirect", async () => {
      server.inject({ kind: "redirect", status: 308, location: "/v1/phone/?limit=2" });
      const page = await listPhones(client(), { limit: 1 });
      expect(page.data).toHaveLength(2);
      expect(server.requests.map((request) => request.headers.authorization)).toStrictEqual([`Bearer ${server.token}`, `Bearer ${server.token}`]);
    });
  });

  describe("validation before sending", () => {
    it.each([
      { name: "limit above 100", params: { limit: 500 }, message: 'GET /v1/phone/: "limit" is 500, but must be at most 100' },
      { name: "limit as a string", params: { limit: "10" }, message: 'GET /v1/phone/: "limit" is "10", but must be a number' },
      { name: "an unknown status", params: { status: "bogus" }, message: 'GET /v1/phone/: "status" is "bogus", but must be one of "reserved", "assigned", "released", "finished"' },
      { name: "a malformed uuid", params: { inbound_agent_id: "agent-7" }, message: 'GET /v1/phone/: "inbound_agent_id" is "agent-7", but must be a UUID' },
      { name: "a malformed date-time", params: { start_assigned_at: "last tuesday" }, message: 'GET /v1/phone/: "start_assigned_at" is "last tuesday", but must be an RFC 3339 date-time' },
      { name: "page 0", params: { page: 0 }, message: 'GET /v1/phone/: "page" is 0, but must be at least 1' },
    ])("stops $name with a clear error and sends nothing", async ({ params, message }) => {
      const error = await listPhones(client(), params as never).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RequestValidationError);
      expect((error as Error).message).toBe(message);
      expect(server.requests).toHaveLength(0);
    });

    it("can be switched off, leaving the check to the server", async () => {
      const error = await listPhones(client({ validate: false }), { limit: 500 }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ status: 422, body: { error_code: "VALIDATION_ERROR" } });
      expect(server.requests).toHaveLength(1);
    });
  });

  describe("errors, raw responses and hooks", () => {
    it("narrows a documented error with isApiError(error, listPhones)", async () => {
      server.inject({ kind: "status", status: 400, body: { status: "error", error_code: "NOT_VALID_FIELD", message: "Invalid field value in query parameters" } });
      const error = await listPhones(client()).catch((caught: unknown) => caught);
      expect(isApiError(error, listPhones)).toBe(true);
      if (isApiError(error, listPhones) && error.status === 400) expect(error.body.error_code).toBe("NOT_VALID_FIELD");
    });

    it("says an undocumented status is not one of the operation's errors", async () => {
      server.inject({ kind: "status", status: 404, body: { detail: "Not Found" } });
      const error = await listPhones(client()).catch((caught: unknown) => caught);
      expect(isApiError(error)).toBe(true);
      expect(isApiError(error, listPhones)).toBe(false);
    });

    it("gives the parsed page with the Response and request id, or the raw Response", async () => {
      const { data, response, requestId } = await listPhones(client(), { limit: 2 }).withResponse();
      expect({ count: data.data.length, status: response.status, requestId }).toStrictEqual({ count: 2, status: 200, requestId: response.headers.get("x-request-id") });
      const raw = await listPhones(client(), { limit: 2 }).asResponse();
      expect(raw.bodyUsed).toBe(false);
      expect((JSON.parse(await raw.text()) as { data: unknown[] }).data).toHaveLength(2);
    });

    it("runs hooks for every attempt, for logging and tracing", async () => {
      const log: string[] = [];
      server.inject({ kind: "status", status: 503, headers: { "retry-after-ms": "1" } });
      await listPhones(
        client({
          hooks: {
            beforeRequest: (info) => {
              log.push(`→ ${info.operation} #${info.attempt}`);
              return { traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" };
            },
            afterResponse: (info, response) => void log.push(`← ${response.status} #${info.attempt}`),
            onError: (info, error) => void log.push(`✗ ${error.name} #${info.attempt}`),
          },
        }),
        { limit: 1 },
      );
      expect(log).toStrictEqual(["→ GET /v1/phone/ #0", "← 503 #0", "✗ InternalServerError #0", "→ GET /v1/phone/ #1", "← 200 #1"]);
      expect(server.requests.every((request) => request.headers.traceparent !== undefined)).toBe(true);
    });
  });

  describe("the resource-style facade", () => {
    it("diga.phones.list and diga.listPhones behave as listPhones with the client bound", async () => {
      const diga = new Diga({ baseUrl: server.url, bearerToken: server.token });
      const viaResource: ListPhonesItem[] = await collect(diga.phones.list({ limit: 100 }));
      const viaFunction = await collect(diga.listPhones({ limit: 100 }));
      const standalone = await collect(listPhones(diga.client, { limit: 100 }));
      expect(phoneIds(viaResource)).toStrictEqual(phoneIds(standalone));
      expect(phoneIds(viaFunction)).toStrictEqual(phoneIds(standalone));
      expect(viaResource).toHaveLength(250);
      // Bound per instance: another client's facade talks to its own server settings.
      const elsewhere = new Diga({ baseUrl: "http://127.0.0.1:9/", bearerToken: server.token, maxRetries: 0 });
      await expect(elsewhere.phones.list({ limit: 1 })).rejects.toThrow(ConnectionError);
    });
  });
});
