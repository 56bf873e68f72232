import { describe, expect, it } from "vitest";
import { generate } from "../generate.js";

const spec = `openapi: 3.0.3
info: { title: J, version: 1.0.0 }
paths:
  /things:
    get:
      summary: List the things
      responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } } }
components:
  schemas:
    Thing: { type: object, description: One thing., properties: { id: { type: string } } }
`;

describe("the type modules", () => {
  it("keep an operation's summary on paths, as for an operation with an id, and a schema's JSDoc in its module", async () => {
    const { files } = await generate({ input: "spec.yaml", read: async () => spec, threads: false });
    const text = (path: string) => files.find((file) => file.path === path)?.contents ?? "";
    expect(text("src/schema.ts")).toMatch(/\/\*\* List the things \*\/\n\s+get: GetThingsOperation;/);
    expect(text("src/schema.ts")).toContain("Thing: Thing;");
    expect(text("src/types/schemas/Thing.ts")).toMatch(/\/\*\* @description One thing\. \*\/\nexport type Thing = \{/);
    expect(text("src/types/operations/getThings.ts")).toContain('import type { Thing } from "../schemas/Thing.js";');
  });
});
