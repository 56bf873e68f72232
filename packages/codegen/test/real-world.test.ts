import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../src/index.js";
import { temporaryDirectory, writeFiles } from "./support/paths.js";
import { typecheckProgram } from "./support/property-check.js";

const require = createRequire(import.meta.url);

/**
 * The full GitHub REST description (`@octokit/openapi`, ~1,200 operations, 13 MB): it must generate, and the
 * package must type-check under the strictest flags. Every peer we measured fails one or the other on it.
 */
describe("a real-world spec: GitHub REST", () => {
  it("generates 1,200+ operations whose package type-checks with zero errors", async () => {
    const spec = join(require.resolve("@octokit/openapi/package.json"), "..", "generated", "api.github.com.json");
    const result = await generate({ input: spec });
    expect(result.model.operations.length).toBeGreaterThan(1200);
    const directory = await temporaryDirectory("codegen-github-");
    await writeFiles(directory, result.files);
    const sources = result.files.filter((file) => file.path.startsWith("src/") && file.path.endsWith(".ts")).map((file) => join(directory, file.path));
    expect(typecheckProgram(sources).slice(0, 10)).toStrictEqual([]);
  }, 240_000);
});
