import { ApiPromise } from "./api-promise.js";
import type { Client } from "./client.js";
import { RequestValidationError, SdkError } from "./errors.js";
import type {
  CursorPaging,
  LinkHeaderPaging,
  NextUrlPaging,
  OffsetPaging,
  PageNumberPaging,
} from "./page-styles.js";
import {
  readResponse,
  send,
  type Endpoint,
  type FollowUrl,
  type RequestInput,
  type RequestOptions,
} from "./request.js";

/**
 * A field of a response body as a dotted path: `data`, `meta.cursors.next`, `_links.next.href`. The empty path is
 * the body itself (an API that answers with a bare array).
 */
export type FieldPath = string;

/** What a style sees of one page to work out where the next (or previous) one is. */
export interface PageState {
  readonly body: unknown;
  readonly items: readonly unknown[];
  /** The params of the request that fetched this page. */
  readonly params: Readonly<Record<string, unknown>>;
  readonly headers: Headers;
}

/**
 * One pagination style (cursor, page number, offset, next URL, `Link` header): the generated endpoint imports the
 * styles its operation uses, so an application bundles only those.
 */
export interface PageStyle<TEntry> {
  /** The query parameters this style writes; the first call passing one of them picks the style. At most one may be given. */
  owns(entry: TEntry): readonly (string | undefined)[];
  /** The params to change (merged into the last request's) or the URL to follow; `undefined` when there is no such page. */
  step(
    entry: TEntry,
    page: PageState,
    forward: boolean,
  ): Record<string, unknown> | string | undefined;
  /** Whether the first call's params start a backward walk (e.g. Diga's `before`). */
  backwards?(entry: TEntry, params: Readonly<Record<string, unknown>>): boolean;
  /** How the URLs `step` returns are followed; set by every style that returns one. */
  readonly follow?: FollowUrl;
}

/** One style an operation pages by, with the fields and parameters it reads. */
export type StyleEntry =
  CursorPaging | PageNumberPaging | OffsetPaging | NextUrlPaging | LinkHeaderPaging;

/** How an operation pages, as detected from the spec (or declared with `x-pagination`). */
export interface PaginationSpec {
  /** The response field holding the page's items. */
  readonly items: FieldPath;
  /** A boolean response field that is false on the last page. */
  readonly hasMore?: FieldPath;
  /** The styles it pages by, in order of preference; a first call passing a style's parameter picks that one. */
  readonly styles: readonly StyleEntry[];
}

/** Where another page is: new values for the last request's query params, or a URL from the server. */
export type PageRequest =
  { readonly params: Readonly<Record<string, unknown>> } | { readonly url: string };

/** What a page offers on top of the response body's own fields. */
export interface PageMethods<TBody, TItem> extends AsyncIterable<TItem> {
  /** Whether another page follows (in the direction the first call started). */
  hasNextPage(): boolean;
  /**
   * Fetches the next page; rejects with `SdkError` when there is none. `options` replace the first call's for this
   * request (a query library passes its own `signal` per page).
   */
  getNextPage(options?: RequestOptions): Promise<Page<TBody, TItem>>;
  /** Whether a page comes before this one (where the style can tell: cursors with a backward cursor, next URLs with a previous one, page numbers above 1). */
  hasPreviousPage(): boolean;
  /** Fetches the page before this one, with `options` as for {@link getNextPage}; rejects with `SdkError` when there is none. */
  getPreviousPage(options?: RequestOptions): Promise<Page<TBody, TItem>>;
  /** This page and every page after it. */
  iterPages(): AsyncGenerator<Page<TBody, TItem>, void, undefined>;
}

/** One page: the response body's fields (`data`, `has_more`, …) plus paging methods; iterating it yields items from here on. */
export type Page<TBody, TItem> = TBody & PageMethods<TBody, TItem>;

interface Chain {
  readonly client: Client;
  readonly endpoint: Endpoint & { readonly pagination: PaginationSpec };
  readonly input: RequestInput;
  readonly options: RequestOptions | undefined;
  readonly entry: StyleEntry;
  /** Set when the first call started a backward walk: "next" then means the page before. */
  readonly backwards: boolean;
  /** Requests already made in the chain's direction: a server repeating one must not make iteration loop forever. */
  readonly seen: ReadonlySet<string>;
}

/** What a page keeps, hidden, to find its neighbours. */
interface Paging {
  readonly chain: Chain;
  readonly state: PageState;
}

/** A dotted path into a body; `undefined` where any step is missing. */
export function fieldAt(body: unknown, path: FieldPath): unknown {
  let value = body;
  for (const key of path === "" ? [] : path.split(".")) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const styleOf = (entry: StyleEntry) => entry.style as PageStyle<StyleEntry>;

/**
 * Where the page `direction` of this one is, or `undefined` at the end. In the chain's own direction an empty page or
 * `hasMore: false` ends it, and so does a request already made (a server repeating a cursor or a URL).
 */
export function pageRequest(page: object, direction: "next" | "previous"): PageRequest | undefined {
  const paging = (page as { [CHAIN]?: Paging })[CHAIN];
  if (paging === undefined) return undefined;
  const { chain, state } = paging;
  const spec = chain.endpoint.pagination;
  const onward = direction === "next";
  if (onward && (state.items.length === 0 || fieldAt(state.body, spec.hasMore ?? "-") === false))
    return undefined;
  const step = styleOf(chain.entry).step(chain.entry, state, onward !== chain.backwards);
  if (step === undefined) return undefined;
  let next: PageRequest = { url: step as string };
  if (typeof step !== "string") {
    const params: Record<string, unknown> = { ...state.params };
    for (const entry of spec.styles)
      for (const name of styleOf(entry).owns(entry)) if (name !== undefined) delete params[name];
    next = { params: Object.assign(params, step) };
  }
  return onward && chain.seen.has(keyOf(next)) ? undefined : next;
}

const CHAIN = Symbol("paging");

/** One request of a chain as a key: the URL, or the params. */
const keyOf = (request: PageRequest) => JSON.stringify(request);

/** Makes a body a page: the paging methods are added as hidden properties, so the body's own fields (and JSON) stay as they came. */
function toPage<TBody, TItem>(
  body: unknown,
  chain: Chain,
  params: Readonly<Record<string, unknown>>,
  headers: Headers,
): Page<TBody, TItem> {
  const page = (typeof body === "object" && body !== null ? body : {}) as Page<TBody, TItem>;
  const found = fieldAt(body, chain.endpoint.pagination.items);
  const items = (Array.isArray(found) ? found : []) as TItem[];
  const has = (direction: "next" | "previous") => pageRequest(page, direction) !== undefined;
  const fetchPage = (direction: "next" | "previous", options: RequestOptions | undefined) => {
    const next = pageRequest(page, direction);
    return next === undefined
      ? Promise.reject(
          new SdkError(
            `there is no ${direction} page: check has${direction === "next" ? "Next" : "Previous"}Page() first`,
          ),
        )
      : startPage<TBody, TItem>(
          {
            ...chain,
            options: options ?? chain.options,
            seen: direction === "next" ? chain.seen : new Set(),
          },
          next,
        );
  };
  const methods: PageMethods<TBody, TItem> & { [CHAIN]: Paging } = {
    [CHAIN]: { chain, state: { body, items, params, headers } },
    hasNextPage: () => has("next"),
    getNextPage: (options) => fetchPage("next", options),
    hasPreviousPage: () => has("previous"),
    getPreviousPage: (options) => fetchPage("previous", options),
    async *iterPages() {
      for (let current = page; ; current = await current.getNextPage()) {
        yield current;
        if (!current.hasNextPage()) return;
      }
    },
    /**
     * Every item of every page. Started backwards, each page's items are reversed too, so the whole sequence runs
     * backwards (as stripe-node does), not forwards within backward pages.
     */
    async *[Symbol.asyncIterator]() {
      for await (const each of page.iterPages()) {
        // A copy: a bare-array page is itself async-iterable, and delegating to it would start over.
        const list = [...((each as unknown as { [CHAIN]: Paging })[CHAIN].state.items as TItem[])];
        yield* chain.backwards ? list.reverse() : list;
      }
    },
  };
  for (const key of Reflect.ownKeys(methods))
    Object.defineProperty(page, key, {
      value: methods[key as keyof typeof methods],
      configurable: true,
      writable: true,
    });
  return page;
}

/** What a list operation returns: awaitable for the first page, async-iterable over every item of every page. */
export class PagePromise<TBody, TItem, E = unknown>
  extends ApiPromise<Page<TBody, TItem>, E>
  implements AsyncIterable<TItem>
{
  /** Every page, starting with the first. */
  async *iterPages(): AsyncGenerator<Page<TBody, TItem>, void, undefined> {
    yield* (await this).iterPages();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<TItem, void, undefined> {
    yield* await this;
  }
}

/**
 * Sends a list operation and wraps its body as a {@link Page}. Passing two parameters of one style (`after` and
 * `before`) is rejected before sending (the two directions exclude each other), whatever `validate` says. Generated
 * code calls it only for operations with a pagination spec, which names at least one style.
 */
export function paginate<TBody, TItem, E = unknown>(
  client: Client,
  endpoint: Endpoint,
  input: RequestInput,
  options?: RequestOptions,
): PagePromise<TBody, TItem, E> {
  const spec = endpoint.pagination as PaginationSpec;
  const params = (input.params ?? {}) as Record<string, unknown>;
  const givenOf = (entry: StyleEntry) =>
    styleOf(entry)
      .owns(entry)
      .filter((name) => name !== undefined && params[name] !== undefined && params[name] !== null);
  const entry = (spec.styles.find((candidate) => givenOf(candidate).length > 0) ??
    spec.styles[0]) as StyleEntry;
  const [first, second] = givenOf(entry);
  if (second !== undefined) {
    const error = new RequestValidationError(
      `${endpoint.method} ${endpoint.path}: pass either "${first}" or "${second}", not both`,
    );
    return new PagePromise(Promise.reject(error), () => Promise.reject(error));
  }
  return startPage(
    {
      client,
      endpoint: { ...endpoint, pagination: spec },
      input,
      options,
      entry,
      backwards: styleOf(entry).backwards?.(entry, params) === true,
      seen: new Set(),
    },
    { params },
  );
}

/** Requests one page of a chain and records it as seen. */
function startPage<TBody, TItem, E = unknown>(
  chain: Chain,
  next: PageRequest,
): PagePromise<TBody, TItem, E> {
  const params =
    "params" in next ? next.params : ((chain.input.params ?? {}) as Record<string, unknown>);
  const seen = new Set(chain.seen).add(keyOf(next));
  // Only the styles that page by URL return one, and each says how it is followed.
  const input: RequestInput =
    "url" in next
      ? {
          ...chain.input,
          url: { href: next.url, follow: styleOf(chain.entry).follow as FollowUrl },
        }
      : { ...chain.input, params };
  return new PagePromise(send(chain.client, chain.endpoint, input, chain.options), async (raw) =>
    toPage<TBody, TItem>(
      await readResponse(raw, undefined, chain.options?.signal),
      { ...chain, seen },
      params,
      raw.response.headers,
    ),
  );
}
