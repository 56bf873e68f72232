import { readdir, readFile, rename, rm, rmdir, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { CodegenError } from "../errors.js";
import type { GeneratedFile } from "../emit/file.js";
import { compareStrings } from "../order.js";
import { makeDirectory } from "./make-directory.js";
import { MANIFEST_PATH, parseManifest } from "./manifest.js";

/** What a run changes (or, for `--check`, would change) in the output folder. Paths are relative to it. */
export interface WritePlan {
  readonly created: readonly string[];
  readonly updated: readonly string[];
  readonly removed: readonly string[];
  readonly unchanged: readonly string[];
}

export function hasChanges(plan: WritePlan): boolean {
  return plan.created.length + plan.updated.length + plan.removed.length > 0;
}

/** Compares the generated files with the folder; reads only, so `--check` uses it as is. */
export async function planWrite(outputDirectory: string, files: readonly GeneratedFile[]): Promise<WritePlan> {
  const owned = await ownedFiles(outputDirectory);
  const created: string[] = [];
  const updated: string[] = [];
  const unchanged: string[] = [];
  await Promise.all(
    files.map(async (file) => {
      const current = await readIfExists(join(outputDirectory, file.path));
      (current === undefined ? created : current === file.contents ? unchanged : updated).push(file.path);
    }),
  );
  const produced = new Set(files.map((file) => file.path));
  const removed = owned.filter((path) => !produced.has(path));
  return { created: created.sort(compareStrings), updated: updated.sort(compareStrings), removed, unchanged: unchanged.sort(compareStrings) };
}

/**
 * Stage 7: brings the folder to exactly `files`. Changed files are first written next to their targets under
 * temporary names and only then renamed over them, so a failure never leaves a half-written file; unchanged files
 * are not touched (their timestamps stay, so watchers and build caches stay quiet); files a previous run produced
 * and this one does not are deleted. The manifest is renamed last.
 */
export async function writeOutput(outputDirectory: string, files: readonly GeneratedFile[]): Promise<WritePlan> {
  const plan = await planWrite(outputDirectory, files);
  const changed = new Set([...plan.created, ...plan.updated]);
  const toWrite = files.filter((file) => changed.has(file.path)).sort((a, b) => Number(a.path === MANIFEST_PATH) - Number(b.path === MANIFEST_PATH));
  const suffix = `.codegen-${process.pid}-${Date.now().toString(36)}.tmp`;
  const staged: string[] = [];
  try {
    for (const directory of new Set(toWrite.map((file) => dirname(join(outputDirectory, file.path))))) await makeDirectory(directory);
    // Many small files: overlapping the writes keeps libuv's thread pool busy (GitHub's 1,246 files: 0.9 s → 0.3 s).
    await inBatches(toWrite, async (file) => {
      const target = join(outputDirectory, file.path);
      await writeFile(target + suffix, file.contents, "utf8");
      staged.push(target);
    });
  } catch (error) {
    await Promise.all(staged.map((target) => rm(target + suffix, { force: true })));
    throw writeError(outputDirectory, error);
  }
  try {
    // The manifest last: until it is renamed, the folder still claims the previous generation.
    const isManifest = (target: string) => target === join(outputDirectory, MANIFEST_PATH);
    const manifest = staged.filter(isManifest);
    await inBatches(
      staged.filter((target) => !isManifest(target)),
      (target) => rename(target + suffix, target),
    );
    for (const target of manifest) await rename(target + suffix, target);
    for (const path of plan.removed) await rm(join(outputDirectory, path), { force: true });
    await removeEmptyParents(outputDirectory, plan.removed);
  } catch (error) {
    throw writeError(outputDirectory, error);
  }
  return plan;
}

/**
 * Proves the folder can be written before anything is generated (a big spec takes seconds): creates it and a
 * probe file, then removes both, leaving the disk as it was for a spec that turns out to be broken. A read-only or
 * virtual file system fails here, at once, with the reason.
 */
export async function ensureWritable(outputDirectory: string): Promise<void> {
  const created: string[] = [];
  try {
    created.push(...(await makeDirectory(outputDirectory)));
    const probe = join(outputDirectory, `.codegen-probe-${process.pid}.tmp`);
    await writeFile(probe, "");
    await rm(probe, { force: true });
  } catch (error) {
    throw writeError(outputDirectory, error);
  } finally {
    for (const directory of created.reverse()) await rmdir(directory).catch(() => undefined);
  }
}

/** Refuses to take over a folder with files we did not write: generating into `src/` by mistake must not clobber it. */
async function ownedFiles(outputDirectory: string): Promise<string[]> {
  const manifestText = await readIfExists(join(outputDirectory, MANIFEST_PATH));
  if (manifestText !== undefined) {
    const manifest = parseManifest(manifestText);
    if (manifest === undefined) {
      throw new CodegenError("write", [
        { file: join(outputDirectory, MANIFEST_PATH), message: "this file is not a diga-codegen manifest", hint: "choose another output folder, or delete the file if the folder is ours" },
      ]);
    }
    return manifest.files.filter((path) => isInside(outputDirectory, path));
  }
  const entries = await readdir(outputDirectory).catch(() => [] as string[]);
  const foreign = entries.filter((entry) => !IGNORED_IN_NEW_OUTPUT.has(entry));
  if (foreign.length > 0) {
    throw new CodegenError("write", [
      {
        file: outputDirectory,
        message: `output folder is not empty and was not generated by diga-codegen (it has ${foreign.slice(0, 3).join(", ")}${foreign.length > 3 ? ", ..." : ""})`,
        hint: `point --output at an empty or new folder; diga-codegen owns its output folder and would overwrite files there`,
      },
    ]);
  }
  return [];
}

/** Entries a fresh package folder may already have before the first generation. */
const IGNORED_IN_NEW_OUTPUT = new Set(["node_modules", "dist", ".git", ".DS_Store"]);

function isInside(directory: string, path: string): boolean {
  const fromRoot = relative(directory, join(directory, path));
  return fromRoot !== "" && !fromRoot.startsWith("..") && !fromRoot.startsWith("/");
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ENOTDIR") return undefined;
    throw error;
  }
}

async function removeEmptyParents(outputDirectory: string, removed: readonly string[]): Promise<void> {
  const directories = new Set(removed.map((path) => dirname(path)).filter((path) => path !== "."));
  const deepestFirst = [...directories].sort((a, b) => b.split("/").length - a.split("/").length || compareStrings(a, b));
  for (const directory of deepestFirst) {
    await rmdir(join(outputDirectory, directory)).catch(() => undefined); // not empty: keep it
  }
}

function writeError(outputDirectory: string, error: unknown): CodegenError {
  return new CodegenError(
    "write",
    [{ file: outputDirectory, message: `cannot write the output: ${error instanceof Error ? error.message : String(error)}`, hint: "check that the folder is writable and the disk is not full" }],
    { cause: error },
  );
}

/** Runs `task` over `items`, at most 64 at a time. */
async function inBatches<T>(items: readonly T[], task: (item: T) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += 64) await Promise.all(items.slice(start, start + 64).map(task));
}
