import { describe, expect, it } from "vitest";
import { buildModel } from "../../model/build-model.js";
import type { OpenApiDocument } from "../../model/spec.js";
import { basePathOf, describeOperation, type MockTables } from "./describe.js";
import { MockExampleTable, MockSchemaTable } from "./mock-tables.js";

describe("basePathOf", () => {
  it.each([
    { given: "https://api.diga.io", want: "" },
    { given: "https://api.example.com/v3/", want: "/v3" },
    { given: "https://api.example.com/api/v1", want: "/api/v1" },
    { given: "/api", want: "/api" },
    { given: undefined, want: "" },
  ])("$given → $want", ({ given, want }) => {
    expect(basePathOf(given)).toBe(want);
  });
});

describe("MockSchemaTable", () => {
  const document = {
    components: {
      schemas: {
        Node: { type: "object", title: "Node", description: "dropped", properties: { child: { $ref: "#/components/schemas/Node" }, secret: { type: "string", writeOnly: true } } },
        Count: { type: "integer", exclusiveMinimum: 0, exclusiveMaximum: 10, examples: [3, 4] },
      },
    },
  };

  it("keeps what the data generator reads, names refs after their component and ends at a schema that contains itself", () => {
    const table = new MockSchemaTable(document);
    expect(table.add({ type: "array", items: { $ref: "#/components/schemas/Node" }, pattern: "^x$", minItems: 1 })).toStrictEqual({ type: "array", items: { $ref: "Node" }, minItems: 1 });
    expect(table.add({ $ref: "#/components/schemas/Count" })).toStrictEqual({ $ref: "Count" });
    expect(table.table()).toStrictEqual({
      Count: { type: "integer", example: 3, minimum: 1, maximum: 9 },
      Node: { type: "object", properties: { child: { $ref: "Node" } } },
    });
  });

  it("names a ref outside components/schemas by its pointer", () => {
    const table = new MockSchemaTable({ paths: { "/x": { schema: { type: "string" } } } });
    expect(table.add({ $ref: "#/paths/~1x/schema" })).toStrictEqual({ $ref: "#/paths/~1x/schema" });
    expect(table.table()).toStrictEqual({ "#/paths/~1x/schema": { type: "string" } });
  });
});

describe("describeOperation", () => {
  const document = {
    openapi: "3.1.0",
    info: { title: "Things", version: "1" },
    servers: [{ url: "https://api.example.com/v2" }],
    paths: {
      "/things": {
        get: {
          operationId: "listThings",
          parameters: [
            { name: "after", in: "query", schema: { type: "string" } },
            { name: "limit", in: "query", schema: { type: "integer", default: 25, maximum: 100 } },
          ],
          responses: {
            "200": {
              description: "ok",
              content: {
                "application/json": {
                  schema: { type: "object", properties: { data: { type: "array", items: { $ref: "#/components/schemas/Thing" } }, has_more: { type: "boolean" }, last_id: { type: "string" } } },
                },
              },
            },
            "404": { $ref: "#/components/responses/NotFound" },
          },
        },
      },
    },
    components: {
      schemas: { Thing: { type: "object", properties: { id: { type: "string" } } }, Error: { type: "object", properties: { message: { type: "string" } } } },
      responses: {
        NotFound: { description: "gone", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Error" }, examples: { gone: { $ref: "#/components/examples/Gone" } } } } },
      },
      examples: { Gone: { value: { message: "no such thing" } } },
    },
  } as unknown as OpenApiDocument;

  it("describes answers (shared examples by name, a schema only where no example serves), pagination and page size", () => {
    const model = buildModel(document);
    const tables: MockTables = { schemas: new MockSchemaTable(document), examples: new MockExampleTable(document) };
    const [operation] = model.operations;
    if (operation === undefined) throw new Error("no operation");
    const description = JSON.parse(
      JSON.stringify(describeOperation(model, operation, document, tables), (_key, value: unknown) =>
        typeof value === "object" && value !== null && "name" in value && Object.keys(value).length === 1 ? `<${String((value as { name: unknown }).name)}>` : value,
      ),
    ) as Record<string, unknown>;
    expect(description).toStrictEqual({
      method: "GET",
      path: "/things",
      basePath: "/v2",
      name: "listThings",
      responses: [
        { status: 200, schema: { type: "object", properties: { data: { type: "array", items: { $ref: "Thing" } }, has_more: { type: "boolean" }, last_id: { type: "string" } } } },
        { status: 404, mediaType: "application/problem+json", exampleName: "Gone" },
      ],
      pagination: { items: "data", hasMore: "has_more", styles: [{ style: "<cursorPages>", next: { param: "after", from: "last_id" } }] },
      pageSize: { param: "limit", default: 25 },
    });
    expect(tables.examples.table()).toStrictEqual({ Gone: { message: "no such thing" } });
  });
});
