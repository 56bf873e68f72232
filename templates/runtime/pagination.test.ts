import { describe, expect, it } from "vitest";
import { createRuntimeClient, type Fetch } from "./client.js";
import { RequestValidationError, SdkError } from "./errors.js";
import {
  cursorPages,
  linkHeaderPages,
  nextUrlPages,
  offsetPages,
  pageNumbers,
} from "./page-styles.js";
import { paginate, PagePromise, pageRequest, type PaginationSpec } from "./pagination.js";
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

const ITEMS: Item[] = Array.from({ length: 23 }, (_, index) => ({
  id: `id${String(index).padStart(2, "0")}`,
}));

/** An in-memory list API: cursors `after`/`before` (ids), `page` numbers, `limit`; records every query it gets. */
function listApi(
  options: { items?: Item[]; answer?: (query: URLSearchParams, body: Body) => Body } = {},
) {
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
      if (query.has("page"))
        pages = { current_page: page, total_pages: Math.ceil(items.length / limit) };
    }
    const body: Body = {
      data: slice,
      has_more: hasMore,
      first_id: slice[0]?.id ?? null,
      last_id: slice.at(-1)?.id ?? null,
      ...pages,
    };
    return new Response(JSON.stringify(options.answer?.(query, body) ?? body), {
      headers: { "content-type": "application/json" },
    });
  };
  return { fetch, queries };
}

const DIGA: PaginationSpec = {
  items: "data",
  hasMore: "has_more",
  styles: [
    {
      style: cursorPages,
      next: { param: "after", from: "last_id" },
      previous: { param: "before", from: "first_id" },
    },
    { style: pageNumbers, param: "page", current: "current_page", total: "total_pages" },
  ],
};

function endpointWith(pagination: PaginationSpec): Endpoint {
  return {
    method: "GET",
    path: "/items",
    params: {
      after: { in: "query" },
      before: { in: "query" },
      page: { in: "query" },
      limit: { in: "query" },
    },
    pagination,
  };
}

function list(
  fetch: Fetch,
  params: Record<string, unknown>,
  pagination: PaginationSpec = DIGA,
): PagePromise<Body, Item> {
  const client = createRuntimeClient(
    { fetch },
    { baseUrl: "https://api.example.com", userAgent: "test", credentials: {} },
  );
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
    expect(page.data.map((item) => item.id)).toStrictEqual(
      ITEMS.slice(0, 10).map((item) => item.id),
    );
    expect({
      has_more: page.has_more,
      last_id: page.last_id,
      hasNext: page.hasNextPage(),
    }).toStrictEqual({ has_more: true, last_id: "id09", hasNext: true });
    expect(JSON.parse(JSON.stringify(page))).toStrictEqual({
      data: ITEMS.slice(0, 10),
      has_more: true,
      first_id: "id00",
      last_id: "id09",
    });
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
    expect(items.map((item) => item.id)).toStrictEqual(
      ITEMS.slice(0, 22)
        .map((item) => item.id)
        .reverse(),
    );
    expect(queries).toStrictEqual([
      "before=id22&limit=10",
      "before=id12&limit=10",
      "before=id02&limit=10",
    ]);
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

  it("getNextPage takes its own options: a signal for that request alone", async () => {
    const { fetch } = listApi();
    const first = await list(fetch, { limit: 10 });
    const aborted = AbortSignal.abort();
    await expect(first.getNextPage({ signal: aborted })).rejects.toMatchObject({
      name: "AbortError",
    });
    const second = await first.getNextPage({ headers: { "x-page": "2" } });
    expect(second.data[0]?.id).toBe("id10");
  });

  it("iterating an awaited page continues from that page", async () => {
    const { fetch } = listApi();
    const second = await (await list(fetch, { limit: 10 })).getNextPage();
    expect((await collect(second)).map((item) => item.id)).toStrictEqual(
      ITEMS.slice(10).map((item) => item.id),
    );
  });

  it("stops on has_more: false even when a cursor is present", async () => {
    const { fetch, queries } = listApi({
      answer: (_query, body) => ({ ...body, has_more: false }),
    });
    expect(await collect(list(fetch, { limit: 10 }))).toHaveLength(10);
    expect(queries).toHaveLength(1);
  });

  it("stops on an empty page", async () => {
    const { fetch, queries } = listApi({
      answer: (query, body) =>
        query.has("after") ? { ...body, data: [], has_more: true, last_id: "x" } : body,
    });
    expect(await collect(list(fetch, { limit: 10 }))).toHaveLength(10);
    expect(queries).toHaveLength(2);
  });

  it("never loops on a cursor the server repeats", async () => {
    const { fetch, queries } = listApi({
      answer: (_query, body) => ({ ...body, has_more: true, last_id: "id09" }),
    });
    expect(await collect(list(fetch, { limit: 10 }))).toHaveLength(20);
    expect(queries).toStrictEqual(["limit=10", "after=id09&limit=10"]);
  });

  it("never loops on a cycle of cursors", async () => {
    let call = 0;
    const { fetch, queries } = listApi({
      answer: (_query, body) => ({
        ...body,
        has_more: true,
        last_id: ["A", "B", "A"][call++] ?? "A",
      }),
    });
    await collect(list(fetch, { limit: 1 }));
    expect(queries).toStrictEqual(["limit=1", "after=A&limit=1", "after=B&limit=1"]);
  });

  it("reads the cursor from the last item when the spec says so (Stripe style)", async () => {
    const { fetch, queries } = listApi({
      answer: (_query, { data, has_more }) => ({ data, has_more: has_more ?? false }),
    });
    const stripe: PaginationSpec = {
      items: "data",
      hasMore: "has_more",
      styles: [{ style: cursorPages, next: { param: "after", from: "id", fromItem: true } }],
    };
    expect(await collect(list(fetch, { limit: 10 }, stripe))).toStrictEqual(ITEMS);
    expect(queries).toStrictEqual(["limit=10", "after=id09&limit=10", "after=id19&limit=10"]);
  });

  it("continues page numbers until an empty page when the response gives no totals", async () => {
    const { fetch, queries } = listApi({ answer: (_query, { data }) => ({ data }) });
    const numbered: PaginationSpec = {
      items: "data",
      styles: [{ style: pageNumbers, param: "page" }],
    };
    expect(await collect(list(fetch, { limit: 10 }, numbered))).toStrictEqual(ITEMS);
    expect(queries).toStrictEqual([
      "limit=10",
      "page=2&limit=10",
      "page=3&limit=10",
      "page=4&limit=10",
    ]);
  });

  it("rejects both cursors before sending anything", async () => {
    const { fetch, queries } = listApi();
    const error = await list(fetch, { after: "id01", before: "id05" }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as Error).message).toBe('GET /items: pass either "after" or "before", not both');
    expect(queries).toStrictEqual([]);
  });

  it("has no previous page before the first one, and walks back with before from any later one", async () => {
    const { fetch, queries } = listApi();
    const first = await list(fetch, { limit: 10 });
    expect(first.hasPreviousPage()).toBe(false);
    const second = await first.getNextPage();
    expect(second.hasPreviousPage()).toBe(true);
    const back = await second.getPreviousPage();
    expect(back.data.map((item) => item.id)).toStrictEqual(
      ITEMS.slice(0, 10).map((item) => item.id),
    );
    expect(queries).toStrictEqual(["limit=10", "after=id09&limit=10", "before=id10&limit=10"]);
  });

  it("rejects getNextPage on the last page", async () => {
    const { fetch } = listApi();
    const last = await list(fetch, { limit: 100 });
    expect(last.hasNextPage()).toBe(false);
    await expect(last.getNextPage()).rejects.toBeInstanceOf(SdkError);
  });
});

/**
 * One in-memory API per style over 23 items, each answering as the real convention does; the request log shows what
 * the client sent. `base` is the origin the URLs in bodies and headers point at.
 */
function styleApi(
  style: "drf" | "nested" | "links" | "hal" | "offset" | "laravel" | "link-header",
  base = "https://api.example.com",
) {
  const requests: string[] = [];
  const fetch: Fetch = async (url, init) => {
    const target = new URL(url);
    requests.push(`${target.pathname}${target.search}`);
    const query = target.searchParams;
    const size = Number(query.get("size") ?? 10);
    const at = (name: string, fallback: number) => Number(query.get(name) ?? fallback);
    const pageUrl = (name: string, value: number) => {
      const next = new URL(target);
      next.searchParams.set(name, String(value));
      return `${base}${next.pathname}${next.search}`;
    };
    const json = (body: unknown, headers: Record<string, string> = {}) =>
      new Response(JSON.stringify(body), {
        headers: { "content-type": "application/json", ...headers },
      });
    void init;
    const pageOf = (page: number) => ITEMS.slice((page - 1) * size, page * size);
    const last = Math.ceil(ITEMS.length / size);
    switch (style) {
      case "drf": {
        const page = at("page", 1);
        return json({
          count: ITEMS.length,
          next: page < last ? pageUrl("page", page + 1) : null,
          previous: page > 1 ? pageUrl("page", page - 1) : null,
          results: pageOf(page),
        });
      }
      case "links": {
        const page = at("page", 1);
        return json({
          data: pageOf(page),
          links: {
            next: page < last ? pageUrl("page", page + 1) : null,
            prev: page > 1 ? pageUrl("page", page - 1) : undefined,
          },
        });
      }
      case "hal": {
        const page = at("page", 1);
        return json({
          _embedded: { things: pageOf(page) },
          _links:
            page < last ? { next: { href: pageUrl("page", page + 1).replace(base, "") } } : {},
        });
      }
      case "nested": {
        const from = query.has("cursor") ? Number(query.get("cursor")) : 0;
        const slice = ITEMS.slice(from, from + size);
        return json({
          data: slice,
          meta: { cursors: { next: from + size < ITEMS.length ? String(from + size) : null } },
        });
      }
      case "offset": {
        const offset = at("offset", 0);
        return json({ items: ITEMS.slice(offset, offset + size), total: ITEMS.length });
      }
      case "laravel": {
        const page = at("page", 1);
        return json({ data: pageOf(page), meta: { current_page: page, last_page: last } });
      }
      case "link-header": {
        const page = at("page", 1);
        const links = [
          page < last ? `<${pageUrl("page", page + 1)}>; rel="next"` : "",
          page > 1 ? `<${pageUrl("page", page - 1)}>; rel="prev"` : "",
          `<${pageUrl("page", last)}>; rel="last"`,
        ];
        return json(pageOf(page), { link: links.filter(Boolean).join(", ") });
      }
    }
  };
  return { fetch, requests };
}

function listStyle(fetch: Fetch, pagination: PaginationSpec, params: Record<string, unknown> = {}) {
  const client = createRuntimeClient(
    { fetch },
    { baseUrl: "https://api.example.com", userAgent: "test", credentials: {} },
  );
  const endpoint: Endpoint = {
    method: "GET",
    path: "/things",
    params: {
      page: { in: "query" },
      size: { in: "query" },
      cursor: { in: "query" },
      offset: { in: "query" },
    },
    pagination,
  };
  return paginate<unknown, Item>(client, endpoint, { params });
}

const ids = (items: readonly Item[]) => items.map((item) => item.id);

describe("pagination styles", () => {
  const styles: {
    name: string;
    api: Parameters<typeof styleApi>[0];
    spec: PaginationSpec;
    requests: string[];
  }[] = [
    {
      name: "DRF: a next URL beside count/results",
      api: "drf",
      spec: {
        items: "results",
        styles: [{ style: nextUrlPages, next: "next", previous: "previous" }],
      },
      requests: ["/things?size=10", "/things?size=10&page=2", "/things?size=10&page=3"],
    },
    {
      name: "nested cursor: meta.cursors.next",
      api: "nested",
      spec: {
        items: "data",
        styles: [{ style: cursorPages, next: { param: "cursor", from: "meta.cursors.next" } }],
      },
      requests: ["/things?size=10", "/things?size=10&cursor=10", "/things?size=10&cursor=20"],
    },
    {
      name: "JSON:API links.next",
      api: "links",
      spec: {
        items: "data",
        styles: [{ style: nextUrlPages, next: "links.next", previous: "links.prev" }],
      },
      requests: ["/things?size=10", "/things?size=10&page=2", "/things?size=10&page=3"],
    },
    {
      name: "HAL: _links.next.href, relative, items in _embedded",
      api: "hal",
      spec: {
        items: "_embedded.things",
        styles: [{ style: nextUrlPages, next: "_links.next.href" }],
      },
      requests: ["/things?size=10", "/things?size=10&page=2", "/things?size=10&page=3"],
    },
    {
      name: "offset with a total",
      api: "offset",
      spec: {
        items: "items",
        styles: [{ style: offsetPages, param: "offset", size: "size", count: "total" }],
      },
      requests: ["/things?size=10", "/things?size=10&offset=10", "/things?size=10&offset=20"],
    },
    {
      name: "Laravel: page with meta.last_page (no request past the end)",
      api: "laravel",
      spec: {
        items: "data",
        styles: [
          {
            style: pageNumbers,
            param: "page",
            current: "meta.current_page",
            total: "meta.last_page",
          },
        ],
      },
      requests: ["/things?size=10", "/things?page=2&size=10", "/things?page=3&size=10"],
    },
    {
      name: "the Link header over a bare array",
      api: "link-header",
      spec: { items: "", styles: [{ style: linkHeaderPages }] },
      requests: ["/things?size=10", "/things?size=10&page=2", "/things?size=10&page=3"],
    },
  ];

  it.each(styles)(
    "$name: iterates every item once, then stops",
    async ({ api, spec, requests: want }) => {
      const { fetch, requests } = styleApi(api);
      expect(ids(await collect(listStyle(fetch, spec, { size: 10 })))).toStrictEqual(ids(ITEMS));
      expect(requests).toStrictEqual(want);
    },
  );

  it.each(styles.filter(({ api }) => api !== "hal" && api !== "nested"))(
    "$name: walks back with getPreviousPage to the first page",
    async ({ api, spec }) => {
      const { fetch } = styleApi(api);
      const pages = await collect(listStyle(fetch, spec, { size: 10 }).iterPages());
      const last = pages.at(-1);
      expect(last?.hasNextPage()).toBe(false);
      const back: string[] = [];
      for (
        let page = last;
        page !== undefined;
        page = page.hasPreviousPage() ? await page.getPreviousPage() : undefined
      ) {
        const state = pageRequest(page, "previous");
        back.push(
          state === undefined ? "start" : "url" in state ? "url" : JSON.stringify(state.params),
        );
      }
      expect(back).toHaveLength(3);
      expect(back.at(-1)).toBe("start");
    },
  );

  it("the page is the array itself when the body is one", async () => {
    const { fetch } = styleApi("link-header");
    const page = await listStyle(
      fetch,
      { items: "", styles: [{ style: linkHeaderPages }] },
      { size: 10 },
    );
    expect(Array.isArray(page)).toBe(true);
    expect(ids(page as unknown as Item[])).toStrictEqual(ids(ITEMS.slice(0, 10)));
    expect(page.hasNextPage()).toBe(true);
  });

  it("never follows a next URL to another origin", async () => {
    const { fetch, requests } = styleApi("drf", "https://evil.example.net");
    const page = await listStyle(
      fetch,
      { items: "results", styles: [{ style: nextUrlPages, next: "next" }] },
      { size: 10 },
    );
    await expect(page.getNextPage()).rejects.toThrow(
      "the server's next page URL https://evil.example.net/things is not on https://api.example.com, so it is not followed",
    );
    expect(requests).toStrictEqual(["/things?size=10"]);
  });

  it("upgrades a next URL on the API's own host from http to https (a framework behind a TLS proxy), never the reverse", async () => {
    const { fetch, requests } = styleApi("drf", "http://api.example.com");
    expect(
      ids(
        await collect(
          listStyle(
            fetch,
            { items: "results", styles: [{ style: nextUrlPages, next: "next" }] },
            { size: 10 },
          ),
        ),
      ),
    ).toStrictEqual(ids(ITEMS));
    expect(requests).toStrictEqual([
      "/things?size=10",
      "/things?size=10&page=2",
      "/things?size=10&page=3",
    ]);
  });

  it("never loops on a next URL the server repeats", async () => {
    const fetch: Fetch = async () =>
      new Response(
        JSON.stringify({ results: [{ id: "a" }], next: "https://api.example.com/things?page=2" }),
        { headers: { "content-type": "application/json" } },
      );
    const seen = await collect(
      listStyle(fetch, { items: "results", styles: [{ style: nextUrlPages, next: "next" }] }),
    );
    expect(seen).toHaveLength(2);
  });

  it("reads rel among several values and unquoted, and ignores commas inside a URL", async () => {
    const link =
      '<https://api.example.com/things?a=1,2&page=2>; rel="next last", <https://api.example.com/things?page=1>; rel=prev';
    const fetch: Fetch = async (url) =>
      new Response(url.includes("page=2") ? "[]" : '[{"id":"a"}]', {
        headers: { "content-type": "application/json", link: url.includes("page=2") ? "" : link },
      });
    const page = await listStyle(fetch, { items: "", styles: [{ style: linkHeaderPages }] });
    expect(pageRequest(page, "next")).toStrictEqual({
      url: "https://api.example.com/things?a=1,2&page=2",
    });
    expect(pageRequest(page, "previous")).toStrictEqual({
      url: "https://api.example.com/things?page=1",
    });
  });

  it("offset steps back by the page size, never below 0", async () => {
    const { fetch } = styleApi("offset");
    const page = await listStyle(
      fetch,
      {
        items: "items",
        styles: [{ style: offsetPages, param: "offset", size: "size", count: "total" }],
      },
      { size: 10, offset: 5 },
    );
    expect(pageRequest(page, "previous")).toStrictEqual({ params: { size: 10, offset: 0 } });
    expect(pageRequest(page, "next")).toStrictEqual({ params: { size: 10, offset: 15 } });
  });
});
