import { ApiPromise } from "./api-promise.js";
import type { Client } from "./client.js";
import { RequestValidationError, SdkError } from "./errors.js";
import { readResponse, send, type Endpoint, type RequestInput, type RequestOptions } from "./request.js";

/** A cursor: the query parameter it is sent in, and the response field (or item field) it is read from. */
export interface CursorSpec {
  readonly param: string;
  /** A field of the response body, e.g. `last_id`; with `fromItem`, a field of the last (or first) item, e.g. `id`. */
  readonly from: string;
  readonly fromItem?: boolean;
}

/** How an operation pages, as detected from the spec (or declared with `x-pagination`). */
export interface PaginationSpec {
  /** The response field holding the page's items. */
  readonly items: string;
  /** A boolean response field that is false on the last page. */
  readonly hasMore?: string;
  /** Forward paging, e.g. `after` ← `last_id`. */
  readonly next?: CursorSpec;
  /** Backward paging, e.g. `before` ← `first_id`; used when the first call passed it. */
  readonly previous?: CursorSpec;
  /** Page-number paging, e.g. `page`, with the response fields that tell the current and total pages. */
  readonly page?: { readonly param: string; readonly current?: string; readonly total?: string };
}

/** What a page offers on top of the response body's own fields. */
export interface PageMethods<TBody, TItem> extends AsyncIterable<TItem> {
  /** Whether another page follows (in the direction the first call started). */
  hasNextPage(): boolean;
  /** Fetches the next page; rejects with `SdkError` when there is none. */
  getNextPage(): Promise<Page<TBody, TItem>>;
  /** This page and every page after it. */
  iterPages(): AsyncGenerator<Page<TBody, TItem>, void, undefined>;
}

/** One page: the response body's fields (`data`, `has_more`, …) plus paging methods; iterating it yields items from here on. */
export type Page<TBody, TItem> = TBody & PageMethods<TBody, TItem>;

interface Paging {
  readonly client: Client;
  readonly endpoint: Endpoint & { readonly pagination: PaginationSpec };
  readonly input: RequestInput;
  readonly options: RequestOptions | undefined;
  /** Cursors and page numbers already requested: a server repeating one must not make iteration loop forever. */
  readonly seen: ReadonlySet<string>;
}

class PageImpl<TBody, TItem> implements PageMethods<TBody, TItem> {
  readonly #paging: Paging;

  constructor(paging: Paging) {
    this.#paging = paging;
  }

  #body(): Record<string, unknown> {
    return this as unknown as Record<string, unknown>;
  }

  #items(): TItem[] {
    const items = this.#body()[this.#paging.endpoint.pagination.items];
    return Array.isArray(items) ? (items as TItem[]) : [];
  }

  /** The params of the next request, or `undefined` when this is the last page. */
  #nextParams(): Record<string, unknown> | undefined {
    const { endpoint, input, seen } = this.#paging;
    const spec = endpoint.pagination;
    const params = { ...(input.params ?? {}) } as Record<string, unknown>;
    const body = this.#body();
    const items = this.#items();
    if (items.length === 0 || (spec.hasMore !== undefined && body[spec.hasMore] === false)) return undefined;

    const mode = pagingMode(spec, params);
    if (mode === "page" && spec.page !== undefined) {
      const current = Number(body[spec.page.current ?? ""] ?? params[spec.page.param] ?? 1);
      const total = body[spec.page.total ?? ""];
      if (typeof total === "number" && current >= total) return undefined;
      const next = current + 1;
      if (seen.has(`page:${next}`)) return undefined;
      return { ...withoutCursors(params, spec), [spec.page.param]: next };
    }
    const cursor = mode === "previous" ? spec.previous : spec.next;
    if (cursor === undefined) return undefined;
    const source = cursor.fromItem === true ? items[mode === "previous" ? 0 : items.length - 1] : body;
    const value = (source as Record<string, unknown> | undefined)?.[cursor.from];
    if (value === undefined || value === null || seen.has(`${cursor.param}:${String(value)}`)) return undefined;
    const rest = withoutCursors(params, spec);
    if (spec.page !== undefined) delete rest[spec.page.param];
    return { ...rest, [cursor.param]: value };
  }

  hasNextPage(): boolean {
    return this.#nextParams() !== undefined;
  }

  getNextPage(): Promise<Page<TBody, TItem>> {
    const params = this.#nextParams();
    if (params === undefined) return Promise.reject(new SdkError("there is no next page: check hasNextPage() first"));
    const { client, endpoint, options, seen } = this.#paging;
    return startPage<TBody, TItem>(client, endpoint, { ...this.#paging.input, params }, options, seen);
  }

  async *iterPages(): AsyncGenerator<Page<TBody, TItem>, void, undefined> {
    let page = this as unknown as Page<TBody, TItem>;
    for (;;) {
      yield page;
      if (!page.hasNextPage()) return;
      page = await page.getNextPage();
    }
  }

  /**
   * Every item of every page. Started with the backward cursor, the items come newest-to-oldest reversed too, so
   * the whole sequence runs backwards (as stripe-node does), not forwards within backward pages.
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<TItem, void, undefined> {
    const backwards = pagingMode(this.#paging.endpoint.pagination, (this.#paging.input.params ?? {}) as Record<string, unknown>) === "previous";
    for await (const page of this.iterPages()) {
      const items = (page as unknown as PageImpl<TBody, TItem>).#items();
      yield* backwards ? [...items].reverse() : items;
    }
  }
}

type Mode = "next" | "previous" | "page";

/** The direction set by the first call: page numbers if it passed one, backwards if it passed the backward cursor. */
function pagingMode(spec: PaginationSpec, params: Readonly<Record<string, unknown>>): Mode {
  const given = (name: string | undefined) => name !== undefined && params[name] !== undefined && params[name] !== null;
  if (given(spec.page?.param) || (spec.next === undefined && spec.previous === undefined)) return "page";
  return given(spec.previous?.param) && !given(spec.next?.param) ? "previous" : "next";
}

function withoutCursors(params: Readonly<Record<string, unknown>>, spec: PaginationSpec): Record<string, unknown> {
  const rest = { ...params };
  if (spec.next !== undefined) delete rest[spec.next.param];
  if (spec.previous !== undefined) delete rest[spec.previous.param];
  return rest;
}

/** What a list operation returns: awaitable for the first page, async-iterable over every item of every page. */
export class PagePromise<TBody, TItem, E = unknown> extends ApiPromise<Page<TBody, TItem>, E> implements AsyncIterable<TItem> {
  /** Every page, starting with the first. */
  async *iterPages(): AsyncGenerator<Page<TBody, TItem>, void, undefined> {
    yield* (await this).iterPages();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<TItem, void, undefined> {
    yield* await this;
  }
}

/**
 * Sends a list operation and wraps its body as a {@link Page}. Passing both cursors of a cursor-paginated
 * operation is rejected before sending (the two directions exclude each other), whatever `validate` says.
 */
export function paginate<TBody, TItem, E = unknown>(
  client: Client,
  endpoint: Endpoint,
  input: RequestInput,
  options?: RequestOptions,
): PagePromise<TBody, TItem, E> {
  return startPage(client, endpoint, input, options, new Set());
}

/** Requests one page of a chain; `seen` holds every cursor and page number the chain requested before. */
function startPage<TBody, TItem, E = unknown>(
  client: Client,
  endpoint: Endpoint,
  input: RequestInput,
  options: RequestOptions | undefined,
  seenBefore: ReadonlySet<string>,
): PagePromise<TBody, TItem, E> {
  const spec = endpoint.pagination;
  if (spec === undefined) throw new SdkError(`${endpoint.method} ${endpoint.path} is not paginated`);
  const params = (input.params ?? {}) as Record<string, unknown>;
  const given = [spec.next?.param, spec.previous?.param].filter((name) => name !== undefined && params[name] !== undefined && params[name] !== null);
  const raw =
    given.length > 1
      ? Promise.reject(new RequestValidationError(`${endpoint.method} ${endpoint.path}: pass either "${given[0]}" or "${given[1]}", not both`))
      : send(client, endpoint, input, options);
  const seen = new Set(seenBefore);
  for (const name of [spec.next?.param, spec.previous?.param]) {
    if (name !== undefined && params[name] !== undefined && params[name] !== null) seen.add(`${name}:${String(params[name])}`);
  }
  if (spec.page !== undefined) seen.add(`page:${String(params[spec.page.param] ?? 1)}`);
  const paging: Paging = { client, endpoint: { ...endpoint, pagination: spec }, input, options, seen };
  return new PagePromise(raw, async (rawResponse) => {
    const body = await readResponse(rawResponse, "json", options?.signal);
    return Object.assign(new PageImpl<TBody, TItem>(paging), body) as unknown as Page<TBody, TItem>;
  });
}
