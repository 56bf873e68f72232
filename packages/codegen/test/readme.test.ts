import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate, writeOutput } from "../src/index.js";
import { LARGE_API_OPERATIONS } from "../src/emit/readme.js";
import { fixtureCases } from "./support/fixtures.js";
import { phoneSpec, repoRoot, temporaryDirectory, writeFiles } from "./support/paths.js";
import { asModule, codeBlocks } from "./support/readme-examples.js";
import { STRICTEST, typecheck } from "./support/typecheck.js";

/** The generated README's examples are code, not prose: every block must compile against the package it describes. */
describe("the generated README", () => {
  it.each(fixtureCases)(
    "of '$name' has examples that type-check against its package",
    async ({ input }) => {
      const result = await generate({ input, packageName: "@example/client" });
      const readme = result.files.find((file) => file.path === "README.md")?.contents ?? "";
      const blocks = codeBlocks(readme);
      // Authenticate, one per operation, the facade, retries; pagination and errors when the spec has them.
      expect(blocks.length).toBeGreaterThanOrEqual(3 + result.model.operations.length);
      const directory = await temporaryDirectory("codegen-readme-");
      await writeFiles(directory, result.files);
      expect(await typecheckBlocks(directory, blocks, result.files)).toStrictEqual([]);
    },
    60_000,
  );

  it("explains a client-credentials-only oauth2 scheme, with a token example that compiles and asks for the scopes", async () => {
    const spec = {
      openapi: "3.1.0",
      info: { title: "Machines", version: "1" },
      servers: [{ url: "https://api.example.com/v2" }],
      security: [{ machine: ["jobs:read"] }],
      paths: { "/jobs": { get: { operationId: "listJobs", responses: { "204": { description: "none" } } } } },
      components: { securitySchemes: { machine: { type: "oauth2", flows: { clientCredentials: { tokenUrl: "oauth/token", scopes: { "jobs:read": "Read jobs" } } } } } },
    };
    const result = await generate({ input: "machines.json", packageName: "@example/client", read: async () => JSON.stringify(spec) });
    const readme = result.files.find((file) => file.path === "README.md")?.contents ?? "";
    expect(readme).toContain("Client credentials (server to server): exchange your client id and secret for a token at <https://api.example.com/v2/oauth/token>");
    const example = codeBlocks(readme).find((block) => block.includes("accessToken")) ?? "";
    expect(example).toContain('grant_type: "client_credentials"');
    expect(example).toContain('scope: "jobs:read"');
    expect(example).toContain("const client = createClient({ bearerToken: accessToken });");
    const directory = await temporaryDirectory("codegen-readme-");
    await writeFiles(directory, result.files);
    const file = join(directory, "token.ts");
    await writeFile(file, asModule(example, "@example/client"));
    expect(typecheck([file], { ...STRICTEST, noUnusedLocals: false })).toStrictEqual([]);
  }, 60_000);

  it("with the TanStack Query plugin, has a section whose example type-checks against the package", async () => {
    const result = await generate({ input: phoneSpec, packageName: "@example/client", plugins: ["tanstack-query"] });
    const readme = result.files.find((file) => file.path === "README.md")?.contents ?? "";
    expect(readme).toContain("## TanStack Query");
    const example = codeBlocks(readme).find((block) => block.includes("/tanstack-query")) ?? "";
    expect(example).toContain("listPhonesInfiniteQueryOptions(client)");
    // Inside the repository, so `@tanstack/query-core` resolves.
    const directory = join(repoRoot, "packages", "codegen", "test", ".generated", "readme-tanstack");
    await writeOutput(directory, result.files);
    const file = join(directory, "readme-example.ts");
    await writeFile(file, asModule(example, "@example/client", packageExports(result.files)));
    expect(typecheck([file], { ...STRICTEST, noUnusedLocals: false })).toStrictEqual([]);
  }, 60_000);

  it("has examples that compile for shapes real specs use (AWS's object query parameter, GitHub's oneOf beside properties, Plaid's undeclared required name)", async () => {
    const spec = `openapi: 3.0.3
info: { title: Shapes, version: 1.0.0 }
paths:
  /suggesters:
    get:
      operationId: defineSuggester
      parameters:
        - name: Suggester
          in: query
          required: true
          schema: { type: object, required: [SuggesterName, Options], properties: { SuggesterName: { type: string }, Options: { type: object, required: [SourceField], properties: { SourceField: { type: string } } } } }
      responses: { '204': { description: ok } }
  /check-runs:
    post:
      operationId: createCheckRun
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [name]
              properties:
                name: { type: string }
                status: { enum: [queued, completed] }
                conclusion: { enum: [success, failure] }
              oneOf:
                - { properties: { status: { enum: [completed] } }, required: [status, conclusion] }
                - { properties: { status: { enum: [queued] } } }
      responses: { '204': { description: ok } }
  /questionnaires:
    post:
      operationId: createQuestionnaire
      requestBody:
        required: true
        content:
          application/json:
            schema: { type: object, required: [redirect_uri, payment_limits], properties: { redirect_uri: { type: string } } }
      responses: { '204': { description: ok } }
`;
    const directory = await temporaryDirectory("codegen-readme-shapes-");
    const input = join(directory, "openapi.yaml");
    await writeFile(input, spec);
    const result = await generate({ input, packageName: "@example/client" });
    const readme = result.files.find((file) => file.path === "README.md")?.contents ?? "";
    expect(readme).toContain('Suggester: { SuggesterName: "string", Options: { SourceField: "string" } }');
    expect(readme).toContain('body: { name: "string", status: "completed", conclusion: "success" }');
    await writeFiles(directory, result.files);
    expect(await typecheckBlocks(directory, codeBlocks(readme), result.files)).toStrictEqual([]);
  }, 60_000);

  it(`on an API of more than ${LARGE_API_OPERATIONS} operations, imports every example by path, and the examples compile`, async () => {
    // A root import of such an API makes TypeScript read all of it (Graph beta: more than tsc's 4 GB), so examples a
    // user copies must not use it.
    const operations = Array.from({ length: LARGE_API_OPERATIONS + 1 }, (_, index) => index);
    const spec = {
      openapi: "3.0.3",
      info: { title: "Large", version: "1.0.0" },
      paths: Object.fromEntries(
        operations.map((index) => [
          `/things${index}/{id}`,
          {
            get: {
              operationId: `getThing${index}`,
              parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
              responses: {
                "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } },
                "404": { description: "missing", content: { "application/json": { schema: { type: "object", properties: { message: { type: "string" } } } } } },
              },
            },
          },
        ]),
      ),
      components: { schemas: { Thing: { type: "object", required: ["id"], properties: { id: { type: "string" } } } } },
    };
    const directory = await temporaryDirectory("codegen-readme-large-");
    const input = join(directory, "openapi.json");
    await writeFile(input, JSON.stringify(spec));
    const result = await generate({ input, packageName: "@example/client" });
    const blocks = codeBlocks(result.files.find((file) => file.path === "README.md")?.contents ?? "");
    expect(blocks.filter((block) => block.includes('from "@example/client";'))).toStrictEqual([]);
    expect(blocks.join("\n")).toContain('import { getThing0 } from "@example/client/operations/getThing0";');
    expect(blocks.join("\n")).toContain('import { isApiError } from "@example/client/client";');
    await writeFiles(directory, result.files);
    // The first operations' examples and every section after the operations (authenticate, errors, retries, imports).
    expect(await typecheckBlocks(directory, [...blocks.slice(0, 5), ...blocks.slice(operations.length + 1)], result.files)).toStrictEqual([]);
  }, 120_000);

  it("the check can fail: a block calling an operation that does not exist", async () => {
    const directory = await temporaryDirectory("codegen-readme-");
    const result = await generate({ input: fixtureCases[0]?.input ?? "", packageName: "@example/client" });
    await writeFiles(directory, result.files);
    const file = join(directory, "broken.ts");
    await writeFile(file, asModule('import { listPhonez } from "@example/client";\n\nawait listPhonez(client);', "@example/client"));
    expect(typecheck([file], { ...STRICTEST, noUnusedLocals: false }).join("\n")).toContain("listPhonez");
  }, 60_000);
});

/** README blocks as modules of the package written in `directory`, type-checked together; their diagnostics. */
async function typecheckBlocks(directory: string, blocks: readonly string[], files: readonly { path: string; contents: string }[]): Promise<string[]> {
  const modules = await Promise.all(
    blocks.map(async (block, index) => {
      const file = join(directory, `readme-example-${index}.ts`);
      await writeFile(file, asModule(block, "@example/client", packageExports(files)));
      return file;
    }),
  );
  // Examples assign results they do not use; everything else is as strict as for the package itself.
  return typecheck(modules, { ...STRICTEST, noUnusedLocals: false });
}

function packageExports(files: readonly { path: string; contents: string }[]): Record<string, unknown> {
  const packageJson = files.find((file) => file.path === "package.json")?.contents ?? "{}";
  return (JSON.parse(packageJson) as { exports?: Record<string, unknown> }).exports ?? {};
}
