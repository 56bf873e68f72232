/**
 * One corpus document through the generator, in a worker process of `scripts/corpus.ts`: generate, write the output
 * to a temporary folder, type-check its `src/**\/*.ts` as its own program under STRICTEST, and classify the result.
 * Run as a child process (forked by the corpus script), it answers one `{ file }` message at a time over IPC.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { generate } from "../../packages/codegen/src/index.js";
import { temporaryDirectory, writeFiles } from "../../packages/codegen/test/support/paths.js";
import { typecheckProgram, verdictOfError, withUnhandledCheck } from "../../packages/codegen/test/support/property-check.js";

export type Category = "ok" | "clear error" | "internal error" | "crash" | "type errors" | "timeout" | "skipped (Swagger 2.0)";

export interface SpecResult {
  readonly name: string;
  readonly file: string;
  readonly category: Category;
  /** The CodegenError's message, the crash's stack, or the first diagnostics. */
  readonly detail?: string;
  readonly diagnostics?: number;
  readonly operations?: number;
  readonly files?: number;
  readonly generateMs?: number;
  readonly typecheckMs?: number;
}

export async function checkSpec(name: string, file: string): Promise<SpecResult> {
  const generateStart = performance.now();
  let result: Awaited<ReturnType<typeof generate>>;
  try {
    result = await withUnhandledCheck(() => generate({ input: file }));
  } catch (error) {
    const generateMs = Math.round(performance.now() - generateStart);
    // The property test's judgement: a CodegenError from a stage that reads the spec is the spec's fault.
    const verdict = verdictOfError(error);
    if (verdict.kind === "rejected" || verdict.kind === "internal") {
      return { name, file, category: verdict.kind === "rejected" ? "clear error" : "internal error", detail: `[${verdict.stage}] ${verdict.message}`, generateMs };
    }
    return { name, file, category: "crash", detail: verdict.kind === "crash" ? verdict.error : String(error), generateMs };
  }
  const generateMs = Math.round(performance.now() - generateStart);
  const directory = await temporaryDirectory("codegen-corpus-");
  try {
    await writeFiles(directory, result.files);
    const sources = result.files.filter((output) => output.path.startsWith("src/") && output.path.endsWith(".ts")).map((output) => join(directory, output.path));
    const typecheckStart = performance.now();
    const diagnostics = typecheckProgram(sources).map(({ text }) => text.replace(`${directory}/`, ""));
    const typecheckMs = Math.round(performance.now() - typecheckStart);
    const facts = { operations: result.model.operations.length, files: result.files.length, generateMs, typecheckMs };
    if (diagnostics.length === 0) return { name, file, category: "ok", ...facts };
    return { name, file, category: "type errors", detail: diagnostics.slice(0, 5).join("\n"), diagnostics: diagnostics.length, ...facts };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

// As a forked worker: one document per message.
if (process.send !== undefined && process.argv.includes("--corpus-worker")) {
  process.on("message", (message: { name: string; file: string }) => {
    checkSpec(message.name, message.file).then(
      (result) => process.send?.(result),
      (error: unknown) => process.send?.({ name: message.name, file: message.file, category: "crash", detail: `worker: ${error instanceof Error ? error.stack : String(error)}` } satisfies SpecResult),
    );
  });
}
