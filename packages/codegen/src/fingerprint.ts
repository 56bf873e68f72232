import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { digest } from "./digest.js";
import { templatesDirectory } from "./emit/template-sources.js";
import { compareStrings } from "./order.js";

/**
 * A digest of the generator itself: its TypeScript sources, its templates and its package.json (which pins
 * openapi-typescript and the rest). A manifest records it, so output written by any other build of the generator
 * never counts as up to date. Computed from `src/` whether running from `src/` (tests) or `dist/` (the CLI).
 */
export function generatorFingerprint(): Promise<string> {
  // The generator does not change while it runs: read and hash its sources once per process (watch mode asks on
  // every save, a multi-client config once per client).
  fingerprint ??= computeFingerprint();
  return fingerprint;
}

let fingerprint: Promise<string> | undefined;

async function computeFingerprint(): Promise<string> {
  const root = fileURLToPath(new URL("../", import.meta.url));
  const templates = templatesDirectory();
  const sources = [...(await sourceFiles(join(root, "src"))), ...(await sourceFiles(templates))];
  const parts = await Promise.all(
    [join(root, "package.json"), ...sources].map(async (file) => `${relative(root, file).split("\\\\").join("/")}\n${await readFile(file, "utf8")}`),
  );
  return digest(...parts);
}

async function sourceFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") && !entry.parentPath.includes("node_modules"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort(compareStrings);
}
