import { describe, expect, it } from "vitest";
import type { SampleValue } from "./model.js";
import { sampleOf } from "./samples.js";
import type { OpenApiDocument, SchemaObject } from "./spec.js";

const document = {
  openapi: "3.1.0",
  info: { title: "T", version: "1" },
  components: {
    schemas: {
      Base: { type: "object", required: ["id"], properties: { id: { type: "string", format: "uuid" } } },
      Node: { type: "object", required: ["children"], properties: { children: { type: "array", items: { $ref: "#/components/schemas/Node" } } } },
      Loop: { type: "object", required: ["next"], properties: { next: { $ref: "#/components/schemas/Loop" } } },
      // Service Fabric's shape: the parent's enum says "Local", openapi-typescript's child types say their own names.
      NetworkBase: { type: "object", discriminator: { propertyName: "kind" }, required: ["kind"], properties: { kind: { type: "string", enum: ["Local"] } } },
      Network: { allOf: [{ $ref: "#/components/schemas/NetworkBase" }], properties: { description: { type: "string" } } },
      LocalNetwork: { allOf: [{ $ref: "#/components/schemas/Network" }], required: ["prefix"], properties: { prefix: { type: "string" } } },
      Shape: { type: "object", discriminator: { propertyName: "type", mapping: { sq: "#/components/schemas/Square" } }, properties: { type: { type: "string" } } },
      Selector: { allOf: [{ $ref: "#/components/schemas/Shape" }, { type: "object", properties: { type: { type: "string", enum: ["branches", "tags"] } } }] },
      // Influx's PostCheck: a discriminator inherited from a union of checks, whose common members stay.
      Checks: { discriminator: { propertyName: "type" }, oneOf: [{ $ref: "#/components/schemas/Deadman" }, { $ref: "#/components/schemas/Threshold" }] },
      Deadman: { type: "object", required: ["type", "name", "every"], properties: { type: { type: "string", enum: ["deadman"] }, name: { type: "string" }, every: { type: "string" } } },
      Threshold: { type: "object", required: ["type", "name"], properties: { type: { type: "string", enum: ["threshold"] }, name: { type: "string" } } },
      PostCheck: { allOf: [{ $ref: "#/components/schemas/Checks" }] },
      // Azure Kusto's Database: its own discriminator, which openapi-typescript also writes into a composing member.
      Database: { discriminator: { propertyName: "kind" }, properties: { kind: { type: "string", enum: ["ReadWrite"] } }, allOf: [{ allOf: [{ properties: { id: { type: "string" } } }] }] },
      // Linode: a union under a discriminator lists Domain, so openapi-typescript rewrites Domain.type as "Domain".
      Domain: { type: "object", required: ["type"], properties: { type: { type: "string", enum: ["master", "slave"] } } },
      Zone: { discriminator: { propertyName: "type" }, oneOf: [{ $ref: "#/components/schemas/Domain" }] },
      Square: { allOf: [{ $ref: "#/components/schemas/Shape" }], required: ["side"], properties: { side: { type: "number" } } },
    },
  },
} as unknown as OpenApiDocument;

const literal = (value: string | number | boolean | null): SampleValue => ({ kind: "literal", value });
const object = (...properties: [string, SampleValue][]): SampleValue => ({ kind: "object", properties });

describe("sampleOf", () => {
  it.each<{ name: string; schema: SchemaObject | { $ref: string }; want: SampleValue }>([
    {
      name: "required properties only, each by type and format",
      schema: {
        type: "object",
        required: ["name", "age", "at"],
        properties: { name: { type: "string" }, age: { type: "integer", minimum: 18 }, at: { type: "string", format: "date-time" }, nickname: { type: "string" } },
      },
      want: object(["name", literal("string")], ["age", literal(18)], ["at", literal("2025-01-31T09:30:00Z")]),
    },
    {
      name: "a default of another type than the schema's is no sample (Billingo's integer `page` with `default: \"1\"`)",
      schema: {
        type: "object",
        required: ["page", "size", "on"],
        properties: { page: { type: "integer", default: "1" }, size: { type: "number", default: 2.5 }, on: { type: ["boolean", "null"], default: "yes" } },
      },
      want: object(["page", literal(1)], ["size", literal(2.5)], ["on", literal(true)]),
    },
    {
      name: "a default outside the enum is no sample; an allOf that describes no object is sampled by its first typed member",
      schema: {
        type: "object",
        required: ["sort", "arn", "label"],
        properties: {
          sort: { type: "string", enum: ["published_date", "views"], default: "created_date" },
          arn: { allOf: [{ type: "string" }, { description: "The ARN." }] },
          label: { allOf: [{ type: "string" }, { minLength: 1 }] },
        },
      },
      want: object(["sort", literal("published_date")], ["arn", literal("string")], ["label", literal("string")]),
    },
    {
      name: "default, then const, then the first non-null enum value",
      schema: { type: "object", required: ["a", "b", "c"], properties: { a: { type: "string", default: "x" }, b: { const: 3 }, c: { enum: [null, "on", "off"] } } },
      want: object(["a", literal("x")], ["b", literal(3)], ["c", literal("on")]),
    },
    {
      name: "allOf members merged, through $ref",
      schema: { allOf: [{ $ref: "#/components/schemas/Base" }, { type: "object", required: ["flag"], properties: { flag: { type: "boolean" } } }] },
      want: object(["id", literal("3fa85f64-5717-4562-b3fc-2c963f66afa6")], ["flag", literal(true)]),
    },
    {
      name: "a required name no property declares is left out (Plaid's questionnaire)",
      schema: { type: "object", required: ["redirect_uri", "payment_limits"], properties: { redirect_uri: { type: "string" } } },
      want: object(["redirect_uri", literal("string")]),
    },
    {
      name: "properties beside oneOf, merged with the first alternative, whose required names may be declared outside",
      schema: {
        type: "object",
        required: ["name"],
        properties: { name: { type: "string" }, status: { enum: ["queued", "completed"] }, conclusion: { enum: ["success", "failure"] } },
        oneOf: [{ properties: { status: { enum: ["completed"] } }, required: ["status", "conclusion"] }, { properties: { status: { enum: ["queued"] } } }],
      },
      want: object(["name", literal("string")], ["status", literal("completed")], ["conclusion", literal("success")]),
    },
    {
      name: "an inherited discriminator is the schema's own name (openapi-typescript's type), not the parent's enum",
      schema: { $ref: "#/components/schemas/Network" },
      want: object(["kind", literal("Network")]),
    },
    {
      name: "an inherited discriminator, through a parent's parent",
      schema: { $ref: "#/components/schemas/LocalNetwork" },
      want: object(["kind", literal("LocalNetwork")], ["prefix", literal("string")]),
    },
    { name: "an inherited discriminator is the mapping's key for the schema", schema: { $ref: "#/components/schemas/Square" }, want: object(["type", literal("sq")], ["side", literal(1)]) },
    {
      name: "an inherited discriminator its own enum excludes admits no value (Bitbucket's pipeline_selector)",
      schema: { $ref: "#/components/schemas/Selector" },
      want: {
        kind: "unwritable",
        pointer: "/components/schemas/Selector",
        reason: 'its discriminator "type" must be "Selector" (the schema\'s name), which its own enum ("branches", "tags") does not allow',
      },
    },
    {
      name: "a discriminator inherited from a union: the schema's name, and the members every alternative has",
      schema: { $ref: "#/components/schemas/PostCheck" },
      want: object(["type", literal("PostCheck")], ["name", literal("string")]),
    },
    {
      name: "a schema's own discriminator, written into a composing allOf member, that its enum excludes",
      schema: { $ref: "#/components/schemas/Database" },
      want: {
        kind: "unwritable",
        pointer: "/components/schemas/Database",
        reason: 'its discriminator "kind" must be "Database" (the schema\'s name), which its own enum ("ReadWrite") does not allow',
      },
    },
    {
      name: "allOf members of different types admit no value",
      schema: { type: "object", required: ["x"], properties: { x: { allOf: [{ type: "string" }, { type: "integer" }] } } },
      want: object(["x", { kind: "unwritable", pointer: "/properties/x", reason: "its allOf members are of different types (string, integer)" }]),
    },
    {
      name: "a schema a discriminated union lists has the union's value, even through an allOf (Linode's Domain)",
      schema: { allOf: [{ $ref: "#/components/schemas/Domain" }], required: ["type"] },
      want: object(["type", literal("Domain")]),
    },
    {
      name: "an allOf member that is a bare `{ type: object }` (openapi-typescript's Record<string, never>) admits no property (Docker Hub)",
      schema: { allOf: [{ $ref: "#/components/schemas/Base" }, { type: "object", required: ["id"] }] },
      want: {
        kind: "unwritable",
        pointer: "/allOf/1",
        reason: 'an allOf member is a bare `{ type: object }`, which openapi-typescript types as `Record<string, never>`, so its required property "id" can be nothing',
      },
    },
    {
      name: "an allOf whose members are allOfs of strings is a string (ATO's relatedPartyId)",
      schema: { type: "object", required: ["id"], properties: { id: { allOf: [{ allOf: [{ type: "string", maxLength: 36 }, { type: "string" }] }], description: "an id" } } },
      want: object(["id", literal("string")]),
    },
    {
      name: "allOf and required beside oneOf are the type's too (ShipEngine's compare_bulk_rates_request_body)",
      schema: { allOf: [{ $ref: "#/components/schemas/Base" }], required: ["id"], oneOf: [{ type: "object", required: ["ids"], properties: { ids: { type: "array", items: { type: "string" } } } }] },
      want: object(["id", literal("3fa85f64-5717-4562-b3fc-2c963f66afa6")], ["ids", { kind: "array", items: [] }]),
    },
    {
      name: "a property redeclared with a description only keeps its typed declaration (Nexmo's text)",
      schema: { allOf: [{ type: "object", required: ["text"], properties: { text: { type: "string" } } }, { properties: { text: { description: "The text." } } }] },
      want: object(["text", literal("string")]),
    },
    { name: "the discriminator's own schema keeps its enum", schema: { $ref: "#/components/schemas/NetworkBase" }, want: object(["kind", literal("Local")]) },
    { name: "the first non-null alternative of anyOf", schema: { anyOf: [{ type: "null" }, { type: "number" }] }, want: literal(1) },
    { name: "a binary string is a Blob", schema: { type: "object", required: ["file"], properties: { file: { type: "string", format: "binary" } } }, want: object(["file", { kind: "blob" }]) },
    { name: "arrays are empty, so recursion through items ends at once", schema: { $ref: "#/components/schemas/Node" }, want: object(["children", { kind: "array", items: [] }]) },
  ])("$name", ({ schema, want }) => {
    expect(sampleOf(document, schema as SchemaObject)).toStrictEqual(want);
  });

  it("marks an object no literal fits: a required property the `additionalProperties` schema does not admit (Azure Data Factory)", () => {
    const schema = {
      type: "object",
      required: ["properties"],
      properties: { properties: { type: "object", required: ["type"], properties: { type: { type: "string" } }, additionalProperties: { type: "object" } } },
    };
    expect(sampleOf(document, schema as SchemaObject, 0, "/components/schemas/Dataset")).toStrictEqual(
      object([
        "properties",
        { kind: "unwritable", pointer: "/components/schemas/Dataset/properties/properties", reason: 'its required property "type" cannot also be the object its `additionalProperties` asks for' },
      ]),
    );
    // The same property beside an index signature it fits, or beside `additionalProperties: true`, is written.
    for (const extra of [{ type: "string" }, true, {}])
      expect(sampleOf(document, { type: "object", required: ["type"], properties: { type: { type: "string" } }, additionalProperties: extra } as SchemaObject)).toStrictEqual(
        object(["type", literal("string")]),
      );
  });

  it("stops a required self-reference at a bounded depth", () => {
    let depth = 0;
    for (let sample = sampleOf(document, { $ref: "#/components/schemas/Loop" } as never); sample.kind === "object" && sample.properties.length > 0; depth++)
      sample = sample.properties[0]?.[1] ?? object();
    expect(depth).toBe(7);
  });
});
