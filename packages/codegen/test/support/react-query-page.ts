/**
 * The page script of the React Query browser test: a React app that lists phones with `useInfiniteQuery` over the
 * committed client's generated `listPhonesInfiniteQueryOptions`, and a button that fetches the next page. Written
 * with `createElement`, so esbuild needs no JSX settings.
 */
import { QueryClient, QueryClientProvider, useInfiniteQuery } from "@tanstack/react-query";
import { createElement, type ReactElement } from "react";
import { createRoot } from "react-dom/client";
import { createClient } from "../../../diga-client/src/index.js";
import { listPhonesInfiniteQueryOptions } from "../../../diga-client/src/tanstack-query/index.js";
import type { ScenarioConfig } from "./browser-page.js";

function Phones({ baseUrl, token }: ScenarioConfig): ReactElement {
  const client = createClient({ baseUrl, bearerToken: token });
  const { data, error, fetchNextPage, hasNextPage, isFetching } = useInfiniteQuery(listPhonesInfiniteQueryOptions(client, { limit: 5 }));
  const phones = data?.pages.flatMap((page) => page.data) ?? [];
  return createElement(
    "main",
    { "data-state": isFetching ? "fetching" : "idle" },
    createElement("ul", null, ...phones.map((phone) => createElement("li", { key: phone.id, "data-id": phone.id }, phone.number))),
    error === null ? null : createElement("p", { role: "alert" }, `${error.name}: ${error.message}`),
    createElement("button", { type: "button", disabled: hasNextPage !== true || isFetching, onClick: () => void fetchNextPage() }, "More phones"),
  );
}

/** Renders the app into the page; the test calls it with where the fake Diga API listens. */
function startPhones(config: ScenarioConfig): void {
  const root = document.createElement("div");
  document.body.append(root);
  const queryClient = new QueryClient();
  createRoot(root).render(createElement(QueryClientProvider, { client: queryClient }, createElement(Phones, config)));
}

(globalThis as unknown as { startPhones: typeof startPhones }).startPhones = startPhones;
