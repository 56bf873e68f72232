import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStylesServer, THINGS, type StylesServer, type Thing } from "../../../fixtures/pagination-styles/server.js";
import { importGeneratedClient, type LooseModule } from "./support/generated.js";

/**
 * The generated client of `fixtures/pagination-styles` (every style detected with no configuration, one declared
 * with `x-pagination`) against a real HTTP server: each list is walked to its end and stops there without an error or
 * an extra request, and walked back where the style allows.
 */
describe("pagination styles over HTTP", () => {
  let server: StylesServer;
  let api: LooseModule;
  const ids = (things: readonly Thing[]) => things.map((thing) => thing.id);

  async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
    const out: T[] = [];
    for await (const value of iterable) out.push(value);
    return out;
  }

  beforeAll(async () => {
    [server, api] = await Promise.all([startStylesServer(), importGeneratedClient("pagination-styles")]);
  }, 60_000);
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  const client = () => api["createClient"]({ baseUrl: server.url });

  it.each([
    {
      name: "DRF next URL with count/results",
      operation: "listDrfThings",
      params: { page_size: 10 },
      requests: ["/drf/things?page_size=10", "/drf/things?page_size=10&page=2", "/drf/things?page_size=10&page=3"],
    },
    {
      name: "nested cursor meta.cursors.after",
      operation: "listNestedThings",
      params: { limit: 10 },
      requests: ["/nested/things?limit=10", "/nested/things?after=t10&limit=10", "/nested/things?after=t20&limit=10"],
    },
    {
      name: "JSON:API links.next",
      operation: "listJsonApiThings",
      params: { "page[size]": 10 },
      requests: ["/jsonapi/things?page%5Bsize%5D=10", "/jsonapi/things?page%5Bsize%5D=10&page%5Bnumber%5D=2", "/jsonapi/things?page%5Bsize%5D=10&page%5Bnumber%5D=3"],
    },
    {
      name: "offset with total",
      operation: "listOffsetThings",
      params: { limit: 10 },
      requests: ["/offset/things?limit=10", "/offset/things?offset=10&limit=10", "/offset/things?offset=20&limit=10"],
    },
    {
      name: "Laravel meta.last_page",
      operation: "listLaravelThings",
      params: { per_page: 10 },
      requests: ["/laravel/things?per_page=10", "/laravel/things?page=2&per_page=10", "/laravel/things?page=3&per_page=10"],
    },
    {
      name: "Link header over a bare array",
      operation: "listLinkThings",
      params: { per_page: 10 },
      requests: ["/link/things?per_page=10", "/link/things?per_page=10&page=2", "/link/things?per_page=10&page=3"],
    },
    { name: "HAL _links.next.href (relative)", operation: "listHalThings", params: { size: 10 }, requests: ["/hal/things?size=10", "/hal/things?size=10&page=2", "/hal/things?size=10&page=3"] },
    {
      name: "x-pagination with nested paths",
      operation: "listDeclaredThings",
      params: { count: 10 },
      requests: ["/declared/things?count=10", "/declared/things?from=t10&count=10", "/declared/things?from=t20&count=10"],
    },
  ])("$name: every item once, in order, and no request past the last page", async ({ operation, params, requests }) => {
    const things = await collect<Thing>(api[operation](client(), params));
    expect(ids(things)).toStrictEqual(ids(THINGS));
    expect(server.requests).toStrictEqual(requests);
  });

  it("DRF: a last page's next: null ends iteration (the server would answer 404 Invalid page past it)", async () => {
    const last = await api["listDrfThings"](client(), { page: 3, page_size: 10 });
    expect({ next: last.next, hasNext: last.hasNextPage() }).toStrictEqual({ next: null, hasNext: false });
    expect(ids(await collect<Thing>(last))).toStrictEqual(ids(THINGS.slice(20)));
    expect(server.requests).toStrictEqual(["/drf/things?page=3&page_size=10"]);
  });

  it("nested cursor: started with `before`, walks backwards to the first item", async () => {
    const things = await collect<Thing>(api["listNestedThings"](client(), { before: "t23", limit: 10 }));
    expect(ids(things)).toStrictEqual(ids(THINGS.slice(0, 22)).reverse());
    expect(server.requests).toStrictEqual(["/nested/things?before=t23&limit=10", "/nested/things?before=t13&limit=10", "/nested/things?before=t03&limit=10"]);
  });

  it.each([
    { operation: "listDrfThings", params: { page: 3, page_size: 10 } },
    { operation: "listJsonApiThings", params: { "page[number]": 3, "page[size]": 10 } },
    { operation: "listOffsetThings", params: { offset: 20, limit: 10 } },
    { operation: "listLaravelThings", params: { page: 3, per_page: 10 } },
    { operation: "listLinkThings", params: { page: 3, per_page: 10 } },
  ])("$operation: getPreviousPage walks from the last page back to the first", async ({ operation, params }) => {
    let page = await api[operation](client(), params);
    const seen: string[][] = [];
    for (;;) {
      const items = (Array.isArray(page) ? page : (page.results ?? page.data ?? page.items)) as Thing[];
      seen.unshift(ids(items));
      if (!page.hasPreviousPage()) break;
      page = await page.getPreviousPage();
    }
    expect(seen.flat()).toStrictEqual(ids(THINGS));
    expect(server.requests).toHaveLength(3);
  });
});
