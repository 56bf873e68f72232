import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffSpecs, generate, renderJson, renderMarkdown } from "../src/index.js";
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

/** Two releases of GitHub Enterprise Server's spec: a thousand real changes between two 10 MB documents. */
describe("a real-world SDK diff: GitHub Enterprise Server 3.17 → 3.18", () => {
  it("classifies every change and fits the Markdown into one pull-request comment", async () => {
    const generated = join(require.resolve("@octokit/openapi/package.json"), "..", "generated");
    const diff = await diffSpecs(join(generated, "ghes-3.17.json"), join(generated, "ghes-3.18.json"));
    expect(diff.changes.length).toBeGreaterThan(500);
    expect(diff.changes.filter((change) => change.kind === "operation-added").length).toBeGreaterThan(5);
    expect(diff.bump).toBe(diff.summary.breaking > 0 ? "major" : "minor");
    expect(renderMarkdown(diff).length).toBeLessThan(65_536);
    expect(JSON.parse(renderJson(diff))).toStrictEqual(JSON.parse(JSON.stringify(diff)));
  }, 60_000);
});
