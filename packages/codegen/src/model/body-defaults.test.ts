import { describe, expect, it } from "vitest";
import { bodyDefaultsOf } from "./body-defaults.js";
import type { OpenApiDocument, SchemaObject } from "./spec.js";

const document = {
  openapi: "3.1.0",
  info: { title: "T", version: "1" },
  paths: {},
  components: {
    schemas: {
      Tool: { type: "object", required: ["name"], properties: { name: { type: "string" }, timeout: { type: "integer", default: 30 } } },
      Voice: { type: "object", properties: { speed: { type: "number", default: 1 } } },
      Node: { type: "object", properties: { label: { type: "string", default: "" }, children: { type: "array", items: { $ref: "#/components/schemas/Node" } } } },
      Strict: { allOf: [{ $ref: "#/components/schemas/Tool" }, { required: ["timeout"] }] },
    },
  },
} as unknown as OpenApiDocument;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe("bodyDefaultsOf", () => {
  it.each([
    // openapi-typescript already leaves an inline body's own defaulted fields optional: nothing to loosen.
    { name: "inline body", schema: { type: "object", properties: { is_draft: { type: "boolean", default: false } } }, want: undefined },
    { name: "a component", schema: ref("Tool"), want: { optional: ["timeout"], nested: [] } },
    { name: "a component inside an inline body", schema: { type: "object", properties: { tool: ref("Tool") } }, want: { optional: [], nested: [["tool", { optional: ["timeout"], nested: [] }]] } },
    {
      name: "items of an array, and Optional[Model]",
      schema: { type: "object", properties: { tools: { type: "array", items: ref("Tool") }, voice: { anyOf: [ref("Voice"), { type: "null" }] } } },
      want: {
        optional: [],
        nested: [
          ["tools", { optional: ["timeout"], nested: [] }],
          ["voice", { optional: ["speed"], nested: [] }],
        ],
      },
    },
    { name: "required by another allOf member", schema: ref("Strict"), want: undefined },
    { name: "a schema that contains itself", schema: ref("Node"), want: { optional: ["label"], nested: [] } },
  ])("$name", ({ schema, want }) => {
    expect(bodyDefaultsOf(document, schema as SchemaObject)).toStrictEqual(want);
  });
});

/**
 * Microsoft Graph's shape: entities whose properties refer to every other entity, and a default on each that the
 * same schema requires (`@odata.type`). Walking every path six levels deep is 40^6 steps to find nothing.
 */
function entityGraph(size: number, defaulted?: { entity: number; property: string }) {
  const name = (index: number) => `E${index}`;
  const schemas = Object.fromEntries(
    Array.from({ length: size }, (_, index) => [
      name(index),
      {
        type: "object",
        required: ["@odata.type"],
        properties: {
          "@odata.type": { type: "string", default: `#${name(index)}` },
          ...Object.fromEntries(Array.from({ length: size }, (_, other) => [`to${other}`, { $ref: `#/components/schemas/${name(other)}` }])),
          ...(defaulted?.entity === index ? { [defaulted.property]: { type: "integer", default: 1 } } : {}),
        },
      },
    ]),
  );
  return { openapi: "3.1.0", info: { title: "T", version: "1" }, paths: {}, components: { schemas } } as unknown as OpenApiDocument;
}

describe("bodyDefaultsOf on schemas that all refer to each other", () => {
  it("finds nothing, without walking every path", () => {
    const graph = entityGraph(40);
    const start = performance.now();
    for (let index = 0; index < 40; index++) expect(bodyDefaultsOf(graph, ref(`E${index}`) as SchemaObject)).toBeUndefined();
    expect(performance.now() - start).toBeLessThan(2_000);
  });

  it("still finds a default wherever a path reaches it, each schema once per path", () => {
    const graph = entityGraph(3, { entity: 2, property: "limit" });
    const found = bodyDefaultsOf(graph, ref("E0") as SchemaObject);
    // Not `to0`: E0 is already on the path.
    expect(found?.nested.map(([field]) => field)).toStrictEqual(["to1", "to2"]);
    const viaE1 = found?.nested.find(([field]) => field === "to1")?.[1];
    expect(viaE1?.nested.find(([field]) => field === "to2")?.[1].optional).toStrictEqual(["limit"]);
    expect(found?.nested.find(([field]) => field === "to2")?.[1].optional).toStrictEqual(["limit"]);
  });
});
