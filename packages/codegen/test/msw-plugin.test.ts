import "./support/msw-on-node20.js";
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { setupServer, type SetupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { outputOptionsOf } from "../src/generate.js";
import { generate, writeOutput, type GeneratedFile } from "../src/index.js";
import type { LooseModule } from "./support/generated.js";
import { nodeBinary } from "./support/node-versions.js";
import { phoneSpec, repoRoot } from "./support/paths.js";
import { STRICTEST, typecheck } from "./support/typecheck.js";

interface Phone {
  id: string;
  number: string;
  status: string;
  telephony_provider: string;
}

/**
 * The msw plugin on the Diga phone spec: the generated client, pointed at any origin, runs against the generated
 * handlers under msw's `setupServer` in Node. Lists are served page by page as the API pages them (cursors and page
 * numbers), documented errors come back as the runtime's typed error classes, and one line overrides an answer.
 */
describe("msw plugin: generated handlers serve the generated client", () => {
  const directory = join(repoRoot, "packages", "codegen", "test", ".generated", "msw-diga-phones");
  let files: readonly GeneratedFile[];
  let api: LooseModule;
  let mocks: LooseModule;
  let server: SetupServer;
  const requests: string[] = [];

  beforeAll(async () => {
    ({ files } = await generate({ input: phoneSpec, plugins: ["msw"] }));
    await writeOutput(directory, files);
    [api, mocks] = (await Promise.all([import(pathToFileURL(join(directory, "src", "index.ts")).href), import(pathToFileURL(join(directory, "src", "mocks", "index.ts")).href)])) as [
      LooseModule,
      LooseModule,
    ];
    server = setupServer(...(mocks["handlers"] as []));
    server.events.on("request:start", ({ request }) => {
      const url = new URL(request.url);
      requests.push(`${url.pathname}${url.search}`);
    });
    server.listen({ onUnhandledFrame: "error" });
  }, 120_000);
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
  });
  afterAll(() => server.close());

  // Any origin: the handlers match the spec's paths wherever the client points.
  const client = () => api["createClient"]({ baseUrl: "http://127.0.0.1:4010", bearerToken: "token", maxRetries: 0 });

  async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
    const out: T[] = [];
    for await (const value of iterable) out.push(value);
    return out;
  }

  it("iterates every page of a 250-phone list by cursor: after ← last_id, 100 a page, no request past the end", async () => {
    server.use(mocks["listPhones"]({ count: 250 }));
    const phones = await collect<Phone>(api["listPhones"](client(), { limit: 100 }));
    expect(phones).toHaveLength(250);
    expect(new Set(phones.map((phone) => phone.id)).size).toBe(250);
    expect(requests).toStrictEqual(["/v1/phone/?limit=100", `/v1/phone/?after=${phones[99]?.id}&limit=100`, `/v1/phone/?after=${phones[199]?.id}&limit=100`]);
    const pages = await collect<{ data: Phone[]; has_more: boolean; first_id: string | null; last_id: string | null }>(api["listPhones"](client(), { limit: 100 }).iterPages());
    expect(pages.map((page) => [page.data.length, page.has_more, page.last_id])).toStrictEqual([
      [100, true, phones[99]?.id],
      [100, true, phones[199]?.id],
      [50, false, phones[249]?.id],
    ]);
  });

  it("serves the same list by page numbers when the call starts with page, and backwards from before", async () => {
    server.use(mocks["listPhones"]({ count: 250 }));
    const byCursor = await collect<Phone>(api["listPhones"](client(), { limit: 100 }));
    requests.length = 0;
    const byPage = await collect<Phone>(api["listPhones"](client(), { page: 1, limit: 100 }));
    expect(byPage).toStrictEqual(byCursor);
    expect(requests).toStrictEqual(["/v1/phone/?page=1&limit=100", "/v1/phone/?page=2&limit=100", "/v1/phone/?page=3&limit=100"]);
    const last = await api["listPhones"](client(), { page: 3, limit: 100 });
    expect({ current: last.current_page, total: last.total_pages, more: last.has_more }).toStrictEqual({ current: 3, total: 3, more: false });
    const backwards = await collect<Phone>(api["listPhones"](client(), { before: byCursor[120]?.id, limit: 50 }));
    expect(backwards.map((phone) => phone.id)).toStrictEqual(
      byCursor
        .slice(0, 120)
        .map((phone) => phone.id)
        .reverse(),
    );
  });

  it("generates valid phones from the schema, the same for the same seed and different for another", async () => {
    const defaults = await collect<Phone>(api["listPhones"](client()));
    // The default handler: 50 phones at the spec's default limit of 20.
    expect(defaults).toHaveLength(50);
    expect(requests).toHaveLength(3);
    for (const phone of defaults) {
      expect(phone.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(["reserved", "assigned", "released", "finished"]).toContain(phone.status);
      expect(["netelip", "custom"]).toContain(phone.telephony_provider);
    }
    server.use(mocks["listPhones"]());
    expect(await collect<Phone>(api["listPhones"](client()))).toStrictEqual(defaults);
    server.use(mocks["listPhones"]({ seed: 2 }));
    const reseeded = await collect<Phone>(api["listPhones"](client()));
    expect(reseeded.map((phone) => phone.id)).not.toStrictEqual(defaults.map((phone) => phone.id));
  });

  it("answers a documented error asked for by the x-mock-status header, with the spec's example body", async () => {
    const error = await api["listPhones"](client(), {}, { headers: { "x-mock-status": "422" } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(api["UnprocessableEntityError"]);
    expect(api["isApiError"](error, api["listPhones"])).toBe(true);
    expect((error as { body: unknown }).body).toStrictEqual({ status: "error", error_code: "INVALID_PAGINATION_PARAMETERS", message: "Cannot specify both 'before' and 'after' parameters" });
  });

  it("answers a documented error asked for per test, with the spec's body or the test's own", async () => {
    server.use(mocks["listPhones"]({ status: 403 }));
    const forbidden = await api["listPhones"](client()).catch((caught: unknown) => caught);
    expect(forbidden).toBeInstanceOf(api["PermissionDeniedError"]);
    expect((forbidden as { body: { message: string } }).body.message).toBe("Missing required permissions");
    server.use(mocks["listPhones"]({ status: 500, body: { status: "error", error_code: "DOWN", message: "maintenance" } }));
    const down = await api["listPhones"](client()).catch((caught: unknown) => caught);
    expect(down).toBeInstanceOf(api["InternalServerError"]);
    expect({ status: (down as { status: number }).status, body: (down as { body: unknown }).body }).toStrictEqual({
      status: 500,
      body: { status: "error", error_code: "DOWN", message: "maintenance" },
    });
  });

  it("overrides one handler's answer in one line: a test's own phones, still paged", async () => {
    const own: Phone[] = ["+34910000001", "+34910000002", "+34910000003"].map((number, index) => ({
      id: `b0000000-0000-4000-8000-00000000000${index}`,
      number,
      status: "assigned",
      telephony_provider: "netelip",
    }));
    server.use(mocks["listPhones"]({ items: own }));
    expect(await collect<Phone>(api["listPhones"](client(), { limit: 2 }))).toStrictEqual(own);
    expect(requests).toStrictEqual(["/v1/phone/?limit=2", `/v1/phone/?after=${own[1]?.id}&limit=2`]);
  });

  it("a one-shot override ({ once: true }) answers once, then the default handler answers", async () => {
    server.use(mocks["listPhones"]({ status: 500 }, { once: true }));
    await expect(api["listPhones"](client())).rejects.toBeInstanceOf(api["InternalServerError"]);
    expect((await api["listPhones"](client())).data).toHaveLength(20);
  });

  it("runs on Node 22, msw 3's own floor, without this suite's polyfills, from the compiled dist files apps import", async () => {
    const script = join(directory, "node22-check.mjs");
    await writeFile(
      script,
      `import { setupServer } from "msw/node";
import { createClient, listPhones, UnprocessableEntityError } from "./dist/index.js";
import { handlers, listPhones as listPhonesMock } from "./dist/mocks/index.js";
const server = setupServer(...handlers);
const requests = [];
server.events.on("request:start", () => requests.push(1));
server.listen({ onUnhandledFrame: "error" });
server.use(listPhonesMock({ count: 250 }));
const client = createClient({ baseUrl: "http://127.0.0.1:4010", maxRetries: 0 });
const ids = [];
for await (const phone of listPhones(client, { limit: 100 })) ids.push(phone.id);
const error = await listPhones(client, {}, { headers: { "x-mock-status": "422" } }).catch((caught) => caught);
server.close();
console.log(JSON.stringify({ phones: ids.length, unique: new Set(ids).size, requests: requests.length, error: error instanceof UnprocessableEntityError, polyfilled: typeof Promise.withResolvers !== "function" }));
`,
    );
    const { stdout } = await promisify(execFile)(await nodeBinary(22), [script], { cwd: directory });
    expect(JSON.parse(stdout)).toStrictEqual({ phones: 250, unique: 250, requests: 4, error: true, polyfilled: false });
  }, 120_000);

  it("counts the plugins among the options that decide the output, so turning one on is never taken as up to date", () => {
    const digest = (plugins?: readonly string[]) => JSON.stringify(outputOptionsOf({ input: phoneSpec, ...(plugins === undefined ? {} : { plugins }) }));
    expect(digest(["msw"])).not.toBe(digest());
    expect(digest([])).toBe(digest());
  });

  it("is the same, byte for byte, when generated again", async () => {
    const again = await generate({ input: phoneSpec, plugins: ["msw"] });
    const mocksOf = (list: readonly GeneratedFile[]) => list.filter((file) => file.path.includes("mocks/") || file.path === "package.json");
    expect(mocksOf(again.files)).toStrictEqual(mocksOf(files));
  });

  it("ships on the ./mocks subpath with msw as an optional peer, never from the root index", () => {
    const packageJson = JSON.parse(files.find((file) => file.path === "package.json")?.contents ?? "{}") as Record<string, Record<string, unknown>>;
    expect(packageJson["exports"]?.["./mocks"]).toStrictEqual({ types: "./dist/mocks/index.d.ts", default: "./dist/mocks/index.js" });
    expect({ peers: packageJson["peerDependencies"], meta: packageJson["peerDependenciesMeta"], dependencies: packageJson["dependencies"] }).toStrictEqual({
      peers: { msw: "^3.0.0" },
      meta: { msw: { optional: true } },
      dependencies: undefined,
    });
    const index = files.find((file) => file.path === "src/index.ts")?.contents ?? "";
    expect(index).not.toMatch(/mocks|msw/);
    const outsideMocks = files.filter((file) => !file.path.includes("mocks/") && /^(src|dist)\//.test(file.path));
    expect(outsideMocks.filter((file) => file.contents.includes('"msw"')).map((file) => file.path)).toStrictEqual([]);
    expect(files.map((file) => file.path).filter((path) => path.includes("mocks/"))).toStrictEqual([
      "dist/mocks/data.d.ts",
      "dist/mocks/data.js",
      "dist/mocks/index.d.ts",
      "dist/mocks/index.js",
      "dist/mocks/runtime.d.ts",
      "dist/mocks/runtime.js",
      "src/mocks/data.ts",
      "src/mocks/index.ts",
      "src/mocks/runtime.ts",
    ]);
  });

  it("type-checks strictly, and an override of the wrong type is a compile error", async () => {
    const usage = join(directory, "mock-usage.ts");
    const source = `import { setupServer } from "msw/node";
import type { ListPhonesItem } from "./src/index.js";
import { handlers, listPhones } from "./src/mocks/index.js";

const phone: ListPhonesItem = { id: "b0000000-0000-4000-8000-000000000001", number: "+34910000001", status: "assigned", telephony_provider: "netelip" };
export const server = setupServer(...handlers);
server.use(listPhones({ items: [phone] }));
server.use(listPhones({ count: 250, seed: 7 }));
server.use(listPhones({ status: 422, body: { status: "error", error_code: "INVALID", message: "no" } }));
server.use(listPhones({ status: 403 }), listPhones({ status: 500 }, { once: true }));
// @ts-expect-error a phone's status is one of the enum's values
server.use(listPhones({ items: [{ ...phone, status: "lost" }] }));
// @ts-expect-error 404 is not a documented answer of listPhones
server.use(listPhones({ status: 404 }));
// @ts-expect-error the 422 body needs error_code and message
server.use(listPhones({ status: 422, body: { status: "error", message: "no" } }));
// @ts-expect-error an error answer has no items
server.use(listPhones({ status: 403, items: [phone] }));
`;
    await writeFile(usage, source);
    const sources = files.filter((file) => file.path.startsWith("src/") && file.path.endsWith(".ts")).map((file) => join(directory, file.path));
    expect(typecheck([...sources, usage])).toStrictEqual([]);
    // Without the expectations the same lines fail: the check can fail.
    await writeFile(usage, (await readFile(usage, "utf8")).replaceAll("// @ts-expect-error", "//"));
    expect(typecheck([usage], { ...STRICTEST, skipLibCheck: true }).length).toBeGreaterThanOrEqual(4);
  }, 120_000);
});
