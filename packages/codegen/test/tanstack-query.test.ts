import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CancelledError, InfiniteQueryObserver, MutationObserver, QueryClient } from "@tanstack/query-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeDiga, type FakeDiga } from "../../../fixtures/diga-phones/server.js";
import { generate, writeOutput } from "../src/index.js";
import { json, startEchoServer } from "./support/echo-server.js";
import type { LooseModule } from "./support/generated.js";
import { fixturesDirectory, phoneSpec } from "./support/paths.js";
import { typecheck } from "./support/typecheck.js";

/** Generates a spec's client with the TanStack Query plugin inside the repository (so `@tanstack/query-core` resolves). */
async function generateWithPlugin(input: string, folder: string): Promise<{ directory: string; sources: string[] }> {
  const directory = join(fixturesDirectory, "..", "packages", "codegen", "test", ".generated", folder);
  const { files } = await generate({ input, plugins: ["tanstack-query"] });
  await writeOutput(directory, files);
  return { directory, sources: files.filter((file) => file.path.startsWith("src/") && file.path.endsWith(".ts")).map((file) => join(directory, file.path)) };
}

async function importModules(directory: string): Promise<{ client: LooseModule; query: LooseModule }> {
  const client = (await import(pathToFileURL(join(directory, "src", "index.ts")).href)) as LooseModule;
  const query = (await import(pathToFileURL(join(directory, "src", "tanstack-query", "index.ts")).href)) as LooseModule;
  return { client, query };
}

/** What the loosely typed generated module's pages hold (the type-check test below holds the real types to account). */
interface PhonePage {
  readonly data: readonly { readonly id: string }[];
}

describe("TanStack Query plugin: the Diga client through query-core's QueryClient, against the fake Diga API", () => {
  let server: FakeDiga;
  let sdk: LooseModule;
  let query: LooseModule;
  let queryClient: QueryClient;
  const client = () => sdk["createClient"]({ baseUrl: server.url, bearerToken: server.token, maxRetries: 0 });

  beforeAll(async () => {
    server = await startFakeDiga();
    const { directory } = await generateWithPlugin(phoneSpec, "tanstack-diga");
    ({ client: sdk, query } = await importModules(directory));
  }, 60_000);
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    queryClient = new QueryClient();
  });

  it("fetchQuery: one request, the typed page as data, cached under the operation's path and params", async () => {
    const data = (await queryClient.fetchQuery(query["listPhonesQueryOptions"](client(), { limit: 3, order: "asc" }))) as PhonePage;
    expect(data.data.map((phone) => phone.id)).toStrictEqual(server.phones.slice(0, 3).map((phone) => phone.id));
    expect(server.requests.map((request) => request.url)).toStrictEqual(["/v1/phone/?limit=3&order=asc"]);
    expect(query["listPhonesQueryKey"]({ limit: 3, order: "asc" })).toStrictEqual(["v1", "phone", { limit: 3, order: "asc" }]);
    expect(queryClient.getQueryData(query["listPhonesQueryKey"]({ limit: 3, order: "asc" }))).toBe(data);
    await queryClient.fetchQuery({ ...query["listPhonesQueryOptions"](client(), { limit: 3, order: "asc" }), staleTime: 60_000 });
    expect(server.requests).toHaveLength(1);
  });

  it("fetchInfiniteQuery then fetchNextPage twice: three pages by the API's cursors, with nothing configured", async () => {
    const options = query["listPhonesInfiniteQueryOptions"](client(), { limit: 4, order: "asc" });
    const first = await queryClient.fetchInfiniteQuery(options);
    expect(first.pages).toHaveLength(1);
    const observer = new InfiniteQueryObserver(queryClient, options);
    const unsubscribe = observer.subscribe(() => undefined);
    try {
      await observer.fetchNextPage();
      const third = await observer.fetchNextPage();
      const ids = ((third.data?.pages ?? []) as PhonePage[]).flatMap((page) => page.data.map((phone) => phone.id));
      expect(ids).toStrictEqual(server.phones.slice(0, 12).map((phone) => phone.id));
      expect(server.requests.map((request) => request.url)).toStrictEqual([
        "/v1/phone/?limit=4&order=asc",
        `/v1/phone/?after=${server.phones[3]?.id ?? ""}&limit=4&order=asc`,
        `/v1/phone/?after=${server.phones[7]?.id ?? ""}&limit=4&order=asc`,
      ]);
      expect(third.hasNextPage).toBe(true);
      expect(third.hasPreviousPage).toBe(false);
    } finally {
      unsubscribe();
    }
  });

  it("the infinite query stops where the API's pages end", async () => {
    const all = await queryClient.fetchInfiniteQuery({ ...query["listPhonesInfiniteQueryOptions"](client(), { limit: 100 }), pages: 10 });
    const total = (all.pages as PhonePage[]).reduce((count, page) => count + page.data.length, 0);
    expect(total).toBe(server.phones.length);
    expect(all.pages.length).toBe(Math.ceil(server.phones.length / 100));
  });

  it("invalidation by key prefix: the operation's key without params reaches every call below its path", async () => {
    await queryClient.fetchQuery(query["listPhonesQueryOptions"](client(), { limit: 3 }));
    await queryClient.fetchQuery(query["listPhonesQueryOptions"](client(), { limit: 5 }));
    await queryClient.fetchInfiniteQuery(query["listPhonesInfiniteQueryOptions"](client(), { limit: 3 }));
    const invalidated = () =>
      queryClient
        .getQueryCache()
        .getAll()
        .filter((entry) => entry.state.isInvalidated)
        .map((entry) => entry.queryKey);
    await queryClient.invalidateQueries({ queryKey: query["listPhonesQueryKey"]({ limit: 3 }), refetchType: "none" });
    expect(invalidated()).toStrictEqual([
      ["v1", "phone", { limit: 3 }],
      ["v1", "phone", { limit: 3 }, "infinite"],
    ]);
    await queryClient.invalidateQueries({ queryKey: query["listPhonesQueryKey"](), refetchType: "none" });
    expect(invalidated()).toHaveLength(3);
  });

  it("a documented 4xx rejects with the runtime's error class for it, with the parsed body", async () => {
    server.inject({ kind: "status", status: 422, body: { detail: [{ msg: "limit too large" }] } });
    const error: unknown = await queryClient.fetchQuery(query["listPhonesQueryOptions"](client(), { limit: 3 })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(sdk["UnprocessableEntityError"]);
    expect(error).toMatchObject({ status: 422, body: { detail: [{ msg: "limit too large" }] } });
    // No retries on top of the client's own: one request.
    expect(server.requests).toHaveLength(1);
  });

  it("TanStack's signal is the request's: cancelling the query aborts the request on the wire", async () => {
    const signals: AbortSignal[] = [];
    const recording = sdk["createClient"]({
      baseUrl: server.url,
      bearerToken: server.token,
      fetch: (input: RequestInfo, init?: RequestInit) => {
        if (init?.signal) signals.push(init.signal);
        return fetch(input, init);
      },
    });
    server.inject({ kind: "delay", ms: 2_000 });
    const options = query["listPhonesQueryOptions"](recording, { limit: 2 });
    const pending = queryClient.fetchQuery(options);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await queryClient.cancelQueries({ queryKey: options.queryKey });
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
    expect(signals.map((signal) => signal.aborted)).toStrictEqual([true]);
  });
});

describe("TanStack Query plugin: mutations and keys below a path", () => {
  let echo: Awaited<ReturnType<typeof startEchoServer>>;
  let sdk: LooseModule;
  let query: LooseModule;

  beforeAll(async () => {
    echo = await startEchoServer();
    const { directory } = await generateWithPlugin(join(fixturesDirectory, "fastapi-shapes", "openapi.yaml"), "tanstack-fastapi");
    ({ client: sdk, query } = await importModules(directory));
  }, 60_000);
  afterAll(() => echo.close());

  it("a mutation sends the operation with the variables' path arguments and params, and resolves with its body", async () => {
    echo.answer((request, response) => json(response, 201, { id: "agent-1", echoed: JSON.parse(request.body.toString()) as unknown }));
    const client = sdk["createClient"]({ baseUrl: echo.url, bearerToken: "t" });
    const observer = new MutationObserver<unknown, Error, unknown>(new QueryClient(), query["createAgentMutationOptions"](client));
    const created = await observer.mutate({ params: { body: { name: "Ana" } } });
    expect(created).toMatchObject({ id: "agent-1", echoed: { name: "Ana" } });
    expect(echo.received.at(-1)).toMatchObject({ method: "POST", url: "/v1/agents/" });

    echo.answer((_request, response) => response.writeHead(204).end());
    const release = new MutationObserver<unknown, Error, unknown>(new QueryClient(), query["releasePhoneNumberMutationOptions"](client));
    await release.mutate({ phoneId: "00000000-0000-4000-8000-000000000001" });
    expect(echo.received.at(-1)).toMatchObject({ method: "DELETE", url: "/v1/phone/00000000-0000-4000-8000-000000000001" });
  });

  it("keys follow the path, so a resource's key is the prefix of the keys below it", () => {
    expect(query["listPhonesQueryKey"]()).toStrictEqual(["v1", "phone"]);
    expect(query["listPhonesQueryKey"]({ limit: 5 })).toStrictEqual(["v1", "phone", { limit: 5 }]);
    expect(query["createAgentMutationOptions"](sdk["createClient"]()).mutationKey).toStrictEqual(["createAgent"]);
  });
});

describe("TanStack Query plugin: the output type-checks strictly", () => {
  it("on the Diga spec, with the options typed as the operations' data and errors", async () => {
    const { directory, sources } = await generateWithPlugin(phoneSpec, "tanstack-diga-types");
    const usage = join(directory, "usage.ts");
    const { writeFile } = await import("node:fs/promises");
    await writeFile(
      usage,
      `import { QueryClient } from "@tanstack/query-core";
import { createClient, UnprocessableEntityError, type ListPhonesError, type ListPhonesResponse } from "./src/index.js";
import { listPhonesInfiniteQueryOptions, listPhonesQueryOptions } from "./src/tanstack-query/index.js";
// One operation's module, as \`<package>/tanstack-query/listPhones\` exports it.
import { listPhonesQueryKey } from "./src/tanstack-query/operations/listPhones.js";

const queryClient = new QueryClient();
const client = createClient({ bearerToken: "t" });
export async function use(): Promise<string[]> {
  const page: ListPhonesResponse = await queryClient.fetchQuery(listPhonesQueryOptions(client, { limit: 2 }));
  const cached: ListPhonesResponse | undefined = queryClient.getQueryData(listPhonesQueryOptions(client).queryKey);
  const pages = await queryClient.fetchInfiniteQuery(listPhonesInfiniteQueryOptions(client, { limit: 2 }));
  const error = queryClient.getQueryState(listPhonesQueryOptions(client).queryKey)?.error;
  const status: number | undefined = error instanceof UnprocessableEntityError ? error.status : undefined;
  const documented: ListPhonesError | undefined = error instanceof UnprocessableEntityError ? error : undefined;
  await queryClient.invalidateQueries({ queryKey: listPhonesQueryKey() });
  // @ts-expect-error params are typed
  listPhonesQueryOptions(client, { limit: "two" });
  return [...page.data, ...(cached?.data ?? []), ...pages.pages.flatMap((each) => each.data)].map((phone) => phone.id + String(status) + String(documented));
}
`,
    );
    expect(typecheck([...sources, usage])).toStrictEqual([]);
  }, 120_000);
});
