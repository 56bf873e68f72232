import type { GeneratedFile } from "../emit/file.js";
import { compareStrings } from "../order.js";

/**
 * The list of files the generator owns in an output folder. Only files listed here are ever overwritten or deleted,
 * so a package folder can also hold `node_modules`, `dist` or hand-written tests.
 */
export const MANIFEST_PATH = ".codegen-manifest.json";

export interface Manifest {
  readonly generator: string;
  readonly files: readonly string[];
}

export const GENERATOR_ID = "@diga/codegen";

export function manifestFile(files: readonly GeneratedFile[]): GeneratedFile {
  const manifest: Manifest = { generator: GENERATOR_ID, files: [...files.map((file) => file.path), MANIFEST_PATH].sort(compareStrings) };
  return { path: MANIFEST_PATH, contents: `${JSON.stringify(manifest, null, 2)}\n` };
}

/** The files a previous run owns, or `undefined` when the text is not one of our manifests. */
export function parseManifest(text: string): Manifest | undefined {
  try {
    const value = JSON.parse(text) as Partial<Manifest>;
    if (value.generator !== GENERATOR_ID || !Array.isArray(value.files)) return undefined;
    return { generator: value.generator, files: value.files.filter((file): file is string => typeof file === "string") };
  } catch {
    return undefined;
  }
}
