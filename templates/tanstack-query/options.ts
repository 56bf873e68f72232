/**
 * TanStack Query v5 options for this client's operations. Framework-agnostic: the objects go to `useQuery`,
 * `useInfiniteQuery` and `useMutation` of React, Vue, Solid, Svelte or Angular Query, and to `QueryClient` methods
 * (`fetchQuery`, `prefetchInfiniteQuery`, `invalidateQueries`…). Copied verbatim into the generated package; the
 * generated `tanstack-query/index.ts` calls these once per operation. Only types come from `@tanstack/query-core`, so
 * the client itself depends on nothing.
 *
 * Query keys follow the operation's path: `/v1/phone/{phone_id}` with `"p1"` is `["v1", "phone", "p1", params]`.
 * A key without its params is a prefix of every query below that path, so `invalidateQueries({ queryKey:
 * listPhonesQueryKey() })` refreshes the list and every phone, and `getPhoneQueryKey("p1")` one phone.
 */
import type { DataTag, InfiniteData, QueryFunctionContext, QueryKey } from "@tanstack/query-core";
import type { PageMethods, RequestOptions } from "../runtime/index.js";

/** What `useQuery` and `queryClient.fetchQuery` take for one operation: data and errors typed as the operation's. */
export interface OperationQueryOptions<TData, TError> {
  readonly queryKey: DataTag<QueryKey, TData, TError>;
  /** TanStack's `signal` aborts the request (it cancels a query nobody observes any more). */
  readonly queryFn: (context: QueryFunctionContext) => Promise<TData>;
  /**
   * Never: the client already retries what is worth retrying (connection failures, 429 and 5xx, honouring
   * `Retry-After`), and TanStack's three retries on top would multiply those. Typed by the operation's errors, which is
   * how TanStack learns the `error` type.
   */
  readonly retry: (failureCount: number, error: TError) => boolean;
}

/** Where a page of an infinite query comes from: the page it follows (or precedes). */
export interface PageLink<TPage> {
  readonly from: TPage;
  readonly direction: "next" | "previous";
}

/**
 * What `useInfiniteQuery` and `queryClient.fetchInfiniteQuery` take for a list operation: each page is the
 * operation's page; the next and previous ones come from its detected pagination (cursor, page number, offset, next
 * URL or `Link` header), with nothing to configure.
 */
export interface OperationInfiniteQueryOptions<
  TPage extends PageMethods<unknown, unknown>,
  TError,
> {
  readonly queryKey: DataTag<QueryKey, InfiniteData<TPage, PageLink<TPage> | null>, TError>;
  readonly queryFn: (
    context: QueryFunctionContext<QueryKey, PageLink<TPage> | null>,
  ) => Promise<TPage>;
  readonly initialPageParam: PageLink<TPage> | null;
  readonly getNextPageParam: (lastPage: TPage) => PageLink<TPage> | undefined;
  readonly getPreviousPageParam: (firstPage: TPage) => PageLink<TPage> | undefined;
  /**
   * Off: a page keeps where its neighbours are in properties a structural copy would drop, so a refetched page that
   * changed must stay the page the client returned.
   */
  readonly structuralSharing: false;
  /** Never, as for {@link OperationQueryOptions.retry}. */
  readonly retry: (failureCount: number, error: TError) => boolean;
}

/** What `useMutation` takes for one operation: `mutate(variables)` calls it. */
export interface OperationMutationOptions<TData, TError, TVariables> {
  readonly mutationKey: QueryKey;
  readonly mutationFn: (variables: TVariables) => Promise<TData>;
  /** Never, as for {@link OperationQueryOptions.retry}. */
  readonly retry: (failureCount: number, error: TError) => boolean;
}

/** The key of a call: its path segments, then its params; without params, the prefix of every call below the path. */
export function operationKey(path: readonly unknown[], params: object | undefined): QueryKey {
  return params === undefined ? [...path] : [...path, params];
}

function noRetry(): boolean {
  return false;
}

export function queryOptionsFor<TData, TError>(
  queryKey: QueryKey,
  call: (options: RequestOptions) => PromiseLike<TData>,
): OperationQueryOptions<TData, TError> {
  return {
    queryKey: queryKey as DataTag<QueryKey, TData, TError>,
    queryFn: async ({ signal }) => await call({ signal }),
    retry: noRetry,
  };
}

export function infiniteQueryOptionsFor<TPage extends PageMethods<unknown, unknown>, TError>(
  queryKey: QueryKey,
  call: (options: RequestOptions) => PromiseLike<TPage>,
): OperationInfiniteQueryOptions<TPage, TError> {
  // Its own key below the query's: a list's query and infinite query hold differently shaped data.
  const infiniteKey: QueryKey = [...queryKey, "infinite"];
  const link = (from: TPage, direction: "next" | "previous") =>
    (direction === "next" ? from.hasNextPage() : from.hasPreviousPage())
      ? { from, direction }
      : undefined;
  return {
    queryKey: infiniteKey as DataTag<QueryKey, InfiniteData<TPage, PageLink<TPage> | null>, TError>,
    queryFn: async ({ pageParam, signal }) => {
      if (pageParam === null) return await call({ signal });
      const page = (
        pageParam.direction === "next"
          ? pageParam.from.getNextPage({ signal })
          : pageParam.from.getPreviousPage({ signal })
      ) as Promise<TPage>;
      return await page;
    },
    initialPageParam: null,
    getNextPageParam: (lastPage) => link(lastPage, "next"),
    getPreviousPageParam: (firstPage) => link(firstPage, "previous"),
    structuralSharing: false,
    retry: noRetry,
  };
}

export function mutationOptionsFor<TData, TError, TVariables>(
  mutationKey: QueryKey,
  call: (variables: TVariables) => PromiseLike<TData>,
): OperationMutationOptions<TData, TError, TVariables> {
  return {
    mutationKey,
    mutationFn: async (variables) => await call(variables),
    retry: noRetry,
  };
}
