import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { generate, writeOutput } from "../../src/index.js";
import { fixturesDirectory } from "./paths.js";

/**
 * Generates a fixture's client (runtime included) into `test/.generated/<fixture>` and imports it, so behaviour
 * tests run the real generated code. Loosely typed here: the type-check tests hold the types to account.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LooseModule = Record<string, any>;

export async function importGeneratedClient(fixture: string): Promise<LooseModule> {
  const output = join(fixturesDirectory, "..", "packages", "codegen", "test", ".generated", fixture);
  const { files } = await generate({ input: join(fixturesDirectory, fixture, "openapi.yaml") });
  await writeOutput(output, files);
  return (await import(pathToFileURL(join(output, "src", "index.ts")).href)) as LooseModule;
}
