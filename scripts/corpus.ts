/**
 * The development corpus: `pnpm corpus [-- --filter petstore] [--only github] [--skip-github]`.
 *
 * Installs two pinned packages of real-world specs into the scratch folder `.corpus/` (never into the workspace):
 * `@readme/oas-examples` (every OpenAPI 3.x document in it, YAML and JSON; Swagger 2.0 ones are counted and skipped)
 * and `@octokit/openapi` (the full GitHub REST description). Each document is generated in one of at most two worker
 * processes and its output type-checked as its own program under STRICTEST. Each result is one of: ok; clear error
 * (a CodegenError from a stage that judges the spec); internal error (a CodegenError from a later stage, our bug);
 * crash (any other exception); type errors; timeout. Prints a table and the counts, writes `.corpus/results.json`.
 */
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Category, SpecResult } from "./corpus/check-spec.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CORPUS = join(ROOT, ".corpus");
const MODULES = join(CORPUS, "node_modules");
/** Exact versions; `npm view @readme/oas-examples version` gave 8.2.2 when this was written. */
const PINNED = { "@readme/oas-examples": "8.2.2", "@octokit/openapi": "23.0.2" } as const;
const GITHUB_SPEC = join(MODULES, "@octokit", "openapi", "generated", "api.github.com.json");
const WORKER = fileURLToPath(new URL("./corpus/check-spec.ts", import.meta.url));

const USAGE = `Usage: pnpm corpus -- [--filter SUBSTRING] [--only github] [--skip-github] [--jobs 1|2] [--timeout S] [--github-timeout S]

  --filter S          only documents whose path contains S
  --only github       only the GitHub REST description
  --skip-github       everything but the GitHub REST description
  --jobs N            worker processes, 1 or 2 (default 2)
  --timeout S         per-document limit in seconds (default 120)
  --github-timeout S  limit for the GitHub description (default 1200)`;

interface Options {
  readonly filter: string | undefined;
  readonly onlyGithub: boolean;
  readonly skipGithub: boolean;
  readonly jobs: number;
  readonly timeoutMs: number;
  readonly githubTimeoutMs: number;
}

function parseOptions(argv: readonly string[]): Options | "help" {
  const { values } = parseArgs({
    args: argv.filter((argument) => argument !== "--"),
    strict: true,
    options: {
      filter: { type: "string" },
      only: { type: "string" },
      "skip-github": { type: "boolean" },
      jobs: { type: "string" },
      timeout: { type: "string" },
      "github-timeout": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help === true) return "help";
  if (values.only !== undefined && values.only !== "github") throw new Error(`--only takes "github", got "${values.only}"`);
  const jobs = Number(values.jobs ?? "2");
  if (jobs !== 1 && jobs !== 2) throw new Error("--jobs must be 1 or 2 (the machine has two cores)");
  const seconds = (flag: string, text: string | undefined, fallback: number) => {
    const value = Number(text ?? fallback);
    if (!(value > 0)) throw new Error(`${flag} must be a positive number of seconds`);
    return value * 1000;
  };
  return {
    filter: values.filter,
    onlyGithub: values.only === "github",
    skipGithub: values["skip-github"] === true,
    jobs,
    timeoutMs: seconds("--timeout", values.timeout, 120),
    githubTimeoutMs: seconds("--github-timeout", values["github-timeout"], 1200),
  };
}

/** Installs the pinned corpus packages into `.corpus/` unless exactly those versions are already there. */
function ensureInstalled(): void {
  const missing = Object.entries(PINNED).filter(([name, version]) => {
    const manifest = join(MODULES, ...name.split("/"), "package.json");
    return !existsSync(manifest) || (JSON.parse(readFileSync(manifest, "utf8")) as { version?: string }).version !== version;
  });
  if (missing.length === 0) return;
  const specs = Object.entries(PINNED).map(([name, version]) => `${name}@${version}`);
  console.log(`installing ${specs.join(" ")} into .corpus/`);
  execFileSync("npm", ["install", "--prefix", CORPUS, "--save-exact", "--no-audit", "--no-fund", ...specs], { stdio: "inherit" });
}

interface Job {
  readonly name: string;
  readonly file: string;
  readonly timeoutMs: number;
}

/** Every `.json`/`.yaml`/`.yml` document of @readme/oas-examples (not its own manifests), sorted; 2.0 ones apart. */
function exampleDocuments(): { documents: Job[]; swagger: SpecResult[] } {
  const base = join(MODULES, "@readme", "oas-examples");
  const files = readdirSync(base, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(json|ya?ml)$/i.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !/(^|\/)(package|tsconfig)\.json$/.test(relative(base, file)) && !relative(base, file).startsWith("test/"))
    .sort();
  const documents: Job[] = [];
  const swagger: SpecResult[] = [];
  for (const file of files) {
    const name = `oas-examples/${relative(base, file)}`;
    const text = readFileSync(file, "utf8");
    if (/^\s*["']?swagger["']?\s*:\s*["']?2/m.test(text)) swagger.push({ name, file, category: "skipped (Swagger 2.0)" });
    else documents.push({ name, file, timeoutMs: 0 });
  }
  return { documents, swagger };
}

/** Runs jobs on at most `jobs` forked workers; a worker that passes a job's time limit is killed and replaced. */
async function runAll(jobs: readonly Job[], workers: number, onResult: (result: SpecResult) => void): Promise<SpecResult[]> {
  const results: SpecResult[] = [];
  let next = 0;
  const spawn = (): ChildProcess => fork(WORKER, ["--corpus-worker"], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const lane = async () => {
    let child = spawn();
    for (let job = jobs[next++]; job !== undefined; job = jobs[next++]) {
      const current = job;
      const started = performance.now();
      const result = await new Promise<SpecResult>((resolve) => {
        const timer = setTimeout(() => {
          child.removeAllListeners("message");
          child.removeAllListeners("exit");
          child.kill("SIGKILL");
          child = spawn();
          resolve({ name: current.name, file: current.file, category: "timeout", detail: `no result after ${Math.round(current.timeoutMs / 1000)} s`, generateMs: Math.round(performance.now() - started) });
        }, current.timeoutMs);
        child.once("message", (message) => {
          clearTimeout(timer);
          child.removeAllListeners("exit");
          resolve(message as SpecResult);
        });
        child.once("exit", (code, signal) => {
          clearTimeout(timer);
          child.removeAllListeners("message");
          child = spawn();
          resolve({ name: current.name, file: current.file, category: "crash", detail: `worker died (exit code ${String(code)}, signal ${String(signal)}), e.g. out of memory or a stack overflow in native code` });
        });
        child.send({ name: current.name, file: current.file });
      });
      results.push(result);
      onResult(result);
    }
    child.disconnect();
  };
  await Promise.all(Array.from({ length: Math.min(workers, jobs.length) }, lane));
  return results;
}

const ORDER: readonly Category[] = ["ok", "clear error", "internal error", "crash", "type errors", "timeout", "skipped (Swagger 2.0)"];

function firstLine(text: string | undefined): string {
  return (text ?? "").split("\n")[0]?.slice(0, 160) ?? "";
}

async function main(): Promise<number> {
  const parsed = parseOptions(process.argv.slice(2));
  if (parsed === "help") {
    console.log(USAGE);
    return 0;
  }
  const options = parsed;
  await mkdir(CORPUS, { recursive: true });
  ensureInstalled();

  const examples = options.onlyGithub ? { documents: [], swagger: [] } : exampleDocuments();
  const github: Job[] = options.skipGithub ? [] : [{ name: "octokit/api.github.com.json", file: GITHUB_SPEC, timeoutMs: options.githubTimeoutMs }];
  const matches = (name: string) => options.filter === undefined || name.includes(options.filter);
  // The big one first, so it runs beside the small ones instead of after them.
  const jobs = [...github, ...examples.documents.map((job) => ({ ...job, timeoutMs: options.timeoutMs }))].filter((job) => matches(job.name));
  const skipped = examples.swagger.filter((result) => matches(result.name));
  console.log(`corpus: ${jobs.length} OpenAPI 3.x document(s), ${skipped.length} Swagger 2.0 document(s) skipped, ${options.jobs} worker(s)`);

  const started = performance.now();
  const results = await runAll(jobs, options.jobs, (result) => {
    const time = result.generateMs === undefined ? "" : ` (${((result.generateMs + (result.typecheckMs ?? 0)) / 1000).toFixed(1)} s)`;
    console.log(`  ${result.category.padEnd(14)} ${result.name}${time}${result.category === "ok" ? "" : `: ${firstLine(result.detail)}`}`);
  });
  const all = [...results, ...skipped].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  console.log(`\n| document | result | operations | generate | type-check | first error or diagnostic |\n| --- | --- | --- | --- | --- | --- |`);
  for (const result of all) {
    const ms = (value: number | undefined) => (value === undefined ? "" : `${(value / 1000).toFixed(1)} s`);
    const detail = result.category === "ok" || result.category === "skipped (Swagger 2.0)" ? "" : firstLine(result.detail).replaceAll("|", "\\|");
    console.log(`| ${result.name} | ${result.category} | ${result.operations ?? ""} | ${ms(result.generateMs)} | ${ms(result.typecheckMs)} | ${detail} |`);
  }
  const counts = Object.fromEntries(ORDER.map((category) => [category, all.filter((result) => result.category === category).length]));
  console.log(`\ntotal ${all.length}: ${ORDER.map((category) => `${counts[category] ?? 0} ${category}`).join(", ")} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  const clear = all.filter((result) => result.category === "clear error");
  if (clear.length > 0) {
    console.log("\nclear errors (check by eye that each blames the spec fairly):");
    for (const result of clear) console.log(`- ${result.name}:\n    ${(result.detail ?? "").split("\n").join("\n    ")}`);
  }

  const output = join(CORPUS, "results.json");
  await writeFile(output, `${JSON.stringify({ pinned: PINNED, counts, results: all.map((result) => ({ ...result, file: relative(ROOT, result.file) })) }, null, 2)}\n`);
  console.log(`\nwrote ${relative(process.cwd(), output)}`);
  const bad = all.filter((result) => !["ok", "clear error", "skipped (Swagger 2.0)"].includes(result.category));
  return bad.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    console.error(USAGE);
    process.exitCode = 2;
  },
);
