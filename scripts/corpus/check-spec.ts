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
// The built generator, as users run it: its types stage on a worker thread, which the sources under tsx cannot start.
import { generate, isCodegenError } from "../../packages/codegen/dist/index.js";
import { repoRoot, temporaryDirectory, writeFiles } from "../../packages/codegen/test/support/paths.js";
import { typecheckProgram, verdictOfError, withUnhandledCheck } from "../../packages/codegen/test/support/property-check.js";
import { asModule, codeBlocks } from "../../packages/codegen/test/support/readme-examples.js";

export type Category = "ok" | "clear error" | "internal error" | "crash" | "type errors" | "timeout" | "type-check timeout" | "skipped (Swagger 2.0)";

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
  /** CPU seconds the worker process spent generating (all its threads), as the time limit counts them. */
  readonly generateCpuS?: number;
  readonly typecheckMs?: number;
  /** The worker process's peak resident memory so far, in MiB (an upper bound for this document). */
  readonly peakMiB?: number;
  readonly peer?: PeerOutcome;
  readonly peerDetail?: string;
}

type Facts = Omit<SpecResult, "name" | "file" | "category" | "peer" | "peerDetail">;

async function checkOurs(file: string, onGenerated: (facts: Facts) => void): Promise<Pick<SpecResult, "category"> & Facts> {
  const generateStart = performance.now();
  let result: Awaited<ReturnType<typeof generate>> | undefined;
  try {
    result = await withUnhandledCheck(() => generate({ input: file, packageName: EXAMPLE_PACKAGE }));
  } catch (error) {
    const generateMs = Math.round(performance.now() - generateStart);
    // The property test's judgement: a CodegenError from a stage that reads the spec is the spec's fault.
    const verdict = verdictOfError(error, isCodegenError);
    if (verdict.kind === "rejected" || verdict.kind === "internal") {
      return { category: verdict.kind === "rejected" ? "clear error" : "internal error", detail: `[${verdict.stage}] ${verdict.message}`, generateMs };
    }
    return { category: "crash", detail: verdict.kind === "crash" ? verdict.error : String(error), generateMs };
  }
  const generateMs = Math.round(performance.now() - generateStart);
  const counts = { operations: result.model.operations.length, files: result.files.length, warnings: result.warnings.length };
  onGenerated({ ...counts, generateMs, peakMiB: peakMiB() });
  const directory = await temporaryDirectory("codegen-corpus-");
  try {
    await writeFiles(directory, result.files);
    const sources = result.files.filter((output) => output.path.startsWith("src/") && output.path.endsWith(".ts")).map((output) => join(directory, output.path));
    // The README's examples, and the root's declarations when they are a text of their own.
    const extras = [...(await writeReadmeExamples(directory, result.files.find((output) => output.path === "README.md")?.contents ?? "")), ...bundledRoot(directory, result.files)];
    // Written to disk: the heap is tsc's now (Graph beta's output is over a gigabyte of strings).
    result = undefined;
    const typecheckStart = performance.now();
    const parts = typecheckParts(directory, sources, extras);
    // Examples may leave a result unused (TS6133).
    const found: ReturnType<typeof typecheckProgram> = [];
    for (const [index, part] of parts.entries()) {
      if (index > 0) {
        // Each program gets the type-check's time limit: sending the facts again restarts the parent's clock, once
        // the event loop has had a turn to send them (tsc blocks it).
        onGenerated({ ...counts, generateMs, peakMiB: peakMiB() });
        await new Promise((resolve) => setImmediate(resolve));
      }
      found.push(...typecheckProgram(part));
    }
    const diagnostics = found.filter(({ file, text }) => !(file?.includes(`${directory}/readme-example-`) === true && text.includes(": TS6133 "))).map(({ text }) => text.replace(`${directory}/`, ""));
    const typecheckMs = Math.round(performance.now() - typecheckStart);
    const facts = { ...counts, generateMs, typecheckMs };
    const inParts = parts.length === 1 ? undefined : `type-checked in ${parts.length} programs; src/index.ts and src/sdk.ts, which import every operation, left out`;
    if (diagnostics.length === 0) return { category: "ok", ...facts, ...(inParts === undefined ? {} : { detail: inParts }) };
    return { category: "type errors", detail: diagnostics.slice(0, 5).join("\n"), diagnostics: diagnostics.length, ...facts };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/**
 * The programs that type-check a package: one for all of it and the extras (README examples, bundled root), or,
 * for a package too big for tsc's heap (Microsoft Graph beta: 52,700 source files; one program dies at 4 GB), parts
 * as apps import it: the client, `schema.ts` and `models.ts` with everything they reach (every type module) and the
 * extras, then the operations in slices, each with the types it reaches. Only the root index and the facade, which import every
 * operation, stay out; they are the same re-exports that every smaller document checks whole (Graph, 11,422
 * operations, in one program).
 */
function typecheckParts(directory: string, sources: readonly string[], extras: readonly string[]): string[][] {
  if (sources.length <= ONE_PROGRAM_SOURCES) return [[...sources, ...extras]];
  const inSrc = (path: string) => join(directory, "src", path);
  const operations = sources.filter((source) => source.startsWith(inSrc("operations/")));
  const slices = Array.from({ length: Math.ceil(operations.length / OPERATIONS_PER_PART) }, (_, index) => operations.slice(index * OPERATIONS_PER_PART, (index + 1) * OPERATIONS_PER_PART));
  const written = new Set(sources);
  // models.ts is there only when the spec has schemas.
  const entries = ["client.ts", "schema.ts", "models.ts"].map(inSrc).filter((file) => written.has(file));
  return [[...entries, ...extras], ...slices];
}

/**
 * The root's declarations, when the generator wrote them as one file (see compile/root-declarations.ts): a new text
 * no source module checks. A root that re-exports the per-file declarations adds nothing to check but their time.
 */
function bundledRoot(directory: string, files: readonly { readonly path: string; readonly contents: string }[]): string[] {
  const root = files.find((file) => file.path === "dist/index.d.ts");
  return root === undefined || /from "\.\/(?!runtime\/|client\.js")/.test(root.contents) ? [] : [join(directory, root.path)];
}

/** Graph (27,000 source files) checks in one program within 4 GB; Graph beta (52,700) does not. */
const ONE_PROGRAM_SOURCES = 40_000;
/** Graph beta in 10 programs of about 13 s of tsc each (134 s in all), each well under the 4 GB heap. */
const OPERATIONS_PER_PART = 2_500;

const EXAMPLE_PACKAGE = "@example/client";
/** README blocks per document to type-check: Graph's README has 22,000; the first few hundred show every kind. */
const MAX_EXAMPLES = 300;

async function writeReadmeExamples(directory: string, readme: string): Promise<string[]> {
  const blocks = codeBlocks(readme).slice(0, MAX_EXAMPLES);
  return Promise.all(
    blocks.map(async (block, index) => {
      const file = join(directory, `readme-example-${index}.ts`);
      await writeFile(file, asModule(block, EXAMPLE_PACKAGE));
      return file;
    }),
  );
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

/**
 * Our result first (`onOurs`, so the caller can stop timing us), then openapi-typescript's on the same document.
 * Peak memory is the process's, measured before the peer runs: ours alone (an upper bound, the worker is reused).
 */
export async function checkSpec(
  name: string,
  file: string,
  options: { readonly peer: boolean; readonly onGenerated?: (result: SpecResult) => void; readonly onOurs?: (result: SpecResult) => void } = { peer: true },
): Promise<SpecResult> {
  const ours = { name, file, ...(await checkOurs(file, (facts) => options.onGenerated?.({ name, file, category: "ok", ...facts }))), peakMiB: peakMiB() };
  options.onOurs?.(ours);
  return options.peer ? { ...ours, ...(await checkPeer(file)) } : ours;
}

function peakMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/**
 * Messages of a forked worker: the facts of our generation (its time limit ends there; the type-check has its own),
 * our result, then (unless `--no-peer`) the whole result with the peer's.
 */
export type WorkerMessage = { readonly stage: "generated" | "ours" | "done"; readonly result: SpecResult };

// As a forked worker: one document per message.
if (process.send !== undefined && process.argv.includes("--corpus-worker")) {
  const peer = !process.argv.includes("--no-peer");
  const send = (message: WorkerMessage) => process.send?.(message);
  process.on("message", (message: { name: string; file: string }) => {
    checkSpec(message.name, message.file, { peer, onGenerated: (result) => send({ stage: "generated", result }), onOurs: (result) => send({ stage: "ours", result }) }).then(
      (result) => send({ stage: "done", result }),
      (error: unknown) => send({ stage: "done", result: { name: message.name, file: message.file, category: "crash", detail: `worker: ${error instanceof Error ? error.stack : String(error)}` } }),
    );
  });
}
