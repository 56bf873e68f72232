import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { digest } from "../digest.js";
import { MANIFEST_PATH, outputsDigest, parseManifest } from "./manifest.js";

/** What a generation's inputs digest covers besides the spec's files. */
export interface InputSettings {
  readonly fingerprint: string;
  readonly options: Readonly<Record<string, string | boolean | undefined>>;
}

export function inputsDigest(settings: InputSettings, sources: readonly { readonly path: string; readonly digest: string }[]): string {
  return digest(settings.fingerprint, JSON.stringify(settings.options), ...sources.flatMap((source) => [source.path, source.digest]));
}

/**
 * When `outputDirectory` already holds exactly what generating from `entryFile` would write (the manifest's inputs
 * digest matches the spec's files, the generator and the options now, and the files on disk match its outputs
 * digest), the absolute paths of the spec files it was generated from. Reads files and hashes them; parses and
 * generates nothing. Any doubt means "not fresh": undefined.
 */
export async function freshSources(outputDirectory: string, entryFile: string, settings: InputSettings): Promise<readonly string[] | undefined> {
  try {
    const manifest = parseManifest(await readFile(join(outputDirectory, MANIFEST_PATH), "utf8"));
    if (manifest === undefined || manifest.sources.length === 0 || manifest.sources.some((source) => /^https?:/i.test(source))) return undefined;
    const base = dirname(entryFile);
    const paths = manifest.sources.map((path) => (path === "" ? entryFile : resolve(base, path)));
    const sources = await Promise.all(paths.map(async (file, index) => ({ path: manifest.sources[index] ?? "", digest: digest(await readFile(file, "utf8")) })));
    if (inputsDigest(settings, sources) !== manifest.inputs) return undefined;
    const files = await Promise.all(
      manifest.files.filter((path) => path !== MANIFEST_PATH).map(async (path) => ({ path, contents: await readFile(join(outputDirectory, path), "utf8") })),
    );
    return outputsDigest(files) === manifest.outputs ? paths : undefined;
  } catch {
    return undefined;
  }
}
