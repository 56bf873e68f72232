import { writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { diffSpecs, generate, renderJson, renderMarkdown, writeOutput } from "../src/index.js";
import type { LooseModule } from "./support/generated.js";
import { fixturesDirectory } from "./support/paths.js";
import { typecheckProgram } from "./support/property-check.js";
import { STRICTEST } from "./support/typecheck.js";

const require = createRequire(import.meta.url);

/**
 * The full GitHub REST description (`@octokit/openapi`, ~1,200 operations, 13 MB): it must generate, and the
 * package must type-check under the strictest flags. Every peer we measured fails one or the other on it.
 */
describe("a real-world spec: GitHub REST", () => {
  // Inside the repository, so the paging test below can import the generated operation.
  const directory = join(fixturesDirectory, "..", "packages", "codegen", "test", ".generated", "github");

  it("generates 1,200+ operations whose package, with the TanStack Query and msw plugins, type-checks with zero errors; 200+ of them paginate", async () => {
    const spec = join(require.resolve("@octokit/openapi/package.json"), "..", "generated", "api.github.com.json");
    const result = await generate({ input: spec, plugins: ["tanstack-query", "msw"] });
    expect(result.files.some((file) => file.path === "src/tanstack-query/index.ts")).toBe(true);
    expect(result.files.some((file) => file.path === "src/mocks/index.ts")).toBe(true);
    expect(result.model.operations.length).toBeGreaterThan(1200);
    const paginated = result.model.operations.filter((operation) => operation.pagination !== undefined);
    expect(paginated.length).toBeGreaterThanOrEqual(200);
    expect(result.model.operations.find((operation) => operation.functionName === "issuesListForRepo")?.pagination?.styles).toStrictEqual([{ kind: "linkHeader" }]);
    await writeOutput(directory, result.files);
    const sources = result.files.filter((file) => file.path.startsWith("src/") && file.path.endsWith(".ts")).map((file) => join(directory, file.path));
    // The plugin's 1,200 modules double what is checked (about 2,500 files): the timeout leaves room on a loaded machine.
    expect(typecheckProgram(sources).slice(0, 10)).toStrictEqual([]);
  }, 480_000);

  it("an app that imports three operations from the package root reads one declaration file, type-checks under the strictest flags, and sees the schema's names", async () => {
    const app = join(directory, "root-app.ts");
    await writeFile(
      app,
      [
        `import { createClient, issuesListForRepo, pullsList, reposGet } from "./dist/index.js";`,
        `const client = createClient();`,
        `export const issues = await issuesListForRepo(client, "octocat", "hello-world", { state: "open", per_page: 50 });`,
        `export const repo = await reposGet(client, "octocat", "hello-world");`,
        `export const pulls = await pullsList(client, "octocat", "hello-world", { state: "closed" });`,
        `export const names: string[] = [repo.full_name, issues[0]?.title ?? "", pulls[0]?.title ?? ""];`,
        ``,
      ].join("\n"),
    );
    const program = ts.createProgram({ rootNames: [app], options: STRICTEST });
    expect(ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"))).toStrictEqual([]);
    // Before, the root pulled in about 3,750 declaration files; now the runtime's dozen and client.d.ts beside it.
    const generated = program.getSourceFiles().filter((file) => file.fileName.startsWith(directory));
    expect(generated.length).toBeLessThan(25);
    expect(generated.map((file) => file.fileName)).not.toContain(join(directory, "dist", "operations", "reposGet.d.ts"));
    // What an editor shows: the names the spec gives, not a qualified name of the bundle's.
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(app);
    const shown = (name: string) => {
      const declaration = source?.statements
        .flatMap((statement) => (ts.isVariableStatement(statement) ? [...statement.declarationList.declarations] : []))
        .find((variable) => variable.name.getText() === name);
      return declaration === undefined ? undefined : checker.typeToString(checker.getTypeAtLocation(declaration.name));
    };
    expect(shown("repo")).toBe("FullRepository");
    expect(shown("issues")).toBe("Page<Issue[], Issue>");
  }, 120_000);

  it("iterates every issue of a repository through the Link header, as GitHub sends it", async () => {
    const issues = Array.from({ length: 75 }, (_, index) => ({ number: index + 1, title: `Issue ${index + 1}` }));
    const requests: string[] = [];
    const server = createServer((request, response) => {
      const url = new URL(request.url ?? "/", `http://${request.headers.host}`);
      requests.push(`${url.pathname}${url.search}`);
      const perPage = Number(url.searchParams.get("per_page") ?? 30);
      const page = Number(url.searchParams.get("page") ?? 1);
      const last = Math.ceil(issues.length / perPage);
      const link = (rel: string, to: number) => {
        const target = new URL(url);
        target.searchParams.set("page", String(to));
        return `<${target.href}>; rel="${rel}"`;
      };
      const links = [page > 1 && link("prev", page - 1), page < last && link("next", page + 1), link("last", last), page > 1 && link("first", 1)].filter(Boolean);
      response.writeHead(200, { "content-type": "application/json; charset=utf-8", link: links.join(", ") });
      response.end(JSON.stringify(issues.slice((page - 1) * perPage, page * perPage)));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const { createClient } = (await import(pathToFileURL(join(directory, "src", "client.ts")).href)) as { createClient: (options: object) => unknown };
      const { issuesListForRepo } = (await import(pathToFileURL(join(directory, "src", "operations", "issuesListForRepo.ts")).href)) as {
        issuesListForRepo: (client: unknown, owner: string, repo: string, params: object) => AsyncIterable<{ number: number }>;
      };
      const seen: number[] = [];
      for await (const issue of issuesListForRepo(createClient({ baseUrl }), "octocat", "hello-world", { state: "open", per_page: 30 })) seen.push(issue.number);
      expect(seen).toStrictEqual(issues.map((issue) => issue.number));
      expect(requests).toStrictEqual([
        "/repos/octocat/hello-world/issues?state=open&per_page=30",
        "/repos/octocat/hello-world/issues?state=open&per_page=30&page=2",
        "/repos/octocat/hello-world/issues?state=open&per_page=30&page=3",
      ]);
    } finally {
      server.close();
    }
  }, 60_000);
});

describe("a real-world spec's mocks: GitHub REST under msw", () => {
  const directory = join(fixturesDirectory, "..", "packages", "codegen", "test", ".generated", "github");

  it("serves GitHub's issues page by page through the Link header, and a repository from the spec's example", async () => {
    // Loaded here, not at the top: msw 3 needs Node 22 built-ins, supplied to this test's worker only from now on.
    await import("./support/msw-on-node20.js");
    const { setupServer } = await import("msw/node");
    const load = async (path: string) => (await import(pathToFileURL(join(directory, "src", path)).href)) as LooseModule;
    const [{ createClient }, { issuesListForRepo }, { reposGet }, mocks] = await Promise.all([
      load("client.ts"),
      load("operations/issuesListForRepo.ts"),
      load("operations/reposGet.ts"),
      load("mocks/index.ts"),
    ]);
    const server = setupServer(mocks["issuesListForRepo"]({ count: 75 }), mocks["reposGet"]());
    const requests: string[] = [];
    server.events.on("request:start", ({ request }) => {
      const url = new URL(request.url);
      requests.push(`${url.pathname}${url.search}`);
    });
    server.listen({ onUnhandledFrame: "error" });
    try {
      const client = createClient({ baseUrl: "https://api.github.com" });
      const issues: { id: number; number: number }[] = [];
      for await (const issue of issuesListForRepo(client, "octocat", "hello-world", { state: "open", per_page: 30 }) as AsyncIterable<{ id: number; number: number }>) issues.push(issue);
      // GitHub's one example issue, repeated, each copy with an id of its own.
      expect({ count: issues.length, ids: new Set(issues.map((issue) => issue.id)).size, number: issues[74]?.number }).toStrictEqual({ count: 75, ids: 75, number: 1347 });
      expect(requests).toStrictEqual([
        "/repos/octocat/hello-world/issues?state=open&per_page=30",
        "/repos/octocat/hello-world/issues?state=open&per_page=30&page=2",
        "/repos/octocat/hello-world/issues?state=open&per_page=30&page=3",
      ]);
      expect(((await reposGet(client, "octocat", "hello-world")) as { full_name: string }).full_name).toBe("octocat/Hello-World");
    } finally {
      server.close();
    }
  }, 60_000);
});

/** Two releases of GitHub Enterprise Server's spec: a thousand real changes between two 10 MB documents. */
describe("a real-world SDK diff: GitHub Enterprise Server 3.17 → 3.18", () => {
  it("classifies every change and fits the Markdown into one pull-request comment", async () => {
    const generated = join(require.resolve("@octokit/openapi/package.json"), "..", "generated");
    const diff = await diffSpecs(join(generated, "ghes-3.17.json"), join(generated, "ghes-3.18.json"));
    expect(diff.changes.length).toBeGreaterThan(500);
    expect(diff.changes.filter((change) => change.kind === "operation-added").length).toBeGreaterThan(5);
    expect(diff.bump).toBe(diff.summary.breaking > 0 ? "major" : "minor");
    expect(renderMarkdown(diff).length).toBeLessThan(65_536);
    expect(JSON.parse(renderJson(diff))).toStrictEqual(JSON.parse(JSON.stringify(diff)));
  }, 60_000);
});
