import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../src/index.js";
import { fixtureCases } from "./support/fixtures.js";
import { listFiles, temporaryDirectory, writeFiles } from "./support/paths.js";
import { typecheck } from "./support/typecheck.js";

/**
 * Every fixture's generated package (the expected files plus the runtime) compiles under `strict` and the
 * strictest flags users turn on, with only the DOM's types: no `@types/node` leaks into a browser-safe client.
 */
describe("generated code type-checks", () => {
  let root: string;
  const sources: string[] = [];

  beforeAll(async () => {
    root = await temporaryDirectory();
    await writeFile(join(root, "package.json"), '{ "type": "module" }\n');
    for (const fixture of fixtureCases) {
      const { files } = await generate({ input: fixture.input });
      const directory = join(root, fixture.name);
      await writeFiles(directory, files);
      sources.push(...(await listFiles(join(directory, "src"))).map((path) => join(directory, "src", path)));
    }
  });

  it("under strict and the strictest extra flags, for every fixture", () => {
    expect(sources.length).toBeGreaterThan(fixtureCases.length);
    expect(typecheck(sources)).toStrictEqual([]);
  });

  it("reports errors when there are some (the check can fail)", async () => {
    const broken = join(root, "broken.ts");
    await writeFile(broken, 'const answer: number = "42";\nexport { answer };\n');
    expect(typecheck([broken])).toStrictEqual([`${broken}:1: Type 'string' is not assignable to type 'number'.`]);
  });
});
