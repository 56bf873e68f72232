import { digestOf } from "../digest.js";
import type { GeneratedFile } from "../emit/file.js";
import { compareStrings } from "../order.js";

/**
 * The record of a generation in its output folder: which files the generator owns (only those are ever
 * overwritten or deleted, so `node_modules`, `dist` or hand-written tests may live beside them), and digests of what
 * it read and wrote, so an unchanged spec is recognised without generating again.
 */
export const MANIFEST_PATH = ".codegen-manifest.json";

export const GENERATOR_ID = "@diga/codegen";

export interface Manifest {
  readonly generator: string;
  /** The spec's files, relative to the entry file's folder (`""` is the entry itself). */
  readonly sources: readonly string[];
  /** Digest of the generator, its options and every source file's text. */
  readonly inputs: string;
  /** Digest of every generated file but this one. */
  readonly outputs: string;
  readonly files: readonly string[];
}

export function outputsDigest(files: readonly GeneratedFile[]): string {
  return digestOf(files.filter((file) => file.path !== MANIFEST_PATH).flatMap((file) => [file.path, file.contents]));
}

/** `inputs.outputs`: `outputsDigest(files)` when the caller has it already (it hashes every file: ~1 s on Graph beta). */
export function manifestFile(files: readonly GeneratedFile[], inputs: { readonly sources: readonly string[]; readonly digest: string; readonly outputs?: string }): GeneratedFile {
  const manifest: Manifest = {
    generator: GENERATOR_ID,
    sources: inputs.sources,
    inputs: inputs.digest,
    outputs: inputs.outputs ?? outputsDigest(files),
    files: [...files.map((file) => file.path), MANIFEST_PATH].sort(compareStrings),
  };
  return { path: MANIFEST_PATH, contents: `${JSON.stringify(manifest, null, 2)}\n` };
}

/** The files a previous run owns, or `undefined` when the text is not one of our manifests. */
export function parseManifest(text: string): Manifest | undefined {
  try {
    const value = JSON.parse(text) as Partial<Manifest>;
    if (value.generator !== GENERATOR_ID || !Array.isArray(value.files)) return undefined;
    const strings = (list: unknown) => (Array.isArray(list) ? list.filter((item): item is string => typeof item === "string") : []);
    return {
      generator: value.generator,
      sources: strings(value.sources),
      inputs: typeof value.inputs === "string" ? value.inputs : "",
      outputs: typeof value.outputs === "string" ? value.outputs : "",
      files: strings(value.files),
    };
  } catch {
    return undefined;
  }
}
