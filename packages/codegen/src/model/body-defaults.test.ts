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
    { name: "items of an array, and Optional[Model]", schema: { type: "object", properties: { tools: { type: "array", items: ref("Tool") }, voice: { anyOf: [ref("Voice"), { type: "null" }] } } }, want: { optional: [], nested: [["tools", { optional: ["timeout"], nested: [] }], ["voice", { optional: ["speed"], nested: [] }]] } },
    { name: "required by another allOf member", schema: ref("Strict"), want: undefined },
    { name: "a schema that contains itself", schema: ref("Node"), want: { optional: ["label"], nested: [] } },
  ])("$name", ({ schema, want }) => {
    expect(bodyDefaultsOf(document, schema as SchemaObject)).toStrictEqual(want);
  });
});
