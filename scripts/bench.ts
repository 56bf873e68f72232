/**
 * The "fastest generator in the field" benchmark: our generator against its peers on the GitHub, Stripe and Diga
 * phone specs. One command, rerunnable by anyone:
 *
 *   npx -y pnpm@12.4.2 bench [--runs N] [--spec github|stripe|phone] [--tools ours,orval,…] [--timeout S] [--no-checks]
 *
 * It installs the pinned peers into `.bench/` (plain npm, outside the workspace), runs every tool N interleaved rounds
 * per spec, each run a fresh process into a fresh folder, then checks each tool's output once (size, tsc, bundle size
 * of one list operation), prints tables and writes the raw results to `.bench/results-<timestamp>.json`.
 * How each number is measured: see METHOD below and scripts/bench/measure.ts.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { bundleListOperation, measureOutputSize, typeCheckOutput } from "./bench/checks.js";
import { ensurePinnedPackagesInstalled, PINNED_PACKAGES } from "./bench/install.js";
import { assertGnuTimeAvailable, killRunningGroups, runMeasured } from "./bench/measure.js";
import { parseBenchOptions, USAGE, UsageError, type BenchOptions } from "./bench/options.js";
import { BENCH_DIR, BENCH_OUT_DIR, displayPath, OUR_DIST_ENTRY, OUR_SRC_DIR, REPO_ROOT } from "./bench/paths.js";
import { formatChecksTable, formatSpecHeading, formatTimingTable } from "./bench/report.js";
import { summarizeTool, type RunRecord, type SpecResult, type ToolChecks } from "./bench/results.js";
import { SPECS, specFacts, type BenchSpec } from "./bench/specs.js";
import { TOOLS, type BenchTool, type ToolId } from "./bench/tools.js";

const METHOD = [
  "Each run is a fresh `node` process tree under GNU time (/usr/bin/time -f '%e %M') writing into a fresh folder under .bench/out/.",
  "Time: wall clock of the whole command (%e). Peak RSS: max(%M = kernel peak of the largest single process in the tree,",
  "sampled sum of RSS over the tree every 200 ms from /proc); both are lower bounds of the tree's true peak.",
  "Rounds interleave the tools, rotating their order each round; medians and min–max are over successful runs.",
];
const NOISE_NOTE =
  "Noise: one shared 2-core machine. Absolute seconds do not carry over between runs or machines; the ratios from one " +
  "run (ours/tool, measured in the same interleaved rounds) are the figure that counts.";

async function main(argv: string[]): Promise<number> {
  const options = parseOptionsOrExplain(argv);
  if (typeof options === "number") return options;
  assertGnuTimeAvailable();
  ensurePinnedPackagesInstalled();
  if (options.tools.includes("ours")) ensureOurGeneratorBuilt();

  const startedAt = new Date();
  const resultsFile = path.join(BENCH_DIR, `results-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  rmSync(BENCH_OUT_DIR, { recursive: true, force: true });
  mkdirSync(BENCH_OUT_DIR, { recursive: true });
  printPreamble(options);

  const results: SpecResult[] = [];
  for (const specId of options.specs) {
    const result = await benchmarkSpec(SPECS[specId], options);
    results.push(result);
    console.log(formatSpecHeading(result, options.runs));
    console.log(formatTimingTable(result));
    if (options.checks) console.log(`\n${formatChecksTable(result)}`);
    // Written after every spec, so a crash or Ctrl-C later still leaves what was measured.
    writeResults(resultsFile, { startedAt, options, results });
  }
  console.log(`\n${NOISE_NOTE}`);
  console.log(`Raw results: ${displayPath(resultsFile)}`);
  return 0;
}

function parseOptionsOrExplain(argv: string[]): BenchOptions | number {
  try {
    const parsed = parseBenchOptions(argv);
    if (parsed !== "help") return parsed;
    console.log(USAGE);
    return 0;
  } catch (error) {
    // parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown or malformed flags.
    const isParseError = error instanceof TypeError && String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS");
    if (!(error instanceof UsageError) && !isParseError) throw error;
    console.error(`bench: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
}

/** Builds our generator when it has never been built; warns (but goes on) when the build looks older than the source. */
function ensureOurGeneratorBuilt(): void {
  if (!existsSync(OUR_DIST_ENTRY)) {
    console.log("packages/codegen/dist is missing: building it (npx -y pnpm@12.4.2 build) …");
    const build = spawnSync("npx", ["-y", "pnpm@12.4.2", "build"], { cwd: REPO_ROOT, stdio: "inherit" });
    if (build.status !== 0) throw new Error(`building @diga/codegen failed (exit ${build.status ?? build.signal})`);
    return;
  }
  if (newestModification(OUR_SRC_DIR) > statSync(OUR_DIST_ENTRY).mtimeMs) {
    console.warn("warning: packages/codegen/src has changes newer than dist/: run `npx -y pnpm@12.4.2 build` to benchmark them.");
  }
}

function newestModification(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    // Tests are not compiled into dist/, so a newer test says nothing about the build.
    if (!entry.isFile() || entry.name.endsWith(".test.ts")) continue;
    newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function printPreamble(options: BenchOptions): void {
  const cpus = os.cpus();
  console.log(
    `Machine: ${cpus.length} × ${cpus[0]?.model ?? "unknown CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
      `Node ${process.version}, load average ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(" ")}`,
  );
  console.log(`Rounds: ${options.runs}; specs: ${options.specs.join(", ")}; tools: ${options.tools.join(", ")}; timeout ${options.timeoutSeconds} s per run`);
  console.log(
    `Pinned: ${Object.entries(PINNED_PACKAGES)
      .map(([name, version]) => `${name}@${version}`)
      .join(", ")}`,
  );
  for (const toolId of options.tools) console.log(`  ${TOOLS[toolId].label}: ${TOOLS[toolId].configuration}`);
  console.log(METHOD.join("\n"));
  console.log(NOISE_NOTE);
}

async function benchmarkSpec(spec: BenchSpec, options: BenchOptions): Promise<SpecResult> {
  const facts = specFacts(spec);
  console.log(`\n[${spec.id}] ${displayPath(spec.file)}`);
  const runs: RunRecord[] = [];
  for (let round = 1; round <= options.runs; round += 1) {
    const order = rotate(options.tools, round - 1);
    for (const [index, toolId] of order.entries()) {
      const run = await runOnce(spec, TOOLS[toolId], round, index + 1, options.timeoutSeconds);
      runs.push(run);
      console.log(`  round ${round}/${options.runs}  ${TOOLS[toolId].label.padEnd(24)} ${describeRun(run)}`);
    }
  }
  const checks = options.checks ? await checkOutputs(spec, options.tools, runs) : {};
  return {
    spec: spec.id,
    title: spec.title,
    file: spec.file,
    source: spec.source,
    bytes: facts.bytes,
    operations: facts.operations,
    runs,
    summaries: options.tools.map((toolId) => summarizeTool(toolId, runs)),
    checks,
  };
}

/**
 * Round r starts at the r-th tool, so no tool always runs first (cold file cache) or always right after the same
 * neighbour (whose leftover memory pressure or CPU frequency it would inherit).
 */
function rotate<T>(items: readonly T[], by: number): T[] {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

async function runOnce(spec: BenchSpec, tool: BenchTool, round: number, positionInRound: number, timeoutSeconds: number): Promise<RunRecord> {
  const outDir = path.join(BENCH_OUT_DIR, spec.id, tool.id, `round-${round}`);
  mkdirSync(outDir, { recursive: true });
  const logPrefix = outDir; // round-N.stdout.txt etc. sit beside the output folder, not in it: they are not output
  const measurement = await runMeasured({
    nodeArgs: tool.nodeArgs(spec.file, outDir),
    // .bench/ holds no config file any tool could pick up, so every tool runs on its CLI flags alone.
    cwd: BENCH_DIR,
    stdoutFile: `${logPrefix}.stdout.txt`,
    stderrFile: `${logPrefix}.stderr.txt`,
    timeFile: `${logPrefix}.time.txt`,
    timeoutMs: timeoutSeconds * 1000,
  });
  const failure = describeFailure(measurement, timeoutSeconds, logPrefix, outDir);
  return { tool: tool.id, round, positionInRound, outDir, ok: failure === undefined, failure, measurement };
}

function describeFailure(measurement: RunRecord["measurement"], timeoutSeconds: number, logPrefix: string, outDir: string): string | undefined {
  if (measurement.timedOut) return `timed out after ${timeoutSeconds} s`;
  if (measurement.signal !== null) return `failed: killed by ${measurement.signal}`;
  if (measurement.exitCode !== 0) {
    const stderrLine = firstLine(`${logPrefix}.stderr.txt`);
    const detail = stderrLine ?? `(stderr empty) stdout: ${firstLine(`${logPrefix}.stdout.txt`) ?? "(empty)"}`;
    return `failed: exit ${measurement.exitCode}, ${detail}`;
  }
  // A generator that exits 0 having written nothing has not done its job either.
  if (readdirSync(outDir).length === 0) return "failed: exit 0 but wrote no files";
  return undefined;
}

/** The first non-blank line of a log, without terminal colour codes. */
function firstLine(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  return readFileSync(file, "utf8")
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .map((line) => line.trim())
    .find((line) => line !== "");
}

function describeRun(run: RunRecord): string {
  if (!run.ok) return run.failure ?? "failed";
  const { wallSeconds, peakRssKb } = run.measurement;
  return `${wallSeconds.toFixed(2).padStart(7)} s  ${String(Math.round(peakRssKb / 1024)).padStart(5)} MiB`;
}

/** Output size, tsc and bundle size, on each tool's last successful output (all rounds generate the same files). */
async function checkOutputs(spec: BenchSpec, tools: readonly ToolId[], runs: readonly RunRecord[]): Promise<Partial<Record<ToolId, ToolChecks>>> {
  const checks: Partial<Record<ToolId, ToolChecks>> = {};
  for (const toolId of tools) {
    const lastSuccess = runs.filter((run) => run.tool === toolId && run.ok).at(-1);
    if (lastSuccess === undefined) {
      checks[toolId] = { kind: "n/a", reason: "no successful generation to check" };
      continue;
    }
    const tool = TOOLS[toolId];
    const outDir = lastSuccess.outDir;
    const output = measureOutputSize(outDir); // before the harness writes its tsconfig into the folder
    process.stdout.write(`  checking ${tool.label}: tsc --noEmit … `);
    const typeCheck = await typeCheckOutput(tool, outDir, path.join(BENCH_OUT_DIR, spec.id, tool.id, "check"));
    process.stdout.write(`${typeCheck.wallSeconds.toFixed(2)} s, ${typeCheck.errorCount} errors; bundling ${spec.listOperation.operationId} …`);
    const bundle = await bundleListOperation(tool.listOperationEntry(spec, outDir), outDir);
    console.log(bundle.kind === "bundled" ? ` ${bundle.gzipBytes} B min+gzip` : ` n/a`);
    checks[toolId] = { kind: "checked", outDir, output, typeCheck, bundle };
  }
  return checks;
}

interface ResultsToWrite {
  startedAt: Date;
  options: BenchOptions;
  results: readonly SpecResult[];
}

function writeResults(file: string, { startedAt, options, results }: ResultsToWrite): void {
  const cpus = os.cpus();
  const document = {
    startedAt: startedAt.toISOString(),
    writtenAt: new Date().toISOString(),
    command: ["pnpm", "bench", ...process.argv.slice(2)].join(" "),
    options,
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model,
      totalMemoryBytes: os.totalmem(),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAverageAtWrite: os.loadavg(),
    },
    method: [...METHOD, NOISE_NOTE],
    pinnedPackages: PINNED_PACKAGES,
    tools: Object.fromEntries(options.tools.map((toolId) => [toolId, { label: TOOLS[toolId].label, configuration: TOOLS[toolId].configuration }])),
    specs: results,
  };
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
}

// Ctrl-C: end the tool's process group too, or it would keep running (it is detached) after the harness is gone.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    killRunningGroups();
    process.exit(130);
  });
}

process.exitCode = await main(process.argv.slice(2));
