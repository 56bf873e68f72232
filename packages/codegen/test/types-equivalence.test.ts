import { readFile } from "node:fs/promises";
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
