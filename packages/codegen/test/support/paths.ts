import { mkdtemp, mkdir, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { GeneratedFile } from "../../src/index.js";

export const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
export const fixturesDirectory = join(repoRoot, "fixtures");
export const phoneSpec = join(fixturesDirectory, "diga-phones", "openapi.yaml");
export const digaClientDirectory = join(repoRoot, "packages", "diga-client");

export async function temporaryDirectory(prefix = "codegen-test-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function writeFiles(directory: string, files: readonly GeneratedFile[]): Promise<void> {
  for (const file of files) {
    await mkdir(dirname(join(directory, file.path)), { recursive: true });
    await writeFile(join(directory, file.path), file.contents);
  }
}

/** Every file below `directory`, as sorted relative paths with `/` separators. */
export async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort();
}
