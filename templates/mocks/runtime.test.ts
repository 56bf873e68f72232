import "../../packages/codegen/test/support/msw-on-node20.js";
import { getResponse, type HttpHandler } from "msw";
import { describe, expect, it } from "vitest";
import { createRuntimeClient, type Fetch } from "../runtime/client.js";
import {
  cursorPages,
  linkHeaderPages,
  nextUrlPages,
  offsetPages,
  pageNumbers,
} from "../runtime/page-styles.js";
import { paginate, type PaginationSpec } from "../runtime/pagination.js";
import type { Endpoint } from "../runtime/request.js";
import {
  generate,
  mockHandler,
  pathPattern,
  seededRandom,
  type MockOperation,
  type MockSchema,
  type MockSchemas,
} from "./runtime.js";

const SCHEMAS: MockSchemas = {
  Thing: {
    type: "object",
    properties: {
      id: { type: "string", format: "uuid" },
      name: { type: "string" },
      size: { type: "integer", minimum: 1, maximum: 9 },
    },
    required: ["id", "name"],
  },
};

/** A list operation answering under `/things`, paging as `pagination` says, with `limit` as its page size. */
function listOperation(pagination: PaginationSpec, envelope: MockSchema): MockOperation {
  return {
    method: "GET",
    path: "/things",
    basePath: "/v2",
    name: "listThings",
    responses: [
      { status: 200, schema: envelope },
      { status: 404, example: { message: "gone" } },
    ],
    pagination,
    pageSize: { param: "limit", default: 10 },
  };
}

/** The client runtime's fetch, answered by msw's handler resolution (no network), recording each request's path and query. */
function mockedFetch(handlers: HttpHandler[]): { fetch: Fetch; requests: string[] } {
  const requests: string[] = [];
  const fetch: Fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    requests.push(`${url.pathname}${url.search}`);
    return (await getResponse(handlers, request)) ?? new Response("no handler", { status: 599 });
  };
  return { fetch, requests };
}

async function walk(
  operation: MockOperation,
  answer: object | undefined,
  params: Record<string, unknown>,
) {
  const { fetch, requests } = mockedFetch([mockHandler({ schemas: SCHEMAS }, operation, answer)]);
  const client = createRuntimeClient(
    { fetch, maxRetries: 0 },
    { baseUrl: "https://api.example.com/v2", userAgent: "test", credentials: {} },
  );
  const endpoint: Endpoint = {
    method: "GET",
    path: "/things",
    params: Object.fromEntries(
      ["after", "before", "cursor", "page", "offset", "limit"].map((name) => [
        name,
        { in: "query" as const },
      ]),
    ),
    pagination: operation.pagination ?? { items: "", styles: [] },
  };
  const items: { id: string }[] = [];
  for await (const item of paginate<unknown, { id: string }>(client, endpoint, { params }))
    items.push(item);
  return { items, requests };
}

const envelope = (fields: Record<string, object>) => ({
  type: "object",
  properties: { data: { type: "array", items: { $ref: "Thing" } }, ...fields },
});

describe("mock lists page as the client reads them", () => {
  it.each([
    {
      name: "cursor from a body field, with has_more",
      pagination: {
        items: "data",
        hasMore: "has_more",
        styles: [{ style: cursorPages, next: { param: "after", from: "last_id" } }],
      },
      schema: envelope({ has_more: { type: "boolean" }, last_id: { type: "string" } }),
      pages: 3,
    },
    {
      name: "cursor from the last item's id (Stripe)",
      pagination: {
        items: "data",
        hasMore: "has_more",
        styles: [{ style: cursorPages, next: { param: "after", from: "id", fromItem: true } }],
      },
      schema: envelope({ has_more: { type: "boolean" } }),
      pages: 3,
    },
    {
      name: "nested cursor without has_more (absent on the last page)",
      pagination: {
        items: "data",
        styles: [{ style: cursorPages, next: { param: "after", from: "meta.cursors.after" } }],
      },
      schema: envelope({ meta: { type: "object" } }),
      pages: 3,
    },
    {
      name: "page numbers with total_pages",
      pagination: {
        items: "data",
        styles: [{ style: pageNumbers, param: "page", total: "total_pages", size: "limit" }],
      },
      schema: envelope({ total_pages: { type: "integer" } }),
      pages: 3,
    },
    {
      name: "offset with a total",
      pagination: {
        items: "data",
        styles: [{ style: offsetPages, param: "offset", size: "limit", count: "total" }],
      },
      schema: envelope({ total: { type: "integer" } }),
      pages: 3,
    },
    {
      name: "next URL at links.next",
      pagination: { items: "data", styles: [{ style: nextUrlPages, next: "links.next" }] },
      schema: envelope({ links: { type: "object" } }),
      pages: 3,
    },
    {
      name: "Link header over a bare array",
      pagination: { items: "", styles: [{ style: linkHeaderPages }] },
      schema: { type: "array", items: { $ref: "Thing" } },
      pages: 3,
    },
  ] satisfies { name: string; pagination: PaginationSpec; schema: object; pages: number }[])(
    "$name: 25 items over $pages pages, each once, in order",
    async ({ pagination, schema, pages }) => {
      const operation = listOperation(pagination, schema);
      const { items, requests } = await walk(operation, { count: 25 }, { limit: 10 });
      expect(items).toHaveLength(25);
      expect(new Set(items.map((item) => item.id)).size).toBe(25);
      expect(requests).toHaveLength(pages);
      expect(requests.every((request) => request.startsWith("/v2/things?"))).toBe(true);
      // The same list as one page of 25: paging neither skips nor repeats.
      const whole = await walk(operation, { count: 25 }, { limit: 25 });
      expect(items).toStrictEqual(whole.items);
    },
  );

  it("pages items without ids (plain strings, some equal) by position", async () => {
    const operation = listOperation(
      {
        items: "members",
        styles: [{ style: cursorPages, next: { param: "cursor", from: "meta.next_cursor" } }],
      },
      { type: "object", properties: { members: { type: "array", items: { type: "string" } } } },
    );
    const own = ["a", "b", "a", "a", "c"];
    const { items, requests } = await walk(
      {
        ...operation,
        pagination: {
          items: "members",
          styles: [{ style: cursorPages, next: { param: "cursor", from: "meta.next_cursor" } }],
        },
      },
      { items: own },
      { limit: 2 },
    );
    expect(items).toStrictEqual(own);
    expect(requests).toStrictEqual([
      "/v2/things?limit=2",
      "/v2/things?cursor=2&limit=2",
      "/v2/things?cursor=4&limit=2",
    ]);
  });

  it("serves a test's own items, page by page, with cursors from their ids", async () => {
    const own = Array.from({ length: 5 }, (_, index) => ({
      id: `t${index}`,
      name: `thing ${index}`,
    }));
    const operation = listOperation(
      {
        items: "data",
        hasMore: "has_more",
        styles: [{ style: cursorPages, next: { param: "after", from: "last_id" } }],
      },
      envelope({}),
    );
    const { items, requests } = await walk(operation, { items: own }, { limit: 2 });
    expect(items).toStrictEqual(own);
    expect(requests).toStrictEqual([
      "/v2/things?limit=2",
      "/v2/things?after=t1&limit=2",
      "/v2/things?after=t3&limit=2",
    ]);
  });

  it("answers a documented error by the x-mock-status header or by the test's answer", async () => {
    const operation = listOperation(
      { items: "data", styles: [{ style: pageNumbers, param: "page" }] },
      envelope({}),
    );
    const { fetch } = mockedFetch([mockHandler({ schemas: SCHEMAS }, operation)]);
    const byHeader = await fetch("https://api.example.com/v2/things", {
      headers: { "x-mock-status": "404" },
    });
    expect({ status: byHeader.status, body: await byHeader.json() }).toStrictEqual({
      status: 404,
      body: { message: "gone" },
    });
    const asked = await mockedFetch([
      mockHandler({ schemas: SCHEMAS }, operation, { status: 404, body: { message: "mine" } }),
    ]).fetch("https://api.example.com/v2/things", {});
    expect({ status: asked.status, body: await asked.json() }).toStrictEqual({
      status: 404,
      body: { message: "mine" },
    });
    const undocumented = await fetch("https://api.example.com/v2/things", {
      headers: { "x-mock-status": "418" },
    });
    expect({ status: undocumented.status, body: await undocumented.text() }).toStrictEqual({
      status: 418,
      body: "",
    });
    expect(
      (
        await fetch("https://api.example.com/v2/things", {
          headers: { "x-mock-status": "not-a-status" },
        })
      ).status,
    ).toBe(200);
  });

  it("cycles a list example's items, each repeated id made unique by its position", async () => {
    const operation: MockOperation = {
      ...listOperation(
        {
          items: "data",
          hasMore: "has_more",
          styles: [{ style: cursorPages, next: { param: "after", from: "id", fromItem: true } }],
        },
        envelope({}),
      ),
      responses: [
        {
          status: 200,
          example: {
            data: [
              { id: 4, name: "a" },
              { id: 3, name: "b" },
            ],
            has_more: false,
          },
        },
      ],
    };
    const { items, requests } = await walk(operation, { count: 5 }, { limit: 2 });
    // The third item would take 3, which the second already has.
    expect(items).toStrictEqual([
      { id: 4, name: "a" },
      { id: 3, name: "b" },
      { id: 5, name: "a" },
      { id: 6, name: "b" },
      { id: 7, name: "a" },
    ]);
    expect(requests).toStrictEqual([
      "/v2/things?limit=2",
      "/v2/things?after=3&limit=2",
      "/v2/things?after=6&limit=2",
    ]);
  });

  it("answers text, binary and empty responses as their kind says", async () => {
    const at = (responses: MockOperation["responses"]) =>
      mockedFetch([
        mockHandler(
          { schemas: SCHEMAS },
          { method: "GET", path: "/x", basePath: "", name: "x", responses },
        ),
      ]).fetch("https://api.example.com/x", {});
    const text = await at([{ status: 200, kind: "text", mediaType: "text/csv", example: "a,b" }]);
    expect({ type: text.headers.get("content-type"), body: await text.text() }).toStrictEqual({
      type: "text/csv",
      body: "a,b",
    });
    const binary = await at([{ status: 200, kind: "binary", mediaType: "application/pdf" }]);
    expect({
      type: binary.headers.get("content-type"),
      size: (await binary.arrayBuffer()).byteLength > 0,
    }).toStrictEqual({ type: "application/pdf", size: true });
    const empty = await at([{ status: 204, kind: "empty" }]);
    expect({ status: empty.status, body: await empty.text() }).toStrictEqual({
      status: 204,
      body: "",
    });
  });

  it("answers with a shared example by name", async () => {
    const operation: MockOperation = {
      method: "GET",
      path: "/thing",
      basePath: "",
      name: "getThing",
      responses: [{ status: 200, exampleName: "a-thing" }],
    };
    const { fetch } = mockedFetch([
      mockHandler(
        { schemas: SCHEMAS, examples: { "a-thing": { id: "t1", name: "shared" } } },
        operation,
      ),
    ]);
    expect(await (await fetch("https://api.example.com/thing", {})).json()).toStrictEqual({
      id: "t1",
      name: "shared",
    });
  });
});

describe("pathPattern", () => {
  it.each([
    { path: "/things/{id}", url: "https://api.example.com/v2/things/42", matches: true },
    { path: "/things/{id}", url: "http://127.0.0.1:3000/v2/things/42?x=1", matches: true },
    { path: "/things/{id}", url: "https://api.example.com/v2/things/42/parts", matches: false },
    { path: "/things/{id}", url: "https://api.example.com/things/42", matches: false },
    {
      path: "/v1/{name}:cancel",
      url: "https://api.example.com/v2/v1/ops%2F1:cancel",
      matches: true,
    },
    { path: "/files/{name}.{ext}", url: "https://api.example.com/v2/files/a.txt", matches: true },
    {
      path: "/rest?method=photos.search",
      url: "https://api.example.com/v2/rest?method=photos.search&page=2",
      matches: true,
    },
    {
      path: "/rest?method=photos.search",
      url: "https://api.example.com/v2/rest?method=photos.searchAll",
      matches: false,
    },
    { path: "/users/{id}#identity", url: "https://api.example.com/v2/users/7", matches: true },
  ])("$path ~ $url: $matches", ({ path, url, matches }) => {
    expect(pathPattern({ basePath: "/v2", path }).test(url)).toBe(matches);
  });
});

describe("generate", () => {
  it("is deterministic per seed and follows formats, enums, bounds and refs", () => {
    const schemas: MockSchemas = {
      ...SCHEMAS,
      Status: { type: "string", enum: ["on", "off"] },
      Node: { type: "object", properties: { child: { $ref: "Node" } } },
    };
    const schema = {
      type: "object",
      properties: {
        thing: { $ref: "Thing" },
        status: { $ref: "Status" },
        when: { type: "string", format: "date-time" },
        email: { type: "string", format: "email" },
        note: { anyOf: [{ type: "null" }, { type: "string", maxLength: 4 }] },
        fixed: { type: "string", example: "from the spec" },
        tree: { $ref: "Node" },
      },
    } as const;
    const first = generate(schemas, schema, seededRandom("a")) as Record<string, unknown>;
    expect(generate(schemas, schema, seededRandom("a"))).toStrictEqual(first);
    expect(generate(schemas, schema, seededRandom("b"))).not.toStrictEqual(first);
    const thing = first["thing"] as { id: string; size: number };
    expect(thing.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(thing.size).toBeGreaterThanOrEqual(1);
    expect(thing.size).toBeLessThanOrEqual(9);
    expect(["on", "off"]).toContain(first["status"]);
    expect(String(first["when"])).toMatch(/^2025-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(String(first["email"])).toMatch(/^[a-z]+\.[a-z]+@example\.com$/);
    expect(String(first["note"]).length).toBeLessThanOrEqual(4);
    expect(first["fixed"]).toBe("from the spec");
    // A schema that contains itself ends.
    expect(JSON.stringify(first["tree"]).length).toBeLessThan(200);
  });
});
