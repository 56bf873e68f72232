import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../src/index.js";
import { fixtureCases } from "./support/fixtures.js";
import ts from "typescript";
import { digaClientDirectory, listFiles, temporaryDirectory, writeFiles } from "./support/paths.js";
import { STRICTEST, typecheck } from "./support/typecheck.js";

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

/** What an editor shows when hovering a call, and what compile errors print: names a user can look up. */
describe("signatures read as their names", () => {
  it("prints listPhones's params as ListPhonesParams, not as Params<…>'s expansion", async () => {
    const directory = await temporaryDirectory();
    const file = join(directory, "hover.ts");
    await writeFile(join(directory, "package.json"), '{ "type": "module" }\n');
    await writeFile(file, `import { listPhones } from ${JSON.stringify(join(digaClientDirectory, "src", "index.js"))};\nexport const call = listPhones;\n`);
    const program = ts.createProgram([file], STRICTEST);
    const checker = program.getTypeChecker();
    const call = program.getSourceFile(file)?.statements.find(ts.isVariableStatement)?.declarationList.declarations[0];
    const signature = call === undefined ? undefined : checker.getTypeAtLocation(call.name).getCallSignatures()[0];
    const printed = signature?.parameters.map((parameter) => checker.typeToString(checker.getTypeOfSymbol(parameter)));
    expect(printed).toStrictEqual(["Client", "ListPhonesParams | undefined", "RequestOptions | undefined"]);
  });

  it("names a list operation's page type, which is what awaiting the operation gives", async () => {
    const directory = await temporaryDirectory();
    const file = join(directory, "page.ts");
    await writeFile(join(directory, "package.json"), '{ "type": "module" }\n');
    const source = `import { createClient, listPhones, type ListPhonesItem, type ListPhonesPage } from ${JSON.stringify(join(digaClientDirectory, "src", "index.js"))};
export async function firstTwo(): Promise<ListPhonesItem[]> {
  const first: ListPhonesPage = await listPhones(createClient(), { limit: 1 });
  const second: ListPhonesPage | undefined = first.hasNextPage() ? await first.getNextPage() : undefined;
  return [...first.data, ...(second?.data ?? [])];
}
// @ts-expect-error a page is not a bare number
export const wrong: ListPhonesPage = 1;
`;
    await writeFile(file, source);
    expect(typecheck([file])).toStrictEqual([]);
  });
});
