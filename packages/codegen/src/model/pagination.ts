import type { CursorModel, FieldPath, PageStyleModel, PaginationModel } from "./model.js";
import { dereference, isReference } from "./refs.js";
import type { MaybeRef, OpenApiDocument, SchemaObject, SchemaType } from "./spec.js";

/**
 * Recognises list operations from their shape, with no configuration: a JSON response with an item array (or a bare
 * array), plus evidence of how the next page is reached. The rules come from a census of ~2,600 real API
 * descriptions (`scripts/pagination-census.ts`); each style needs a request parameter *and* a response field (or
 * header) that feeds it, because calling a non-list a list is worse than missing one.
 */

export { PAGE_STYLES } from "./runtime-contract.js";

const ITEM_FIELDS = ["data", "items", "results", "records", "entries", "values", "list", "content", "elements", "rows", "hits"];
const HAS_MORE_FIELDS = ["has_more", "hasMore", "has_next", "hasNext", "has_next_page", "hasNextPage", "more"];

interface CursorConvention {
  readonly param: string;
  /** Response fields (last path segment, at any depth) the cursor may come from, in order of preference. */
  readonly fields: readonly string[];
  /** When no field matches: the id of the last (or first) item, if items have one and `hasMore` says when to stop. */
  readonly itemId: boolean;
  /** The types the field may have; a string or an integer unless said. */
  readonly types?: readonly SchemaType[];
}

const FORWARD: readonly CursorConvention[] = [
  { param: "after", fields: ["last_id", "next_cursor", "end_cursor", "endCursor", "after", "nextCursor"], itemId: true },
  { param: "starting_after", fields: [], itemId: true },
  { param: "cursor", fields: ["next_cursor", "nextCursor", "next_page_cursor", "cursor", "next"], itemId: false },
  { param: "page_token", fields: ["next_page_token"], itemId: false },
  { param: "pageToken", fields: ["nextPageToken"], itemId: false },
  { param: "next_token", fields: ["next_token"], itemId: false },
  { param: "nextToken", fields: ["nextToken", "NextToken"], itemId: false },
  { param: "continuation_token", fields: ["continuation_token", "next_continuation_token"], itemId: false },
  { param: "continuationToken", fields: ["continuationToken", "nextContinuationToken"], itemId: false },
  { param: "marker", fields: ["next_marker", "nextMarker", "NextMarker"], itemId: false },
  // Kubernetes: `continue` ← `metadata.continue`.
  { param: "continue", fields: ["continue"], itemId: false },
  // Stripe's search: `page` is a token, fed by `next_page`.
  { param: "page", fields: ["next_page"], itemId: false },
  // Asana: `offset` is a token, fed by `next_page.offset` (a number there would be an echo of the request's offset).
  { param: "offset", fields: ["offset"], itemId: false, types: ["string"] },
];

const BACKWARD: readonly CursorConvention[] = [
  { param: "before", fields: ["first_id", "prev_cursor", "start_cursor", "startCursor", "before", "prevCursor", "previous_cursor"], itemId: true },
  { param: "ending_before", fields: [], itemId: true },
];

const PAGE_PARAMS = ["page", "page_number", "pageNumber", "page[number]"];
/** Query parameters that set the page size, in order of preference (also what a mock server reads). */
export const SIZE_PARAMS = ["per_page", "perPage", "page_size", "pageSize", "limit", "size", "page[size]", "page[limit]", "max_results", "maxResults", "count"];
const OFFSET_PARAMS = ["offset", "skip", "start_index", "startIndex", "page[offset]", "$skip"];
const CURRENT_PAGE_FIELDS = ["current_page", "currentPage", "page", "page_number", "pageNumber"];
const TOTAL_PAGES_FIELDS = ["total_pages", "totalPages", "last_page", "lastPage", "page_count", "pageCount", "num_pages", "numPages", "pages"];
const COUNT_FIELDS = [
  "total",
  "total_count",
  "totalCount",
  "count",
  "total_results",
  "totalResults",
  "total_items",
  "totalItems",
  "totalElements",
  "total_entries",
  "totalRecords",
  "total_records",
  "totalSize",
  "total_size",
];

/** Body fields holding the next page's URL. `next` alone must prove it is a URL (see {@link nextUrlField}). */
const NEXT_URL_FIELDS = ["next_url", "nextUrl", "next_page_url", "nextPageUrl", "next_page_uri", "nextPageUri", "nextLink", "next_link", "next_href", "nextHref"];
const PREVIOUS_URL_FIELDS = ["previous_url", "prev_url", "previousUrl", "prevUrl", "prev_page_url", "prevPageUrl", "previous_page_uri", "previousPageUri", "previousLink", "prevLink", "prev_link"];
/** Fields that are a URL only when their schema says so (`format: uri`), or by Django REST framework's shape. */
const PLAIN_NEXT_FIELDS = ["next", "nextPage", "next_page"];
/** Arrays beside the items that are not them. */
const NOT_ITEMS = ["errors", "warnings", "messages", "unreachable", "links", "_links"];
/** Objects whose `next` is a URL by convention: JSON:API and HAL `links`/`_links`, Facebook's `paging`. */
const LINK_CONTAINERS = ["links", "_links", "paging", "link"];
/** Objects that hold URLs, never cursors (Apideck has both `links.next` and `meta.cursors.next`). */
const URL_ONLY_CONTAINERS = ["links", "_links", "link"];
/** How deep a paging field may sit (`meta.cursors.next`, `response_metadata.next_cursor`, `_links.next.href`). */
const MAX_DEPTH = 3;

export interface PaginationInput {
  readonly method: string;
  /** Names of the operation's query parameters. */
  readonly queryParameters: readonly string[];
  /** The schema of the first JSON 2xx response. */
  readonly responseSchema: MaybeRef<SchemaObject> | undefined;
  /** Names of the headers the 2xx response declares. */
  readonly responseHeaders: readonly string[];
}

export function detectPagination(document: OpenApiDocument, input: PaginationInput): PaginationModel | undefined {
  const { queryParameters: query, responseSchema } = input;
  // A read, or a search sent as POST; a DELETE or PUT answered with a page is never walked by repeating it.
  if (responseSchema === undefined || !["GET", "POST"].includes(input.method.toUpperCase())) return undefined;
  const schema = new SchemaReader(document);
  const items = itemsField(schema, responseSchema);
  if (items === undefined) return undefined;
  const root = items === "" ? undefined : responseSchema;
  const hasMore = root === undefined ? undefined : schema.find(root, HAS_MORE_FIELDS, ["boolean"], items);
  // Following a URL repeats the request as-is, which only a read may do.
  const reads = input.method.toUpperCase() === "GET";
  const styles: PageStyleModel[] = [];

  const cursor = root === undefined ? undefined : cursorStyle(schema, query, root, items, hasMore);
  if (cursor !== undefined) styles.push(cursor);
  const urls = root === undefined || !reads ? undefined : nextUrlStyle(schema, root, items);
  if (urls !== undefined) styles.push(urls);
  if (reads && input.responseHeaders.some((name) => name.toLowerCase() === "link")) styles.push({ kind: "linkHeader" });
  if (root !== undefined) {
    const size = SIZE_PARAMS.find((name) => query.includes(name));
    const count = schema.find(root, COUNT_FIELDS, ["integer", "number"], items);
    const offset = OFFSET_PARAMS.find((name) => query.includes(name) && !(cursor?.kind === "cursor" && cursor.next.param === name));
    // An offset with a page size, an item count or has_more: a list walked by position.
    if (offset !== undefined && (size !== undefined || count !== undefined || hasMore !== undefined)) styles.push({ kind: "offset", param: offset, size, count });
    // A `page` already fed by a cursor (Stripe's search) is a token, not a number.
    const page = PAGE_PARAMS.find((name) => query.includes(name) && !(cursor?.kind === "cursor" && cursor.next.param === name));
    if (page !== undefined && offset === undefined) {
      const current = schema.find(root, CURRENT_PAGE_FIELDS, ["integer", "number"], items);
      const total = schema.find(root, TOTAL_PAGES_FIELDS, ["integer", "number"], items);
      // A `page` parameter alone could be anything; a response that reports pages, items or more to come confirms it.
      if (current !== undefined || total !== undefined || count !== undefined || hasMore !== undefined) styles.push({ kind: "pageNumber", param: page, current, total, count, size });
    }
  }
  if (styles.length === 0) return undefined;
  return { items, itemsRequired: schema.requiredAlong(responseSchema, items), ...nullableBody(schema, responseSchema), hasMore, styles };
}

function cursorStyle(schema: SchemaReader, query: readonly string[], root: MaybeRef<SchemaObject>, items: FieldPath, hasMore: FieldPath | undefined): PageStyleModel | undefined {
  const itemSchema = schema.at(root, items);
  const itemsHaveId = schema.find(schema.arrayItems(itemSchema) ?? {}, ["id"], ["string", "integer"], undefined, 0) !== undefined;
  const cursorFor = (conventions: readonly CursorConvention[]): CursorModel | undefined => {
    for (const convention of conventions) {
      if (!query.includes(convention.param)) continue;
      const field = schema.find(root, convention.fields, convention.types ?? ["string", "integer"], items, MAX_DEPTH, URL_ONLY_CONTAINERS);
      // A `next` that is a URL (Django REST framework's CursorPagination) is followed as one, not sent as a cursor.
      const format = field === undefined ? undefined : schema.nonNull(schema.at(root, field) ?? {})?.format;
      if (field !== undefined && format !== "uri" && format !== "url") return { param: convention.param, from: field, fromItem: false };
      if (convention.itemId && itemsHaveId && hasMore !== undefined) return { param: convention.param, from: "id", fromItem: true };
    }
    return undefined;
  };
  const next = cursorFor(FORWARD);
  return next === undefined ? undefined : { kind: "cursor", next, previous: cursorFor(BACKWARD) };
}

function nextUrlStyle(schema: SchemaReader, root: MaybeRef<SchemaObject>, items: FieldPath): PageStyleModel | undefined {
  const next = nextUrlField(schema, root, items, PLAIN_NEXT_FIELDS, NEXT_URL_FIELDS);
  if (next === undefined) return undefined;
  return { kind: "nextUrl", next, previous: nextUrlField(schema, root, items, ["previous", "prev", "previousPage", "previous_page", "prevPage"], PREVIOUS_URL_FIELDS) };
}

/**
 * A body field that holds a URL: one named for it (`next_url`, `nextLink`) at any depth, or `next` that proves it is
 * a URL by its format (`uri`), by sitting in a links object (`links.next`, `_links.next.href`, `paging.next`), or by
 * Django REST framework's shape (`next` and `previous` beside `count` and `results`).
 */
function nextUrlField(schema: SchemaReader, root: MaybeRef<SchemaObject>, items: FieldPath, words: readonly string[], named: readonly string[]): FieldPath | undefined {
  const byName = schema.find(root, named, ["string"], items);
  if (byName !== undefined) return byName;
  const properties = schema.propertiesOf(root);
  const drf = properties?.has("results") === true && properties.has("count") && properties.has("next") && properties.has("previous");
  for (const word of words) {
    const plain = properties?.get(word);
    if (plain === undefined || !schema.hasType(plain, "string")) continue;
    const format = schema.resolve(plain).format ?? schema.nonNull(plain)?.format;
    if (format === "uri" || format === "url" || (drf && (word === "next" || word === "previous"))) return word;
  }
  // Matched ignoring case: OSIsoft writes `Links.Next`.
  for (const [container, links] of properties ?? []) {
    if (!LINK_CONTAINERS.includes(container.toLowerCase())) continue;
    for (const [word, link] of schema.propertiesOf(links) ?? []) {
      if (!words.includes(word.toLowerCase())) continue;
      if (schema.hasType(link, "string")) return `${container}.${word}`;
      if (schema.propertiesOf(link)?.has("href") === true) return `${container}.${word}.href`;
    }
  }
  return undefined;
}

/**
 * The item array: a field named like one (`data`, `results`…), else the only array field, else the only array in
 * HAL's `_embedded`; `""` when the body is itself the array.
 */
function itemsField(schema: SchemaReader, responseSchema: MaybeRef<SchemaObject>): FieldPath | undefined {
  if (schema.arrayItems(responseSchema) !== undefined) return "";
  const properties = schema.propertiesOf(responseSchema, false);
  if (properties === undefined) return undefined;
  const arrays = [...properties.keys()].filter((name) => !NOT_ITEMS.includes(name) && schema.arrayItems(properties.get(name)) !== undefined);
  // With several arrays, the one of objects (Google's `unreachable` beside the items is a list of names).
  const ofObjects = arrays.filter((name) => schema.hasType(schema.arrayItems(properties.get(name)) ?? {}, "object"));
  const direct = ITEM_FIELDS.find((name) => arrays.includes(name)) ?? (arrays.length === 1 ? arrays[0] : ofObjects.length === 1 ? ofObjects[0] : undefined);
  if (direct !== undefined || arrays.length > 0) return direct;
  const embedded = schema.propertiesOf(properties.get("_embedded") ?? {}, false);
  const inside = [...(embedded?.keys() ?? [])].filter((name) => schema.arrayItems(embedded?.get(name)) !== undefined);
  return inside.length === 1 ? `_embedded.${inside[0]}` : undefined;
}

/** UniCourt's pages are `{ … } | null`: the item type must step over the `null` before its first field. */
function nullableBody(schema: SchemaReader, responseSchema: MaybeRef<SchemaObject>): { bodyNullable?: true } {
  return schema.isNullable(responseSchema) ? { bodyNullable: true } : {};
}

/** Reads response schemas: properties through `allOf` (and, where asked, through nullable unions), paths, types. */
class SchemaReader {
  constructor(private readonly document: OpenApiDocument) {}

  resolve(schemaOrRef: MaybeRef<SchemaObject>): SchemaObject {
    const value = isReference(schemaOrRef) ? dereference(this.document, schemaOrRef, "").value : schemaOrRef;
    return typeof value === "object" && value !== null ? value : {};
  }

  /** The one non-null member of `anyOf`/`oneOf: [X, null]`, or the schema itself. */
  nonNull(schemaOrRef: MaybeRef<SchemaObject>): SchemaObject | undefined {
    const schema = this.resolve(schemaOrRef);
    const members = (schema.anyOf ?? schema.oneOf ?? []).filter((member) => !this.typesOf(member).every((type) => type === "null"));
    return members.length === 1 && members[0] !== undefined ? this.resolve(members[0]) : schema;
  }

  typesOf(schemaOrRef: MaybeRef<SchemaObject>, depth = 0): SchemaType[] {
    const schema = this.resolve(schemaOrRef);
    const own = schema.type === undefined ? [] : Array.isArray(schema.type) ? [...schema.type] : [schema.type as SchemaType];
    if (depth > 4) return own;
    for (const member of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) own.push(...this.typesOf(member, depth + 1));
    if (own.length === 0 && schema.properties !== undefined) own.push("object");
    return own;
  }

  hasType(schemaOrRef: MaybeRef<SchemaObject>, type: SchemaType): boolean {
    return this.typesOf(schemaOrRef).includes(type);
  }

  /** The object's properties, with `allOf` members merged (and the non-null member of a nullable union, if `unions`). */
  propertiesOf(schemaOrRef: MaybeRef<SchemaObject>, unions = true, depth = 0): Map<string, MaybeRef<SchemaObject>> | undefined {
    if (depth > 8) return undefined;
    const schema = unions ? (this.nonNull(schemaOrRef) ?? {}) : this.resolve(schemaOrRef);
    const merged = new Map<string, MaybeRef<SchemaObject>>();
    for (const member of schema.allOf ?? []) {
      for (const [name, property] of this.propertiesOf(member, unions, depth + 1) ?? []) merged.set(name, property);
    }
    for (const [name, property] of Object.entries(schema.properties ?? {})) merged.set(name, property);
    return merged.size === 0 ? undefined : merged;
  }

  arrayItems(schemaOrRef: MaybeRef<SchemaObject> | undefined): MaybeRef<SchemaObject> | undefined {
    if (schemaOrRef === undefined) return undefined;
    const schema = this.resolve(schemaOrRef);
    const isArray = schema.type === "array" || (Array.isArray(schema.type) && schema.type.includes("array"));
    return isArray ? (schema.items ?? {}) : undefined;
  }

  /** The schema at a dotted path, or `undefined` where a step is not a property. */
  at(root: MaybeRef<SchemaObject>, path: FieldPath): MaybeRef<SchemaObject> | undefined {
    let current: MaybeRef<SchemaObject> | undefined = root;
    for (const key of path === "" ? [] : path.split(".")) current = current === undefined ? undefined : this.propertiesOf(current)?.get(key);
    return current;
  }

  /** Whether every step of the path is required and never null (so the generated item type needs no `NonNullable`). */
  requiredAlong(root: MaybeRef<SchemaObject>, path: FieldPath): boolean {
    let current: MaybeRef<SchemaObject> | undefined = root;
    for (const key of path === "" ? [] : path.split(".")) {
      if (current === undefined || !this.requiredOf(current).has(key)) return false;
      current = this.propertiesOf(current)?.get(key);
      if (current !== undefined && this.isNullable(current)) return false;
    }
    return true;
  }

  /** Whether openapi-typescript's type of the schema includes `null` (3.0's `nullable`, 3.1's `"null"` type). */
  isNullable(schemaOrRef: MaybeRef<SchemaObject>): boolean {
    const schema = this.resolve(schemaOrRef);
    return (
      schema.nullable === true ||
      (Array.isArray(schema.type) && schema.type.includes("null")) ||
      (schema.anyOf ?? schema.oneOf ?? []).some((member) => this.typesOf(member).every((type) => type === "null"))
    );
  }

  private requiredOf(schemaOrRef: MaybeRef<SchemaObject>, depth = 0): Set<string> {
    const schema = this.resolve(schemaOrRef);
    // openapi-typescript types each allOf member on its own: a name is required where the same schema declares it
    // (Spotify's PagingObject requires an `items` only its allOf sibling declares, and optional there).
    const names = new Set((schema.required ?? []).filter((name) => schema.properties?.[name] !== undefined));
    if (depth < 8) for (const member of schema.allOf ?? []) for (const name of this.requiredOf(member, depth + 1)) names.add(name);
    return names;
  }

  /**
   * The shallowest field (breadth-first, up to {@link MAX_DEPTH} objects deep, never inside `skip` or an array)
   * whose own name is one of `names` (earlier names win at one depth) and whose type is one of `types`.
   */
  find(
    root: MaybeRef<SchemaObject>,
    names: readonly string[],
    types: readonly SchemaType[],
    skip: FieldPath | undefined,
    maxDepth = MAX_DEPTH,
    exclude: readonly string[] = [],
  ): FieldPath | undefined {
    let level: { path: string; schema: MaybeRef<SchemaObject> }[] = [{ path: "", schema: root }];
    for (let depth = 0; depth <= maxDepth && level.length > 0; depth++) {
      const next: typeof level = [];
      const found = new Map<string, string>();
      for (const { path, schema } of level) {
        for (const [name, property] of this.propertiesOf(schema) ?? []) {
          const at = path === "" ? name : `${path}.${name}`;
          if (at === skip || name.includes(".") || exclude.includes(name)) continue;
          const own = this.typesOf(property);
          if (names.includes(name) && own.some((type) => types.includes(type)) && !found.has(name)) found.set(name, at);
          if (own.includes("object") || (own.length === 0 && this.propertiesOf(property) !== undefined)) next.push({ path: at, schema: property });
        }
      }
      const best = names.find((name) => found.has(name));
      if (best !== undefined) return found.get(best);
      level = next;
    }
    return undefined;
  }
}

/** The `x-pagination` extension: `false` turns detection off; an object declares the paging a spec's shape hides. */
export const PAGINATION_EXTENSION = "x-pagination";

interface Problem {
  readonly pointer: string;
  readonly message: string;
}

export type OverrideResult =
  { readonly kind: "none" } | { readonly kind: "disabled" } | { readonly kind: "declared"; readonly pagination: PaginationModel } | { readonly kind: "invalid"; readonly problems: readonly Problem[] };

/**
 * Reads `x-pagination` from an operation and checks every field it names against the JSON success response, so a
 * typo fails at generation with its pointer instead of ending iteration silently. Forms:
 * `{ items: data, hasMore: has_more, next: { param: after, from: last_id }, previous: { param: before, from: first_id } }`,
 * `{ items: results, next: { url: next }, previous: { url: previous } }` (a URL in the body),
 * `{ items: "", next: { header: link } }` (RFC 8288 `Link`; `""` is a bare-array body),
 * `{ items: data, page: { param: page, current: meta.current_page, total: meta.last_page, count: meta.total, size: per_page } }`,
 * `{ items: data, offset: { param: offset, count: meta.total, size: limit } }`.
 */
export function paginationOverride(document: OpenApiDocument, value: unknown, pointer: string, queryParameters: readonly string[], responseSchema: MaybeRef<SchemaObject> | undefined): OverrideResult {
  if (value === undefined) return { kind: "none" };
  if (value === false) return { kind: "disabled" };
  const at = `${pointer}/${PAGINATION_EXTENSION}`;
  const problems: Problem[] = [];
  const schema = new SchemaReader(document);
  const record = asRecord(value);
  if (record === undefined) return { kind: "invalid", problems: [{ pointer: at, message: `${PAGINATION_EXTENSION} must be false or a mapping with \`items\`` }] };
  if (responseSchema === undefined) return { kind: "invalid", problems: [{ pointer: at, message: `${PAGINATION_EXTENSION} needs a JSON success response to page through` }] };

  const text = (from: Record<string, unknown>, key: string, where: string): string | undefined => {
    const found = from[key];
    if (found !== undefined && typeof found !== "string") problems.push({ pointer: `${where}/${key}`, message: `\`${key}\` must be a string` });
    return typeof found === "string" ? found : undefined;
  };
  /** A named response field that must exist (in an item, with `inItem`). */
  const field = (from: Record<string, unknown>, key: string, where: string, root: MaybeRef<SchemaObject> | undefined = responseSchema): FieldPath | undefined => {
    const path = text(from, key, where);
    if (path !== undefined && (root === undefined || schema.at(root, path) === undefined)) {
      problems.push({
        pointer: `${where}/${key}`,
        message: `\`${path}\` is not a field of the operation's JSON success response${root === responseSchema ? "" : "'s items"}; name it as a dotted path, e.g. \`meta.cursors.next\``,
      });
      return undefined;
    }
    return path;
  };
  const param = (from: Record<string, unknown>, key: string, where: string, required: boolean): string | undefined => {
    const name = text(from, key, where);
    if (name === undefined && required) problems.push({ pointer: where, message: `\`${key}\` must name a query parameter of this operation` });
    if (name !== undefined && !queryParameters.includes(name)) problems.push({ pointer: `${where}/${key}`, message: `"${name}" is not a query parameter of this operation` });
    return name;
  };

  const items = text(record, "items", at);
  if (items === undefined) problems.push({ pointer: at, message: `${PAGINATION_EXTENSION} needs \`items\`, the response field that holds the page's items` });
  else if (schema.arrayItems(schema.at(responseSchema, items)) === undefined) {
    problems.push({ pointer: `${at}/items`, message: `\`items: ${items}\` is not an array field of the operation's JSON success response` });
  }
  const itemSchema = items === undefined ? undefined : schema.arrayItems(schema.at(responseSchema, items));
  const hasMore = field(record, "hasMore", at);

  type Step = { readonly cursor: CursorModel } | { readonly url: FieldPath } | { readonly header: true };
  const step = (key: "next" | "previous"): Step | undefined => {
    const entry = record[key];
    if (entry === undefined) return undefined;
    const where = `${at}/${key}`;
    const fields = asRecord(entry);
    if (fields === undefined) {
      problems.push({ pointer: where, message: `\`${key}\` must be a mapping: \`{ param, from }\` (a cursor), \`{ url }\` (a URL in the body) or \`{ header: link }\`` });
      return undefined;
    }
    if (fields["header"] !== undefined) {
      if (typeof fields["header"] !== "string" || fields["header"].toLowerCase() !== "link") problems.push({ pointer: `${where}/header`, message: "only the `link` header (RFC 8288) is read" });
      return { header: true };
    }
    if (fields["url"] !== undefined) {
      const url = field(fields, "url", where);
      return url === undefined ? undefined : { url };
    }
    const fromItem = fields["fromItem"] === true;
    const name = param(fields, "param", where, true);
    const from = field(fields, "from", where, fromItem ? itemSchema : responseSchema);
    if (fields["from"] === undefined) problems.push({ pointer: where, message: `\`${key}\` needs \`param\` and \`from\` (or \`url\`, or \`header\`)` });
    return name === undefined || from === undefined ? undefined : { cursor: { param: name, from, fromItem } };
  };
  const next = step("next");
  const previous = step("previous");
  const styles: PageStyleModel[] = [];
  if (next !== undefined) {
    if (previous !== undefined && Object.keys(previous)[0] !== Object.keys(next)[0]) problems.push({ pointer: `${at}/previous`, message: "`previous` must be of the same kind as `next`" });
    if ("cursor" in next) styles.push({ kind: "cursor", next: next.cursor, previous: previous !== undefined && "cursor" in previous ? previous.cursor : undefined });
    else if ("url" in next) styles.push({ kind: "nextUrl", next: next.url, previous: previous !== undefined && "url" in previous ? previous.url : undefined });
    else styles.push({ kind: "linkHeader" });
  }
  const offsetEntry = record["offset"];
  if (offsetEntry !== undefined) {
    const where = `${at}/offset`;
    const fields = asRecord(offsetEntry) ?? {};
    const name = param(fields, "param", where, true);
    const style = { kind: "offset", param: name ?? "", size: param(fields, "size", where, false), count: field(fields, "count", where) } as const;
    if (name !== undefined) styles.push(style);
  }
  const pageEntry = record["page"];
  if (pageEntry !== undefined) {
    const where = `${at}/page`;
    const fields = asRecord(pageEntry) ?? {};
    const name = param(fields, "param", where, true);
    const style = {
      kind: "pageNumber",
      param: name ?? "",
      current: field(fields, "current", where),
      total: field(fields, "total", where),
      count: field(fields, "count", where),
      size: param(fields, "size", where, false),
    } as const;
    if (name !== undefined) styles.push(style);
  }
  if (problems.length > 0 || items === undefined) return { kind: "invalid", problems };
  if (styles.length === 0) {
    return { kind: "invalid", problems: [{ pointer: at, message: `${PAGINATION_EXTENSION} needs \`next\` (a cursor, a URL or the Link header), \`page\` (page numbers) or \`offset\`` }] };
  }
  return { kind: "declared", pagination: { items, itemsRequired: schema.requiredAlong(responseSchema, items), ...nullableBody(schema, responseSchema), hasMore, styles } };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
