import { relative } from "node:path";
import { generatorFingerprint } from "../fingerprint.js";
import { formatProblem } from "../errors.js";
import { generate, outputOptionsOf, type StageTimings } from "../generate.js";
import { freshSources, recordGeneration } from "../write/freshness.js";
import { ensureWritable, hasChanges, planWrite, writeOutput, type WritePlan } from "../write/write-output.js";
import type { ClientConfig } from "./config.js";
import type { Io, Reporter } from "./reporter.js";

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

export interface JobFlags {
  readonly check: boolean;
  readonly force: boolean;
  /** Warnings are errors: the spec is refused for anything we would otherwise assume. */
  readonly strict: boolean;
}

export interface JobOutcome {
  readonly code: number;
  /** The files the spec was read from, when known (watch mode watches them). */
  readonly sources: readonly string[];
}

/** One spec → one package: generate (or prove the output fresh), then write or, with `--check`, compare. */
export async function runJob(job: ClientConfig, flags: JobFlags, io: Io, reporter: Reporter): Promise<JobOutcome> {
  const start = performance.now();
  const shown = displayPath(io.cwd);
  const options = {
    input: shown(job.input),
    output: shown(job.output),
    cwd: io.cwd,
    allowRemoteRefs: job.allowRemoteRefs === true,
    strict: flags.strict,
    onProgress: (done: number, total: number) => reporter.progress("operations", done, total),
    ...(job.packageName === undefined ? {} : { packageName: job.packageName }),
    ...(job.packageVersion === undefined ? {} : { packageVersion: job.packageVersion }),
    ...(job.format === undefined ? {} : { format: job.format }),
    ...(job.plugins === undefined ? {} : { plugins: job.plugins }),
  };
  // An unchanged spec and generator: the manifest's digests prove the output current without generating. Not with
  // --strict: the output being current says nothing about the warnings the spec gave.
  const generator = await generatorFingerprint();
  const fresh = flags.force || flags.strict ? undefined : await freshSources(job.output, job.input, outputOptionsOf(options), generator);
  if (fresh !== undefined) {
    reporter.info(`diga-codegen: ${shown(job.output)} is up to date with ${shown(job.input)} (unchanged since the last generation) in ${elapsed(start)} ms`);
    return { code: EXIT.ok, sources: fresh };
  }
  if (!flags.check) await ensureWritable(job.output);
  const result = await generate(options);
  for (const warning of result.warnings) reporter.warn(`diga-codegen: ${reporter.paint.yellow("warning")}: ${formatProblem({ file: shown(job.input), ...warning })}`);
  const operations = plural(result.model.operations.length, "operation");
  const timings = (write: number) => formatTimings({ ...result.timings, write });
  if (flags.check) {
    const compareStart = performance.now();
    const plan = await planWrite(job.output, result.files);
    const stages = timings(elapsed(compareStart));
    if (!hasChanges(plan)) {
      await recordGeneration(job.output, generator, result.outputsDigest);
      reporter.info(
        `diga-codegen: ${shown(job.output)} is up to date with ${shown(job.input)} (${operations}, ${plural(result.files.length, "file")}) in ${elapsed(start)} ms ${reporter.paint.dim(`(${stages})`)}`,
      );
      return { code: EXIT.ok, sources: result.sources };
    }
    reporter.error(reporter.paint.red(`diga-codegen: ${shown(job.output)} is out of date with ${shown(job.input)}:`));
    for (const line of describePlan(plan)) reporter.error(`  ${line}`);
    reporter.error("run `diga-codegen generate` and commit the result");
    return { code: EXIT.failure, sources: result.sources };
  }
  const writeStart = performance.now();
  const plan = await writeOutput(job.output, result.files);
  await recordGeneration(job.output, generator, result.outputsDigest);
  const stages = timings(elapsed(writeStart));
  const written = plan.created.length + plan.updated.length;
  reporter.info(
    `diga-codegen: ${shown(job.input)} → ${shown(job.output)}: ${operations}, ${plural(result.files.length, "file")} (${written} written, ${plan.unchanged.length} unchanged, ${plan.removed.length} removed) in ${elapsed(start)} ms ${reporter.paint.dim(`(${stages})`)}`,
  );
  for (const line of describePlan(plan)) reporter.detail(`  ${line}`);
  return { code: EXIT.ok, sources: result.sources };
}

/** `load 12 · validate 3 · model 5 · types 900 · operations 40 · write 8 ms`: where the time went, in pipeline order. */
function formatTimings(timings: StageTimings): string {
  const order = ["load", "validate", "model", "types", "operations", "format", "compile", "write"];
  const stages = Object.keys(timings).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return `${stages.map((stage) => `${stage} ${Math.round(timings[stage] ?? 0)}`).join(" · ")} ms`;
}

function describePlan(plan: WritePlan): string[] {
  return [...plan.updated.map((path) => `changed  ${path}`), ...plan.created.map((path) => `missing  ${path}`), ...plan.removed.map((path) => `stale    ${path}`)];
}

/** Relative to where the user stands, unless that means climbing out of it. */
function displayPath(cwd: string): (path: string) => string {
  return (path) => {
    const fromCwd = relative(cwd, path);
    return fromCwd === "" ? "." : fromCwd.startsWith("..") ? path : fromCwd;
  };
}

function elapsed(start: number): number {
  return Math.round(performance.now() - start);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
