import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
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

export function templatesDirectory(): string {
  return dirname(createRequire(import.meta.url).resolve("@diga/codegen-templates/package.json"));
}

export async function readTemplateSources(directory = templatesDirectory()): Promise<TemplateFiles> {
  const runtimeDirectory = join(directory, "runtime");
  const names = (await readdir(runtimeDirectory))
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
    .sort(compareStrings);
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
