import type { CursorModel, PaginationModel } from "./model.js";
import { dereference, isReference } from "./refs.js";
import type { MaybeRef, OpenApiDocument, SchemaObject } from "./spec.js";

/**
 * Recognises list operations from their shape, with no configuration: a JSON object response with an item array,
 * plus cursor parameters matched to the response fields (or item fields) that feed them, or a page-number
 * parameter with page counts in the response. Conventions covered: Diga's/FastAPI's `after`/`before` with
 * `last_id`/`first_id`, Stripe's `starting_after`/`ending_before` with item ids, `cursor` with `next_cursor`,
 * Google's `pageToken` with `nextPageToken`, and `page` with `total_pages`/`current_page`.
 */

const ITEM_FIELDS = ["data", "items", "results", "records", "entries", "values", "list"];
const HAS_MORE_FIELDS = ["has_more", "hasMore", "has_next", "hasNext"];

interface CursorConvention {
  readonly param: string;
  /** Response fields the cursor may come from, in order of preference. */
  readonly fields: readonly string[];
  /** When no field matches (or none is listed): the id of the last (or first) item, if items have one. */
  readonly itemId: boolean;
}

const FORWARD: readonly CursorConvention[] = [
  { param: "after", fields: ["last_id", "next_cursor", "end_cursor"], itemId: true },
  { param: "starting_after", fields: [], itemId: true },
  { param: "cursor", fields: ["next_cursor", "nextCursor", "cursor"], itemId: false },
  { param: "page_token", fields: ["next_page_token"], itemId: false },
  { param: "pageToken", fields: ["nextPageToken"], itemId: false },
];

const BACKWARD: readonly CursorConvention[] = [
  { param: "before", fields: ["first_id", "prev_cursor", "start_cursor"], itemId: true },
  { param: "ending_before", fields: [], itemId: true },
];

const PAGE_CURRENT_FIELDS = ["current_page", "currentPage", "page"];
const PAGE_TOTAL_FIELDS = ["total_pages", "totalPages", "pages", "page_count", "pageCount"];

export interface PaginationInput {
  /** Names of the operation's query parameters. */
  readonly queryParameters: readonly string[];
  /** The schema of the first JSON 2xx response. */
  readonly responseSchema: MaybeRef<SchemaObject> | undefined;
}

export function detectPagination(document: OpenApiDocument, { queryParameters, responseSchema }: PaginationInput): PaginationModel | undefined {
  if (responseSchema === undefined) return undefined;
  const properties = propertiesOf(document, responseSchema);
  if (properties === undefined) return undefined;
  const items = itemsField(document, properties);
  if (items === undefined) return undefined;

  const itemProperties = propertiesOf(document, arrayItems(document, properties.get(items)) ?? {});
  const itemsHaveId = itemProperties?.has("id") === true;
  const hasMore = HAS_MORE_FIELDS.find((field) => isType(document, properties.get(field), "boolean"));
  const cursorFor = (conventions: readonly CursorConvention[]) => {
    for (const convention of conventions) {
      if (!queryParameters.includes(convention.param)) continue;
      const field = convention.fields.find((candidate) => properties.has(candidate));
      if (field !== undefined) return { param: convention.param, from: field, fromItem: false };
      if (convention.itemId && itemsHaveId && hasMore !== undefined) return { param: convention.param, from: "id", fromItem: true };
    }
    return undefined;
  };
  const next = cursorFor(FORWARD);
  const previous = next === undefined ? undefined : cursorFor(BACKWARD);
  const page = pageNumbers(queryParameters, properties, hasMore);
  if (next === undefined && page === undefined) return undefined;
  return { items, itemsRequired: requiredOf(document, responseSchema).has(items), hasMore, next, previous, page };
}

/**
 * Checks a declared `x-pagination` against the response it pages: its `items` must be an array property of the JSON
 * success response, or the generated item type would not exist.
 */
export function checkDeclaredPagination(
  document: OpenApiDocument,
  pagination: PaginationModel,
  responseSchema: MaybeRef<SchemaObject> | undefined,
  pointer: string,
): { readonly pagination: PaginationModel } | { readonly problem: { readonly pointer: string; readonly message: string } } {
  const properties = responseSchema === undefined ? undefined : propertiesOf(document, responseSchema);
  if (responseSchema === undefined || arrayItems(document, properties?.get(pagination.items)) === undefined) {
    return {
      problem: {
        pointer: `${pointer}/${PAGINATION_EXTENSION}/items`,
        message: `\`items: ${pagination.items}\` is not an array property of the operation's JSON success response`,
      },
    };
  }
  return { pagination: { ...pagination, itemsRequired: requiredOf(document, responseSchema).has(pagination.items) } };
}

/** The `required` names of an object schema, `allOf` members included. */
function requiredOf(document: OpenApiDocument, schemaOrRef: MaybeRef<SchemaObject>, depth = 0): Set<string> {
  const schema = resolve(document, schemaOrRef);
  const names = new Set(schema.required ?? []);
  if (depth < 8) for (const member of schema.allOf ?? []) for (const name of requiredOf(document, member, depth + 1)) names.add(name);
  return names;
}

function pageNumbers(queryParameters: readonly string[], properties: ReadonlyMap<string, unknown>, hasMore: string | undefined): PaginationModel["page"] {
  if (!queryParameters.includes("page")) return undefined;
  const current = PAGE_CURRENT_FIELDS.find((field) => properties.has(field));
  const total = PAGE_TOTAL_FIELDS.find((field) => properties.has(field));
  // A `page` parameter alone could be anything; a response that reports pages (or whether more follow) confirms it.
  if (current === undefined && total === undefined && hasMore === undefined) return undefined;
  return { param: "page", current, total };
}

function itemsField(document: OpenApiDocument, properties: ReadonlyMap<string, MaybeRef<SchemaObject>>): string | undefined {
  const arrays = [...properties.keys()].filter((name) => arrayItems(document, properties.get(name)) !== undefined);
  return ITEM_FIELDS.find((name) => arrays.includes(name)) ?? (arrays.length === 1 ? arrays[0] : undefined);
}

/** The object's properties, with `allOf` members merged; `undefined` when the schema is not one object. */
function propertiesOf(document: OpenApiDocument, schemaOrRef: MaybeRef<SchemaObject>, depth = 0): Map<string, MaybeRef<SchemaObject>> | undefined {
  if (depth > 8) return undefined;
  const schema = resolve(document, schemaOrRef);
  const merged = new Map<string, MaybeRef<SchemaObject>>();
  for (const member of schema.allOf ?? []) {
    for (const [name, property] of propertiesOf(document, member, depth + 1) ?? []) merged.set(name, property);
  }
  for (const [name, property] of Object.entries(schema.properties ?? {})) merged.set(name, property);
  return merged.size === 0 ? undefined : merged;
}

function arrayItems(document: OpenApiDocument, schemaOrRef: MaybeRef<SchemaObject> | undefined): MaybeRef<SchemaObject> | undefined {
  if (schemaOrRef === undefined) return undefined;
  const schema = resolve(document, schemaOrRef);
  const isArray = schema.type === "array" || (Array.isArray(schema.type) && schema.type.includes("array"));
  return isArray ? (schema.items ?? {}) : undefined;
}

function isType(document: OpenApiDocument, schemaOrRef: MaybeRef<SchemaObject> | undefined, type: string): boolean {
  if (schemaOrRef === undefined) return false;
  const schema = resolve(document, schemaOrRef);
  return schema.type === type || (Array.isArray(schema.type) && schema.type.includes(type as never));
}

function resolve(document: OpenApiDocument, schemaOrRef: MaybeRef<SchemaObject>): SchemaObject {
  const value = isReference(schemaOrRef) ? dereference(document, schemaOrRef, "").value : schemaOrRef;
  return typeof value === "object" && value !== null ? value : {};
}

/** The `x-pagination` extension: `false` turns detection off; an object declares the paging a spec's shape hides. */
export const PAGINATION_EXTENSION = "x-pagination";

export type OverrideResult =
  | { readonly kind: "none" }
  | { readonly kind: "disabled" }
  | { readonly kind: "declared"; readonly pagination: PaginationModel }
  | { readonly kind: "invalid"; readonly problems: readonly { readonly pointer: string; readonly message: string }[] };

/**
 * Reads `x-pagination` from an operation. Example:
 * `x-pagination: { items: data, hasMore: has_more, next: { param: after, from: last_id } }`.
 */
export function paginationOverride(value: unknown, pointer: string, queryParameters: readonly string[]): OverrideResult {
  if (value === undefined) return { kind: "none" };
  if (value === false) return { kind: "disabled" };
  const at = `${pointer}/${PAGINATION_EXTENSION}`;
  const problems: { pointer: string; message: string }[] = [];
  const record = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  if (record === undefined) return { kind: "invalid", problems: [{ pointer: at, message: `${PAGINATION_EXTENSION} must be false or a mapping with \`items\`` }] };
  const text = (key: string, from: Record<string, unknown> = record, where = at) => {
    const found = from[key];
    if (found !== undefined && typeof found !== "string") problems.push({ pointer: `${where}/${key}`, message: `\`${key}\` must be a string` });
    return typeof found === "string" ? found : undefined;
  };
  const items = text("items");
  if (items === undefined) problems.push({ pointer: at, message: `${PAGINATION_EXTENSION} needs \`items\`, the response field that holds the page's items` });
  const cursor = (key: "next" | "previous"): CursorModel | undefined => {
    const entry = record[key];
    if (entry === undefined) return undefined;
    const where = `${at}/${key}`;
    if (typeof entry !== "object" || entry === null) {
      problems.push({ pointer: where, message: `\`${key}\` must be a mapping with \`param\` and \`from\`` });
      return undefined;
    }
    const fields = entry as Record<string, unknown>;
    const param = text("param", fields, where);
    const from = text("from", fields, where);
    if (param === undefined || from === undefined) problems.push({ pointer: where, message: `\`${key}\` needs \`param\` and \`from\`` });
    else if (!queryParameters.includes(param)) problems.push({ pointer: `${where}/param`, message: `"${param}" is not a query parameter of this operation` });
    return param === undefined || from === undefined ? undefined : { param, from, fromItem: fields["fromItem"] === true };
  };
  const next = cursor("next");
  const previous = cursor("previous");
  const pageEntry = record["page"];
  let page: PaginationModel["page"];
  if (pageEntry !== undefined) {
    const fields = (typeof pageEntry === "object" && pageEntry !== null ? pageEntry : {}) as Record<string, unknown>;
    const param = text("param", fields, `${at}/page`);
    if (param === undefined || !queryParameters.includes(param)) problems.push({ pointer: `${at}/page`, message: "`page.param` must name a query parameter of this operation" });
    else page = { param, current: text("current", fields, `${at}/page`), total: text("total", fields, `${at}/page`) };
  }
  if (problems.length > 0 || items === undefined) return { kind: "invalid", problems };
  if (next === undefined && page === undefined) {
    return { kind: "invalid", problems: [{ pointer: at, message: `${PAGINATION_EXTENSION} needs \`next\` (a cursor) or \`page\` (page numbers)` }] };
  }
  return { kind: "declared", pagination: { items, itemsRequired: false, hasMore: text("hasMore"), next, previous, page } };
}
