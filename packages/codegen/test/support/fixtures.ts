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

/**
 * Left out of fixtures: the runtime (the templates' runtime verbatim, tested where it lives), `dist/` (compiled from
 * the sources; consumers import it in the package tests) and the manifest (its shape is tested in the CLI and write
 * tests).
 */
export function isSnapshotted(file: GeneratedFile): boolean {
  return !file.path.startsWith("src/runtime/") && !file.path.startsWith("dist/") && file.path !== ".codegen-manifest.json";
}
