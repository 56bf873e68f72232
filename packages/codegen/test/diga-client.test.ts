import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeDiga, type FakeDiga } from "../../../fixtures/diga-phones/server.js";
import { ApiError, ConnectionError, createClient, InternalServerError, listPhones, SdkError, UnprocessableEntityError, type ListPhonesError } from "../../diga-client/src/index.js";

/** The committed, generated Diga client against a real HTTP server on 127.0.0.1: what goes over the wire, and back. */
describe("generated Diga client over HTTP", () => {
  let server: FakeDiga;
  const client = () => createClient({ baseUrl: server.url, bearerToken: server.token });

  beforeAll(async () => {
    server = await startFakeDiga();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  it("sends GET /v1/phone/ with no query when called without parameters, and the bearer token", async () => {
    await listPhones(client());
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      method: "GET",
      url: "/v1/phone/",
      headers: { authorization: `Bearer ${server.token}`, accept: "application/json" },
    });
  });

  it("serialises every query parameter: null and undefined omitted, dates as ISO strings, values encoded", async () => {
    // Only the request matters here; the fake answers 400 because the cursor is not in the filtered listing.
    await listPhones(client(), {
      after: "00000000-0000-4000-8000-000000000010",
      before: null,
      page: null,
      limit: 7,
      order: "asc",
      inbound_agent_id: "a0000000-0000-4000-8000-000000000001",
      outbound_agent_id: null,
      status: "assigned",
      start_assigned_at: new Date(Date.UTC(2025, 0, 1, 0, 0, 0)),
      end_assigned_at: "2025-12-31T23:59:59+01:00",
    }).catch(() => undefined);
    expect(server.requests[0]?.url).toBe(
      "/v1/phone/?after=00000000-0000-4000-8000-000000000010&limit=7&order=asc&inbound_agent_id=a0000000-0000-4000-8000-000000000001&status=assigned&start_assigned_at=2025-01-01T00%3A00%3A00.000Z&end_assigned_at=2025-12-31T23%3A59%3A59%2B01%3A00",
    );
  });

  it("resolves with the parsed, typed page", async () => {
    const page = await listPhones(client(), { limit: 3, order: "asc" });
    expect({ ...page }).toStrictEqual({
      data: server.phones.slice(0, 3),
      first_id: server.phones[0]?.id,
      last_id: server.phones[2]?.id,
      has_more: true,
      current_page: null,
      total_pages: null,
    });
  });

  it("filters as asked: only matching phones come back", async () => {
    const page = await listPhones(client(), { status: "released", limit: 100 });
    expect(page.data.length).toBeGreaterThan(0);
    expect(page.data.every((phone) => phone.status === "released")).toBe(true);
  });

  it("surfaces a 422 with the spec's error body as a typed ApiError", async () => {
    // A 422 the client cannot prevent: this cursor is not a phone of the filtered listing on the server's side.
    server.inject({ kind: "status", status: 422, body: { status: "error", error_code: "INVALID_PAGINATION_PARAMETERS", message: "Cannot specify both 'before' and 'after' parameters" } });
    const error = await listPhones(client()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toBeInstanceOf(ApiError);
    const typed = error as ListPhonesError;
    expect({ status: typed.status, body: typed.body, requestId: typed.requestId }).toStrictEqual({
      status: 422,
      body: { status: "error", error_code: "INVALID_PAGINATION_PARAMETERS", message: "Cannot specify both 'before' and 'after' parameters" },
      requestId: typed.headers.get("x-request-id"),
    });
    expect(typed.requestId).toMatch(/^req_\d{4}$/);
    expect(typed.headers.get("content-type")).toBe("application/json");
    expect(typed.message).toBe(`GET /v1/phone/: 422 INVALID_PAGINATION_PARAMETERS: Cannot specify both 'before' and 'after' parameters (request id ${typed.requestId})`);
  });

  it("surfaces a 500 as a typed ApiError once retries are used up", async () => {
    server.inject(...Array.from({ length: 3 }, () => ({ kind: "status" as const, status: 500, headers: { "retry-after-ms": "1" } })));
    const error = await listPhones(client()).catch((caught: unknown) => caught);
    expect(server.requests).toHaveLength(3);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, body: { error_code: "INTERNAL_SERVER_ERROR", message: "An internal server error occurred" } });
  });

  it("surfaces a missing token as the API's 403", async () => {
    const error = await listPhones(createClient({ baseUrl: server.url })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 403, body: { error_code: "FORBIDDEN" } });
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("throws a ConnectionError, not an ApiError, when nothing listens", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const error = await listPhones(createClient({ baseUrl: `http://127.0.0.1:${port}` })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toBeInstanceOf(SdkError);
    expect(error).not.toBeInstanceOf(ApiError);
  });

  it("uses an injected fetch instead of the global one", async () => {
    const seen: string[] = [];
    const page = await listPhones(
      createClient({
        baseUrl: "https://api.diga.io",
        fetch: (url, init) => {
          seen.push(`${init.method} ${url}`);
          return Promise.resolve(new Response('{"data":[],"has_more":false}', { headers: { "content-type": "application/json" } }));
        },
      }),
      { limit: 1 },
    );
    expect(seen).toStrictEqual(["GET https://api.diga.io/v1/phone/?limit=1"]);
    expect({ ...page }).toStrictEqual({ data: [], has_more: false });
  });

  it("defaults to the spec's first server", async () => {
    const urls: string[] = [];
    await listPhones(createClient({ fetch: (url) => (urls.push(url), Promise.resolve(new Response("{}"))) }));
    expect(urls).toStrictEqual(["https://api.diga.io/v1/phone/"]);
  });
});
