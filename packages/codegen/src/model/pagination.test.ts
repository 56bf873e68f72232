import { describe, expect, it } from "vitest";
import { detectPagination, paginationOverride } from "./pagination.js";
import type { OpenApiDocument, SchemaObject } from "./spec.js";

const document = {
  openapi: "3.1.0",
  info: { title: "T", version: "1" },
  components: {
    schemas: {
      Item: { type: "object", properties: { id: { type: "string" } } },
      Page: {
        type: "object",
        properties: {
          data: { type: "array", items: { $ref: "#/components/schemas/Item" } },
          first_id: { anyOf: [{ type: "string" }, { type: "null" }] },
          last_id: { anyOf: [{ type: "string" }, { type: "null" }] },
          has_more: { type: "boolean" },
          current_page: { anyOf: [{ type: "integer" }, { type: "null" }] },
          total_pages: { anyOf: [{ type: "integer" }, { type: "null" }] },
        },
      },
    },
  },
} as unknown as OpenApiDocument;

type Schema = SchemaObject | { $ref: string };
const object = (properties: Record<string, Schema>, required?: string[]): SchemaObject => ({ type: "object", properties, ...(required === undefined ? {} : { required }) });
const items = { type: "array", items: { $ref: "#/components/schemas/Item" } } as const;
const string: SchemaObject = { type: "string" };
const nullableUri: SchemaObject = { type: ["string", "null"], format: "uri" };
const integer: SchemaObject = { type: "integer" };

interface Row {
  name: string;
  query: string[];
  schema: Schema | undefined;
  headers?: string[];
  method?: string;
}
const detect = ({ query, schema, headers = [], method = "GET" }: Row) =>
  detectPagination(document, { method, queryParameters: query, responseSchema: schema as SchemaObject | undefined, responseHeaders: headers });

describe("detectPagination", () => {
  it.each<Row & { want: unknown }>([
    {
      name: "Diga: after/before with last_id/first_id, and page numbers",
      query: ["after", "before", "page", "limit"],
      schema: { $ref: "#/components/schemas/Page" },
      want: {
        items: "data",
        itemsRequired: false,
        hasMore: "has_more",
        styles: [
          { kind: "cursor", next: { param: "after", from: "last_id", fromItem: false }, previous: { param: "before", from: "first_id", fromItem: false } },
          { kind: "pageNumber", param: "page", current: "current_page", total: "total_pages", count: undefined, size: "limit" },
        ],
      },
    },
    {
      name: "Stripe: starting_after/ending_before with item ids",
      query: ["starting_after", "ending_before", "limit"],
      schema: object({ object: string, data: items, has_more: { type: "boolean" }, url: string }),
      want: {
        items: "data",
        itemsRequired: false,
        hasMore: "has_more",
        styles: [{ kind: "cursor", next: { param: "starting_after", from: "id", fromItem: true }, previous: { param: "ending_before", from: "id", fromItem: true } }],
      },
    },
    {
      name: "Google's pageToken",
      query: ["pageToken", "pageSize"],
      schema: object({ things: items, nextPageToken: string }),
      want: { items: "things", itemsRequired: false, hasMore: undefined, styles: [{ kind: "cursor", next: { param: "pageToken", from: "nextPageToken", fromItem: false }, previous: undefined }] },
    },
    {
      name: "a nested cursor: Apideck's meta.cursors.next",
      query: ["cursor", "limit"],
      schema: object({ data: items, meta: object({ items_on_page: integer, cursors: object({ previous: string, current: string, next: string }) }) }),
      want: { items: "data", itemsRequired: false, hasMore: undefined, styles: [{ kind: "cursor", next: { param: "cursor", from: "meta.cursors.next", fromItem: false }, previous: undefined }] },
    },
    {
      name: "a nested cursor: Slack's response_metadata.next_cursor",
      query: ["cursor", "limit"],
      schema: object({ ok: { type: "boolean" }, channels: items, response_metadata: object({ next_cursor: string }) }),
      want: {
        items: "channels",
        itemsRequired: false,
        hasMore: undefined,
        styles: [{ kind: "cursor", next: { param: "cursor", from: "response_metadata.next_cursor", fromItem: false }, previous: undefined }],
      },
    },
    {
      name: "Django REST framework: count/next/previous/results, with page numbers",
      query: ["page", "page_size"],
      schema: object({ count: integer, next: nullableUri, previous: nullableUri, results: items }, ["count", "results"]),
      want: {
        items: "results",
        itemsRequired: true,
        hasMore: undefined,
        styles: [
          { kind: "nextUrl", next: "next", previous: "previous" },
          { kind: "pageNumber", param: "page", current: undefined, total: undefined, count: "count", size: "page_size" },
        ],
      },
    },
    {
      name: "Spotify: `items` required by an allOf member that does not declare it is optional where it is declared",
      query: ["limit", "offset"],
      schema: { allOf: [object({ next: nullableUri, offset: integer, total: integer }, ["items", "next", "offset", "total"]), object({ items })] },
      want: {
        items: "items",
        itemsRequired: false,
        hasMore: undefined,
        styles: [
          { kind: "nextUrl", next: "next", previous: undefined },
          { kind: "offset", param: "offset", count: "total", size: "limit" },
        ],
      },
    },
    {
      name: "UniCourt: a page body that may be null, with an items field that may be null too",
      query: ["pageNumber"],
      schema: { ...object({ nextPageAPI: nullableUri, pageNumber: integer, totalPages: integer, records: { ...items, nullable: true } }, ["records"]), nullable: true } as SchemaObject,
      want: {
        items: "records",
        itemsRequired: false,
        bodyNullable: true,
        hasMore: undefined,
        styles: [{ kind: "pageNumber", param: "pageNumber", current: "pageNumber", total: "totalPages", count: undefined, size: undefined }],
      },
    },
    {
      name: "DRF's CursorPagination: a `next` URL is followed, not sent as the cursor",
      query: ["cursor"],
      schema: object({ next: nullableUri, previous: nullableUri, results: items }),
      want: { items: "results", itemsRequired: false, hasMore: undefined, styles: [{ kind: "nextUrl", next: "next", previous: "previous" }] },
    },
    {
      name: "JSON:API links.next",
      query: ["page[number]", "page[size]"],
      schema: object({ data: items, links: object({ self: string, next: { type: ["string", "null"] }, prev: { type: ["string", "null"] } }) }),
      want: { items: "data", itemsRequired: false, hasMore: undefined, styles: [{ kind: "nextUrl", next: "links.next", previous: "links.prev" }] },
    },
    {
      name: "HAL: _embedded items and _links.next.href",
      query: [],
      schema: object({ _embedded: object({ orders: items }), _links: object({ self: object({ href: string }), next: object({ href: string }) }) }),
      want: { items: "_embedded.orders", itemsRequired: false, hasMore: undefined, styles: [{ kind: "nextUrl", next: "_links.next.href", previous: undefined }] },
    },
    {
      name: "Facebook's paging.next URL beside paging.cursors.after",
      query: ["after", "limit"],
      schema: object({ data: items, paging: object({ cursors: object({ before: string, after: string }), next: string }) }),
      want: {
        items: "data",
        itemsRequired: false,
        hasMore: undefined,
        styles: [
          { kind: "cursor", next: { param: "after", from: "paging.cursors.after", fromItem: false }, previous: undefined },
          { kind: "nextUrl", next: "paging.next", previous: undefined },
        ],
      },
    },
    {
      name: "Azure's nextLink",
      query: ["api-version"],
      schema: object({ value: items, nextLink: string }),
      want: { items: "value", itemsRequired: false, hasMore: undefined, styles: [{ kind: "nextUrl", next: "nextLink", previous: undefined }] },
    },
    {
      name: "a Link header over a bare array (GitHub)",
      query: ["per_page", "page"],
      schema: items,
      headers: ["Link"],
      want: { items: "", itemsRequired: true, hasMore: undefined, styles: [{ kind: "linkHeader" }] },
    },
    {
      name: "offset/limit with a total",
      query: ["offset", "limit"],
      schema: object({ items, total: integer }),
      want: { items: "items", itemsRequired: false, hasMore: undefined, styles: [{ kind: "offset", param: "offset", size: "limit", count: "total" }] },
    },
    {
      name: "Laravel: page with meta.last_page",
      query: ["page", "per_page"],
      schema: object({ data: items, meta: object({ current_page: integer, last_page: integer, total: integer }) }),
      want: {
        items: "data",
        itemsRequired: false,
        hasMore: undefined,
        styles: [{ kind: "pageNumber", param: "page", current: "meta.current_page", total: "meta.last_page", count: "meta.total", size: "per_page" }],
      },
    },
    {
      name: "Apideck: meta.cursors.next is the cursor, links.next the URL",
      query: ["cursor", "limit"],
      schema: object({ data: items, meta: object({ cursors: object({ previous: string, current: string, next: string }) }), links: object({ previous: string, current: string, next: string }) }),
      want: {
        items: "data",
        itemsRequired: false,
        hasMore: undefined,
        styles: [
          { kind: "cursor", next: { param: "cursor", from: "meta.cursors.next", fromItem: false }, previous: undefined },
          { kind: "nextUrl", next: "links.next", previous: "links.previous" },
        ],
      },
    },
    {
      name: "Stripe's search: `page` is a token fed by next_page, not a page number",
      query: ["page", "limit", "query"],
      schema: object({ data: items, has_more: { type: "boolean" }, next_page: { type: ["string", "null"] }, total_count: integer }),
      want: { items: "data", itemsRequired: false, hasMore: "has_more", styles: [{ kind: "cursor", next: { param: "page", from: "next_page", fromItem: false }, previous: undefined }] },
    },
    {
      name: "Kubernetes: continue ← metadata.continue",
      query: ["continue", "limit", "labelSelector"],
      schema: object({ apiVersion: string, items, metadata: object({ continue: string, resourceVersion: string }) }),
      want: { items: "items", itemsRequired: false, hasMore: undefined, styles: [{ kind: "cursor", next: { param: "continue", from: "metadata.continue", fromItem: false }, previous: undefined }] },
    },
    {
      name: "Google: the items beside `unreachable`, a list of names",
      query: ["pageToken", "pageSize"],
      schema: object({ backups: items, nextPageToken: string, unreachable: { type: "array", items: string } }),
      want: { items: "backups", itemsRequired: false, hasMore: undefined, styles: [{ kind: "cursor", next: { param: "pageToken", from: "nextPageToken", fromItem: false }, previous: undefined }] },
    },
    {
      name: "Twilio: next_page_uri, relative",
      query: ["PageSize", "Page", "PageToken"],
      schema: object({ calls: items, next_page_uri: string, previous_page_uri: string, page: integer }),
      want: { items: "calls", itemsRequired: false, hasMore: undefined, styles: [{ kind: "nextUrl", next: "next_page_uri", previous: "previous_page_uri" }] },
    },
    {
      name: "Asana: an offset token in next_page.offset, not a position",
      query: ["offset", "limit"],
      schema: object({ data: items, next_page: { type: ["object", "null"], properties: { offset: string, path: string, uri: string } } }),
      want: { items: "data", itemsRequired: false, hasMore: undefined, styles: [{ kind: "cursor", next: { param: "offset", from: "next_page.offset", fromItem: false }, previous: undefined }] },
    },
    {
      name: "Spotify: an offset the response echoes as a number stays a position",
      query: ["offset", "limit"],
      schema: object({ items, offset: integer, limit: integer, total: integer, next: nullableUri }),
      want: {
        items: "items",
        itemsRequired: false,
        hasMore: undefined,
        styles: [
          { kind: "nextUrl", next: "next", previous: undefined },
          { kind: "offset", param: "offset", size: "limit", count: "total" },
        ],
      },
    },
    {
      name: "OSIsoft: Links.Next, capitalised",
      query: ["startIndex", "maxCount"],
      schema: object({ Items: items, Links: object({ First: string, Previous: string, Next: string }) }),
      want: { items: "Items", itemsRequired: false, hasMore: undefined, styles: [{ kind: "nextUrl", next: "Links.Next", previous: "Links.Previous" }] },
    },
    {
      name: "allOf-composed page",
      query: ["after"],
      schema: { allOf: [{ ...object({ data: items }), required: ["data"] }, object({ has_more: { type: "boolean" }, last_id: string })] },
      want: { items: "data", itemsRequired: true, hasMore: "has_more", styles: [{ kind: "cursor", next: { param: "after", from: "last_id", fromItem: false }, previous: undefined }] },
    },
  ])("recognises $name", (row) => {
    expect(detect(row)).toStrictEqual(row.want);
  });

  it.each<Row>([
    { name: "no cursor or page parameter", query: ["limit"], schema: { $ref: "#/components/schemas/Page" } },
    { name: "no array in the response", query: ["after"], schema: object({ id: string, last_id: string }) },
    { name: "a bare array with page parameters but no Link header", query: ["page", "per_page"], schema: items },
    { name: "a Link header on a response that is not a list", query: [], schema: object({ id: string }), headers: ["Link"] },
    { name: "a Link header on a POST (following it would repeat the write)", query: [], schema: items, headers: ["Link"], method: "POST" },
    { name: "a DELETE answered with a page (Webflow): repeating it would delete more", query: ["nextToken"], schema: object({ documents: items, nextToken: string }), method: "DELETE" },
    { name: "two arrays, neither named like items", query: ["cursor"], schema: object({ a: items, b: items, next_cursor: string }) },
    { name: "a cursor parameter with nothing in the response to feed it", query: ["cursor"], schema: object({ data: items }) },
    { name: "`page` with no page counts or has_more (could mean anything)", query: ["page"], schema: object({ data: items }) },
    { name: "`after` with item ids but no has_more to stop on", query: ["after"], schema: object({ data: items }) },
    { name: "a `next` string that may be a token, not a URL", query: [], schema: object({ data: items, next: string }) },
    { name: "`offset` alone, with no size, count or has_more", query: ["offset"], schema: object({ data: items }) },
    { name: "a cursor-named field inside the items", query: ["cursor"], schema: object({ data: { type: "array", items: object({ next_cursor: string }) } }) },
    { name: "no JSON response", query: ["after"], schema: undefined },
  ])("ignores $name", (row) => {
    expect(detect(row)).toBeUndefined();
  });
});

describe("paginationOverride (x-pagination)", () => {
  const at = "/paths/~1x/get";
  const response = object({
    entries: items,
    pages: integer,
    meta: object({ cursors: object({ next: string }), has_more: { type: "boolean" } }),
    links: object({ next: string, prev: string }),
  });
  it.each<{ given: unknown; want: unknown }>([
    { given: undefined, want: { kind: "none" } },
    { given: false, want: { kind: "disabled" } },
    {
      given: { items: "entries", hasMore: "meta.has_more", next: { param: "from", from: "meta.cursors.next" } },
      want: {
        kind: "declared",
        pagination: {
          items: "entries",
          itemsRequired: false,
          hasMore: "meta.has_more",
          styles: [{ kind: "cursor", next: { param: "from", from: "meta.cursors.next", fromItem: false }, previous: undefined }],
        },
      },
    },
    {
      given: { items: "entries", next: { url: "links.next" }, previous: { url: "links.prev" } },
      want: { kind: "declared", pagination: { items: "entries", itemsRequired: false, hasMore: undefined, styles: [{ kind: "nextUrl", next: "links.next", previous: "links.prev" }] } },
    },
    {
      given: { items: "entries", next: { header: "Link" } },
      want: { kind: "declared", pagination: { items: "entries", itemsRequired: false, hasMore: undefined, styles: [{ kind: "linkHeader" }] } },
    },
    {
      given: { items: "entries", page: { param: "p", total: "pages" } },
      want: {
        kind: "declared",
        pagination: { items: "entries", itemsRequired: false, hasMore: undefined, styles: [{ kind: "pageNumber", param: "p", current: undefined, total: "pages", count: undefined, size: undefined }] },
      },
    },
    { given: true, want: { kind: "invalid", problems: [{ pointer: `${at}/x-pagination`, message: "x-pagination must be false or a mapping with `items`" }] } },
    {
      given: { next: { param: "nope", from: "next" } },
      want: {
        kind: "invalid",
        problems: [
          { pointer: `${at}/x-pagination`, message: "x-pagination needs `items`, the response field that holds the page's items" },
          { pointer: `${at}/x-pagination/next/param`, message: '"nope" is not a query parameter of this operation' },
          { pointer: `${at}/x-pagination/next/from`, message: "`next` is not a field of the operation's JSON success response; name it as a dotted path, e.g. `meta.cursors.next`" },
        ],
      },
    },
    {
      given: { items: "meta", next: { url: "links.nxt" }, hasMore: "meta.more" },
      want: {
        kind: "invalid",
        problems: [
          { pointer: `${at}/x-pagination/items`, message: "`items: meta` is not an array field of the operation's JSON success response" },
          { pointer: `${at}/x-pagination/hasMore`, message: "`meta.more` is not a field of the operation's JSON success response; name it as a dotted path, e.g. `meta.cursors.next`" },
          { pointer: `${at}/x-pagination/next/url`, message: "`links.nxt` is not a field of the operation's JSON success response; name it as a dotted path, e.g. `meta.cursors.next`" },
        ],
      },
    },
    {
      given: { items: "entries", next: { param: "from", from: "uid", fromItem: true } },
      want: {
        kind: "invalid",
        problems: [{ pointer: `${at}/x-pagination/next/from`, message: "`uid` is not a field of the operation's JSON success response's items; name it as a dotted path, e.g. `meta.cursors.next`" }],
      },
    },
    {
      given: { items: "entries" },
      want: { kind: "invalid", problems: [{ pointer: `${at}/x-pagination`, message: "x-pagination needs `next` (a cursor, a URL or the Link header), `page` (page numbers) or `offset`" }] },
    },
  ])("$given", ({ given, want }) => {
    expect(paginationOverride(document, given, at, ["from", "p"], response)).toStrictEqual(want);
  });
});
