/**
 * What the benchmark checks about each tool's output, once per spec (on the last successful round's output):
 * its size, how long `tsc --noEmit` takes on it and whether it compiles, and the min+gzip size of one list operation.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { runMeasured } from "./measure.js";
import { BENCH_DIR, benchPackageFile } from "./paths.js";
import type { BenchTool, ListOperationEntry } from "./tools.js";

export interface OutputSize {
  files: number;
  bytes: number;
}

/** Every file the tool wrote (sources, manifests, READMEs alike), measured before the harness adds its tsconfig. */
export function measureOutputSize(directory: string): OutputSize {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

export interface TypeCheckResult {
  /** Whether tsc ran to completion (it may still have reported errors). */
  completed: boolean;
  wallSeconds: number;
  peakRssKb: number;
  errorCount: number;
  /** The first reported error, or why tsc did not complete. */
  firstProblem: string | undefined;
}

/** The tsconfig the harness writes next to (never over) the tool's own files. */
export const BENCH_TSCONFIG = "tsconfig.bench.json";
const TYPE_CHECK_TIMEOUT_MS = 600_000;

/**
 * `tsc --noEmit` with one minimal strict config for every tool; only the module settings follow what each output is
 * written for. `DOM.Iterable` is in lib because hey-api's and orval's fetch clients iterate `Headers`, which is
 * standard in every browser and Node 18+.
 */
export async function typeCheckOutput(tool: BenchTool, outDir: string, logPrefix: string): Promise<TypeCheckResult> {
  const moduleOptions = tool.moduleResolution === "NodeNext" ? { module: "NodeNext", moduleResolution: "NodeNext" } : { module: "ESNext", moduleResolution: "Bundler" };
  const tsconfig = {
    compilerOptions: {
      target: "ES2022",
      ...moduleOptions,
      lib: ["ES2022", "DOM", "DOM.Iterable"],
      types: [], // no @types package that happens to be in .bench/node_modules may leak in
      strict: true,
      skipLibCheck: true,
      noEmit: true,
    },
    include: ["**/*.ts"],
  };
  const tsconfigPath = path.join(outDir, BENCH_TSCONFIG);
  writeFileSync(tsconfigPath, `${JSON.stringify(tsconfig, null, 2)}\n`);

  const measurement = await runMeasured({
    nodeArgs: [benchPackageFile("typescript", "bin/tsc"), "-p", tsconfigPath, "--pretty", "false"],
    cwd: outDir,
    stdoutFile: `${logPrefix}.tsc.stdout.txt`,
    stderrFile: `${logPrefix}.tsc.stderr.txt`,
    timeFile: `${logPrefix}.tsc.time.txt`,
    timeoutMs: TYPE_CHECK_TIMEOUT_MS,
  });
  const errorLines = readFileSync(`${logPrefix}.tsc.stdout.txt`, "utf8")
    .split("\n")
    .filter((line) => /error TS\d+:/.test(line));
  // tsc exits 0 (clean) or 2 (errors reported); anything else means it did not finish its job.
  const completed = !measurement.timedOut && (measurement.exitCode === 0 || measurement.exitCode === 2);
  let firstProblem = errorLines[0] === undefined ? undefined : shortenPaths(errorLines[0], outDir);
  if (measurement.timedOut) firstProblem = `timed out after ${TYPE_CHECK_TIMEOUT_MS / 1000} s`;
  else if (!completed) firstProblem = `tsc exit ${measurement.exitCode ?? measurement.signal}`;
  return {
    completed,
    wallSeconds: measurement.wallSeconds,
    peakRssKb: measurement.peakRssKb,
    errorCount: errorLines.length,
    firstProblem,
  };
}

export type BundleResult = { kind: "bundled"; minifiedBytes: number; gzipBytes: number; exportName: string; note: string | undefined } | { kind: "n/a"; reason: string };

/** The minimal surface of esbuild's JS API used here (esbuild lives in .bench/, outside the workspace's types). */
interface Esbuild {
  build(options: {
    stdin: { contents: string; resolveDir: string; sourcefile: string; loader: "ts" };
    bundle: true;
    minify: true;
    format: "esm";
    platform: "neutral";
    write: false;
    logLevel: "silent";
  }): Promise<{ outputFiles: { contents: Uint8Array }[] }>;
}

function loadEsbuild(): Esbuild {
  const requireFromBench = createRequire(path.join(BENCH_DIR, "package.json"));
  return requireFromBench("esbuild") as Esbuild;
}

/**
 * Bundles `export { <list operation> } from "<entry>"` (minified ESM, platform neutral) and gzips it (level 9):
 * what an app that calls only this operation ships.
 */
export async function bundleListOperation(entry: ListOperationEntry, outDir: string): Promise<BundleResult> {
  if (entry.kind === "n/a") return entry;
  try {
    const result = await loadEsbuild().build({
      stdin: {
        contents: `export { ${entry.exportName} } from ${JSON.stringify(entry.file)};\n`,
        resolveDir: outDir,
        sourcefile: "bench-entry.ts",
        loader: "ts",
      },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "neutral",
      write: false,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]?.contents ?? new Uint8Array();
    return {
      kind: "bundled",
      minifiedBytes: code.byteLength,
      gzipBytes: gzipSync(code, { level: 9 }).byteLength,
      exportName: entry.exportName,
      note: entry.note,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // esbuild's message: "Build failed with 1 error:\n<file>:<line>:<col>: ERROR: <what>"
    const firstError = message.split("\n").find((line) => line.includes("ERROR:")) ?? message.split("\n")[0] ?? "";
    return { kind: "n/a", reason: `esbuild: ${shortenPaths(firstError.replace(/^.*ERROR: /, ""), outDir)}` };
  }
}

/** Error messages name files relative to the output folder: the folder itself is in the log path already. */
function shortenPaths(text: string, outDir: string): string {
  return text.split(`${outDir}/`).join("").split(outDir).join(".");
}
