import { describe, expect, it } from "vitest";
import { CodegenError } from "../errors.js";
import { applyEdits } from "../pointer.js";
import { singleFileSpec } from "../load/bundle.js";
import { parseSource } from "../load/source.js";
import { inspectSpec, validateSpec } from "./validate-spec.js";

const minimal = { openapi: "3.1.0", info: { title: "T", version: "1" }, paths: {} };
const withPaths = (paths: unknown, extra: object = {}) => ({ ...minimal, paths, ...extra });
const get = (operation: object) => ({ "/x": { get: { responses: { "200": { description: "ok" } }, ...operation } } });

describe("inspectSpec", () => {
  it.each<{ name: string; given: unknown; want: { pointer: string; message: string }[]; warnings?: { pointer: string; message: string }[] }>([
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
      name: "parameter problems are assumptions, one warning each",
      given: withPaths({
        "/x/{id}": {
          get: {
            parameters: [
              { name: "id", in: "path", schema: { type: "string" } },
              { name: "q", in: "body", schema: {} },
              { name: "r", in: "query" },
              { in: "query" },
              { name: "r", in: "query", schema: {} },
            ],
            responses: {},
          },
        },
      }),
      want: [],
      warnings: [
        { pointer: "/paths/~1x~1{id}/get/parameters/0", message: 'path parameter "id" must have `required: true`; assumed required' },
        { pointer: "/paths/~1x~1{id}/get/parameters/1", message: 'parameter "q" has `in: body` (OpenAPI 3 has query, header, path and cookie parameters); the parameter is ignored' },
        { pointer: "/paths/~1x~1{id}/get/parameters/2", message: 'parameter "r" has no `schema` (or `content`); assumed type string' },
        { pointer: "/paths/~1x~1{id}/get/parameters/3", message: "a parameter needs a `name`; the parameter is ignored" },
        { pointer: "/paths/~1x~1{id}/get/parameters/4", message: 'parameter "r" in query is listed twice (a parameter list must not repeat a name and location); the parameter is ignored' },
      ],
    },
    {
      name: "a path template variable without a parameter",
      given: withPaths({ "/x/{id}": { get: { responses: {} } } }),
      want: [],
      warnings: [{ pointer: "/paths/~1x~1{id}/get", message: 'path template "/x/{id}" has {id} but the operation declares no path parameter "id"; assumed a required path parameter of type string' }],
    },
    {
      name: "a path parameter declared on the path item counts",
      given: withPaths({ "/x/{id}": { parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], get: { responses: {} } } }),
      want: [],
    },
    {
      name: "security naming an undefined scheme",
      given: withPaths(get({ security: [{ Bearer: [] }] })),
      want: [],
      warnings: [{ pointer: "/paths/~1x/get/security/0/Bearer", message: 'security requirement names "Bearer", which is not in components.securitySchemes; the requirement is ignored' }],
    },
    {
      name: "a status code that is not one",
      given: withPaths(get({ responses: { "20O": { description: "typo" } } })),
      want: [],
      warnings: [{ pointer: "/paths/~1x/get/responses/20O", message: '"20O" is not a status code (use a code like 200, a range like 4XX, or `default`); the response is ignored' }],
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
      want: [],
      // Each loop is cut once: Tree's cut (at Forest's $ref) also ends Forest's loop.
      warnings: [
        {
          pointer: "/components/schemas/User/allOf/0/$ref",
          message:
            'schema "User" contains itself through allOf/anyOf/oneOf/items with no object property in between, which TypeScript cannot name; typed as `unknown` here (move the recursion under an object property to keep the type)',
        },
        {
          pointer: "/components/schemas/Forest/$ref",
          message:
            'schema "Tree" contains itself through allOf/anyOf/oneOf/items with no object property in between, which TypeScript cannot name; typed as `unknown` here (move the recursion under an object property to keep the type)',
        },
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
        { pointer: "/components/schemas/% ", message: 'schema name "% " has a "%" that is not a %XX escape' },
      ],
      warnings: [
        { pointer: "/paths/~1x/get/responses/200/content/application~1json/schema/required", message: "`required` of a schema must be a list of property names; the keyword is ignored" },
        { pointer: "/components/schemas/% /type", message: "`type` must be a type name or a list of them; the keyword is ignored" },
      ],
    },
    {
      name: "an object schema whose enum lists strings (Mercedes-Benz's ProductGroup; openapi-typescript throws on it)",
      given: { ...minimal, components: { schemas: { ProductGroup: { type: "object", enum: ["PKW", "VAN"], properties: { name: { type: "string" } } }, Fine: { type: "object", enum: [{ a: 1 }] } } } },
      want: [],
      warnings: [{ pointer: "/components/schemas/ProductGroup/enum", message: "`enum` of an object schema lists values that are not objects; the keyword is ignored" }],
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
  ])("$name", ({ given, want, warnings = [] }) => {
    const found = inspectSpec(given);
    expect(found.problems.map(({ pointer, message }) => ({ pointer, message }))).toStrictEqual(want);
    expect(found.assumptions.map(({ pointer, message }) => ({ pointer, message }))).toStrictEqual(warnings);
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

  const lenient = () =>
    parseSource(
      "spec.yaml",
      [
        "openapi: 3.0.3",
        "info: { title: T, version: '1' }",
        "paths:",
        "  /a/{id}/{kind}:",
        "    get:",
        "      parameters:",
        "        - { name: q, in: body, schema: {} }",
        "        - { name: id, in: path, schema: { type: integer } }",
        "        - { name: limit, in: query }",
        "      responses: { '200': { description: ok } }",
        "components:",
        "  schemas:",
        "    Json: { oneOf: [{ type: string }, { type: array, items: { $ref: '#/components/schemas/Json' } }] }",
        "",
      ].join("\n"),
    );

  it("generates what breaks the rules in small ways: the document says what was assumed, one warning per problem", () => {
    const { document, warnings, edits } = validateSpec(singleFileSpec(lenient()));
    expect((document.paths?.["/a/{id}/{kind}"] as { get?: { parameters?: unknown } } | undefined)?.get?.parameters).toStrictEqual([
      { name: "id", in: "path", required: true, schema: { type: "integer" } },
      { name: "limit", in: "query", schema: { type: "string" } },
      { name: "kind", in: "path", required: true, schema: { type: "string" } },
    ]);
    expect(document.components?.schemas?.["Json"]).toStrictEqual({ oneOf: [{ type: "string" }, { type: "array", items: {} }] });
    expect(warnings.map(({ pointer }) => pointer)).toStrictEqual([
      "/paths/~1a~1{id}~1{kind}/get/parameters/0",
      "/paths/~1a~1{id}~1{kind}/get/parameters/1",
      "/paths/~1a~1{id}~1{kind}/get/parameters/2",
      "/paths/~1a~1{id}~1{kind}/get",
      "/components/schemas/Json/oneOf/1/items/$ref",
    ]);
    // The edits bring a second copy of the document (the types stage's) to the same state.
    const copy = lenient().value;
    applyEdits(copy, edits);
    expect(copy).toStrictEqual(document);
  });

  it("with `strict`, refuses what it would otherwise assume, each problem located", () => {
    let error: unknown;
    try {
      validateSpec(singleFileSpec(lenient()), { strict: true });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CodegenError);
    expect((error as CodegenError).problems.map(({ line, pointer }) => ({ line, pointer }))).toStrictEqual([
      { line: 7, pointer: "/paths/~1a~1{id}~1{kind}/get/parameters/0" },
      { line: 8, pointer: "/paths/~1a~1{id}~1{kind}/get/parameters/1" },
      { line: 9, pointer: "/paths/~1a~1{id}~1{kind}/get/parameters/2" },
      { line: 6, pointer: "/paths/~1a~1{id}~1{kind}/get" },
      { line: 13, pointer: "/components/schemas/Json/oneOf/1/items/$ref" },
    ]);
  });
});
