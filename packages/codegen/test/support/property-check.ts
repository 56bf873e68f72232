/**
 * The generator's central property, checked for a batch of documents at once: for every document, `generate()`
 * either throws `CodegenError`, or returns a package whose `src/**\/*.ts` type-checks under {@link STRICTEST} with
 * zero diagnostics. Every output of a batch is type-checked in ONE TypeScript program (the DOM and ES libraries are
 * then checked once, not once per document), and diagnostics are attributed back to documents by folder.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join, sep } from "node:path";
import ts from "typescript";
import { generate, isCodegenError, type CodegenError, type GeneratedFile } from "../../src/index.js";
import { caseSource, type FuzzCase } from "./arbitraries.js";
import { temporaryDirectory, writeFiles } from "./paths.js";
import { diagnose, STRICTEST } from "./typecheck.js";

/**
 * - `rejected`: a `CodegenError` from a stage that judges the input (load, validate, model, config);
 * - `internal`: a `CodegenError` from a stage after the model (emit, format, write), which only fails on our own bugs
 *   (the format stage says so: "generated code does not parse … this is a bug in diga-codegen"); a failure;
 * - `crash`: any other exception; a failure;
 * - `type-errors`: the output does not type-check; a failure.
 */
export type Verdict =
  | { readonly kind: "rejected"; readonly stage: string; readonly message: string }
  | { readonly kind: "ok" }
  | { readonly kind: "internal"; readonly stage: string; readonly message: string }
  | { readonly kind: "crash"; readonly error: string }
  | { readonly kind: "type-errors"; readonly diagnostics: readonly string[] };

/** Stages whose `CodegenError` means the input is at fault. */
const INPUT_STAGES: ReadonlySet<string> = new Set(["config", "load", "validate", "model"]);

export interface CheckOptions {
  readonly compilerOptions?: ts.CompilerOptions;
  /** Changes a case's output before it is type-checked; the controls use it to prove a broken file is caught. */
  readonly tamper?: (index: number, files: readonly GeneratedFile[]) => readonly GeneratedFile[];
  /** Stands in for `generate()`; the controls use it to prove a stray exception is caught. */
  readonly generateFiles?: (input: string, text: string) => Promise<readonly GeneratedFile[]>;
}

export interface BatchResult {
  readonly verdicts: readonly Verdict[];
}

export function isFailure(verdict: Verdict): boolean {
  return verdict.kind === "crash" || verdict.kind === "type-errors" || verdict.kind === "internal";
}

const defaultGenerate = async (input: string, text: string): Promise<readonly GeneratedFile[]> => (await generate({ input, read: async () => text })).files;

/** Generates every case, type-checks all outputs in one program, and returns one verdict per case. */
export async function checkCases(cases: readonly FuzzCase[], options: CheckOptions = {}): Promise<BatchResult> {
  const root = await temporaryDirectory("codegen-property-");
  await writeFile(join(root, "package.json"), '{ "type": "module", "private": true }\n');
  const generateFiles = options.generateFiles ?? defaultGenerate;
  const verdicts: (Verdict | undefined)[] = [];
  const sources: string[] = [];
  for (const [index, fuzzCase] of cases.entries()) {
    const { input, text } = caseSource(fuzzCase);
    try {
      const generated = await withUnhandledCheck(() => generateFiles(input, text));
      const files = options.tamper === undefined ? generated : options.tamper(index, generated);
      const directory = caseDirectory(root, index);
      await mkdir(directory, { recursive: true });
      await writeFiles(directory, files);
      const own = files.filter((file) => file.path.startsWith("src/") && file.path.endsWith(".ts")).map((file) => join(directory, file.path));
      if (own.length === 0) verdicts.push({ kind: "type-errors", diagnostics: ["the output has no src/**/*.ts file"] });
      else verdicts.push(undefined);
      sources.push(...own);
    } catch (error) {
      verdicts.push(verdictOfError(error));
    }
  }
  const diagnostics = sources.length === 0 ? [] : typecheckProgram(sources, options.compilerOptions ?? STRICTEST);
  const byCase = new Map<number, string[]>();
  const unattributed: string[] = [];
  for (const { file, text } of diagnostics) {
    const index = file === undefined ? undefined : caseIndexOf(root, file);
    if (index === undefined) unattributed.push(text);
    else byCase.set(index, [...(byCase.get(index) ?? []), text]);
  }
  const result = verdicts.map((verdict, index): Verdict => {
    if (verdict !== undefined) return verdict;
    const found = [...(byCase.get(index) ?? []), ...unattributed];
    return found.length === 0 ? { kind: "ok" } : { kind: "type-errors", diagnostics: found.map((line) => line.replace(`${caseDirectory(root, index)}${sep}`, "")) };
  });
  await rm(root, { recursive: true, force: true });
  return { verdicts: result };
}

class UnhandledRejection extends Error {}

/**
 * Runs `run`, then lets pending events fire; throws if a promise was left rejected without a handler meanwhile. Such
 * a promise kills a real process (Node's default is to throw); here it makes the run a crash (see `verdictOfError`).
 */
export async function withUnhandledCheck<T>(run: () => Promise<T>): Promise<T> {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on("unhandledRejection", onUnhandled);
  let result: { value: T } | { error: unknown };
  try {
    result = { value: await run() };
  } catch (error) {
    result = { error };
  }
  await new Promise((resolve) => setTimeout(resolve, 0));
  process.off("unhandledRejection", onUnhandled);
  const [reason] = unhandled;
  if (reason !== undefined) {
    const detail = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
    throw new UnhandledRejection(`unhandled promise rejection (kills a Node process): ${detail}`);
  }
  if ("error" in result) throw result.error;
  return result.value;
}

/** `isGeneratorError`: the build's own check, for errors thrown by the built generator (`dist/`) rather than `src/`. */
export function verdictOfError(error: unknown, isGeneratorError: (error: unknown) => error is CodegenError = isCodegenError): Verdict {
  if (error instanceof UnhandledRejection) return { kind: "crash", error: error.message };
  if (isGeneratorError(error)) {
    // A CodegenError must say what is wrong: at least one problem with a message.
    if (error.problems.length === 0 || error.problems.some((problem) => problem.message.trim() === "")) {
      return { kind: "crash", error: `CodegenError without a usable problem: ${JSON.stringify(error.problems)}` };
    }
    return INPUT_STAGES.has(error.stage) ? { kind: "rejected", stage: error.stage, message: error.message } : { kind: "internal", stage: error.stage, message: error.message };
  }
  return { kind: "crash", error: error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : `non-Error thrown: ${String(error)}` };
}

function caseDirectory(root: string, index: number): string {
  return join(root, `case-${index}`);
}

function caseIndexOf(root: string, file: string): number | undefined {
  const normalised = file.split("/").join(sep);
  if (!normalised.startsWith(`${root}${sep}case-`)) return undefined;
  const index = Number.parseInt(normalised.slice(root.length + 6), 10);
  return Number.isInteger(index) ? index : undefined;
}

/** One program over `rootNames`; every pre-emit diagnostic as `file:line:column: TSxxxx message`. */
export function typecheckProgram(rootNames: readonly string[], options: ts.CompilerOptions = STRICTEST): { readonly file: string | undefined; readonly text: string }[] {
  return diagnose(rootNames, options).map(({ file, line, column, code, message }) => ({
    file,
    text: file === undefined ? `TS${code} ${message}` : `${file}:${line}:${column}: TS${code} ${message}`,
  }));
}

/** A one-line summary of a failing verdict, for messages and for grouping identical failures. */
export function failureSummary(verdict: Verdict): string {
  switch (verdict.kind) {
    case "crash":
      return `crash: ${verdict.error.split("\n")[0] ?? ""}`;
    case "type-errors":
      return `type errors: ${verdict.diagnostics[0] ?? ""}${verdict.diagnostics.length > 1 ? ` (+${verdict.diagnostics.length - 1} more)` : ""}`;
    case "rejected":
      return `rejected (${verdict.stage}): ${verdict.message.split("\n")[0] ?? ""}`;
    case "internal":
      return `internal error (${verdict.stage}): ${verdict.message.split("\n")[0] ?? ""}`;
    case "ok":
      return "ok";
  }
}

/**
 * What kind of failure a verdict is, stable under shrinking: the TypeScript error code and the kind of file for type
 * errors, the error's first line with names and numbers blanked for crashes and internal errors. Shrinking keeps a
 * case only while its signature stays the same, so it never slides from one bug into another.
 */
export function failureSignature(verdict: Verdict): string | undefined {
  const blank = (text: string) =>
    text
      .replace(/(["'`])(?:(?!\1).)*\1/g, "…")
      .replace(/src\/operations\/[^\s:]+/g, "src/operations/*")
      .replace(/\(\d+:\d+\)/g, "")
      .replace(/\d+/g, "N")
      .trim();
  switch (verdict.kind) {
    case "crash":
      return `crash: ${blank(verdict.error.split("\n")[0] ?? "")}`;
    case "internal":
      return `internal: ${blank(verdict.message.split("\n")[0] ?? "")}`;
    case "type-errors": {
      const first = verdict.diagnostics[0] ?? "";
      const code = /\bTS\d+\b/.exec(first)?.[0] ?? "no code";
      const file = first.split(":")[0] ?? "";
      return `type-errors: ${code} in ${file.replace(/^src\/operations\/.*/, "src/operations/*")}`;
    }
    default:
      return undefined;
  }
}
