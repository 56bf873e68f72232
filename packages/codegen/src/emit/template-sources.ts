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
  return [...TEMPLATE_FILES, ...(await runtimeFileNames(join(directory, "runtime"))).map((name) => `runtime/${name}`)];
}

// `mocks/runtime.ts` is read by the msw plugin (src/plugins/msw), not parsed here.
const TEMPLATE_FILES = ["operation.ts", "client.ts", "sdk.ts", "mocks/runtime.ts"];

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
  return {
    operation: operation ?? "",
    client: client ?? "",
    sdk: sdk ?? "",
    runtimeIndex: runtime[names.indexOf("index.ts")] ?? "",
    runtime: names.map((name, index) => ({ name, text: runtime[index] ?? "" })),
  };
}
