import { readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { cacheFolderFor } from "../cache-folder.js";
import { digest, digestOf } from "../digest.js";
import { makeDirectory } from "./make-directory.js";
import { MANIFEST_PATH, outputsDigest, parseManifest } from "./manifest.js";

/**
 * The options that change generated files. With the spec's files they make the manifest's `inputs` digest, which
 * is committed with the output: it must change only when the output may change, never with the generator's build.
 */
export type OutputOptions = Readonly<Record<string, string | boolean | undefined>>;

export function inputsDigest(options: OutputOptions, sources: readonly { readonly path: string; readonly digest: string }[]): string {
  return digestOf([JSON.stringify(options), ...sources.flatMap((source) => [source.path, source.digest])]);
}

/**
 * When `outputDirectory` already holds exactly what generating from `entryFile` would write, the absolute paths of
 * the spec files it was generated from. That takes three proofs: the committed manifest's inputs digest matches the
 * spec's files and the options now; the files on disk match its outputs digest; and this very build of the generator
 * (`generator`, its fingerprint) wrote those outputs, as recorded in a cache outside the output (see
 * `recordGeneration`). Reads and hashes files; parses and generates nothing. Any doubt means "not fresh": undefined,
 * and the caller generates.
 */
export async function freshSources(outputDirectory: string, entryFile: string, options: OutputOptions, generator: string): Promise<readonly string[] | undefined> {
  try {
    const manifest = parseManifest(await readFile(join(outputDirectory, MANIFEST_PATH), "utf8"));
    if (manifest === undefined || manifest.sources.length === 0 || manifest.sources.some((source) => /^https?:/i.test(source))) return undefined;
    const record = recordFile(outputDirectory);
    const recorded = record === undefined ? "" : await readFile(record, "utf8").catch(() => "");
    if (recorded !== recordOf(generator, manifest.outputs)) return undefined;
    const base = dirname(entryFile);
    const paths = manifest.sources.map((path) => (path === "" ? entryFile : resolve(base, path)));
    const sources = await Promise.all(paths.map(async (file, index) => ({ path: manifest.sources[index] ?? "", digest: digest(await readFile(file, "utf8")) })));
    if (inputsDigest(options, sources) !== manifest.inputs) return undefined;
    const files = await Promise.all(manifest.files.filter((path) => path !== MANIFEST_PATH).map(async (path) => ({ path, contents: await readFile(join(outputDirectory, path), "utf8") })));
    return outputsDigest(files) === manifest.outputs ? paths : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Notes that `generator` produced the outputs whose digest is `outputs` in `outputDirectory`, after it wrote them or
 * found them identical. Kept in `node_modules/.cache/diga-codegen/` of the generator's installation, never in the
 * output: a record of the generator's own build must not make committed output drift. A cache that cannot be written
 * only costs the fast path.
 */
export async function recordGeneration(outputDirectory: string, generator: string, outputs: string): Promise<void> {
  const file = recordFile(outputDirectory);
  if (file === undefined) return;
  const partial = `${file}.${process.pid}`;
  try {
    await makeDirectory(dirname(file));
    await writeFile(partial, recordOf(generator, outputs));
    await rename(partial, file);
  } catch {
    // A read-only installation: every run generates.
  }
}

function recordOf(generator: string, outputs: string): string {
  return `${JSON.stringify({ generator, outputs })}\n`;
}

/**
 * One small file per output folder, named by a digest of its absolute path, in the cache of the installation the
 * generator's TypeScript comes from (the generator itself may be a workspace link outside any `node_modules`).
 */
export function recordFile(outputDirectory: string): string | undefined {
  const folder = cacheFolderFor(createRequire(import.meta.url).resolve("typescript"));
  return folder === undefined ? undefined : join(folder, "outputs", `${digest(resolve(outputDirectory)).slice("sha256:".length, "sha256:".length + 24)}.json`);
}
