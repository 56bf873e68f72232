import { describe, expect, it } from "vitest";
import { CodegenError } from "../errors.js";
import { singleFileSpec } from "../load/bundle.js";
import { parseSource } from "../load/source.js";
import { collectProblems, validateSpec } from "./validate-spec.js";

const minimal = { openapi: "3.1.0", info: { title: "T", version: "1" }, paths: {} };
const withPaths = (paths: unknown, extra: object = {}) => ({ ...minimal, paths, ...extra });
const get = (operation: object) => ({ "/x": { get: { responses: { "200": { description: "ok" } }, ...operation } } });

describe("collectProblems", () => {
  it.each([
    { name: "a minimal 3.1 document", given: minimal, want: [] },
    { name: "a minimal 3.0 document", given: { ...minimal, openapi: "3.0.3" }, want: [] },
    {
      name: "a list at the top level",
      given: [1, 2],
      want: [{ pointer: "", message: "not an OpenAPI document: the top level is not a mapping" }],
    },
    {
      name: "a document without `openapi`",
      given: { info: { title: "T", version: "1" } },
      want: [{ pointer: "", message: "not an OpenAPI document: the `openapi` version field is missing" }],
    },
    {
      name: "Swagger 2.0",
      given: { swagger: "2.0", info: {} },
      want: [{ pointer: "/swagger", message: "Swagger 2.0 is not supported, only OpenAPI 3.0 and 3.1" }],
    },
    {
      name: "OpenAPI 4",
      given: { ...minimal, openapi: "4.0.0" },
      want: [{ pointer: "/openapi", message: 'unsupported OpenAPI version "4.0.0"' }],
    },
    {
      name: "info without title and version",
      given: { ...minimal, info: {} },
      want: [
        { pointer: "/info/title", message: "`info.title` must be a string" },
        { pointer: "/info/version", message: "`info.version` must be a string" },
      ],
    },
    {
      name: "an unresolvable $ref, and a second problem in the same run",
      given: withPaths({
        "/x": { get: { responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Missing" } } } } } } },
        y: {},
      }),
      want: [
        { pointer: "/paths/y", message: 'path "y" must start with "/"' },
        {
          pointer: "/paths/~1x/get/responses/200/content/application~1json/schema/$ref",
          message: 'cannot resolve $ref "#/components/schemas/Missing": nothing is defined at /components/schemas/Missing',
        },
      ],
    },
    {
      name: "a ref into another file",
      given: withPaths(get({ parameters: [{ $ref: "common.yaml#/Limit" }] })),
      // The load stage bundles other files before validation; one still here could not be brought in.
      want: [{ pointer: "/paths/~1x/get/parameters/0/$ref", message: 'cannot resolve $ref "common.yaml#/Limit"' }],
    },
    {
      name: "a pure $ref cycle",
      given: { ...minimal, components: { schemas: { A: { $ref: "#/components/schemas/B" }, B: { $ref: "#/components/schemas/A" } } } },
      want: [
        { pointer: "/components/schemas/A/$ref", message: '$ref "#/components/schemas/B" only leads to other $refs in a cycle and never to a definition' },
        { pointer: "/components/schemas/B/$ref", message: '$ref "#/components/schemas/A" only leads to other $refs in a cycle and never to a definition' },
      ],
    },
    {
      name: "a recursive schema is fine",
      given: { ...minimal, components: { schemas: { Node: { type: "object", properties: { next: { $ref: "#/components/schemas/Node" } } } } } },
      want: [],
    },
    {
      name: "$ref-shaped data inside an example is not a reference",
      given: { ...minimal, components: { schemas: { A: { type: "object", example: { $ref: "not-a-ref" } } } } },
      want: [],
    },
    {
      name: "parameter problems",
      given: withPaths({
        "/x/{id}": { get: { parameters: [{ name: "id", in: "path", schema: { type: "string" } }, { name: "q", in: "body", schema: {} }, { name: "r", in: "query" }], responses: {} } },
      }),
      want: [
        { pointer: "/paths/~1x~1{id}/get/parameters/0", message: 'path parameter "id" must have `required: true`' },
        { pointer: "/paths/~1x~1{id}/get/parameters/1", message: 'parameter "q" has `in: body`' },
        { pointer: "/paths/~1x~1{id}/get/parameters/2", message: 'parameter "r" needs a `schema` (or `content`)' },
      ],
    },
    {
      name: "a path template variable without a parameter",
      given: withPaths({ "/x/{id}": { get: { responses: {} } } }),
      want: [{ pointer: "/paths/~1x~1{id}/get", message: 'path template "/x/{id}" has {id} but the operation declares no path parameter "id"' }],
    },
    {
      name: "a path parameter declared on the path item counts",
      given: withPaths({ "/x/{id}": { parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], get: { responses: {} } } }),
      want: [],
    },
    {
      name: "security naming an undefined scheme",
      given: withPaths(get({ security: [{ Bearer: [] }] })),
      want: [{ pointer: "/paths/~1x/get/security/0/Bearer", message: 'security requirement names "Bearer", which is not in components.securitySchemes' }],
    },
    {
      name: "a status code that is not one",
      given: withPaths(get({ responses: { "20O": { description: "typo" } } })),
      want: [{ pointer: "/paths/~1x/get/responses/20O", message: '"20O" is not a status code' }],
    },
    {
      name: "a request body and a response that are not mappings, and a media type that is not one",
      given: withPaths({ "/x": { post: { requestBody: "json", responses: { "200": "ok", "201": { description: "ok", content: { "text/plain": null } } } } } }),
      want: [
        { pointer: "/paths/~1x/post/responses/200", message: "response 200 must be a mapping" },
        { pointer: "/paths/~1x/post/responses/201/content/text~1plain", message: 'media type "text/plain" must be a mapping' },
        { pointer: "/paths/~1x/post/requestBody", message: "`requestBody` must be a mapping" },
      ],
    },
    {
      name: "schemas that contain themselves through allOf, or through items of a union",
      given: {
        ...minimal,
        components: {
          schemas: {
            User: { allOf: [{ $ref: "#/components/schemas/User" }, { type: "object" }] },
            Tree: { anyOf: [{ type: "string" }, { type: "array", items: { $ref: "#/components/schemas/Forest" } }] },
            Forest: { $ref: "#/components/schemas/Tree" },
          },
        },
      },
      want: [
        { pointer: "/components/schemas/User/allOf/0/$ref", message: 'schema "User" contains itself through allOf/anyOf/oneOf/items with no object property in between; TypeScript cannot name such a type' },
        { pointer: "/components/schemas/Forest/$ref", message: 'schema "Tree" contains itself through allOf/anyOf/oneOf/items with no object property in between; TypeScript cannot name such a type' },
        { pointer: "/components/schemas/Tree/anyOf/1/items/$ref", message: 'schema "Forest" contains itself through allOf/anyOf/oneOf/items with no object property in between; TypeScript cannot name such a type' },
      ],
    },
    {
      name: "schemas of the wrong shape, found by fuzzing (each crashed openapi-typescript or the model)",
      given: withPaths(
        { "/x": { get: { responses: { "200": { description: "ok", content: { "application/json": { schema: { properties: "x", allOf: {}, anyOf: [true, 5], required: "id" } } } } } } } },
        { components: { schemas: { "% ": { type: 5 }, Flag: true } } },
      ),
      want: [
        { pointer: "/paths/~1x/get/responses/200/content/application~1json/schema/properties", message: "`properties` must be a mapping of names to schemas" },
        { pointer: "/paths/~1x/get/responses/200/content/application~1json/schema/allOf", message: "`allOf` must be a list of schemas" },
        { pointer: "/paths/~1x/get/responses/200/content/application~1json/schema/anyOf/1", message: "a schema must be a mapping" },
        { pointer: "/paths/~1x/get/responses/200/content/application~1json/schema/required", message: "`required` of a schema must be a list of property names" },
        { pointer: "/components/schemas/% /type", message: "`type` must be a type name or a list of them" },
        { pointer: "/components/schemas/% ", message: 'schema name "% " has a "%" that is not a %XX escape' },
      ],
    },
    {
      name: "a path parameter twice in the template is fine; a $ref that is not a string is not",
      given: withPaths({
        "/{id}/{id}": { get: { parameters: [{ name: "id", in: "path", required: true, schema: { $ref: 5 } }], responses: { "200": { description: "ok" } } } },
      }),
      want: [{ pointer: "/paths/~1{id}~1{id}/get/parameters/0/schema/$ref", message: "`$ref` must be a string" }],
    },
    {
      name: "`additionalProperties: false` in OpenAPI 3.0 is fine (GitHub and Stripe use it everywhere)",
      given: { ...minimal, openapi: "3.0.3", components: { schemas: { Closed: { type: "object", additionalProperties: false }, Open: { additionalProperties: true } } } },
      want: [],
    },
    {
      name: "recursion through an object property is fine",
      given: { ...minimal, components: { schemas: { Node: { type: "object", properties: { children: { type: "array", items: { $ref: "#/components/schemas/Node" } } } } } } },
      want: [],
    },
  ])("$name", ({ given, want }) => {
    expect(collectProblems(given).map(({ pointer, message }) => ({ pointer, message }))).toStrictEqual(want);
  });
});

describe("validateSpec", () => {
  it("locates every problem in the file, with line and column", () => {
    const source = parseSource(
      "spec.yaml",
      ["openapi: 3.1.0", "info:", "  title: T", "  version: '1'", "paths:", "  /x:", "    get:", "      responses:", "        '200':", "          $ref: '#/components/responses/Nope'", ""].join("\n"),
    );
    let error: unknown;
    try {
      validateSpec(singleFileSpec(source));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CodegenError);
    expect((error as CodegenError).problems).toStrictEqual([
      {
        file: "spec.yaml",
        line: 10,
        column: 17,
        pointer: "/paths/~1x/get/responses/200/$ref",
        message: 'cannot resolve $ref "#/components/responses/Nope": nothing is defined at /components/responses/Nope',
        hint: "fix the reference or define the target",
      },
    ]);
    expect((error as CodegenError).message).toBe(
      'spec.yaml:10:17: cannot resolve $ref "#/components/responses/Nope": nothing is defined at /components/responses/Nope (at /paths/~1x/get/responses/200/$ref)\n  hint: fix the reference or define the target',
    );
  });
});
