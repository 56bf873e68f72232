/**
 * One corpus document through the generator, in a worker process of `scripts/corpus.ts`: generate, write the output
 * to a temporary folder, type-check its `src/**\/*.ts` as its own program under STRICTEST, and classify the result.
 * The same worker also types the document with openapi-typescript alone (`openapiTS()`, as its users call it) and
 * type-checks that one file under the same flags, so "we compile wherever openapi-typescript compiles" is checked
 * document by document. Run as a child process (forked by the corpus script), it answers one `{ file }` message at a
 * time over IPC.
 */
import { createRequire } from "node:module";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { generate } from "../../packages/codegen/src/index.js";
import { repoRoot, temporaryDirectory, writeFiles } from "../../packages/codegen/test/support/paths.js";
import { typecheckProgram, verdictOfError, withUnhandledCheck } from "../../packages/codegen/test/support/property-check.js";

export type Category = "ok" | "clear error" | "internal error" | "crash" | "type errors" | "timeout" | "skipped (Swagger 2.0)";

/** openapi-typescript alone: its types compile, do not compile, or it throws on the document. */
export type PeerOutcome = "compiles" | "type errors" | "refused";

export interface SpecResult {
  readonly name: string;
  readonly file: string;
  readonly category: Category;
  /** The CodegenError's message, the crash's stack, or the first diagnostics. */
  readonly detail?: string;
  readonly diagnostics?: number;
  readonly operations?: number;
  readonly files?: number;
  readonly warnings?: number;
  readonly generateMs?: number;
  readonly typecheckMs?: number;
  /** The worker process's peak resident memory so far, in MiB (an upper bound for this document). */
  readonly peakMiB?: number;
  readonly peer?: PeerOutcome;
  readonly peerDetail?: string;
}

type Facts = Omit<SpecResult, "name" | "file" | "category" | "peer" | "peerDetail">;

async function checkOurs(file: string): Promise<Pick<SpecResult, "category"> & Facts> {
  const generateStart = performance.now();
  let result: Awaited<ReturnType<typeof generate>>;
  try {
    result = await withUnhandledCheck(() => generate({ input: file }));
  } catch (error) {
    const generateMs = Math.round(performance.now() - generateStart);
    // The property test's judgement: a CodegenError from a stage that reads the spec is the spec's fault.
    const verdict = verdictOfError(error);
    if (verdict.kind === "rejected" || verdict.kind === "internal") {
      return { category: verdict.kind === "rejected" ? "clear error" : "internal error", detail: `[${verdict.stage}] ${verdict.message}`, generateMs };
    }
    return { category: "crash", detail: verdict.kind === "crash" ? verdict.error : String(error), generateMs };
  }
  const generateMs = Math.round(performance.now() - generateStart);
  const directory = await temporaryDirectory("codegen-corpus-");
  try {
    await writeFiles(directory, result.files);
    const sources = result.files.filter((output) => output.path.startsWith("src/") && output.path.endsWith(".ts")).map((output) => join(directory, output.path));
    const typecheckStart = performance.now();
    const diagnostics = typecheckProgram(sources).map(({ text }) => text.replace(`${directory}/`, ""));
    const typecheckMs = Math.round(performance.now() - typecheckStart);
    const facts = { operations: result.model.operations.length, files: result.files.length, warnings: result.warnings.length, generateMs, typecheckMs };
    if (diagnostics.length === 0) return { category: "ok", ...facts };
    return { category: "type errors", detail: diagnostics.slice(0, 5).join("\n"), diagnostics: diagnostics.length, ...facts };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

interface OpenapiTypescriptModule {
  readonly default: (source: URL, options: { silent: boolean }) => Promise<unknown>;
  readonly astToString: (nodes: unknown) => string;
}

/** openapi-typescript as its users run it: `openapiTS(url)` (Redocly bundling included), printed, type-checked. */
async function checkPeer(file: string): Promise<Pick<SpecResult, "peer" | "peerDetail">> {
  const require = createRequire(join(repoRoot, "packages", "codegen", "package.json"));
  const ots = (await import(pathToFileURL(require.resolve("openapi-typescript")).href)) as OpenapiTypescriptModule;
  let text: string;
  try {
    text = ots.astToString(await withUnhandledCheck(() => ots.default(pathToFileURL(file), { silent: true })));
  } catch (error) {
    return { peer: "refused", peerDetail: (error instanceof Error ? error.message : String(error)).split("\n")[0]?.slice(0, 300) ?? "" };
  }
  const directory = await temporaryDirectory("codegen-corpus-peer-");
  try {
    await mkdir(directory, { recursive: true });
    await writeFile(join(directory, "package.json"), '{ "type": "module" }\n');
    await writeFile(join(directory, "schema.ts"), text);
    const diagnostics = typecheckProgram([join(directory, "schema.ts")]).map(({ text: line }) => line.replace(`${directory}/`, ""));
    return diagnostics.length === 0 ? { peer: "compiles" } : { peer: "type errors", peerDetail: diagnostics.slice(0, 3).join("\n") };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

export async function checkSpec(name: string, file: string, options: { readonly peer: boolean } = { peer: true }): Promise<SpecResult> {
  const ours = await checkOurs(file);
  const peer = options.peer ? await checkPeer(file) : {};
  return { name, file, ...ours, ...peer, peakMiB: Math.round(process.resourceUsage().maxRSS / 1024) };
}

// As a forked worker: one document per message.
if (process.send !== undefined && process.argv.includes("--corpus-worker")) {
  const peer = !process.argv.includes("--no-peer");
  process.on("message", (message: { name: string; file: string }) => {
    checkSpec(message.name, message.file, { peer }).then(
      (result) => process.send?.(result),
      (error: unknown) => process.send?.({ name: message.name, file: message.file, category: "crash", detail: `worker: ${error instanceof Error ? error.stack : String(error)}` } satisfies SpecResult),
    );
  });
}
