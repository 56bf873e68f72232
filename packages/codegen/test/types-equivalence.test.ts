import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { clientSideTypes, emitTypes, loadOpenapiTypescript } from "../src/emit/types.js";
import { fixtureCases } from "./support/fixtures.js";

/**
 * The types stage drives openapi-typescript's transform through its internal modules (skipping the Redocly pass),
 * so it must give what `openapiTS()` gives with the same transform: this guards a version bump that moves them.
 */
// external-refs and split-folders need our bundler first; names has duplicate operationIds, which openapiTS() refuses
// and we rename.
describe.each(fixtureCases.filter((fixture) => !["external-refs", "split-folders", "names"].includes(fixture.name)))("fixture $name", ({ input }) => {
  it("schema.ts equals openapi-typescript's own output", async () => {
    const text = await readFile(input, "utf8");
    const official = astToString(
      await openapiTS(parse(text) as never, { silent: true, transform: (schema, metadata) => clientSideTypes(ts, schema, metadata) }),
    );
    const ours = emitTypes(await loadOpenapiTypescript(), parse(text), [], "// header");
    expect(ours).toBe(`// header\n\n${official}`);
  });
});

describe("openapi-typescript's own modules, after our types stage loaded them", () => {
  it("still give every operation to another caller in the same process (our faster operations are ours alone)", async () => {
    await loadOpenapiTypescript();
    const require = createRequire(createRequire(import.meta.url).resolve("openapi-typescript/package.json"));
    const cjs = require("./dist/index.cjs") as { default: typeof openapiTS; astToString: typeof astToString };
    const spec = { openapi: "3.0.3", info: { title: "T", version: "1" }, paths: { "/a": { get: { operationId: "getA", responses: { "204": { description: "ok" } } } } } };
    const text = cjs.astToString(await cjs.default(spec as never, { silent: true }));
    expect(text).toMatch(/export interface operations \{\n\s+getA: \{/);
  });
});
