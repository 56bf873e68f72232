import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGENT_IDS, startFakeDiga, type FakeDiga } from "../../../fixtures/diga-phones/server.js";
import { createClient, InternalServerError, isApiError, listPhones, PermissionDeniedError, RequestValidationError, type Hooks, type ListPhonesParams } from "../../diga-client/src/index.js";
import { phoneSpec } from "./support/paths.js";
import { startPrism, type Prism } from "./support/prism.js";

/**
 * Independent conformance with Stoplight Prism, started from the fixture spec:
 * (a) `prism mock` accepts every kind of request the client makes for this spec;
 * (b) `prism proxy --errors` in front of the fake Diga API finds nothing wrong with any request or response of the
 * pagination and error scenarios. Prism marks a violation with the `sl-violations` response header (and answers
 * with an error status), so every response is checked for it through an `afterResponse` hook.
 */

/** Records every response's status and Prism's violation header, whatever the call does with it. */
function recorder() {
  const seen: { status: number; violations: string | null; url: string }[] = [];
  const hooks: Hooks = {
    afterResponse: (info, response) => void seen.push({ status: response.status, violations: response.headers.get("sl-violations"), url: info.url }),
  };
  return { seen, hooks };
}

const uuid = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

/** One of each kind of request: every parameter alone, its edge values, every enum value, dates as Date and text. */
const REQUESTS: readonly { name: string; params: ListPhonesParams }[] = [
  { name: "no parameters", params: {} },
  { name: "after", params: { after: uuid } },
  { name: "before", params: { before: uuid } },
  { name: "page", params: { page: 3 } },
  { name: "limit 1", params: { limit: 1 } },
  { name: "limit 100", params: { limit: 100 } },
  { name: "order asc", params: { order: "asc" } },
  { name: "order desc", params: { order: "desc" } },
  { name: "inbound agent", params: { inbound_agent_id: AGENT_IDS[0] } },
  { name: "outbound agent", params: { outbound_agent_id: AGENT_IDS[1] } },
  ...(["reserved", "assigned", "released", "finished"] as const).map((status) => ({ name: `status ${status}`, params: { status } })),
  { name: "assigned-at range as Dates", params: { start_assigned_at: new Date(Date.UTC(2025, 0, 1)), end_assigned_at: new Date(Date.UTC(2025, 11, 31, 23, 59, 59)) } },
  { name: "assigned-at range as text with an offset", params: { start_assigned_at: "2025-01-01T00:00:00+01:00", end_assigned_at: "2025-12-31T23:59:59Z" } },
  { name: "nulls (not sent)", params: { after: null, page: null, inbound_agent_id: null, outbound_agent_id: null, status: null, start_assigned_at: null, end_assigned_at: null } },
  {
    name: "everything at once",
    params: {
      after: uuid,
      page: 2,
      limit: 50,
      order: "asc",
      inbound_agent_id: AGENT_IDS[0],
      outbound_agent_id: AGENT_IDS[2],
      status: "assigned",
      start_assigned_at: new Date(0),
      end_assigned_at: "2030-01-01T00:00:00Z",
    },
  },
];

describe("Prism mock accepts every request the client makes", () => {
  let prism: Prism;
  beforeAll(async () => {
    prism = await startPrism(["mock", phoneSpec]);
  });
  afterAll(() => prism.stop());

  it.each(REQUESTS)("$name", async ({ params }) => {
    const { seen, hooks } = recorder();
    const client = createClient({ baseUrl: prism.url, bearerToken: "token", hooks, maxRetries: 0 });
    const { response } = await listPhones(client, params).withResponse();
    expect({ status: response.status, violations: response.headers.get("sl-violations") }, prism.output()).toStrictEqual({ status: 200, violations: null });
    expect(seen).toHaveLength(1);
  });

  it("is never reached by invalid input: our validation stops it first", async () => {
    const { seen, hooks } = recorder();
    const client = createClient({ baseUrl: prism.url, bearerToken: "token", hooks });
    for (const params of [{ limit: 0 }, { limit: 101 }, { page: 0 }, { status: "bogus" }, { order: "up" }, { after: "not-a-uuid" }, { start_assigned_at: "2025-02-30T00:00:00Z" }]) {
      await expect(listPhones(client, params as never)).rejects.toBeInstanceOf(RequestValidationError);
    }
    await expect(listPhones(client, { after: uuid, before: uuid } as never)).rejects.toBeInstanceOf(RequestValidationError);
    expect(seen).toStrictEqual([]);
  });

  it("would have rejected that input (so the check above means something)", async () => {
    const { seen, hooks } = recorder();
    const client = createClient({ baseUrl: prism.url, bearerToken: "token", hooks, validate: false, maxRetries: 0 });
    await listPhones(client, { limit: 101 }).catch(() => undefined);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.status).toBe(422);
    expect(seen[0]?.violations).not.toBeNull();
  });
});

describe("Prism proxy --errors between the client and the fake Diga API finds no violation", () => {
  let server: FakeDiga;
  let prism: Prism;
  beforeAll(async () => {
    server = await startFakeDiga();
    prism = await startPrism(["proxy", phoneSpec, server.url, "--errors"]);
  });
  afterAll(async () => {
    await prism.stop();
    await server.close();
  });

  const client = (hooks: Hooks) => createClient({ baseUrl: prism.url, bearerToken: server.token, hooks });
  const clean = (seen: ReturnType<typeof recorder>["seen"]) => seen.filter((entry) => entry.violations !== null);

  it("iterating all 250 phones forwards", async () => {
    const { seen, hooks } = recorder();
    const ids: string[] = [];
    for await (const phone of listPhones(client(hooks), { limit: 100, order: "asc" })) ids.push(phone.id);
    expect(ids).toStrictEqual(server.phones.map((phone) => phone.id));
    expect(clean(seen), prism.output()).toStrictEqual([]);
    expect(seen.map((entry) => entry.status)).toStrictEqual([200, 200, 200]);
  });

  it("paging backwards, by page number, and with filters", async () => {
    const { seen, hooks } = recorder();
    let count = 0;
    for await (const phone of listPhones(client(hooks), { before: server.phones[120]?.id, limit: 40, order: "asc" })) count += phone.id === "" ? 0 : 1;
    for await (const page of listPhones(client(hooks), { page: 1, limit: 100 }).iterPages()) count += page.data.length;
    for await (const phone of listPhones(client(hooks), { status: "released", inbound_agent_id: AGENT_IDS[2], start_assigned_at: new Date(Date.UTC(2025, 0, 3)) }))
      count += phone.status === "released" ? 1 : 0;
    expect(count).toBeGreaterThan(120 + 250);
    expect(clean(seen), prism.output()).toStrictEqual([]);
    expect(seen.every((entry) => entry.status === 200)).toBe(true);
  });

  it("the spec's error responses: 400, 403, 422 and 500", async () => {
    const { seen, hooks } = recorder();
    const body = (code: string, message: string) => ({ status: "error", error_code: code, message });
    server.inject(
      { kind: "status", status: 400, body: body("NOT_VALID_FIELD", "Invalid field value in query parameters") },
      { kind: "status", status: 422, body: body("INVALID_PAGINATION_PARAMETERS", "Cannot specify both 'before' and 'after' parameters") },
      ...Array.from({ length: 3 }, () => ({ kind: "status" as const, status: 500, headers: { "retry-after-ms": "1" } })),
    );
    const errors = [
      await listPhones(client(hooks)).catch((error: unknown) => error),
      await listPhones(client(hooks)).catch((error: unknown) => error),
      await listPhones(client(hooks)).catch((error: unknown) => error),
      await listPhones(createClient({ baseUrl: prism.url, bearerToken: "wrong-token", hooks })).catch((error: unknown) => error),
    ];
    expect(errors.map((error) => (isApiError(error, listPhones) ? [error.status, error.body.error_code] : String(error)))).toStrictEqual([
      [400, "NOT_VALID_FIELD"],
      [422, "INVALID_PAGINATION_PARAMETERS"],
      [500, "INTERNAL_SERVER_ERROR"],
      [403, "FORBIDDEN"],
    ]);
    expect(errors[2]).toBeInstanceOf(InternalServerError);
    expect(errors[3]).toBeInstanceOf(PermissionDeniedError);
    expect(clean(seen), prism.output()).toStrictEqual([]);
    expect(seen.map((entry) => entry.status)).toStrictEqual([400, 422, 500, 500, 500, 403]);
  });

  it("does flag a response that breaks the spec (so the checks above mean something)", async () => {
    const { seen, hooks } = recorder();
    server.inject({ kind: "status", status: 200, body: { data: [{ id: "not-a-uuid" }] } });
    await listPhones(createClient({ baseUrl: prism.url, bearerToken: server.token, hooks, maxRetries: 0 })).catch(() => undefined);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.violations).not.toBeNull();
  });
});
