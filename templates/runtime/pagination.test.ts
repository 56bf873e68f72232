import { describe, expect, it } from "vitest";
import { createRuntimeClient, type Fetch } from "./client.js";
import { RequestValidationError, SdkError } from "./errors.js";
import { paginate, PagePromise, type PaginationSpec } from "./pagination.js";
import type { Endpoint } from "./request.js";

interface Item {
  id: string;
}
interface Body {
  data: Item[];
  has_more?: boolean;
  first_id?: string | null;
  last_id?: string | null;
  current_page?: number;
  total_pages?: number;
}

const ITEMS: Item[] = Array.from({ length: 23 }, (_, index) => ({ id: `id${String(index).padStart(2, "0")}` }));

/** An in-memory list API: cursors `after`/`before` (ids), `page` numbers, `limit`; records every query it gets. */
function listApi(options: { items?: Item[]; answer?: (query: URLSearchParams, body: Body) => Body } = {}) {
  const items = options.items ?? ITEMS;
  const queries: string[] = [];
  const fetch: Fetch = async (url) => {
    const query = new URL(url).searchParams;
    queries.push(query.toString());
    const limit = Number(query.get("limit") ?? 10);
    const after = query.get("after");
    const before = query.get("before");
    let slice: Item[];
    let hasMore: boolean;
    let pages = {};
    if (after !== null) {
      const from = items.findIndex((item) => item.id === after) + 1;
      slice = items.slice(from, from + limit);
      hasMore = from + limit < items.length;
    } else if (before !== null) {
      const to = items.findIndex((item) => item.id === before);
      slice = items.slice(Math.max(0, to - limit), to);
      hasMore = to - limit > 0;
    } else {
      const page = Number(query.get("page") ?? 1);
      slice = items.slice((page - 1) * limit, page * limit);
      hasMore = page * limit < items.length;
      if (query.has("page")) pages = { current_page: page, total_pages: Math.ceil(items.length / limit) };
    }
    const body: Body = { data: slice, has_more: hasMore, first_id: slice[0]?.id ?? null, last_id: slice.at(-1)?.id ?? null, ...pages };
    return new Response(JSON.stringify(options.answer?.(query, body) ?? body), { headers: { "content-type": "application/json" } });
  };
  return { fetch, queries };
}

const DIGA: PaginationSpec = {
  items: "data",
  hasMore: "has_more",
  next: { param: "after", from: "last_id" },
  previous: { param: "before", from: "first_id" },
  page: { param: "page", current: "current_page", total: "total_pages" },
};

function endpointWith(pagination: PaginationSpec): Endpoint {
  return { method: "GET", path: "/items", params: { after: { in: "query" }, before: { in: "query" }, page: { in: "query" }, limit: { in: "query" } }, pagination };
}

function list(fetch: Fetch, params: Record<string, unknown>, pagination: PaginationSpec = DIGA): PagePromise<Body, Item> {
  const client = createRuntimeClient({ fetch }, { baseUrl: "https://api.example.com", userAgent: "test", credentials: {} });
  return paginate<Body, Item>(client, endpointWith(pagination), { params });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of iterable) out.push(value);
  return out;
}

describe("paginate", () => {
  it("awaits one page: the body's fields plus paging methods", async () => {
    const { fetch } = listApi();
    const page = await list(fetch, { limit: 10 });
    expect(page.data.map((item) => item.id)).toStrictEqual(ITEMS.slice(0, 10).map((item) => item.id));
    expect({ has_more: page.has_more, last_id: page.last_id, hasNext: page.hasNextPage() }).toStrictEqual({ has_more: true, last_id: "id09", hasNext: true });
    expect(JSON.parse(JSON.stringify(page))).toStrictEqual({ data: ITEMS.slice(0, 10), has_more: true, first_id: "id00", last_id: "id09" });
  });

  it("iterates every item of every page forwards, following last_id into after", async () => {
    const { fetch, queries } = listApi();
    expect(await collect(list(fetch, { limit: 10 }))).toStrictEqual(ITEMS);
    expect(queries).toStrictEqual(["limit=10", "after=id09&limit=10", "after=id19&limit=10"]);
  });

  it("pages backwards via first_id when the first call passed before", async () => {
    const { fetch, queries } = listApi();
    const items = await collect(list(fetch, { limit: 10, before: "id22" }));
    // The whole sequence runs backwards: id21 … id00.
    expect(items.map((item) => item.id)).toStrictEqual(ITEMS.slice(0, 22).map((item) => item.id).reverse());
    expect(queries).toStrictEqual(["before=id22&limit=10", "before=id12&limit=10", "before=id02&limit=10"]);
  });

  it("follows page numbers when the first call passed page, stopping at total_pages", async () => {
    const { fetch, queries } = listApi();
    expect(await collect(list(fetch, { limit: 10, page: 1 }))).toStrictEqual(ITEMS);
    expect(queries).toStrictEqual(["page=1&limit=10", "page=2&limit=10", "page=3&limit=10"]);
  });

  it("iterates pages, and getNextPage gives the next one", async () => {
    const { fetch } = listApi();
    const pages = await collect(list(fetch, { limit: 10 }).iterPages());
    expect(pages.map((page) => page.data.length)).toStrictEqual([10, 10, 3]);
    const first = await list(fetch, { limit: 10 });
    const second = await first.getNextPage();
    expect(second.data[0]?.id).toBe("id10");
  });

  it("iterating an awaited page continues from that page", async () => {
    const { fetch } = listApi();
    const second = await (await list(fetch, { limit: 10 })).getNextPage();
    expect((await collect(second)).map((item) => item.id)).toStrictEqual(ITEMS.slice(10).map((item) => item.id));
  });

  it("stops on has_more: false even when a cursor is present", async () => {
    const { fetch, queries } = listApi({ answer: (_query, body) => ({ ...body, has_more: false }) });
    expect(await collect(list(fetch, { limit: 10 }))).toHaveLength(10);
    expect(queries).toHaveLength(1);
  });

  it("stops on an empty page", async () => {
    const { fetch, queries } = listApi({ answer: (query, body) => (query.has("after") ? { ...body, data: [], has_more: true, last_id: "x" } : body) });
    expect(await collect(list(fetch, { limit: 10 }))).toHaveLength(10);
    expect(queries).toHaveLength(2);
  });

  it("never loops on a cursor the server repeats", async () => {
    const { fetch, queries } = listApi({ answer: (_query, body) => ({ ...body, has_more: true, last_id: "id09" }) });
    expect(await collect(list(fetch, { limit: 10 }))).toHaveLength(20);
    expect(queries).toStrictEqual(["limit=10", "after=id09&limit=10"]);
  });

  it("never loops on a cycle of cursors", async () => {
    let call = 0;
    const { fetch, queries } = listApi({ answer: (_query, body) => ({ ...body, has_more: true, last_id: ["A", "B", "A"][call++] ?? "A" }) });
    await collect(list(fetch, { limit: 1 }));
    expect(queries).toStrictEqual(["limit=1", "after=A&limit=1", "after=B&limit=1"]);
  });

  it("reads the cursor from the last item when the spec says so (Stripe style)", async () => {
    const { fetch, queries } = listApi({ answer: (_query, { data, has_more }) => ({ data, has_more: has_more ?? false }) });
    const stripe: PaginationSpec = { items: "data", hasMore: "has_more", next: { param: "after", from: "id", fromItem: true } };
    expect(await collect(list(fetch, { limit: 10 }, stripe))).toStrictEqual(ITEMS);
    expect(queries).toStrictEqual(["limit=10", "after=id09&limit=10", "after=id19&limit=10"]);
  });

  it("continues page numbers until an empty page when the response gives no totals", async () => {
    const { fetch, queries } = listApi({ answer: ({}, { data }) => ({ data }) });
    const numbered: PaginationSpec = { items: "data", page: { param: "page" } };
    expect(await collect(list(fetch, { limit: 10 }, numbered))).toStrictEqual(ITEMS);
    expect(queries).toStrictEqual(["limit=10", "page=2&limit=10", "page=3&limit=10", "page=4&limit=10"]);
  });

  it("rejects both cursors before sending anything", async () => {
    const { fetch, queries } = listApi();
    const error = await list(fetch, { after: "id01", before: "id05" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as Error).message).toBe('GET /items: pass either "after" or "before", not both');
    expect(queries).toStrictEqual([]);
  });

  it("rejects getNextPage on the last page", async () => {
    const { fetch } = listApi();
    const last = await list(fetch, { limit: 100 });
    expect(last.hasNextPage()).toBe(false);
    await expect(last.getNextPage()).rejects.toBeInstanceOf(SdkError);
  });
});
