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

  it("name every component uniquely in the whole package, so the root's declarations are one file with nothing left out", async () => {
    // billingo.hu's shape: a response `ServerError` beside a schema `ServerErrorResponse`; telnyx's: a response
    // `ListThings` beside the operation listThings's own `ListThingsResponse`.
    const clashing = `openapi: 3.0.3
info: { title: J, version: 1.0.0 }
paths:
  /things:
    get:
      operationId: listThings
      responses:
        '200': { $ref: '#/components/responses/ListThings' }
        '500': { $ref: '#/components/responses/ServerError' }
components:
  responses:
    ListThings: { description: ok, content: { application/json: { schema: { type: array, items: { type: string } } } } }
    ServerError: { description: failed, content: { application/json: { schema: { $ref: '#/components/schemas/ServerErrorResponse' } } } }
  schemas:
    ServerErrorResponse: { type: object, properties: { message: { type: string } } }
`;
    const { files } = await generate({ input: "spec.yaml", read: async () => clashing, threads: false });
    const paths = files.map((file) => file.path);
    expect(paths).toContain("src/types/responses/ListThingsResponse2.ts");
    expect(paths).toContain("src/types/responses/ServerErrorResponse2.ts");
    expect(paths).toContain("src/types/schemas/ServerErrorResponse.ts");
    const root = files.find((file) => file.path === "dist/index.d.ts")?.contents ?? "";
    expect(root.match(/ from "\.\/(?!runtime\/|client\.js")/g) ?? []).toStrictEqual([]);
    expect(root).toContain("type ServerErrorResponse2 = {");
    expect(root).toContain("500: ServerErrorResponse2;");
  });
});
