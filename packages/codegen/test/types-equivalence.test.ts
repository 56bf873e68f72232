import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { clientSideTypes, loadOpenapiTypescript, typeNodes } from "../src/emit/types.js";
import { generate, writeOutput } from "../src/index.js";
import { loadSpec, readTextFile } from "../src/load/load-spec.js";
import { validateSpec } from "../src/validate/validate-spec.js";
import { fixtureCases } from "./support/fixtures.js";
import { typecheck } from "./support/typecheck.js";

/**
 * The types stage drives openapi-typescript's transform through its internal modules (skipping the Redocly pass),
 * so it must give what `openapiTS()` gives with the same transform: this guards a version bump that moves them.
 */
// external-refs and split-folders need our bundler first; names has duplicate operationIds, which openapiTS() refuses and we rename.
describe.each(fixtureCases.filter((fixture) => !["external-refs", "split-folders", "names"].includes(fixture.name)))("fixture $name", ({ input }) => {
  it("the types stage starts from exactly openapi-typescript's own output", async () => {
    const text = await readFile(input, "utf8");
    const official = astToString(await openapiTS(parse(text) as never, { silent: true, transform: (schema, metadata) => clientSideTypes(ts, schema, metadata) }));
    const ots = await loadOpenapiTypescript();
    expect(ots.astToString(typeNodes(ots, parse(text), []))).toBe(official);
  });
});

/**
 * The type modules (type-modules.ts) move openapi-typescript's types into one module per component and operation;
 * the types themselves must not change. For every fixture, each component and operation of the split schema.ts is
 * checked, by the type checker, to be mutually assignable with the same member of openapi-typescript's whole file.
 */
describe("the type modules", () => {
  it("declare exactly openapi-typescript's types, member by member, for every fixture", async () => {
    const root = await mkdtemp(join(tmpdir(), "type-modules-"));
    try {
      const checks: string[] = [];
      for (const fixture of fixtureCases.filter((fixture) => fixture.name !== "names")) {
        const directory = join(root, fixture.name);
        const { files, model } = await generate({ input: fixture.input, threads: false });
        await writeOutput(join(directory, "split"), files);
        // The whole file, from the same document the generator typed (bundled, renamed), as openapiTS() prints it.
        const ots = await loadOpenapiTypescript();
        const loaded = await loadSpec(fixture.input, { cwd: process.cwd(), read: readTextFile, allowRemoteRefs: false });
        const validated = validateSpec(loaded);
        await writeFile(join(directory, "whole.ts"), ots.astToString(typeNodes(ots, structuredClone(validated.document), [])));
        const members = memberPaths(await readFile(join(directory, "split", "src", "schema.ts"), "utf8"));
        expect(members.length, `${fixture.name}: the check reaches its operations`).toBeGreaterThanOrEqual(model.operations.filter((operation) => operation.typeRoot.kind === "operations").length);
        checks.push(
          [
            `import type * as Split from "./${fixture.name}/split/src/schema.js";`,
            `import type * as Whole from "./${fixture.name}/whole.js";`,
            ...members.map(({ root: memberRoot, path }, index) => `export type C${index} = Expect<Same<Split.${memberRoot}${path}, Whole.${memberRoot}${path}>>;`),
          ].join("\n"),
        );
        await writeFile(join(root, `${fixture.name}.check.ts`), `import type { Expect, Same } from "./same.js";\n${checks.at(-1) ?? ""}\n`);
      }
      await writeFile(join(root, "same.ts"), "export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;\nexport type Expect<T extends true> = T;\n");
      const checkFiles = fixtureCases.filter((fixture) => fixture.name !== "names").map((fixture) => join(root, `${fixture.name}.check.ts`));
      expect(typecheck(checkFiles)).toEqual([]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 120_000);
});

/** `["schemas"]["Phone"]` for every member of `components`' kinds and of `operations` in a split schema.ts. */
function memberPaths(schema: string): { root: "components" | "operations"; path: string }[] {
  const source = ts.createSourceFile("schema.ts", schema, ts.ScriptTarget.ESNext, true);
  const key = (name: ts.PropertyName) => JSON.stringify((name as ts.Identifier | ts.StringLiteral).text);
  const paths: { root: "components" | "operations"; path: string }[] = [];
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    if (statement.name.text === "operations") for (const member of statement.members) if (member.name) paths.push({ root: "operations", path: `[${key(member.name)}]` });
    if (statement.name.text !== "components") continue;
    for (const kind of statement.members) {
      if (!ts.isPropertySignature(kind) || kind.type === undefined || !ts.isTypeLiteralNode(kind.type) || kind.name === undefined) continue;
      for (const member of kind.type.members) if (member.name) paths.push({ root: "components", path: `[${key(kind.name)}][${key(member.name)}]` });
    }
  }
  return paths;
}

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
