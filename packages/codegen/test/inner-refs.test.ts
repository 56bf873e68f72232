import { join } from "node:path";
import { writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { generate } from "../src/index.js";
import { temporaryDirectory, writeFiles } from "./support/paths.js";
import { typecheckProgram } from "./support/property-check.js";

/**
 * `$ref`s that point inside a schema or into `paths`, which openapi-typescript cannot name, in the shapes real
 * documents write them: Azure's converted specs point at `…/properties/ipConfiguration/allOf/0` dozens of times,
 * conjur's at whole responses of other operations.
 */
const GATEWAY = "#/components/schemas/Gateway/properties/ipConfiguration/allOf/0";
const SUBNET = "#/components/schemas/Gateway/properties/ipConfiguration/properties/subnet";
const AUTHENTICATED = "#/paths/~1login/post/responses/200";

const SPEC = {
  openapi: "3.0.3",
  info: { title: "Inner refs", version: "1.0.0" },
  paths: {
    "/login": {
      post: { operationId: "login", responses: { 200: { description: "ok", content: { "application/json": { schema: { type: "object", properties: { token: { type: "string" } } } } } } } },
    },
    "/relogin": { post: { operationId: "relogin", responses: { 200: { $ref: AUTHENTICATED } } } },
    "/refresh": { post: { operationId: "refresh", responses: { 200: { $ref: AUTHENTICATED } } } },
    "/gateways": {
      get: { operationId: "listGateways", responses: { 200: { description: "ok", content: { "application/json": { schema: { type: "array", items: { $ref: "#/components/schemas/Gateway" } } } } } } },
    },
  },
  components: {
    schemas: {
      Gateway: {
        type: "object",
        properties: {
          ipConfiguration: {
            allOf: [{ type: "object", properties: { uniqueMarkerField: { type: "string" }, etag: { type: "string" } } }],
            properties: { subnet: { type: "object", properties: { subnetMarker: { type: "string" }, a: { $ref: GATEWAY }, b: { $ref: GATEWAY } } } },
          },
          primary: { $ref: GATEWAY },
          secondary: { $ref: GATEWAY },
          subnets: { type: "array", items: { $ref: SUBNET } },
        },
      },
    },
  },
};

async function generated() {
  const directory = await temporaryDirectory("codegen-inner-refs-");
  const input = join(directory, "openapi.json");
  await writeFile(input, JSON.stringify(SPEC));
  const result = await generate({ input });
  const types = result.files.filter((file) => file.path.startsWith("src/types/"));
  return { result, types, text: types.map((file) => file.contents).join("\n") };
}

const occurrences = (text: string, word: string) => text.split(word).length - 1;

describe("refs that point inside a schema or into paths", () => {
  it("give a schema used more than once a type of its own, written once and named after where it is", async () => {
    const { types, text } = await generated();
    // Where it is written, and its own type for the four uses: copied at each use, a copy inside a copy grows with
    // every level of nesting.
    expect(occurrences(text, "uniqueMarkerField")).toBe(2);
    expect(types.map((file) => file.path)).toContain("src/types/schemas/GatewayIpConfigurationAllOf0.ts");
    expect(text).toMatch(/primary\?: GatewayIpConfigurationAllOf0;/);
    // Used once: copied where it is used, as the document writes it.
    expect(occurrences(text, "subnetMarker")).toBe(2);
    expect(types.map((file) => file.path).join("\n")).not.toMatch(/Subnet/);
  }, 60_000);

  it("copy a ref to something that is not a schema (a response), so each operation keeps its body type", async () => {
    const { result } = await generated();
    for (const operation of ["relogin", "refresh"]) {
      const file = result.files.find((each) => each.path === `src/operations/${operation}.ts`)?.contents ?? "";
      expect(file).toContain(`export type ${operation[0]?.toUpperCase()}${operation.slice(1)}Response`);
    }
    const directory = await temporaryDirectory("codegen-inner-refs-app-");
    await writeFiles(directory, [
      ...result.files,
      {
        path: "app.ts",
        contents: [
          'import { createClient, relogin, listGateways } from "./src/index.js";',
          "const client = createClient({ baseUrl: 'https://example.com' });",
          "export async function main(): Promise<string | undefined> {",
          "  const [gateway] = await listGateways(client);",
          "  const etag: string | undefined = gateway?.primary?.etag ?? gateway?.ipConfiguration?.subnet?.a?.etag;",
          "  return (await relogin(client)).token ?? etag;",
          "}",
          "",
        ].join("\n"),
      },
    ]);
    const sources = [join(directory, "app.ts"), ...result.files.filter((file) => file.path.startsWith("src/") && file.path.endsWith(".ts")).map((file) => join(directory, file.path))];
    expect(typecheckProgram(sources)).toStrictEqual([]);
  }, 60_000);
});
