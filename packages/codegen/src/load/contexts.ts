/**
 * What kind of OpenAPI object sits at a place in a document, derived from the path that leads there. Bundling
 * needs it to put a referenced object from another file in the right `components` section (a schema under
 * `schemas`, a parameter under `parameters`, …).
 */
export type Context =
  | "root"
  | "paths"
  | "pathItem"
  | "operation"
  | "parameterList"
  | "parameter"
  | "requestBody"
  | "responses"
  | "response"
  | "headerMap"
  | "header"
  | "content"
  | "mediaType"
  | "encodingMap"
  | "encoding"
  | "schema"
  | "schemaMap"
  | "schemaList"
  | "components"
  | "parameterMap"
  | "responseMap"
  | "requestBodyMap"
  | "securitySchemeMap"
  | "securityScheme"
  | "exampleMap"
  | "example"
  | "linkMap"
  | "link"
  | "callbackMap"
  | "callback"
  | "pathItemMap"
  | "literal"
  | "other";

const HTTP_METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);
const SCHEMA_LISTS = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
const SCHEMA_SINGLES = new Set([
  "items",
  "additionalProperties",
  "not",
  "if",
  "then",
  "else",
  "contains",
  "propertyNames",
  "unevaluatedItems",
  "unevaluatedProperties",
  "additionalItems",
  "contentSchema",
]);
const LITERALS = new Set(["example", "examples", "enum", "const", "default"]);

/** The context of `key` inside an object of context `context`. */
export function childContext(context: Context, key: string): Context {
  switch (context) {
    case "root":
      return key === "paths" || key === "webhooks" ? "paths" : key === "components" ? "components" : "other";
    case "paths":
    case "pathItemMap":
    case "callback":
      return "pathItem";
    case "pathItem":
      return HTTP_METHODS.has(key) ? "operation" : key === "parameters" ? "parameterList" : "other";
    case "operation":
      return ({ parameters: "parameterList", requestBody: "requestBody", responses: "responses", callbacks: "callbackMap" } as const)[key as "parameters"] ?? "other";
    case "parameterList":
    case "parameterMap":
      return "parameter";
    case "parameter":
    case "header":
      return key === "schema" ? "schema" : key === "content" ? "content" : key === "examples" ? "exampleMap" : key === "example" ? "literal" : "other";
    case "requestBody":
      return key === "content" ? "content" : "other";
    case "responses":
    case "responseMap":
      return "response";
    case "response":
      return key === "content" ? "content" : key === "headers" ? "headerMap" : key === "links" ? "linkMap" : "other";
    case "headerMap":
      return "header";
    case "content":
      return "mediaType";
    case "mediaType":
      return key === "schema" ? "schema" : key === "examples" ? "exampleMap" : key === "encoding" ? "encodingMap" : key === "example" ? "literal" : "other";
    case "encodingMap":
      return "encoding";
    case "encoding":
      return key === "headers" ? "headerMap" : "other";
    case "schema":
      if (SCHEMA_MAPS.has(key)) return "schemaMap";
      if (SCHEMA_LISTS.has(key)) return "schemaList";
      if (SCHEMA_SINGLES.has(key)) return "schema";
      return LITERALS.has(key) ? "literal" : "other";
    case "schemaMap":
    case "schemaList":
      return "schema";
    case "components":
      return (
        (
          {
            schemas: "schemaMap",
            parameters: "parameterMap",
            responses: "responseMap",
            requestBodies: "requestBodyMap",
            headers: "headerMap",
            securitySchemes: "securitySchemeMap",
            examples: "exampleMap",
            links: "linkMap",
            callbacks: "callbackMap",
            pathItems: "pathItemMap",
          } as const
        )[key as "schemas"] ?? "other"
      );
    case "requestBodyMap":
      return "requestBody";
    case "securitySchemeMap":
      return "securityScheme";
    case "exampleMap":
      return "example";
    case "linkMap":
      return "link";
    case "callbackMap":
      return "callback";
    case "example":
      return key === "value" ? "literal" : "other";
    default:
      return context === "literal" ? "literal" : "other";
  }
}

/** Where a referenced object of this context goes in `components`; `undefined` for objects that are inlined. */
export function componentSection(context: Context): string | undefined {
  return (
    {
      schema: "schemas",
      parameter: "parameters",
      response: "responses",
      requestBody: "requestBodies",
      header: "headers",
      securityScheme: "securitySchemes",
      example: "examples",
      link: "links",
      callback: "callbacks",
    } as Partial<Record<Context, string>>
  )[context];
}
