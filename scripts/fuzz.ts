/**
 * The long property run: `pnpm fuzz -- --runs 500 --seed 7`.
 *
 * Samples random (and deliberately odd or broken) OpenAPI 3.0/3.1 documents from the arbitraries the property test
 * uses, checks them in batches (each batch's outputs type-checked as one program), then shrinks one failing case per
 * kind of failure, first with fast-check's shrinker and then by deleting whatever else the failure does not need, and
 * writes each minimised document to `.corpus/fuzz-failures/`. Exit code 1 when anything failed.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import fc from "fast-check";
import { fuzzCaseArbitrary, serialise, type FuzzCase, type OpenApiVersion } from "../packages/codegen/test/support/arbitraries.js";
import { minimiseJson } from "../packages/codegen/test/support/minimise.js";
import { checkCases, failureSignature, failureSummary, isFailure, type Verdict } from "../packages/codegen/test/support/property-check.js";
import { repoRoot } from "../packages/codegen/test/support/paths.js";
import { STRICTEST } from "../packages/codegen/test/support/typecheck.js";

const USAGE = `Usage: pnpm fuzz -- [--runs N] [--seed N] [--batch N] [--version 3.0|3.1] [--broken-share 0..1]
                     [--replay INDEX] [--shrink-seconds S] [--shrink-all] [--no-shrink] [--out DIR]
       pnpm fuzz -- --files DIR_OR_FILE[,…]   (check saved specs, e.g. the repros, and print each verdict)

  --runs N            documents to check (default 200)
  --seed N            fast-check seed (default: random, printed)
  --batch N           documents type-checked per TypeScript program (default 25)
  --version V         only 3.0 or only 3.1 documents (default both)
  --broken-share F    share of deliberately broken documents (default 0.2)
  --replay INDEX      check only the document at INDEX of this seed's sequence (then shrink it if it fails)
  --shrink-seconds S  time limit per failure for shrinking and minimising (default 240)
  --shrink-all        shrink every failing document, not one per kind of failure
  --no-shrink         report failures without shrinking
  --out DIR           where minimised documents go (default .corpus/fuzz-failures)
  --files PATHS       check these spec files (or every .yaml/.json in these folders) instead of random documents`;

interface Options {
  readonly runs: number;
  readonly seed: number;
  readonly batch: number;
  readonly version: OpenApiVersion | undefined;
  readonly brokenShare: number;
  readonly replay: number | undefined;
  readonly shrinkSeconds: number;
  readonly shrinkAll: boolean;
  readonly shrink: boolean;
  readonly out: string;
  readonly files: readonly string[] | undefined;
}

function parseOptions(argv: readonly string[]): Options | "help" {
  const { values } = parseArgs({
    args: argv.filter((argument) => argument !== "--"),
    strict: true,
    options: {
      runs: { type: "string" },
      seed: { type: "string" },
      batch: { type: "string" },
      version: { type: "string" },
      "broken-share": { type: "string" },
      replay: { type: "string" },
      "shrink-seconds": { type: "string" },
      "shrink-all": { type: "boolean" },
      "no-shrink": { type: "boolean" },
      out: { type: "string" },
      files: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help === true) return "help";
  const integer = (flag: string, text: string | undefined, fallback: number, min = 1) => {
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < min) throw new Error(`${flag} must be an integer ≥ ${min}, got "${text}"`);
    return value;
  };
  if (values.version !== undefined && values.version !== "3.0" && values.version !== "3.1") throw new Error(`--version must be 3.0 or 3.1, got "${values.version}"`);
  const brokenShare = Number(values["broken-share"] ?? "0.2");
  if (!(brokenShare >= 0 && brokenShare <= 1)) throw new Error("--broken-share must be between 0 and 1");
  return {
    runs: integer("--runs", values.runs, 200),
    seed: integer("--seed", values.seed, Math.floor(Math.random() * 2 ** 31), -(2 ** 31)),
    batch: integer("--batch", values.batch, 25),
    version: values.version,
    brokenShare,
    replay: values.replay === undefined ? undefined : integer("--replay", values.replay, 0, 0),
    shrinkSeconds: integer("--shrink-seconds", values["shrink-seconds"], 240),
    shrinkAll: values["shrink-all"] === true,
    shrink: values["no-shrink"] !== true,
    out: values.out ?? join(repoRoot, ".corpus", "fuzz-failures"),
    files: values.files?.split(",").filter((path) => path !== ""),
  };
}

interface Failure {
  readonly index: number;
  readonly fuzzCase: FuzzCase;
  readonly verdict: Verdict;
  readonly signature: string;
}

/** One case alone; the DOM library's own declarations are skipped (the output has no `.d.ts` files), for speed. */
async function checkOne(fuzzCase: FuzzCase): Promise<Verdict> {
  const { verdicts } = await checkCases([fuzzCase], { compilerOptions: { ...STRICTEST, skipLibCheck: true } });
  const [verdict] = verdicts;
  if (verdict === undefined) throw new Error("no verdict");
  return verdict;
}

async function main(): Promise<number> {
  const parsed = parseOptions(process.argv.slice(2));
  if (parsed === "help") {
    console.log(USAGE);
    return 0;
  }
  const options = parsed;
  if (options.files !== undefined) return checkFiles(options.files);
  const arbitrary = fuzzCaseArbitrary({ brokenShare: options.brokenShare, ...(options.version === undefined ? {} : { version: options.version }) });
  const total = options.replay === undefined ? options.runs : options.replay + 1;
  const sampled = fc.sample(arbitrary, { seed: options.seed, numRuns: total });
  const indices = options.replay === undefined ? sampled.map((_, index) => index) : [options.replay];
  console.log(`fuzz: seed ${options.seed}, ${indices.length} document(s), batches of ${options.batch}`);

  const started = performance.now();
  const failures: Failure[] = [];
  const counts = new Map<string, number>();
  for (let start = 0; start < indices.length; start += options.batch) {
    const batch = indices.slice(start, start + options.batch);
    const batchStart = performance.now();
    const { verdicts } = await checkCases(batch.map((index) => sampled[index] as FuzzCase));
    verdicts.forEach((verdict, position) => {
      const index = batch[position] ?? 0;
      const fuzzCase = sampled[index] as FuzzCase;
      const key = verdict.kind === "rejected" ? (fuzzCase.broken === undefined ? "rejected (valid document)" : "rejected (broken document)") : verdict.kind;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const signature = failureSignature(verdict);
      if (isFailure(verdict) && signature !== undefined) {
        failures.push({ index, fuzzCase, verdict, signature });
        console.log(`  #${index} FAIL ${failureSummary(verdict).split("\n")[0]}`);
      } else if (verdict.kind === "rejected" && fuzzCase.broken === undefined) {
        console.log(`  #${index} note: a generated document without deliberate breakage was rejected: ${failureSummary(verdict).split("\n")[0]}`);
      } else if (verdict.kind !== "rejected" && fuzzCase.broken !== undefined) {
        console.log(`  #${index} note: broken on purpose (${fuzzCase.broken}) yet generated fine`);
      }
    });
    console.log(`batch ${start / options.batch + 1}/${Math.ceil(indices.length / options.batch)}: ${batch.length} documents in ${seconds(performance.now() - batchStart)}`);
  }
  console.log(`\nchecked ${indices.length} documents in ${seconds(performance.now() - started)}: ${[...counts].map(([kind, count]) => `${count} ${kind}`).join(", ")}`);
  if (failures.length === 0) {
    console.log("no failures");
    return 0;
  }

  const bySignature = new Map<string, Failure[]>();
  for (const failure of failures) bySignature.set(failure.signature, [...(bySignature.get(failure.signature) ?? []), failure]);
  console.log(`\n${failures.length} failure(s) of ${bySignature.size} kind(s):`);
  for (const [signature, group] of bySignature) console.log(`  ${group.length} × ${signature}   (runs ${group.map((failure) => failure.index).join(", ")})`);
  if (!options.shrink) return 1;

  await mkdir(options.out, { recursive: true });
  for (const [signature, group] of bySignature) {
    for (const failure of options.shrinkAll ? group : group.slice(0, 1)) {
      console.log(`\nshrinking run #${failure.index} (${signature})`);
      const written = await shrinkAndWrite(failure, arbitrary, options);
      console.log(`  → ${relative(process.cwd(), written)}`);
    }
  }
  return 1;
}

async function shrinkAndWrite(failure: Failure, arbitrary: fc.Arbitrary<FuzzCase>, options: Options): Promise<string> {
  const deadline = performance.now() + options.shrinkSeconds * 1000;
  const sameFailure = async (fuzzCase: FuzzCase) => failureSignature(await checkOne(fuzzCase)) === failure.signature;

  // 1. fast-check's shrinker, within the arbitrary's structure, replaying this seed's run.
  let evaluations = 0;
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (fuzzCase) => {
      evaluations++;
      return !(await sameFailure(fuzzCase));
    }),
    { seed: options.seed, path: String(failure.index), numRuns: failure.index + 1, interruptAfterTimeLimit: Math.max(1000, (deadline - performance.now()) / 2) },
  );
  let shrunk = details.failed && details.counterexample !== null ? details.counterexample[0] : failure.fuzzCase;
  console.log(`  fast-check: ${details.numShrinks} shrink(s) in ${evaluations} evaluation(s)${details.interrupted ? " (time limit)" : ""}`);

  // 2. Delete whatever else the failure does not need.
  if (shrunk.document !== undefined) {
    const base = shrunk;
    const minimised = await minimiseJson(base.document, (document) => sameFailure({ ...base, document }), { deadline });
    shrunk = { ...base, document: minimised };
    console.log(`  minimised: ${serialise(base.document, "json").length} → ${serialise(minimised, "json").length} characters of JSON`);
  }

  // 3. Write it as YAML when YAML still reproduces it (easier to read), else in the case's own format; re-check.
  let format = shrunk.format;
  if (shrunk.document !== undefined && shrunk.format === "json" && (await sameFailure({ ...shrunk, format: "yaml" }))) format = "yaml";
  const final: FuzzCase = { ...shrunk, format };
  const verdict = await checkOne(final);
  const name = `${slug(failure.signature)}-seed${options.seed}-run${failure.index}`;
  const file = join(options.out, `${name}.${format}`);
  const text = final.text ?? serialise(final.document, format);
  const reproduces = failureSignature(verdict) === failure.signature;
  await writeFile(file, format === "yaml" ? `${comment(failure, verdict, options, reproduces)}${text}` : text);
  await writeFile(
    join(options.out, `${name}.txt`),
    `${comment(failure, verdict, options, reproduces).replace(/^# ?/gm, "")}\nThe original (unshrunk) failure:\n${JSON.stringify(failure.verdict, null, 2)}\n`,
  );
  console.log(`  minimised failure: ${failureSummary(verdict).split("\n").slice(0, 4).join("\n    ")}`);
  return file;
}

/** `--files`: each saved spec through the same check, one verdict per file; exit 1 when any fails. */
async function checkFiles(paths: readonly string[]): Promise<number> {
  const files = paths.flatMap((path) =>
    statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => /\.(ya?ml|json)$/i.test(name))
          .sort()
          .map((name) => join(path, name))
      : [path],
  );
  const cases = files.map((file): FuzzCase => ({ version: "3.1", format: /\.json$/i.test(file) ? "json" : "yaml", broken: undefined, document: undefined, text: readFileSync(file, "utf8") }));
  const { verdicts } = await checkCases(cases);
  verdicts.forEach((verdict, index) =>
    console.log(`${isFailure(verdict) ? "FAIL" : "pass"}  ${relative(process.cwd(), files[index] ?? "")}\n      ${failureSummary(verdict).split("\n").slice(0, 6).join("\n      ")}`),
  );
  const failed = verdicts.filter(isFailure).length;
  console.log(`\n${files.length} file(s): ${failed} failing, ${files.length - failed} passing`);
  return failed === 0 ? 0 : 1;
}

function comment(failure: Failure, verdict: Verdict, options: Options, reproduces: boolean): string {
  const lines = [
    `failure: ${failure.signature}`,
    `found by: pnpm fuzz -- --seed ${options.seed} --replay ${failure.index}${options.version === undefined ? "" : ` --version ${options.version}`}${options.brokenShare === 0.2 ? "" : ` --broken-share ${options.brokenShare}`}`,
    `original breakage: ${failure.fuzzCase.broken ?? "none (a valid document)"}`,
    `minimised document ${reproduces ? "reproduces it" : "NO LONGER reproduces it (the generator changed?)"}:`,
    ...failureSummary(verdict)
      .split("\n")
      .slice(0, 12)
      .map((line) => `  ${line}`),
  ];
  return `${lines.map((line) => `# ${line}`).join("\n")}\n`;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
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
