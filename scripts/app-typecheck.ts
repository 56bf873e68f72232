/**
 * What users pay to type-check: one app that calls three GitHub operations, written three ways, type-checked with
 * the same tsconfig in the same interleaved rounds (`--lib dom`, the default: lib ES2022 + DOM; `--lib node`: lib
 * ES2022 + @types/node, a Node-only app):
 *
 *   peer         openapi-typescript's types + openapi-fetch (`client.GET("/repos/{owner}/{repo}/issues", …)`)
 *   ours-root    our generated package, imported from its root (`import { issuesListForRepo } from "github-client"`)
 *   ours-subpath our generated package, one import per operation (`github-client/operations/issuesListForRepo`)
 *   floor        an app that imports nothing: what TypeScript pays for itself and the tsconfig's libs (lib.dom alone
 *                is 40k lines), which no client can go below
 *
 * Each app is a project whose dependency is the generated package (or the peer's schema and runtime) inside its
 * node_modules, as an app installs it. Run: npx tsx scripts/app-typecheck.ts [--runs N] [--skip-lib-check false] [--lib dom|node]
 * Prints the median of `tsc --noEmit` wall time and CPU time (user + system, steadier on a busy machine) per app,
 * each ours/peer ratio, and the ratio above the floor: (ours − floor) / (peer − floor), the part the client itself
 * costs. Ratios are what count: seconds do not carry over between machines or runs.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { median } from "./bench/results.js";
import { ensurePinnedPackagesInstalled } from "./bench/install.js";
import { BENCH_DIR, BENCH_NODE_MODULES, OUR_CLI, REPO_ROOT } from "./bench/paths.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "5" }, "skip-lib-check": { type: "string", default: "true" }, lib: { type: "string", default: "dom" } } });
const runs = Number(values.runs);
const skipLibCheck = values["skip-lib-check"] !== "false";
/** `dom`: lib ES2022 + DOM, no @types (a browser app); `node`: lib ES2022 + @types/node (the Node-only app of the install test). */
const LIBS = { dom: { lib: ["ES2022", "DOM"], types: [] }, node: { lib: ["ES2022"], types: ["node"] } } as const;
if (values.lib !== "dom" && values.lib !== "node") throw new Error(`--lib is dom or node, not ${values.lib}`);
const libs = LIBS[values.lib];
const spec = path.join(REPO_ROOT, "node_modules/@octokit/openapi/generated/api.github.com.json");
const root = path.join(BENCH_DIR, "app-typecheck");
const tsc = path.join(BENCH_NODE_MODULES, "typescript/bin/tsc");

const OPERATIONS = [
  { ours: "issuesListForRepo", path: "/repos/{owner}/{repo}/issues", args: `"octocat", "hello-world", { state: "open", per_page: 50 }` },
  { ours: "reposGet", path: "/repos/{owner}/{repo}", args: `"octocat", "hello-world"` },
  { ours: "pullsList", path: "/repos/{owner}/{repo}/pulls", args: `"octocat", "hello-world", { state: "closed" }` },
];

const APPS = {
  peer: {
    dependencies: ["openapi-fetch", "schema"],
    source: [
      `import createClient from "openapi-fetch";`,
      `import type { paths } from "schema";`,
      `const client = createClient<paths>({ baseUrl: "https://api.github.com" });`,
      `export async function main(): Promise<void> {`,
      `  const issues = await client.GET("/repos/{owner}/{repo}/issues", { params: { path: { owner: "octocat", repo: "hello-world" }, query: { state: "open", per_page: 50 } } });`,
      `  const repo = await client.GET("/repos/{owner}/{repo}", { params: { path: { owner: "octocat", repo: "hello-world" } } });`,
      `  const pulls = await client.GET("/repos/{owner}/{repo}/pulls", { params: { path: { owner: "octocat", repo: "hello-world" }, query: { state: "closed" } } });`,
      `  console.log(issues.data?.[0]?.title, repo.data?.full_name, pulls.data?.[0]?.number);`,
      `}`,
    ],
  },
  "ours-root": {
    dependencies: ["github-client"],
    source: [`import { createClient, ${OPERATIONS.map((operation) => operation.ours).join(", ")} } from "github-client";`, `const client = createClient();`, ...appBody()],
  },
  "ours-subpath": {
    dependencies: ["github-client"],
    source: [
      `import { createClient } from "github-client/client";`,
      ...OPERATIONS.map((operation) => `import { ${operation.ours} } from "github-client/operations/${operation.ours}";`),
      `const client = createClient();`,
      ...appBody(),
    ],
  },
  floor: {
    dependencies: [],
    source: [`export const answer: number = 42;`],
  },
} as const;

function appBody(): string[] {
  const [issues, repo, pulls] = OPERATIONS.map((operation) => `${operation.ours}(client, ${operation.args})`);
  return [
    `export async function main(): Promise<void> {`,
    `  const issues = await ${issues};`,
    `  const repo = await ${repo};`,
    `  const pulls = await ${pulls};`,
    `  console.log(issues[0]?.title, repo.full_name, pulls[0]?.number);`,
    `}`,
  ];
}

function prepare(): void {
  ensurePinnedPackagesInstalled();
  rmSync(root, { recursive: true, force: true });
  const packages = path.join(root, "packages");
  mkdirSync(packages, { recursive: true });
  console.log("generating the GitHub client with diga-codegen and the peer's types with openapi-typescript …");
  execFileSync(process.execPath, [OUR_CLI, "generate", "--quiet", "-i", spec, "-o", path.join(packages, "github-client"), "--package-name", "github-client"], { stdio: "inherit" });
  mkdirSync(path.join(packages, "schema"));
  execFileSync(process.execPath, [path.join(BENCH_NODE_MODULES, "openapi-typescript/bin/cli.js"), spec, "-o", path.join(packages, "schema", "index.d.ts")], { stdio: "ignore" });
  writeFileSync(path.join(packages, "schema", "package.json"), JSON.stringify({ name: "schema", version: "1.0.0", types: "./index.d.ts", exports: { ".": { types: "./index.d.ts" } } }));
  for (const [name, app] of Object.entries(APPS)) {
    const directory = path.join(root, name);
    mkdirSync(path.join(directory, "node_modules"), { recursive: true });
    for (const dependency of app.dependencies) {
      const from = dependency === "openapi-fetch" ? path.join(BENCH_NODE_MODULES, dependency) : path.join(packages, dependency);
      // openapi-fetch depends on openapi-typescript-helpers: copy the package with its own node_modules resolution.
      if (dependency === "openapi-fetch") cpSync(from, path.join(directory, "node_modules", dependency), { recursive: true });
      else symlinkSync(from, path.join(directory, "node_modules", dependency), "dir");
    }
    if ((app.dependencies as readonly string[]).includes("openapi-fetch"))
      cpSync(path.join(BENCH_NODE_MODULES, "openapi-typescript-helpers"), path.join(directory, "node_modules", "openapi-typescript-helpers"), { recursive: true });
    writeFileSync(path.join(directory, "package.json"), JSON.stringify({ name: `app-${name}`, private: true, type: "module" }));
    writeFileSync(path.join(directory, "app.ts"), `${app.source.join("\n")}\n`);
    writeFileSync(
      path.join(directory, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { target: "ES2022", module: "nodenext", moduleResolution: "nodenext", ...libs, strict: true, skipLibCheck, noEmit: true },
        files: ["app.ts"],
      }),
    );
  }
}

/** Reports the process's own CPU time on exit, which `spawnSync` does not give for a child. */
const CPU_REPORTER = path.join(root, "report-cpu.cjs");

function typeCheck(app: string): { wall: number; cpu: number } {
  const start = performance.now();
  const result = spawnSync(process.execPath, ["--require", CPU_REPORTER, tsc, "-p", path.join(root, app)], { encoding: "utf8" });
  const wall = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`${app} does not type-check:\n${result.stdout}${result.stderr}`);
  const usage = JSON.parse(/CPU (\{.*\})/.exec(result.stderr)?.[1] ?? "null") as { user: number; system: number } | null;
  if (usage === null) throw new Error(`${app}: no CPU report on stderr:\n${result.stderr}`);
  return { wall, cpu: (usage.user + usage.system) / 1e6 };
}

prepare();
writeFileSync(CPU_REPORTER, `process.on("exit", () => require("node:fs").writeSync(2, "CPU " + JSON.stringify(process.cpuUsage()) + "\\n"));\n`);
const times: Record<string, { wall: number[]; cpu: number[] }> = Object.fromEntries(Object.keys(APPS).map((app) => [app, { wall: [], cpu: [] }]));
for (let round = 0; round < runs; round++) {
  // Rotate the order each round, so no app always runs first (cold caches) or last.
  const order = Object.keys(APPS).map((_, index, apps) => apps[(index + round) % apps.length] ?? "");
  for (const app of order) {
    const { wall, cpu } = typeCheck(app);
    times[app]?.wall.push(wall);
    times[app]?.cpu.push(cpu);
  }
}
const medianOf = (list: readonly number[] | undefined): number => median(list ?? []) ?? Number.NaN;
const peer = { wall: medianOf(times["peer"]?.wall), cpu: medianOf(times["peer"]?.cpu) };
const floor = medianOf(times["floor"]?.cpu);
console.log(`\napp type-check, GitHub client, 3 operations, lib ${libs.lib.join(" + ")}, types [${libs.types.join(", ")}], skipLibCheck ${skipLibCheck}, median of ${runs} interleaved runs:`);
console.log("| app | wall | ratio to peer | CPU | ratio to peer | ratio above the floor |\n| --- | --- | --- | --- | --- | --- |");
for (const [app, { wall, cpu }] of Object.entries(times)) {
  const [w, c] = [medianOf(wall), medianOf(cpu)];
  const aboveFloor = app === "floor" ? "" : ((c - floor) / (peer.cpu - floor)).toFixed(2);
  console.log(`| ${app} | ${w.toFixed(2)} s | ${(w / peer.wall).toFixed(2)} | ${c.toFixed(2)} s | ${(c / peer.cpu).toFixed(2)} | ${aboveFloor} |`);
}
