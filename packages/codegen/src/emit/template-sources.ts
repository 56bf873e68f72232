import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compareStrings } from "../order.js";

/** The template files, as text (see `TemplateSources` in templates.ts), plus the runtime files copied verbatim. */
export interface TemplateFiles {
  readonly operation: string;
  readonly client: string;
  readonly sdk: string;
  readonly runtimeIndex: string;
  /** The runtime's files (tests excluded), sorted by name so the output order never depends on the file system. */
  readonly runtime: readonly { readonly name: string; readonly text: string }[];
  /**
   * The plugins' templates: every other folder of `templates/` (not `runtime/`, not `stand-in/`), by folder name, its
   * files (tests excluded) sorted by name. A plugin copies or reads its own folder (`tanstack-query/`).
   */
  readonly plugins: Readonly<Record<string, readonly { readonly name: string; readonly text: string }[]>>;
}

/**
 * The templates ship inside the generator (`dist/templates/`, copied there by the build), so the published package
 * reads nothing it does not contain. Running from `src/` (tests, development), there is no copy: the workspace's
 * `templates/` is read directly, so an edit to a template takes effect without a build.
 */
export function templatesDirectory(): string {
  const shipped = fileURLToPath(new URL("../templates/", import.meta.url));
  return existsSync(join(shipped, "operation.ts")) ? shipped : fileURLToPath(new URL("../../../../templates/", import.meta.url));
}

/** The template files the generator reads, relative to the templates folder: what the build copies. */
export async function templateFileNames(directory = templatesDirectory()): Promise<string[]> {
  const plugins = await Promise.all((await pluginFolders(directory)).map(async (folder) => (await runtimeFileNames(join(directory, folder))).map((name) => `${folder}/${name}`)));
  return [...TEMPLATE_FILES, ...(await runtimeFileNames(join(directory, "runtime"))).map((name) => `runtime/${name}`), ...plugins.flat()];
}

/** The folders of plugin templates: every folder but the runtime and the operation template's stand-in schema. */
async function pluginFolders(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && entry.name !== "runtime" && entry.name !== "stand-in" && entry.name !== "node_modules")
    .map((entry) => entry.name)
    .sort(compareStrings);
}

const TEMPLATE_FILES = ["operation.ts", "client.ts", "sdk.ts"];

async function runtimeFileNames(runtimeDirectory: string): Promise<string[]> {
  return (await readdir(runtimeDirectory)).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts")).sort(compareStrings);
}

export async function readTemplateSources(directory = templatesDirectory()): Promise<TemplateFiles> {
  const runtimeDirectory = join(directory, "runtime");
  const names = await runtimeFileNames(runtimeDirectory);
  const [operation, client, sdk, ...runtime] = await Promise.all([
    readFile(join(directory, "operation.ts"), "utf8"),
    readFile(join(directory, "client.ts"), "utf8"),
    readFile(join(directory, "sdk.ts"), "utf8"),
    ...names.map((name) => readFile(join(runtimeDirectory, name), "utf8")),
  ]);
  const folders = await pluginFolders(directory);
  const plugins = await Promise.all(
    folders.map(async (folder) => {
      const files = await runtimeFileNames(join(directory, folder));
      return [folder, await Promise.all(files.map(async (name) => ({ name, text: await readFile(join(directory, folder, name), "utf8") })))] as const;
    }),
  );
  return {
    plugins: Object.fromEntries(plugins),
    operation: operation ?? "",
    client: client ?? "",
    sdk: sdk ?? "",
    runtimeIndex: runtime[names.indexOf("index.ts")] ?? "",
    runtime: names.map((name, index) => ({ name, text: runtime[index] ?? "" })),
  };
}
