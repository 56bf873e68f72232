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

const object = (properties: Record<string, SchemaObject | { $ref: string }>): SchemaObject => ({ type: "object", properties });
const items = { type: "array", items: { $ref: "#/components/schemas/Item" } } as const;

describe("detectPagination", () => {
  it.each([
    {
      name: "Diga: after/before with last_id/first_id, and page numbers",
      query: ["after", "before", "page", "limit"],
      schema: { $ref: "#/components/schemas/Page" },
      want: {
        items: "data",
        itemsRequired: false,
        hasMore: "has_more",
        next: { param: "after", from: "last_id", fromItem: false },
        previous: { param: "before", from: "first_id", fromItem: false },
        page: { param: "page", current: "current_page", total: "total_pages" },
      },
    },
    {
      name: "Stripe: starting_after/ending_before with item ids",
      query: ["starting_after", "ending_before", "limit"],
      schema: object({ object: { type: "string" }, data: items, has_more: { type: "boolean" }, url: { type: "string" } }),
      want: { items: "data", itemsRequired: false, hasMore: "has_more", next: { param: "starting_after", from: "id", fromItem: true }, previous: { param: "ending_before", from: "id", fromItem: true }, page: undefined },
    },
    {
      name: "cursor with next_cursor, items under another name",
      query: ["cursor"],
      schema: object({ results: items, next_cursor: { type: "string" } }),
      want: { items: "results", itemsRequired: false, hasMore: undefined, next: { param: "cursor", from: "next_cursor", fromItem: false }, previous: undefined, page: undefined },
    },
    {
      name: "Google style pageToken",
      query: ["pageToken", "pageSize"],
      schema: object({ things: items, nextPageToken: { type: "string" } }),
      want: { items: "things", itemsRequired: false, hasMore: undefined, next: { param: "pageToken", from: "nextPageToken", fromItem: false }, previous: undefined, page: undefined },
    },
    {
      name: "page numbers with totals only",
      query: ["page", "per_page"],
      schema: object({ items, totalPages: { type: "integer" } }),
      want: { items: "items", itemsRequired: false, hasMore: undefined, next: undefined, previous: undefined, page: { param: "page", current: undefined, total: "totalPages" } },
    },
    {
      name: "allOf-composed page",
      query: ["after"],
      schema: { allOf: [{ ...object({ data: items }), required: ["data"] }, object({ has_more: { type: "boolean" }, last_id: { type: "string" } })] },
      want: { items: "data", itemsRequired: true, hasMore: "has_more", next: { param: "after", from: "last_id", fromItem: false }, previous: undefined, page: undefined },
    },
  ])("recognises $name", ({ query, schema, want }) => {
    expect(detectPagination(document, { queryParameters: query, responseSchema: schema as SchemaObject })).toStrictEqual(want);
  });

  it.each([
    { name: "no cursor or page parameter", query: ["limit"], schema: { $ref: "#/components/schemas/Page" } },
    { name: "no array in the response", query: ["after"], schema: object({ id: { type: "string" }, last_id: { type: "string" } }) },
    { name: "a top-level array response", query: ["page"], schema: items },
    { name: "two arrays, neither named like items", query: ["cursor"], schema: object({ a: items, b: items, next_cursor: { type: "string" } }) },
    { name: "a cursor parameter with nothing in the response to feed it", query: ["cursor"], schema: object({ data: items }) },
    { name: "`page` with no page counts or has_more (could mean anything)", query: ["page"], schema: object({ data: items }) },
    { name: "`after` with item ids but no has_more to stop on", query: ["after"], schema: object({ data: items }) },
    { name: "no JSON response", query: ["after"], schema: undefined },
  ])("ignores $name", ({ query, schema }) => {
    expect(detectPagination(document, { queryParameters: query, responseSchema: schema as SchemaObject | undefined })).toBeUndefined();
  });
});

describe("paginationOverride (x-pagination)", () => {
  const at = "/paths/~1x/get";
  it.each([
    { given: undefined, want: { kind: "none" } },
    { given: false, want: { kind: "disabled" } },
    {
      given: { items: "entries", next: { param: "from", from: "next" } },
      want: { kind: "declared", pagination: { items: "entries", itemsRequired: false, hasMore: undefined, next: { param: "from", from: "next", fromItem: false }, previous: undefined, page: undefined } },
    },
    {
      given: { items: "entries", page: { param: "p", total: "pages" } },
      want: { kind: "declared", pagination: { items: "entries", itemsRequired: false, hasMore: undefined, next: undefined, previous: undefined, page: { param: "p", current: undefined, total: "pages" } } },
    },
    { given: true, want: { kind: "invalid", problems: [{ pointer: `${at}/x-pagination`, message: "x-pagination must be false or a mapping with `items`" }] } },
    {
      given: { next: { param: "nope", from: "next" } },
      want: {
        kind: "invalid",
        problems: [
          { pointer: `${at}/x-pagination`, message: "x-pagination needs `items`, the response field that holds the page's items" },
          { pointer: `${at}/x-pagination/next/param`, message: '"nope" is not a query parameter of this operation' },
        ],
      },
    },
    { given: { items: "entries" }, want: { kind: "invalid", problems: [{ pointer: `${at}/x-pagination`, message: "x-pagination needs `next` (a cursor) or `page` (page numbers)" }] } },
  ])("$given", ({ given, want }) => {
    expect(paginationOverride(given, at, ["from", "p"])).toStrictEqual(want);
  });
});
