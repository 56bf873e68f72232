/**
 * The mock server's runtime, copied verbatim into a generated package's `src/mocks/runtime.ts` when the `msw` plugin is on.
 * The generated `mocks/index.ts` describes each operation as data (`MockOperation`); everything a handler does is
 * here, once: answer with the spec's example or data generated from the schema (seeded, so the same seed gives the
 * same data), serve lists page by page in the operation's own pagination styles, and answer a documented error when a
 * test asks for one (`x-mock-status` header, or `{ status }` per handler).
 */
import { HttpHandler, HttpResponse, type RequestHandlerOptions } from "msw";
import {
  cursorPages,
  fieldAt,
  linkHeaderPages,
  nextUrlPages,
  offsetPages,
  pageNumbers,
  type ApiError,
  type CursorSpec,
  type FieldPath,
  type PaginationSpec,
} from "../runtime/index.js";

/** The request header a test sets to get a documented answer other than the first success: `x-mock-status: 404`. */
const MOCK_STATUS_HEADER = "x-mock-status";

/** The subset of JSON Schema the data generator reads; `$ref` names an entry of the package's schema table. */
export interface MockSchema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly example?: unknown;
  readonly default?: unknown;
  readonly nullable?: boolean;
  readonly properties?: { readonly [name: string]: MockSchema };
  readonly required?: readonly string[];
  readonly additionalProperties?: MockSchema | boolean;
  readonly items?: MockSchema;
  readonly anyOf?: readonly MockSchema[];
  readonly oneOf?: readonly MockSchema[];
  readonly allOf?: readonly MockSchema[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
}

export type MockSchemas = { readonly [name: string]: MockSchema };

/** The spec's shared examples, by name. */
export type MockExamples = { readonly [name: string]: unknown };

/** What the descriptions refer to by name: the schemas data is generated from, and the spec's shared examples. */
export interface MockData {
  readonly schemas: MockSchemas;
  readonly examples?: MockExamples;
}

/** One documented answer: its status (`200`, `404`, `4XX`, `default`), how its body is read, and where data comes from. */
export interface MockResponse {
  readonly status: number | string;
  /** `application/json` unless said. */
  readonly mediaType?: string;
  /** How the body is written: JSON unless said; `empty` for an answer without content. */
  readonly kind?: "json" | "text" | "binary" | "empty";
  /** The spec's example for this answer, served as it is. */
  readonly example?: unknown;
  /** Or the name of a shared example (in `MockData.examples`), written once for every answer that uses it. */
  readonly exampleName?: string;
  /** Where generated data comes from when there is no example. */
  readonly schema?: MockSchema;
}

/** What a handler needs to know of one operation; written by the generator, one per operation. */
export interface MockOperation {
  /** `GET /v1/phone/`: the method and the path template under the server's base path. */
  readonly method: string;
  readonly path: string;
  /** The server's base path (`/v3`), `""` when the API sits at the origin's root. */
  readonly basePath: string;
  /** Names the operation's random stream, so two operations seeded alike do not produce the same data. */
  readonly name: string;
  /** The documented answers, successes first. */
  readonly responses: readonly MockResponse[];
  /** For list operations: how the operation pages, as the client reads it. */
  readonly pagination?: PaginationSpec;
  /** The request parameter that sets the page size, and the size when a request leaves it out. */
  readonly pageSize?: { readonly param?: string; readonly default: number };
}

/** A documented error instead of the success: `{ status: 422 }` answers the spec's 422 example (or generated body). */
export type ErrorAnswer<TError> =
  TError extends ApiError<infer TBody, infer TStatus>
    ? { readonly status: TStatus; readonly body?: TBody; readonly seed?: never }
    : never;

/** How one test changes an operation's answer: its success body, a data seed, or a documented error. */
export type MockAnswer<TResponse, TError> =
  | { readonly body?: TResponse; readonly seed?: number; readonly status?: never }
  | ErrorAnswer<TError>;

/** How one test changes a list operation's answer: the items served page by page (or how many to generate), a seed, or an error. */
export type ListMockAnswer<TItem, TError> =
  | {
      readonly items?: readonly TItem[];
      readonly count?: number;
      readonly seed?: number;
      readonly status?: never;
    }
  | ErrorAnswer<TError>;

/** How many items a list operation serves when a test does not say. */
const DEFAULT_LIST_COUNT = 50;
/** The seed when a test does not give one. */
const DEFAULT_SEED = 1;

interface AnyAnswer {
  readonly status?: number;
  readonly body?: unknown;
  readonly items?: readonly unknown[];
  readonly count?: number;
  readonly seed?: number;
}

/** An msw handler for one operation: `answer` (from a test) changes what it serves. */
export function mockHandler(
  data: MockData,
  operation: MockOperation,
  answer?: object,
  options?: RequestHandlerOptions,
): HttpHandler {
  const asked = (answer ?? {}) as AnyAnswer;
  const responses = operation.responses.map(({ exampleName, ...response }) =>
    exampleName === undefined ? response : { ...response, example: data.examples?.[exampleName] },
  );
  return new HttpHandler(
    operation.method,
    pathPattern(operation),
    ({ request }) => respond(data.schemas, { ...operation, responses }, asked, request),
    options,
  );
}

/**
 * A RegExp over the whole URL: any origin, then the base path and the path template, each `{param}` one segment. A
 * template that carries a query (`/rest?method=flickr.photos.search`, as some specs write) lets the request add
 * parameters after it; a fragment in a template is never sent, so it is not matched.
 */
export function pathPattern({ basePath, path }: Pick<MockOperation, "basePath" | "path">): RegExp {
  const template = `${basePath}${path}`.replace(/#.*$/, "");
  const source = template
    .split(/(\{[^}]*\})/)
    .map((part) =>
      part.startsWith("{") && part.endsWith("}")
        ? "[^/?#&]+"
        : part.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"),
    )
    .join("");
  const rest = template.includes("?") ? "(?:[&#].*)?" : "/?(?:[?#].*)?";
  return new RegExp(`^[a-z][a-z0-9+.-]*://[^/?#]+${source}${rest}$`, "i");
}

function respond(
  schemas: MockSchemas,
  operation: MockOperation,
  asked: AnyAnswer,
  request: Request,
): Response {
  const header = request.headers.get(MOCK_STATUS_HEADER)?.trim() ?? "";
  // A status a Response can carry; anything else in the header is ignored.
  const status = asked.status ?? (/^[2-5]\d\d$/.test(header) ? Number(header) : undefined);
  const successes = operation.responses.filter((response) => isSuccess(response.status));
  const chosen =
    status === undefined ? successes[0] : documentedAnswer(operation.responses, status);
  const seed = asked.seed ?? DEFAULT_SEED;
  const answerStatus = status ?? (typeof chosen?.status === "number" ? chosen.status : 200);
  if (chosen === undefined) return new HttpResponse(null, { status: answerStatus });
  const random = seededRandom(`${seed}:${operation.name}:${String(chosen.status)}`);
  if (isSuccess(chosen.status) && operation.pagination !== undefined)
    return servePage(schemas, operation, operation.pagination, chosen, asked, request, seed);
  const body =
    asked.body !== undefined
      ? asked.body
      : chosen.example !== undefined
        ? chosen.example
        : generate(schemas, chosen.schema, random);
  return answerWith(chosen, answerStatus, body);
}

/** The answer documented for a status: exactly, then by its range (`4XX`), then `default`. */
function documentedAnswer(
  responses: readonly MockResponse[],
  status: number,
): MockResponse | undefined {
  const range = `${String(status).charAt(0)}XX`;
  return (
    responses.find((response) => response.status === status) ??
    responses.find((response) => String(response.status).toUpperCase() === range) ??
    responses.find((response) => response.status === "default")
  );
}

function isSuccess(status: number | string): boolean {
  return String(status).startsWith("2");
}

function answerWith(
  response: MockResponse,
  status: number,
  body: unknown,
  headers?: HeadersInit,
): Response {
  const kind = response.kind ?? "json";
  const init = { status, headers: new Headers(headers) };
  if (kind === "empty" || status === 204 || status === 304) return new HttpResponse(null, init);
  init.headers.set("content-type", response.mediaType ?? "application/json");
  if (kind === "json") return new HttpResponse(JSON.stringify(body ?? null), init);
  if (kind === "text")
    return new HttpResponse(
      typeof body === "string"
        ? body
        : body === null || body === undefined
          ? "mock"
          : JSON.stringify(body),
      init,
    );
  return new HttpResponse(
    body instanceof Blob ? body : new Uint8Array([0x6d, 0x6f, 0x63, 0x6b]),
    init,
  );
}

// ─── Pagination ──────────────────────────────────────────────────────────────────────────────────────────────────

/** Where a page starts and ends in the list, and how it was asked for. */
interface PageWindow {
  readonly start: number;
  readonly end: number;
  readonly size: number;
}

/**
 * One page of the list, in every style the operation pages by at once (Diga's body carries `last_id` and
 * `current_page`): the items, `has_more`, the cursors of the first and last items, the page number and count, the
 * next and previous URLs, and the `Link` header. The URLs keep the request's query and move its page (or offset)
 * parameter, as GitHub's do.
 */
function servePage(
  schemas: MockSchemas,
  operation: MockOperation,
  pagination: PaginationSpec,
  response: MockResponse,
  asked: AnyAnswer,
  request: Request,
  seed: number,
): Response {
  const all =
    asked.items ??
    listItems(schemas, operation, pagination, response, asked.count ?? DEFAULT_LIST_COUNT, seed);
  const url = new URL(request.url);
  const window = windowOf(operation, pagination, all, url.searchParams);
  const items = all.slice(window.start, window.end);
  const more = window.end < all.length;
  const envelope =
    response.example !== undefined
      ? structuredClone(response.example)
      : generate(schemas, response.schema, seededRandom(`${seed}:${operation.name}:page`));
  const body =
    pagination.items === ""
      ? [...items]
      : typeof envelope === "object" && envelope !== null && !Array.isArray(envelope)
        ? (envelope as Record<string, unknown>)
        : {};
  const write = (path: FieldPath | undefined, value: unknown) => {
    if (path !== undefined && path !== "") setField(body, path, value);
  };
  write(pagination.items, [...items]);
  write(pagination.hasMore, more);
  const links: { rel: string; href: string }[] = [];
  const pageLink = positionLink(operation, pagination, url, window);
  for (const entry of pagination.styles) {
    if (entry.style === cursorPages) {
      const { next, previous } = entry as { next: CursorSpec; previous?: CursorSpec };
      const last = items.at(-1);
      const first = items[0];
      if (!next.fromItem)
        write(
          next.from,
          last === undefined || (pagination.hasMore === undefined && !more)
            ? undefined
            : cursorOf(last, window.end - 1),
        );
      if (previous !== undefined && !previous.fromItem)
        write(
          previous.from,
          first === undefined || window.start === 0 ? null : cursorOf(first, window.start),
        );
    } else if (entry.style === pageNumbers) {
      const { current, total, count } = entry as {
        current?: FieldPath;
        total?: FieldPath;
        count?: FieldPath;
      };
      write(current, Math.floor(window.start / window.size) + 1);
      write(total, Math.max(1, Math.ceil(all.length / window.size)));
      write(count, all.length);
    } else if (entry.style === offsetPages) {
      write((entry as { count?: FieldPath }).count, all.length);
    } else if (entry.style === nextUrlPages) {
      const { next, previous } = entry as { next: FieldPath; previous?: FieldPath };
      write(next, more ? pageLink(window.end) : null);
      write(previous, window.start > 0 ? pageLink(Math.max(0, window.start - window.size)) : null);
    } else if (entry.style === linkHeaderPages) {
      if (more)
        links.push(
          { rel: "next", href: pageLink(window.end) },
          { rel: "last", href: pageLink(lastPageStart(all.length, window.size)) },
        );
      if (window.start > 0)
        links.push(
          { rel: "prev", href: pageLink(Math.max(0, window.start - window.size)) },
          { rel: "first", href: pageLink(0) },
        );
    }
  }
  const headers =
    links.length === 0
      ? undefined
      : { link: links.map(({ rel, href }) => `<${href}>; rel="${rel}"`).join(", ") };
  return answerWith(
    response,
    typeof response.status === "number" ? response.status : 200,
    body,
    headers,
  );
}

/** The list a handler pages through: the example's items (ids made unique when repeated) or items generated from the schema. */
function listItems(
  schemas: MockSchemas,
  operation: MockOperation,
  pagination: PaginationSpec,
  response: MockResponse,
  count: number,
  seed: number,
): unknown[] {
  const examples =
    response.example === undefined ? undefined : fieldAt(response.example, pagination.items);
  const itemSchema = itemSchemaOf(schemas, response.schema, pagination.items);
  const seen = new Set<string>();
  return Array.from({ length: count }, (_, index) => {
    const random = seededRandom(`${seed}:${operation.name}:item:${index}`);
    const item =
      Array.isArray(examples) && examples.length > 0
        ? structuredClone(examples[index % examples.length] as unknown)
        : generate(schemas, itemSchema, random);
    if (typeof item === "object" && item !== null && "id" in item) {
      const record = item as Record<string, unknown>;
      if (seen.has(String(record["id"]))) record["id"] = uniqueId(record["id"], index, seen);
      seen.add(String(record["id"]));
    }
    return item;
  });
}

/** The item schema under a response schema: the array at `items` (a dotted path; `""` for a bare array). */
function itemSchemaOf(
  schemas: MockSchemas,
  schema: MockSchema | undefined,
  items: FieldPath,
): MockSchema | undefined {
  let current = resolve(schemas, schema);
  for (const key of items === "" ? [] : items.split("."))
    current = resolve(schemas, propertyOf(schemas, current, key));
  return (
    current?.items ??
    alternatives(current)
      .map((branch) => resolve(schemas, branch)?.items)
      .find((found) => found !== undefined)
  );
}

function propertyOf(
  schemas: MockSchemas,
  schema: MockSchema | undefined,
  key: string,
): MockSchema | undefined {
  if (schema === undefined) return undefined;
  return (
    schema.properties?.[key] ??
    [...(schema.allOf ?? []), ...alternatives(schema)]
      .map((branch) => propertyOf(schemas, resolve(schemas, branch), key))
      .find((found) => found !== undefined)
  );
}

/** The page asked for: by a cursor (after / before an item), a page number, an offset, or from the start. */
function windowOf(
  operation: MockOperation,
  pagination: PaginationSpec,
  all: readonly unknown[],
  query: URLSearchParams,
): PageWindow {
  const sizeParam = operation.pageSize?.param;
  const askedSize = sizeParam === undefined ? Number.NaN : Number(query.get(sizeParam));
  const size =
    Number.isInteger(askedSize) && askedSize > 0 ? askedSize : (operation.pageSize?.default ?? 20);
  const from = (start: number) => ({
    start: clamp(start, all.length),
    end: clamp(start + size, all.length),
    size,
  });
  for (const entry of pagination.styles) {
    if (entry.style === cursorPages) {
      const { next, previous } = entry as { next: CursorSpec; previous?: CursorSpec };
      const after = query.get(next.param);
      if (after !== null) return from(indexOfCursor(all, after) + 1);
      const before = previous === undefined ? null : query.get(previous.param);
      if (before !== null) {
        const end = clamp(indexOfCursor(all, before), all.length);
        return { start: Math.max(0, end - size), end, size };
      }
    } else if (entry.style === pageNumbers || entry.style === offsetPages) {
      const { param } = entry as { param: string };
      const value = Number(query.get(param));
      if (query.get(param) !== null && Number.isFinite(value))
        return from(
          entry.style === pageNumbers
            ? (Math.max(1, Math.trunc(value)) - 1) * size
            : Math.max(0, Math.trunc(value)),
        );
    }
  }
  // URL styles with no parameter of their own link to `page` (see positionLink).
  const page = Number(query.get(FALLBACK_PAGE_PARAM));
  return from(
    !hasParamStyle(pagination) && Number.isInteger(page) && page > 1 ? (page - 1) * size : 0,
  );
}

/** The page parameter of the links an API without its own page or offset parameter gets (GitHub's word). */
const FALLBACK_PAGE_PARAM = "page";

function hasParamStyle(pagination: PaginationSpec): boolean {
  return pagination.styles.some(
    (entry) => entry.style === pageNumbers || entry.style === offsetPages,
  );
}

/** A URL to the page starting at `start`: the request's URL with the operation's page (or offset) parameter moved. */
function positionLink(
  operation: MockOperation,
  pagination: PaginationSpec,
  url: URL,
  window: PageWindow,
): (start: number) => string {
  const entry = pagination.styles.find(
    (style) => style.style === pageNumbers || style.style === offsetPages,
  );
  const owned = pagination.styles.flatMap((style) =>
    style.style === cursorPages
      ? [
          (style as { next: CursorSpec }).next.param,
          (style as { previous?: CursorSpec }).previous?.param,
        ]
      : [],
  );
  return (start) => {
    const link = new URL(url);
    for (const param of owned) if (param !== undefined) link.searchParams.delete(param);
    if (entry?.style === offsetPages)
      link.searchParams.set((entry as { param: string }).param, String(start));
    else
      link.searchParams.set(
        entry === undefined ? FALLBACK_PAGE_PARAM : (entry as { param: string }).param,
        String(Math.floor(start / window.size) + 1),
      );
    if (operation.pageSize?.param !== undefined && !link.searchParams.has(operation.pageSize.param))
      link.searchParams.set(operation.pageSize.param, String(window.size));
    return link.href;
  };
}

function lastPageStart(count: number, size: number): number {
  return Math.max(0, Math.ceil(count / size) - 1) * size;
}

function clamp(index: number, length: number): number {
  return Math.min(Math.max(0, index), length);
}

/** An item's cursor: its `id` when it has one (as Diga's `last_id` and Stripe's `starting_after` are), else its position. */
function cursorOf(item: unknown, index: number): string | number {
  const id =
    typeof item === "object" && item !== null ? (item as Record<string, unknown>)["id"] : undefined;
  return typeof id === "string" || typeof id === "number" ? id : String(index + 1);
}

/** The index of the item a cursor names; a position cursor counts from 1. `-1` (so the page starts at 0) when unknown. */
function indexOfCursor(all: readonly unknown[], cursor: string): number {
  const byId = all.findIndex((item, index) => String(cursorOf(item, index)) === cursor);
  if (byId >= 0) return byId;
  const position = Number(cursor);
  return Number.isInteger(position) ? position - 1 : -1;
}

/** Writes a value at a dotted path, creating the objects on the way. */
function setField(body: unknown, path: FieldPath, value: unknown): void {
  const keys = path.split(".");
  let target = body as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    const next = target[key];
    if (typeof next !== "object" || next === null) target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  const last = keys.at(-1) ?? "";
  if (value === undefined) delete target[last];
  else target[last] = value;
}

// ─── Data from a schema ──────────────────────────────────────────────────────────────────────────────────────────

/** A random stream from a text seed: mulberry32 over a 32-bit FNV-1a hash. Same seed, same numbers, on every engine. */
export function seededRandom(seed: string): () => number {
  let state = 0x811c9dc5;
  for (let index = 0; index < seed.length; index++)
    state = Math.imul(state ^ seed.charCodeAt(index), 0x01000193) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How deep generation follows nested objects and arrays before it writes only what the schema requires. */
const MAX_DEPTH = 6;

/**
 * A value that fits `schema`: its example or default where it has one, else generated by type and format, every
 * property filled in (only the required ones below `MAX_DEPTH`, so recursive schemas end), the first non-null
 * alternative of `anyOf`/`oneOf`, `allOf` merged. Patterns are not followed.
 */
export function generate(
  schemas: MockSchemas,
  schema: MockSchema | undefined,
  random: () => number,
  depth = 0,
): unknown {
  const resolved = resolve(schemas, schema);
  if (resolved === undefined) return null;
  if (resolved.example !== undefined) return structuredClone(resolved.example);
  if (resolved.const !== undefined) return resolved.const;
  if (resolved.default !== undefined) return structuredClone(resolved.default);
  if (resolved.enum !== undefined && resolved.enum.length > 0) {
    const values = resolved.enum.filter((value) => value !== null);
    return values.length === 0 ? null : values[Math.floor(random() * values.length)];
  }
  if (resolved.allOf !== undefined && resolved.allOf.length > 0) {
    const parts = resolved.allOf.map((part) => generate(schemas, part, random, depth));
    const { allOf: _parts, ...rest } = resolved;
    const own = resolved.properties === undefined ? {} : generate(schemas, rest, random, depth);
    return parts.every((part) => typeof part === "object" && part !== null && !Array.isArray(part))
      ? Object.assign({}, ...parts, own)
      : parts[0];
  }
  const branch = alternatives(resolved).find(
    (candidate) => !isNullSchema(resolve(schemas, candidate)),
  );
  if (branch !== undefined) return generate(schemas, branch, random, depth);
  switch (typeOf(resolved)) {
    case "null":
      return null;
    case "boolean":
      return random() < 0.5;
    case "integer":
      return integerIn(resolved, random);
    case "number":
      return (
        Math.round(
          (resolved.minimum ?? 0) * 100 +
            random() * ((resolved.maximum ?? 1000) - (resolved.minimum ?? 0)) * 100,
        ) / 100
      );
    case "string":
      return stringFor(resolved, random);
    case "array": {
      if (depth >= MAX_DEPTH) return [];
      const length = Math.max(
        resolved.minItems ?? 0,
        Math.min(resolved.maxItems ?? 3, 1 + Math.floor(random() * 3)),
      );
      return Array.from({ length }, () => generate(schemas, resolved.items, random, depth + 1));
    }
    case "object": {
      const required = new Set(resolved.required ?? []);
      const entries = Object.entries(resolved.properties ?? {}).filter(
        ([name]) => depth < MAX_DEPTH || required.has(name),
      );
      const value: Record<string, unknown> = {};
      for (const [name, property] of entries)
        value[name] = generate(schemas, property, random, depth + 1);
      return value;
    }
    default:
      return null;
  }
}

function resolve(schemas: MockSchemas, schema: MockSchema | undefined): MockSchema | undefined {
  let current = schema;
  // A chain of refs is followed; a ref to itself (or a loop of them) ends as no schema.
  for (let hops = 0; current?.$ref !== undefined && hops < 32; hops++)
    current = schemas[current.$ref];
  return current?.$ref === undefined ? current : undefined;
}

function alternatives(schema: MockSchema | undefined): readonly MockSchema[] {
  return [...(schema?.anyOf ?? []), ...(schema?.oneOf ?? [])];
}

function isNullSchema(schema: MockSchema | undefined): boolean {
  return (
    schema?.type === "null" ||
    (Array.isArray(schema?.type) && schema.type.every((type) => type === "null"))
  );
}

function typeOf(schema: MockSchema): string | undefined {
  const types = typeof schema.type === "string" ? [schema.type] : (schema.type ?? []);
  return (
    types.find((type) => type !== "null") ??
    types[0] ??
    (schema.properties !== undefined || schema.additionalProperties !== undefined
      ? "object"
      : schema.items !== undefined
        ? "array"
        : undefined)
  );
}

function integerIn(schema: MockSchema, random: () => number): number {
  const low = Math.ceil(schema.minimum ?? 1);
  const high = Math.floor(schema.maximum ?? Math.max(low, 1000));
  return low + Math.floor(random() * (high - low + 1));
}

const WORDS = [
  "alpha",
  "bravo",
  "charlie",
  "delta",
  "echo",
  "foxtrot",
  "golf",
  "hotel",
  "india",
  "juliet",
  "kilo",
  "lima",
];
/** The moment generated dates count from, so data does not change with the day the tests run. */
const EPOCH = Date.UTC(2025, 0, 1);

function stringFor(schema: MockSchema, random: () => number): string {
  const hex = (length: number) =>
    Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join("");
  const word = () => WORDS[Math.floor(random() * WORDS.length)] ?? "alpha";
  const moment = () => new Date(EPOCH + Math.floor(random() * 365 * 86_400) * 1000);
  switch (schema.format) {
    case "uuid":
      return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(random() * 4)).toString(16)}${hex(3)}-${hex(12)}`;
    case "date-time":
      return moment().toISOString().replace(".000Z", "Z");
    case "date":
      return moment().toISOString().slice(0, 10);
    case "time":
      return moment().toISOString().slice(11, 19);
    case "email":
      return `${word()}.${word()}@example.com`;
    case "uri":
    case "url":
    case "uri-reference":
      return `https://example.com/${word()}`;
    case "hostname":
      return `${word()}.example.com`;
    case "ipv4":
      return `192.0.2.${1 + Math.floor(random() * 254)}`;
    case "ipv6":
      return `2001:db8::${hex(4)}`;
    case "phone":
      return `+1555${String(Math.floor(random() * 10_000_000)).padStart(7, "0")}`;
    case "byte":
      return "bW9jaw==";
    default: {
      const text = `${word()} ${word()}`;
      const min = schema.minLength ?? 0;
      const padded = text.length >= min ? text : text.padEnd(min, "x");
      return schema.maxLength === undefined ? padded : padded.slice(0, schema.maxLength);
    }
  }
}

/** A value of the same kind as a repeated id, from the item's position (counting on past ids already taken). */
function uniqueId(id: unknown, index: number, taken: ReadonlySet<string>): unknown {
  const isUuid =
    typeof id === "string" &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  for (let position = index + 1; ; position++) {
    const candidate =
      typeof id === "number"
        ? position
        : isUuid
          ? `${String(id).slice(0, 24)}${position.toString(16).padStart(12, "0")}`
          : `${String(id)}-${position}`;
    if (!taken.has(String(candidate))) return candidate;
  }
}
