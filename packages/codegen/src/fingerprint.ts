import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { digest } from "./digest.js";
import { templateFileNames, templatesDirectory } from "./emit/template-sources.js";
import { compareStrings } from "./order.js";

/**
 * A digest of the generator itself: its sources, its templates and its package.json (which pins openapi-typescript
 * and the rest). It proves nothing about the output; it only lets an unchanged spec skip generation when the same
 * build of the generator wrote the output (see freshness.ts). A built generator reads the digest its build stored
 * (`dist/fingerprint.txt`): an installed package has no sources to hash. Running from `src/`, it hashes them.
 */
export function generatorFingerprint(): Promise<string> {
  // The generator does not change while it runs: once per process (watch mode asks on every save).
  fingerprint ??= readFile(BUILT_FINGERPRINT, "utf8").then(
    (text) => text.trim(),
    () => computeFingerprint(),
  );
  return fingerprint;
}

let fingerprint: Promise<string> | undefined;

const BUILT_FINGERPRINT = new URL("./fingerprint.txt", import.meta.url);

/** Run by the build, from `src/`-relative paths, and stored as `dist/fingerprint.txt`. */
export async function computeFingerprint(): Promise<string> {
  const root = fileURLToPath(new URL("../", import.meta.url));
  const templates = templatesDirectory();
  const sources = [join(root, "package.json"), ...(await sourceFiles(join(root, "src"))), ...(await templateFileNames(templates)).map((name) => join(templates, name))];
  const parts = await Promise.all(sources.map(async (file) => `${relative(root, file).split("\\").join("/")}\n${await readFile(file, "utf8")}`));
  return digest(...parts);
}

async function sourceFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort(compareStrings);
}
