import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { GeneratedFile } from "../../src/index.js";
import { fixturesDirectory } from "./paths.js";

export interface FixtureCase {
  readonly name: string;
  readonly directory: string;
  readonly input: string;
}

/** Every `fixtures/<case>/` with an `openapi.yaml` (or `.json`); its expected output lives under `expected/`. */
export const fixtureCases: readonly FixtureCase[] = readdirSync(fixturesDirectory, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => {
    const directory = join(fixturesDirectory, entry.name);
    const input = ["openapi.yaml", "openapi.json"].map((name) => join(directory, name)).find((path) => existsSync(path));
    return input === undefined ? [] : [{ name: entry.name, directory, input }];
  });

/** The runtime is left out of fixtures: it is the templates' runtime verbatim, tested where it lives. */
export function isSnapshotted(file: GeneratedFile): boolean {
  return !file.path.startsWith("src/runtime/");
}
