/**
 * Where `tsc --noEmit` spends its time on our output, against openapi-typescript's types alone: the floor any
 * generator with one typed function per operation pays, whatever the types inside look like.
 *
 *   npx -y pnpm@12.4.2 tsx scripts/tsc-floor.ts [--spec github|stripe|phone] [--runs N]
 *
 * It generates the spec with our CLI and with openapi-typescript (the pinned copy the benchmark installs), derives
 * variants of our output, and type-checks each with the benchmark's own tsconfig, interleaved, N rounds:
 *
 * - `ours`: the output as generated.
 * - `ours, runtime as .d.ts`: the runtime's declarations instead of its sources (what `skipLibCheck` skips).
 * - `ours, operation types erased`: every operation file keeps its JSDoc, imports and exported names, but each type
 *   alias is `unknown`, the endpoint is only declared and the function body is `throw`: no type is resolved.
 * - `floor`: both of the above; what remains is one exported function per operation, its docs and the package's
 *   index, client and facade.
 *
 * Each variant must type-check without errors, or the script stops: a broken variant would measure nothing.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { typeCheckOutput, type TypeCheckResult } from "./bench/checks.js";
import { ensurePinnedPackagesInstalled } from "./bench/install.js";
import { BENCH_DIR, benchPackageFile } from "./bench/paths.js";
import { median } from "./bench/results.js";
import { SPEC_IDS, SPECS, type SpecId } from "./bench/specs.js";
import { TOOLS, type BenchTool } from "./bench/tools.js";

const FLOOR_DIR = path.join(BENCH_DIR, "tsc-floor");

interface Variant {
  readonly name: string;
  readonly directory: string;
  readonly tool: BenchTool;
}

function parseArguments(argv: readonly string[]): { spec: SpecId; runs: number } {
  let spec: SpecId = "stripe";
  let runs = 3;
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    const value = argv[index + 1] ?? "";
    if (flag === "--") continue;
    if (flag === "--spec" && (SPEC_IDS as readonly string[]).includes(value)) spec = value as SpecId;
    else if (flag === "--runs" && Number.isInteger(Number(value)) && Number(value) > 0) runs = Number(value);
    else throw new Error(`usage: tsx scripts/tsc-floor.ts [--spec ${SPEC_IDS.join("|")}] [--runs N] (got ${flag} ${value})`);
    index++;
  }
  return { spec, runs };
}

function generate(tool: BenchTool, specFile: string, directory: string): void {
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  const result = spawnSync(process.execPath, tool.nodeArgs(specFile, directory), { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${tool.label} failed on ${specFile}:\n${result.stderr}`);
}

/** One operation file with every type erased to `unknown`, the endpoint declared, and the body a `throw`. */
function eraseOperationTypes(source: string): string {
  return source
    .replace(/^type Operation = .*\n/m, "")
    .replace(/^export type (\w+) =[\s\S]*?;\n(?=\n|$)/gm, "export type $1 = unknown;\n")
    .replace(/Operation\[[^,)\n]*\]/g, "unknown")
    .replace(/^const endpoint: Endpoint = \{[\s\S]*?^\};\n/m, "declare const endpoint: Endpoint;\n")
    .replace(/^(export function [\s\S]*?\) *: [\s\S]*?\{\n)[\s\S]*?^\}\n/gm, "$1  throw new Error(String(endpoint));\n}\n");
}

function eraseOperations(directory: string): void {
  const operations = path.join(directory, "src/operations");
  for (const file of readdirSync(operations)) {
    const target = path.join(operations, file);
    writeFileSync(target, eraseOperationTypes(readFileSync(target, "utf8")));
  }
}

/** Replaces the runtime's sources by the declarations tsc emits for them. */
function runtimeAsDeclarations(directory: string): void {
  const runtime = path.join(directory, "src/runtime");
  const declarations = path.join(directory, "runtime-declarations");
  const sources = readdirSync(runtime).filter((file) => file.endsWith(".ts"));
  const tsc = spawnSync(
    process.execPath,
    [
      benchPackageFile("typescript", "bin/tsc"),
      "--declaration",
      "--emitDeclarationOnly",
      "--target",
      "es2022",
      "--module",
      "nodenext",
      "--moduleResolution",
      "nodenext",
      "--lib",
      "es2022,dom,dom.iterable",
      "--strict",
      "--skipLibCheck",
      "--outDir",
      declarations,
      ...sources.map((file) => path.join(runtime, file)),
    ],
    { encoding: "utf8" },
  );
  if (tsc.status !== 0) throw new Error(`could not emit the runtime's declarations:\n${tsc.stdout}`);
  for (const file of sources) rmSync(path.join(runtime, file));
  cpSync(declarations, runtime, { recursive: true });
  rmSync(declarations, { recursive: true });
}

function prepareVariants(spec: SpecId): Variant[] {
  const specFile = SPECS[spec].file;
  const base = path.join(FLOOR_DIR, spec);
  const types = path.join(base, "types");
  const ours = path.join(base, "ours");
  generate(TOOLS["openapi-typescript"], specFile, types);
  generate(TOOLS.ours, specFile, ours);
  const derive = (name: string, ...steps: ((directory: string) => void)[]): Variant => {
    const directory = path.join(base, name.replace(/\W+/g, "-").replace(/^-|-$/g, ""));
    rmSync(directory, { recursive: true, force: true });
    cpSync(ours, directory, { recursive: true });
    for (const step of steps) step(directory);
    return { name, directory, tool: TOOLS.ours };
  };
  return [
    { name: "openapi-typescript types alone", directory: types, tool: TOOLS["openapi-typescript"] },
    { name: "ours", directory: ours, tool: TOOLS.ours },
    derive("ours, runtime as .d.ts", runtimeAsDeclarations),
    derive("ours, operation types erased", eraseOperations),
    derive("floor (both)", runtimeAsDeclarations, eraseOperations),
  ];
}

async function main(): Promise<void> {
  const { spec, runs } = parseArguments(process.argv.slice(2));
  ensurePinnedPackagesInstalled();
  const variants = prepareVariants(spec);
  const seconds = new Map<string, number[]>(variants.map((variant) => [variant.name, []]));
  for (let round = 0; round < runs; round++) {
    // Rotate the order each round, so no variant always runs right after the heaviest one.
    for (const variant of [...variants.slice(round % variants.length), ...variants.slice(0, round % variants.length)]) {
      const result: TypeCheckResult = await typeCheckOutput(variant.tool, variant.directory, path.join(variant.directory, `round-${round + 1}`));
      if (!result.completed || result.errorCount > 0) throw new Error(`${variant.name} does not type-check: ${result.firstProblem ?? "tsc did not complete"}`);
      seconds.get(variant.name)?.push(result.wallSeconds);
    }
  }
  const baseline = median(seconds.get(variants[0]?.name ?? "") ?? []) ?? 1;
  console.log(`tsc --noEmit on ${SPECS[spec].title}, ${runs} interleaved rounds (wall clock of the tsc process)\n`);
  console.log(`${"variant".padEnd(34)} ${"median".padStart(8)} ${"min–max".padStart(14)} ${"ratio".padStart(7)}`);
  for (const variant of variants) {
    const times = seconds.get(variant.name) ?? [];
    const range = `${Math.min(...times).toFixed(2)}–${Math.max(...times).toFixed(2)} s`;
    const middle = median(times) ?? Number.NaN;
    console.log(`${variant.name.padEnd(34)} ${`${middle.toFixed(2)} s`.padStart(8)} ${range.padStart(14)} ${(middle / baseline).toFixed(2).padStart(7)}`);
  }
}

await main();
