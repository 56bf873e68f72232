import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../src/index.js";
import { temporaryDirectory, writeFiles } from "./support/paths.js";
import { typecheckProgram } from "./support/property-check.js";

/**
 * `allOf: [{ $ref }]` with `required: [...]` is openapi-typescript's `WithRequired<T, K>`; its helper does not
 * compile where `T` may be null or undefined. Both shapes are Plaid's and Twine Health's, reduced.
 */
const SPEC = `openapi: 3.0.3
info: { title: With required, version: '1.0.0' }
paths:
  /events:
    post:
      operationId: createEvent
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/CreateEventRequest' }
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/ErrorResponse' } } } }
components:
  schemas:
    Event:
      type: object
      properties:
        attributes:
          type: object
          properties:
            title: { type: string }
            start_at: { type: string }
    CreateEventRequest:
      type: object
      properties:
        attributes:
          allOf: [{ $ref: '#/components/schemas/Event/properties/attributes' }]
          required: [title, start_at]
    PlaidError:
      type: object
      nullable: true
      properties:
        error_code: { type: string }
        error_message: { type: string }
    ErrorResponse:
      allOf: [{ $ref: '#/components/schemas/PlaidError' }]
      required: [error_code]
`;

describe("an allOf of a reference that may be null or undefined, with required keys", () => {
  it("type-checks, and the required keys are required", async () => {
    const directory = await temporaryDirectory("codegen-with-required-");
    const input = join(directory, "openapi.yaml");
    await writeFile(input, SPEC);
    const result = await generate({ input });
    const types = typeModulesText(result.files);
    expect(types).toContain('WithRequired<Event["attributes"], "title" | "start_at">');
    expect(types).toContain('WithRequired<PlaidError, "error_code">');
    const output = join(directory, "client");
    await writeFiles(output, result.files);
    const probe = join(output, "src", "probe.ts");
    await writeFile(
      probe,
      [
        'import type { components } from "./schema.js";',
        'export const full: components["schemas"]["CreateEventRequest"] = { attributes: { title: "Check-in", start_at: "2025-10-15" } };',
        'export const error: components["schemas"]["ErrorResponse"] = { error_code: "ITEM_LOGIN_REQUIRED" };',
        "// @ts-expect-error start_at is required",
        'export const partial: components["schemas"]["CreateEventRequest"] = { attributes: { title: "Check-in" } };',
        "// @ts-expect-error error_code is required",
        "export const missing: components['schemas']['ErrorResponse'] = {};",
        "",
      ].join("\n"),
    );
    const sources = result.files.filter((file) => file.path.startsWith("src/") && file.path.endsWith(".ts")).map((file) => join(output, file.path));
    expect(typecheckProgram([...sources, probe])).toStrictEqual([]);
  }, 60_000);
});

describe("a $ref into a property of a property that may be undefined", () => {
  it("type-checks: the ref is written as a copy of its target", async () => {
    const spec = `openapi: 3.0.3
info: { title: Nested refs, version: '1.0.0' }
paths:
  /events:
    post:
      operationId: createEvent
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                owner: { $ref: '#/components/schemas/Event/properties/relationships/properties/owner' }
                attributes: { $ref: '#/components/schemas/Event/properties/attributes' }
      responses:
        '204': { description: ok }
components:
  schemas:
    Event:
      type: object
      properties:
        attributes: { type: object, properties: { title: { type: string } } }
        relationships:
          type: object
          properties:
            owner: { type: object, required: [id], properties: { id: { type: string } } }
`;
    const directory = await temporaryDirectory("codegen-nested-ref-");
    const input = join(directory, "openapi.yaml");
    await writeFile(input, spec);
    const result = await generate({ input });
    const types = typeModulesText(result.files);
    // One level into an optional property still compiles as an indexed type; two levels is a copy.
    expect(types).toContain('attributes?: Event["attributes"];');
    expect(types).not.toContain('["relationships"]["owner"]');
    const output = join(directory, "client");
    await writeFiles(output, result.files);
    const probe = join(output, "src", "probe.ts");
    await writeFile(
      probe,
      [
        'import type { operations } from "./schema.js";',
        'type Body = NonNullable<operations["createEvent"]["requestBody"]>["content"]["application/json"];',
        'export const body: Body = { owner: { id: "u1" } };',
        "// @ts-expect-error the owner's id is required",
        "export const bad: Body = { owner: {} };",
        "",
      ].join("\n"),
    );
    const sources = result.files.filter((file) => file.path.startsWith("src/") && file.path.endsWith(".ts")).map((file) => join(output, file.path));
    expect(typecheckProgram([...sources, probe])).toStrictEqual([]);
  }, 60_000);
});

/** Every module of the types stage (schema.ts and src/types/), as one text to search. */
function typeModulesText(files: readonly { path: string; contents: string }[]): string {
  return files
    .filter((file) => file.path === "src/schema.ts" || file.path.startsWith("src/types/"))
    .map((file) => file.contents)
    .join("\n");
}
