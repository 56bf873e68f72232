/**
 * The page script of the browser test: esbuild bundles it, with the generated client's source, for Chromium.
 * It puts its scenarios on `globalThis.digaScenarios`; the test calls them with `page.evaluate` and gets back
 * plain JSON values. Each scenario uses the browser's own `fetch`, untouched, except `headersGivenToFetch`.
 */
import { AbortError, ApiError, AuthenticationError, createClient, isApiError, listPhones, PermissionDeniedError, SdkError } from "../../../diga-client/src/index.js";
import { createRuntimeClient, linkHeaderPages, nextUrlPages, paginate, type Endpoint, type PaginationSpec } from "../../../diga-client/src/runtime/index.js";

/** Where the fake Diga server is, and the token to send. */
export interface ScenarioConfig {
  readonly baseUrl: string;
  readonly token: string;
}

/** An error as the page saw it: its class by `instanceof`, not by name alone. */
export interface ErrorSeen {
  readonly name: string;
  readonly message: string;
  readonly instanceOf: readonly string[];
  readonly status: number | undefined;
  readonly body: unknown;
  readonly requestId: string | undefined;
  /** `isApiError(error, listPhones)`: a status `listPhones` documents. */
  readonly documented: boolean;
  readonly causeName: string | undefined;
}

const ERROR_CLASSES = { SdkError, ApiError, AuthenticationError, PermissionDeniedError, AbortError } as const;

function describeError(error: unknown): ErrorSeen {
  const instanceOf = Object.entries(ERROR_CLASSES)
    .filter(([, ErrorClass]) => error instanceof ErrorClass)
    .map(([name]) => name);
  const api = error instanceof ApiError ? error : undefined;
  const cause = error instanceof Error ? error.cause : undefined;
  return {
    name: error instanceof Error ? error.name : typeof error,
    message: error instanceof Error ? error.message : String(error),
    instanceOf,
    status: api?.status,
    body: api?.body,
    requestId: api?.requestId,
    documented: isApiError(error, listPhones),
    causeName: cause instanceof Error || cause instanceof DOMException ? cause.name : undefined,
  };
}

/**
 * Every thing of a list of the pagination-styles server (`fixtures/pagination-styles/server.ts`), walked by a URL
 * the server gives: in the body (Django REST framework's `next`) or in the `Link` header, which a cross-origin
 * script reads only if the server exposes it.
 */
async function allThings(baseUrl: string, path: string, pagination: PaginationSpec, params: Record<string, number>): Promise<string[]> {
  const client = createRuntimeClient({}, { baseUrl, userAgent: "browser-test", credentials: {} });
  const endpoint: Endpoint = { method: "GET", path, params: Object.fromEntries(Object.keys(params).map((name) => [name, { in: "query" as const }])), pagination };
  const ids: string[] = [];
  for await (const thing of paginate<unknown, { id: string }>(client, endpoint, { params })) ids.push(thing.id);
  return ids;
}

let pending: { readonly controller: AbortController; readonly settled: Promise<unknown> } | undefined;

const scenarios = {
  /** Django REST framework's next URLs, across origins. */
  drfThings: (baseUrl: string) => allThings(baseUrl, "/drf/things", { items: "results", styles: [{ style: nextUrlPages, next: "next", previous: "previous" }] }, { page_size: 10 }),
  /** The Link header, across origins: readable only because the server exposes it. */
  linkThings: (baseUrl: string) => allThings(baseUrl, "/link/things", { items: "", styles: [{ style: linkHeaderPages }] }, { per_page: 10 }),
  /** Where the page runs, and what the browser says it is. */
  environment: () => ({ origin: location.origin, userAgent: navigator.userAgent }),

  /** One page of five, with the response's request id. */
  async firstPage({ baseUrl, token }: ScenarioConfig) {
    const client = createClient({ baseUrl, bearerToken: token });
    const { data: page, requestId } = await listPhones(client, { limit: 5 }).withResponse();
    return {
      ids: page.data.map((phone) => phone.id),
      firstId: page.first_id,
      lastId: page.last_id,
      hasMore: page.has_more,
      hasNextPage: page.hasNextPage(),
      requestId,
    };
  },

  /** Every phone of every page, through `for await`. */
  async allPhones({ baseUrl, token }: ScenarioConfig) {
    const client = createClient({ baseUrl, bearerToken: token });
    const ids: string[] = [];
    for await (const phone of listPhones(client, { limit: 100 })) ids.push(phone.id);
    return ids;
  },

  /** One call that is expected to fail: how the error looks from the page. */
  async failingCall({ baseUrl, token }: ScenarioConfig): Promise<ErrorSeen | { readonly resolved: true }> {
    try {
      await listPhones(createClient({ baseUrl, bearerToken: token }), { limit: 5 });
      return { resolved: true };
    } catch (error) {
      return describeError(error);
    }
  },

  /** Starts a call that `abortPending` aborts; the test waits in between until the request reached the server. */
  startAbortable({ baseUrl, token }: ScenarioConfig): void {
    const controller = new AbortController();
    const settled = listPhones(createClient({ baseUrl, bearerToken: token }), { limit: 5 }, { signal: controller.signal }).then(() => ({ resolved: true }), describeError);
    pending = { controller, settled };
  },

  async abortPending(): Promise<unknown> {
    if (pending === undefined) throw new Error("startAbortable was not called");
    const { controller, settled } = pending;
    pending = undefined;
    controller.abort();
    return settled;
  },

  /**
   * The headers the client hands to `fetch` in this browser: the only place a `User-Agent` it tried to set would
   * show, since Chromium drops one set by a script. Replaces the global `fetch` for this one call.
   */
  async headersGivenToFetch({ baseUrl, token }: ScenarioConfig) {
    const original = globalThis.fetch;
    const seen: (readonly [string, string])[][] = [];
    globalThis.fetch = (input, init) => {
      seen.push([...new Headers(init?.headers).entries()]);
      return original(input, init);
    };
    try {
      await listPhones(createClient({ baseUrl, bearerToken: token }), { limit: 5 });
    } finally {
      globalThis.fetch = original;
    }
    return seen;
  },
};

export type Scenarios = typeof scenarios;

(globalThis as unknown as { digaScenarios: Scenarios }).digaScenarios = scenarios;
