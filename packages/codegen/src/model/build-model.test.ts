import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { singleFileSpec } from "../load/bundle.js";
import { parseSource } from "../load/source.js";
import { validateSpec } from "../validate/validate-spec.js";
import { buildModel } from "./build-model.js";
import type { OpenApiDocument } from "./spec.js";

const phoneSpecPath = fileURLToPath(new URL("../../../../fixtures/diga-phones/openapi.yaml", import.meta.url));
const phoneSpec = () => validateSpec(singleFileSpec(parseSource("openapi.yaml", readFileSync(phoneSpecPath, "utf8")))).document;

const spec = (paths: object, extra: object = {}): OpenApiDocument => ({ openapi: "3.1.0", info: { title: "T", version: "1" }, paths, ...extra }) as OpenApiDocument;
const ok = { responses: { "200": { description: "ok" } } };

describe("buildModel on the Diga phone spec", () => {
  const model = buildModel(phoneSpec());
  const [listPhones] = model.operations;

  it("describes the API", () => {
    expect({ title: model.title, version: model.version, defaultBaseUrl: model.defaultBaseUrl, count: model.operations.length }).toStrictEqual({
      title: "Diga API",
      version: "0.1.0",
      defaultBaseUrl: "https://api.diga.io",
      count: 1,
    });
  });

  it("names the operation listPhones and reaches its types by operationId", () => {
    expect(listPhones).toMatchObject({
      functionName: "listPhones",
      fileName: "listPhones",
      typeNames: { params: "ListPhonesParams", response: "ListPhonesResponse", error: "ListPhonesError" },
      method: "GET",
      path: "/v1/phone/",
      pointer: "/paths/~1v1~1phone~1/get",
      typeRoot: { kind: "operations", operationId: "list_phones_v1_phone__get" },
      docs: { summary: "List Phones", description: "Retrieve a list of phones, optionally filtered by agent ID.", deprecated: false },
      tags: ["Phones"],
      pathParameters: [],
      security: [["bearerToken"]],
    });
  });

  it("detects Diga's pagination and places the operation on the facade as phones.list", () => {
    expect({ pagination: listPhones?.pagination, resource: listPhones?.resource, sdk: model.sdkClassName }).toStrictEqual({
      pagination: {
        items: "data",
        itemsRequired: true,
        hasMore: "has_more",
        styles: [
          { kind: "cursor", next: { param: "after", from: "last_id", fromItem: false }, previous: { param: "before", from: "first_id", fromItem: false } },
          { kind: "pageNumber", param: "page", current: "current_page", total: "total_pages", count: undefined, size: "limit" },
        ],
      },
      resource: { property: "phones", method: "list" },
      sdk: "Diga",
    });
  });

  it("keeps every query parameter, in spec order, with the spec's defaults for style and explode", () => {
    expect(listPhones?.parameters.map(({ name, in: location, required, style, explode }) => ({ name, location, required, style, explode }))).toStrictEqual(
      ["after", "before", "page", "limit", "order", "inbound_agent_id", "outbound_agent_id", "status", "start_assigned_at", "end_assigned_at"].map((name) => ({
        name,
        location: "query",
        required: false,
        style: "form",
        explode: true,
      })),
    );
  });

  it.each([
    { name: "limit", want: { type: "integer", nullable: false, minimum: 1, maximum: 100, default: 20 } },
    { name: "after", want: { type: "string", nullable: true, format: "uuid" } },
    { name: "order", want: { type: "string", enum: ["asc", "desc"], default: "desc" } },
    // A $ref inside anyOf: the enum comes from the referenced schema.
    { name: "status", want: { type: "string", nullable: true, enum: ["reserved", "assigned", "released", "finished"] } },
    { name: "start_assigned_at", want: { type: "string", nullable: true, format: "date-time" } },
  ])("reads what $name may be", ({ name, want }) => {
    expect(listPhones?.parameters.find((parameter) => parameter.name === name)?.value).toMatchObject(want);
  });

  it("classifies responses", () => {
    expect(listPhones?.responses.map(({ status, kind, isSuccess, mediaType }) => ({ status, kind, isSuccess, mediaType }))).toStrictEqual([
      { status: "200", kind: "json", isSuccess: true, mediaType: "application/json" },
      { status: "400", kind: "json", isSuccess: false, mediaType: "application/json" },
      { status: "403", kind: "json", isSuccess: false, mediaType: "application/json" },
      { status: "422", kind: "json", isSuccess: false, mediaType: "application/json" },
      { status: "500", kind: "json", isSuccess: false, mediaType: "application/json" },
    ]);
  });

  it("names the bearer credential bearerToken and the schema aliases readably", () => {
    expect(model.credentials).toStrictEqual([
      { name: "bearerToken", schemeName: "CustomHTTPBearer", kind: "bearer", location: undefined, parameterName: undefined, description: undefined, tokenSource: undefined },
    ]);
    expect(model.schemas.map((schema) => schema.name)).toStrictEqual([
      "PhoneRegisterStatus",
      "PaginatedResponsePhoneRegisterResponseSchema",
      "ErrorResponseSchema",
      "PhoneRegisterResponseSchema",
      "TelephonyProvider",
    ]);
  });
});

describe("buildModel", () => {
  it("orders path parameters as the template does and names their arguments in camelCase", () => {
    const model = buildModel(
      spec({
        "/orgs/{org_id}/members/{member}": {
          parameters: [{ name: "member", in: "path", required: true, schema: { type: "string" } }],
          get: { ...ok, parameters: [{ name: "org_id", in: "path", required: true, schema: { type: "integer" } }] },
        },
      }),
    );
    expect(model.operations[0]?.pathParameters.map(({ name, argumentName, style, explode }) => ({ name, argumentName, style, explode }))).toStrictEqual([
      { name: "org_id", argumentName: "orgId", style: "simple", explode: false },
      { name: "member", argumentName: "member", style: "simple", explode: false },
    ]);
  });

  it("takes a path parameter named twice in the template once, and never as `endpoint` or `client`", () => {
    const model = buildModel(
      spec({
        "/{id}/{endpoint}/{id}/{client}": {
          parameters: ["id", "endpoint", "client"].map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
          get: ok,
        },
      }),
    );
    expect(model.operations[0]?.pathParameters.map(({ name, argumentName }) => [name, argumentName])).toStrictEqual([
      ["id", "id"],
      ["endpoint", "endpoint_"],
      ["client", "client_"],
    ]);
  });

  it("lets an operation parameter override the path item's one of the same name and location", () => {
    const model = buildModel(
      spec({
        "/x": {
          parameters: [{ name: "q", in: "query", description: "shared", schema: { type: "string" } }],
          get: { ...ok, parameters: [{ name: "q", in: "query", description: "own", required: true, schema: { type: "string" } }] },
        },
      }),
    );
    expect(model.operations[0]?.parameters.map(({ description, required }) => ({ description, required }))).toStrictEqual([{ description: "own", required: true }]);
  });

  it.each([
    { name: "inherits document security", document: { security: [{ key: [] }] }, operation: {}, want: [["apiKey"]] },
    { name: "`security: []` turns it off", document: { security: [{ key: [] }] }, operation: { security: [] }, want: [] },
    { name: "keeps alternatives, an empty one included", document: {}, operation: { security: [{ key: [] }, {}] }, want: [["apiKey"], []] },
    { name: "no security anywhere", document: {}, operation: {}, want: [] },
  ])("security: $name", ({ document, operation, want }) => {
    const model = buildModel(spec({ "/x": { get: { ...ok, ...operation } } }, { ...document, components: { securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" } } } }));
    expect(model.operations[0]?.security).toStrictEqual(want);
  });

  it("names several credentials of one kind after their schemes", () => {
    const model = buildModel(
      spec({}, { components: { securitySchemes: { userToken: { type: "http", scheme: "bearer" }, AppToken: { type: "oauth2", flows: {} }, basic: { type: "http", scheme: "basic" } } } }),
    );
    expect(model.credentials.map(({ name, kind }) => ({ name, kind }))).toStrictEqual([
      { name: "userToken", kind: "bearer" },
      { name: "appToken", kind: "bearer" },
      { name: "basicAuth", kind: "basic" },
    ]);
  });

  it("names operations without an operationId from method and path, in spec order", () => {
    const model = buildModel(spec({ "/pets/{id}": { delete: { ...ok, parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }] }, get: ok } }));
    expect(model.operations.map(({ functionName, typeRoot }) => ({ functionName, typeRoot }))).toStrictEqual([
      { functionName: "deletePetsById", typeRoot: { kind: "paths", path: "/pets/{id}", method: "delete" } },
      { functionName: "getPetsById", typeRoot: { kind: "paths", path: "/pets/{id}", method: "get" } },
    ]);
  });

  it("falls back to the full operationId when stripped FastAPI ids clash", () => {
    const model = buildModel(spec({ "/v1/phone/": { get: { ...ok, operationId: "list_phones_v1_phone__get" } }, "/v2/phone/": { get: { ...ok, operationId: "list_phones_v2_phone__get" } } }));
    expect(model.operations.map((operation) => operation.functionName)).toStrictEqual(["listPhonesV1PhoneGet", "listPhonesV2PhoneGet"]);
  });

  it("honours x-pagination: false, and reports a broken declaration with its pointer", () => {
    const page = { type: "object", properties: { data: { type: "array", items: {} }, next_cursor: { type: "string" } } };
    const list = (extension: unknown) =>
      spec({
        "/x": {
          get: {
            parameters: [{ name: "cursor", in: "query", schema: { type: "string" } }],
            responses: { "200": { description: "ok", content: { "application/json": { schema: page } } } },
            "x-pagination": extension,
          },
        },
      });
    expect(buildModel(list(undefined)).operations[0]?.pagination?.styles).toStrictEqual([{ kind: "cursor", next: { param: "cursor", from: "next_cursor", fromItem: false }, previous: undefined }]);
    expect(buildModel(list(false)).operations[0]?.pagination).toBeUndefined();
    expect(() => buildModel(list({ items: "data", next: { param: "missing", from: "next_cursor" } }))).toThrow(
      '"missing" is not a query parameter of this operation (at /paths/~1x/get/x-pagination/next/param)',
    );
    expect(() => buildModel(list({ items: "data", next: { param: "cursor", from: "meta.next_cursor" } }))).toThrow(
      "`meta.next_cursor` is not a field of the operation's JSON success response; name it as a dotted path, e.g. `meta.cursors.next` (at /paths/~1x/get/x-pagination/next/from)",
    );
  });

  it("names facade methods by tag, falling back to the function name on a clash", () => {
    const model = buildModel(
      spec({
        "/phones": { get: { ...ok, operationId: "listPhones", tags: ["Phones"] } },
        "/phones/archived": { get: { ...ok, operationId: "listArchivedPhones", tags: ["Phones"] } },
        "/phones/all": { get: { ...ok, operationId: "phonesList", tags: ["Phones"] } },
        "/health": { get: { ...ok, operationId: "health" } },
      }),
    );
    expect(model.operations.map((operation) => operation.resource)).toStrictEqual([
      { property: "phones", method: "listPhones" },
      // The tag's noun qualified by another word stays: dropping it could name another operation.
      { property: "phones", method: "listArchivedPhones" },
      { property: "phones", method: "phonesList" },
      undefined,
    ]);
  });

  it("leaves a GET's body out with a warning, but not an empty form's (Stripe), nor another method's body", () => {
    const json = (schema: object) => ({ content: { "application/json": { schema } } });
    const model = buildModel(
      spec(
        {
          "/search": { $ref: "#/components/pathItems/Search" },
          "/empty": { get: { ...ok, requestBody: { content: { "application/x-www-form-urlencoded": { schema: { type: "object", properties: {}, additionalProperties: false } } } } } },
          "/items": { delete: { ...ok, requestBody: json({ type: "array", items: { type: "string" } }) } },
        },
        {
          components: {
            pathItems: { Search: { get: { ...ok, requestBody: json({ type: "array", items: { type: "string" } }) }, head: { ...ok, requestBody: { $ref: "#/components/requestBodies/Ids" } } } },
            requestBodies: { Ids: json({ type: "array", items: { type: "string" } }) },
          },
        },
      ),
    );
    expect(model.operations.map((operation) => [operation.method, operation.path, operation.requestBody?.kind, operation.unsentBody])).toStrictEqual([
      ["GET", "/search", undefined, true],
      ["HEAD", "/search", undefined, true],
      ["GET", "/empty", undefined, false],
      ["DELETE", "/items", "json", false],
    ]);
    expect(model.warnings.map((warning) => warning.pointer)).toStrictEqual(["/paths/~1search/get/requestBody", "/paths/~1search/head/requestBody"]);
  });

  it("substitutes server variables and drops a trailing slash", () => {
    const model = buildModel(spec({}, { servers: [{ url: "https://{region}.example.com/v1/", variables: { region: { default: "eu" } } }] }));
    expect(model.defaultBaseUrl).toBe("https://eu.example.com/v1");
  });
});
