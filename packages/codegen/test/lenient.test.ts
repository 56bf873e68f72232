import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { generate } from "../src/index.js";
import { temporaryDirectory, writeFiles } from "./support/paths.js";
import { typecheckProgram } from "./support/property-check.js";

/**
 * Real specs break OpenAPI's rules in small ways that still describe a usable API; the peers generate them, so we
 * do too, saying what we assumed, one warning per problem with its pointer. `--strict` refuses them instead.
 */
const SPEC = [
  "openapi: 3.0.3",
  "info: { title: Lenient, version: '1.0.0' }",
  "components:",
  "  securitySchemes:",
  "    oauth: { type: oauth2, flows: { implicit: { authorizationUrl: 'https://example.com/auth', scopes: {} } } }",
  "  schemas:",
  "    Json:",
  "      oneOf: [{ type: string }, { type: number }, { type: array, items: { $ref: '#/components/schemas/Json' } }, { type: object, additionalProperties: { $ref: '#/components/schemas/Json' } }]",
  "paths:",
  "  /items/{itemId}/{version}:",
  "    get:",
  "      operationId: getItem",
  "      parameters:",
  "        - { name: itemId, in: path, schema: { type: integer } }",
  "        - { name: page, in: query }",
  "      responses:",
  "        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Json' } } } }",
  "",
].join("\n");

async function specFile(): Promise<string> {
  const directory = await temporaryDirectory("codegen-lenient-");
  const file = join(directory, "openapi.yaml");
  await writeFile(file, SPEC);
  return file;
}

describe("a spec that breaks the rules in small ways", () => {
  it("generates a client that type-checks, with one warning per problem naming its pointer", async () => {
    const result = await generate({ input: await specFile() });
    expect(result.warnings.map(({ pointer }) => pointer)).toStrictEqual([
      "/paths/~1items~1{itemId}~1{version}/get/parameters/0",
      "/paths/~1items~1{itemId}~1{version}/get/parameters/1",
      "/paths/~1items~1{itemId}~1{version}/get",
      "/components/schemas/Json/oneOf/2/items/$ref",
      "/components/securitySchemes/oauth",
    ]);
    const operation = result.files.find((file) => file.path === "src/operations/getItem.ts")?.contents ?? "";
    // Both path parameters are arguments: the declared one (assumed required) and the one only the template names.
    expect(operation).toMatch(/export function getItem\(\s*client: Client,\s*itemId: [^,]+,\s*version: [^,]+,/);
    const directory = await temporaryDirectory("codegen-lenient-out-");
    await writeFiles(directory, result.files);
    const sources = result.files.filter((file) => file.path.startsWith("src/") && file.path.endsWith(".ts")).map((file) => join(directory, file.path));
    expect(typecheckProgram(sources)).toStrictEqual([]);
  }, 60_000);

  it("the CLI prints each warning on one line; --strict refuses the spec and writes nothing", async () => {
    const input = await specFile();
    const output = join(await temporaryDirectory("codegen-lenient-cli-"), "client");
    const run = async (argv: string[]) => {
      const err: string[] = [];
      const code = await main(argv, { cwd: process.cwd(), out: () => undefined, err: (line) => err.push(line) });
      return { code, err };
    };
    const lenient = await run(["generate", "-i", input, "-o", output]);
    expect(lenient.code).toBe(0);
    expect(lenient.err).toHaveLength(5);
    expect(lenient.err[0]).toBe(`diga-codegen: warning: ${input}: path parameter "itemId" must have \`required: true\`; assumed required (at /paths/~1items~1{itemId}~1{version}/get/parameters/0)`);

    const strictOutput = join(await temporaryDirectory("codegen-lenient-cli-"), "client");
    const strict = await run(["generate", "-i", input, "-o", strictOutput, "--strict"]);
    expect(strict.code).toBe(1);
    expect(strict.err.join("\n")).toContain('openapi.yaml:14:11: path parameter "itemId" must have `required: true`; assumed required (at /paths/~1items~1{itemId}~1{version}/get/parameters/0)');
    expect(existsSync(strictOutput)).toBe(false);
  }, 60_000);
});

describe("a request body no literal can fit", () => {
  it("generates a client that type-checks, warns once per schema naming the operations, and leaves their examples out", async () => {
    const directory = await temporaryDirectory("codegen-unwritable-");
    const file = join(directory, "openapi.yaml");
    // Azure Data Factory's shape: a required string beside an index signature of objects.
    const resource =
      "{ type: object, required: [properties], properties: { properties: { type: object, required: [type], properties: { type: { type: string } }, additionalProperties: { type: object } } } }";
    await writeFile(
      file,
      [
        "openapi: 3.0.3",
        "info: { title: Unwritable, version: '1.0.0' }",
        "components:",
        `  schemas: { Dataset: ${resource} }`,
        "paths:",
        "  /datasets/{name}:",
        "    parameters: [{ name: name, in: path, required: true, schema: { type: string } }]",
        "    put: { operationId: putDataset, requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Dataset' } } } }, responses: { '204': { description: ok } } }",
        "    patch: { operationId: patchDataset, requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Dataset' } } } }, responses: { '204': { description: ok } } }",
        "    get: { operationId: getDataset, responses: { '204': { description: ok } } }",
        "",
      ].join("\n"),
    );
    const result = await generate({ input: file });
    expect(result.warnings).toStrictEqual([
      {
        pointer: "/components/schemas/Dataset/properties/properties",
        message: expect.stringContaining('its required property "type" cannot also be the object its `additionalProperties` asks for; `putDataset`, `patchDataset` can only be called with a cast'),
      },
    ]);
    const source = (name: string) => result.files.find((entry) => entry.path === `src/operations/${name}.ts`)?.contents ?? "";
    expect(source("putDataset")).not.toContain("@example");
    expect(source("getDataset")).toContain("@example");
    const readme = result.files.find((entry) => entry.path === "README.md")?.contents ?? "";
    expect(readme).toContain("No example: no value fits the type the spec gives this request (`/components/schemas/Dataset/properties/properties`)");
    expect(readme).not.toContain("putDataset(client");
    const output = await temporaryDirectory("codegen-unwritable-out-");
    await writeFiles(output, result.files);
    expect(typecheckProgram(result.files.filter((entry) => entry.path.startsWith("src/") && entry.path.endsWith(".ts")).map((entry) => join(output, entry.path)))).toStrictEqual([]);
  }, 60_000);
});
