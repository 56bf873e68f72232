/**
 * fast-check arbitraries for random — and deliberately odd — OpenAPI 3.0 and 3.1 documents, shared by the property
 * test (`test/property.test.ts`, a few dozen documents in CI) and the long fuzz run (`scripts/fuzz.ts`).
 *
 * A generated case is plain data: the document, how it is serialised (JSON or YAML) and, for the structurally broken
 * ones, which breakage was applied. References are generated as placeholders holding an index (`{ [REF]: [kind, n] }`)
 * and resolved once the whole document exists, to `n` modulo the number of components of that kind (or to an inline
 * fallback when there are none), so every reference of a valid case resolves and shrinking never dangles one.
 */
import fc from "fast-check";
import { stringify as toYaml } from "yaml";

export type JsonObject = { [key: string]: unknown };
export type OpenApiVersion = "3.0" | "3.1";

export interface FuzzCase {
  readonly version: OpenApiVersion;
  readonly format: "json" | "yaml";
  /** Set when the case was deliberately broken; names the breakage. */
  readonly broken: string | undefined;
  /** The document, or (for syntax breakages) `undefined` with the text in `text`. */
  readonly document: unknown;
  /** Raw text to serve instead of serialising `document` (syntax errors, YAML anchors). */
  readonly text: string | undefined;
}

/** The file name and text `generate()` reads for a case. */
export function caseSource(fuzzCase: FuzzCase): { readonly input: string; readonly text: string } {
  const input = fuzzCase.format === "json" ? "/virtual/openapi.json" : "/virtual/openapi.yaml";
  if (fuzzCase.text !== undefined) return { input, text: fuzzCase.text };
  return { input, text: serialise(fuzzCase.document, fuzzCase.format) };
}

export function serialise(document: unknown, format: "json" | "yaml"): string {
  return format === "json" ? `${JSON.stringify(document, null, 2)}\n` : toYaml(document, { aliasDuplicateObjects: false, lineWidth: 0 });
}

// ---------------------------------------------------------------------------------------------------------------
// Text and names

/** Fragments that break naive emitters: comment terminators, template-literal syntax, quotes, line terminators. */
const ODD_FRAGMENTS = [
  "*/",
  "/*",
  "/**",
  "*/ export const pwned = 1; /*",
  "`",
  "```",
  "${",
  "${x}",
  "}",
  "{",
  '"',
  "'",
  "\\",
  "\\n",
  "\\u0000",
  "\n",
  "\r\n",
  "\r",
  "\t",
  "\u2028",
  "\u2029",
  "\u0000",
  "\u001b[31m",
  "\u200b",
  "\ufeff",
  "</script>",
  "<!--",
  "-->",
  "@param x",
  "@deprecated",
  "{@link Foo}",
  "@example",
  " * ",
  "//",
  "#",
  "|",
  "&",
  "é",
  "ñ",
  "日本語",
  "Ωμέγα",
  "🙂",
  "👩‍💻",
  "\ud800",
  "a\u0301",
  "ﬁ",
  "İ",
  "ß",
  "-->",
];

const PLAIN_WORDS = ["List phones", "Returns the user.", "id", "A", "ok", " ", "Hello, world", "v1", "Ünïcödé"];

export const oddText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constantFrom(...ODD_FRAGMENTS), weight: 3 },
      { arbitrary: fc.constantFrom(...PLAIN_WORDS), weight: 3 },
      { arbitrary: fc.string({ maxLength: 6, unit: "grapheme" }), weight: 1 },
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => parts.join(""));

/** Names that are not identifiers, are reserved, clash after camel-casing, or clash with the package's exports. */
const ODD_NAMES = [
  "id",
  "name",
  "user",
  "users",
  "phone",
  "status",
  "limit",
  "get_user",
  "getUser",
  "GetUser",
  "get-user",
  "get user",
  "GET_USER",
  "delete",
  "default",
  "new",
  "class",
  "function",
  "return",
  "import",
  "export",
  "let",
  "static",
  "enum",
  "await",
  "yield",
  "this",
  "super",
  "in",
  "of",
  "constructor",
  "__proto__",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "then",
  "createClient",
  "isApiError",
  "ApiError",
  "SdkError",
  "client",
  "params",
  "options",
  "body",
  "requestBody",
  "endpoint",
  "Operation",
  "operation",
  "request",
  "paginate",
  "path",
  "query",
  "header",
  "cookie",
  "headers",
  "fetch",
  "baseUrl",
  "timeout",
  "maxRetries",
  "userAgent",
  "hooks",
  "validate",
  "signal",
  "idempotent",
  "1st",
  "2fa",
  "123",
  "0",
  "über",
  "naïve",
  "日本",
  "Ωmega",
  "a b",
  "a.b",
  "a/b",
  "a~b",
  "a~1b",
  "a-b",
  "a[b]",
  "a[]",
  "$ref",
  "$",
  "_",
  "__",
  "x-custom",
  "X-Request-Id",
  "Content-Type",
  "Accept",
  "Authorization",
  "Cookie",
  "*/",
  "`tick`",
  "${x}",
  'q"uote',
  "it's",
  "back\\slash",
  "line\nbreak",
  "",
  " ",
  "🙂",
  "undefined",
  "NaN",
  "Infinity",
  "globalThis",
  "Promise",
  "Array",
  "Date",
  "Response",
  "Blob",
  "File",
  "FormData",
  "Record",
  "string",
  "number",
  "any",
  "never",
  "unknown",
  "components",
  "paths",
  "operations",
  "webhooks",
  "Client",
  "ClientOptions",
  "Page",
  "Params",
  "Item",
  "Error",
  "Schema",
  "after",
  "before",
  "cursor",
  "page",
  "pageToken",
  "data",
  "items",
];

export const oddName: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...ODD_NAMES), weight: 6 },
  {
    arbitrary: fc.tuple(fc.constantFrom(...ODD_NAMES), fc.constantFrom("_", "", " ", "-", ".", "/"), fc.constantFrom(...ODD_NAMES)).map(([a, separator, b]) => `${a}${separator}${b}`),
    weight: 2,
  },
  { arbitrary: fc.string({ minLength: 1, maxLength: 8, unit: "grapheme" }), weight: 1 },
);

/** Mostly ordinary names, sometimes odd: keeps documents readable while still hitting the edges. */
const nameish: fc.Arbitrary<string> = fc.oneof({ arbitrary: fc.constantFrom("id", "name", "user", "phone", "items", "status", "created_at", "limit"), weight: 2 }, { arbitrary: oddName, weight: 3 });

// ---------------------------------------------------------------------------------------------------------------
// References

/** A reference placeholder: `[kind, index]`, resolved by {@link resolveRefs}. */
export const REF = "x-fuzz-ref";
type RefKind = "schemas" | "parameters" | "requestBodies" | "responses" | "headers";

function refTo(kind: RefKind, fallback: unknown): fc.Arbitrary<JsonObject> {
  return fc.nat({ max: 7 }).map((index) => ({ [REF]: [kind, index], fallback }));
}

/** Drops `undefined` entries, so optional fields are absent rather than present and undefined. */
function compact(entries: { [key: string]: unknown }): JsonObject {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}

/** Present one time in `oneIn` (`1`: three times in four); shrinks to absent. */
function maybe<T>(arbitrary: fc.Arbitrary<T>, oneIn = 2): fc.Arbitrary<T | undefined> {
  const [absent, present] = oneIn <= 1 ? [1, 3] : [oneIn - 1, 1];
  return fc.oneof({ withCrossShrink: true }, { arbitrary: fc.constant(undefined), weight: absent }, { arbitrary, weight: present });
}

// ---------------------------------------------------------------------------------------------------------------
// Schemas

const STRING_FORMATS = ["date", "date-time", "uuid", "binary", "byte", "email", "uri", "password", "time", "int64", "weird format"];

function scalarValue(version: OpenApiVersion): fc.Arbitrary<unknown> {
  return fc.oneof(
    oddText,
    fc.integer({ min: -5, max: 1000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
    fc.boolean(),
    ...(version === "3.1" ? [fc.constant(null)] : [fc.constant(null)]),
  );
}

function schemaArbitraries(version: OpenApiVersion) {
  const text = maybe(oddText, 4);
  /** Makes a schema nullable the version's way: `nullable: true` in 3.0, a `"null"` type in 3.1. */
  const nullable = (schema: JsonObject, type: string | undefined, yes: boolean): JsonObject => {
    if (!yes || type === undefined) return schema;
    return version === "3.0" ? { ...schema, nullable: true } : { ...schema, type: [type, "null"] };
  };
  const isNullable = fc.constantFrom(false, false, true);

  const stringSchema = fc
    .record(
      {
        format: maybe(fc.constantFrom(...STRING_FORMATS)),
        enum: maybe(fc.array(oddText, { minLength: 1, maxLength: 4 })),
        minLength: maybe(fc.nat({ max: 5 })),
        maxLength: maybe(fc.integer({ min: 5, max: 50 })),
        pattern: maybe(fc.constantFrom("^[a-z]+$", "^\\d{3}$", "*/", "`${x}`", "(")),
        default: maybe(oddText),
        description: text,
        isNullable,
      },
      { requiredKeys: ["isNullable"] },
    )
    .map(({ isNullable: yes, ...fields }) => nullable(compact({ type: "string", ...fields }), "string", yes));

  const numberSchema = fc
    .record(
      {
        type: fc.constantFrom("integer", "number"),
        format: maybe(fc.constantFrom("int32", "int64", "float", "double")),
        enum: maybe(fc.array(fc.integer({ min: -3, max: 100 }), { minLength: 1, maxLength: 4 })),
        minimum: maybe(fc.integer({ min: -10, max: 10 })),
        maximum: maybe(fc.integer({ min: 10, max: 1000 })),
        exclusive: fc.boolean(),
        default: maybe(fc.integer({ min: 0, max: 10 })),
        isNullable,
      },
      { requiredKeys: ["type", "exclusive", "isNullable"] },
    )
    .map(({ exclusive, isNullable: yes, ...fields }) => {
      const schema = compact(fields);
      if (exclusive && fields.minimum !== undefined) {
        if (version === "3.0") schema["exclusiveMinimum"] = true;
        else {
          schema["exclusiveMinimum"] = fields.minimum;
          delete schema["minimum"];
        }
      }
      return nullable(schema, fields.type, yes);
    });

  const otherLeaf = fc.oneof(
    fc.constant<JsonObject>({ type: "boolean" }),
    fc.constant<JsonObject>({}),
    fc.constant<JsonObject>({ type: "object" }),
    fc.constant<JsonObject>({ type: "array" }),
    fc.array(scalarValue(version), { minLength: 1, maxLength: 4 }).map((values): JsonObject => ({ enum: values })),
    fc.constant<JsonObject>({ enum: [null] }),
    fc.constant<JsonObject>({ type: "string", format: "binary" }),
    ...(version === "3.1"
      ? [
          fc.constant<JsonObject>({ type: "null" }),
          scalarValue(version).map((value): JsonObject => ({ const: value })),
          fc.constant<JsonObject>({ type: ["string", "integer"] }),
          fc.constant<JsonObject>({ type: ["string", "null"], enum: ["a", null] }),
          fc.constant<JsonObject>({ type: "string", contentMediaType: "application/octet-stream" }),
          fc.constant<JsonObject>({ type: "string", contentEncoding: "base64" }),
          fc.constant<JsonObject>(true as unknown as JsonObject),
        ]
      : [fc.constant<JsonObject>({ type: "string", nullable: true, enum: ["a", null] })]),
  );

  return fc.letrec<{ schema: JsonObject; object: JsonObject; array: JsonObject; composed: JsonObject; ref: JsonObject; list: JsonObject }>((tie) => ({
    schema: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      { arbitrary: stringSchema, weight: 3 },
      { arbitrary: numberSchema, weight: 2 },
      { arbitrary: otherLeaf, weight: 2 },
      { arbitrary: tie("ref"), weight: 3 },
      { arbitrary: tie("object"), weight: 2 },
      { arbitrary: tie("array"), weight: 1 },
      { arbitrary: tie("composed"), weight: 1 },
      { arbitrary: tie("list"), weight: 1 },
    ),
    ref: fc.tuple(refTo("schemas", { type: "string" }), fc.constantFrom("plain", "plain", "description", "nullable")).map(([ref, extra]): JsonObject => {
      if (extra === "description") return { ...ref, description: "A $ref with a sibling */ `${x}`" };
      if (extra === "nullable") return version === "3.0" ? { allOf: [ref], nullable: true } : { anyOf: [ref, { type: "null" }] };
      return ref;
    }),
    array: fc
      .record({ items: tie("schema"), minItems: maybe(fc.nat({ max: 3 })), maxItems: maybe(fc.integer({ min: 3, max: 10 })), description: text, isNullable }, { requiredKeys: ["items", "isNullable"] })
      .map(({ isNullable: yes, ...fields }) => nullable(compact({ type: "array", ...fields }), "array", yes)),
    object: fc
      .record(
        {
          withType: fc.boolean(),
          properties: fc.dictionary(nameish, tie("schema"), { maxKeys: 4, noNullPrototype: true }),
          requiredMask: fc.array(fc.boolean(), { maxLength: 4 }),
          extraRequired: maybe(nameish, 6),
          additionalProperties: maybe(fc.oneof(fc.boolean(), tie("schema"))),
          title: maybe(oddText, 6),
          description: text,
          example: maybe(fc.dictionary(nameish, scalarValue(version), { maxKeys: 2 }), 6),
          readOnlyFirst: fc.boolean(),
          isNullable,
        },
        { requiredKeys: ["withType", "properties", "requiredMask", "readOnlyFirst", "isNullable"] },
      )
      .map(({ withType, properties, requiredMask, extraRequired, readOnlyFirst, isNullable: yes, ...rest }) => {
        const names = Object.keys(properties);
        const required = [...names.filter((_, index) => requiredMask[index] === true), ...(extraRequired === undefined ? [] : [extraRequired])];
        const first = names[0];
        const props = readOnlyFirst && first !== undefined ? { ...properties, [first]: { ...properties[first], readOnly: true } } : properties;
        const schema = compact({ ...(withType ? { type: "object" } : {}), properties: props, ...rest, required: required.length === 0 ? undefined : [...new Set(required)] });
        return nullable(schema, withType ? "object" : undefined, yes);
      }),
    composed: fc
      .record(
        {
          keyword: fc.constantFrom("allOf", "oneOf", "anyOf"),
          members: fc.array(tie("schema"), { minLength: 1, maxLength: 3 }),
          discriminator: maybe(fc.record({ propertyName: nameish, mapped: fc.boolean() }), 5),
          withNull: fc.boolean(),
        },
        { requiredKeys: ["keyword", "members", "withNull"] },
      )
      .map(({ keyword, members, discriminator, withNull }): JsonObject => {
        const all = withNull && keyword !== "allOf" ? [...members, version === "3.0" ? { type: "string", nullable: true, enum: [null] } : { type: "null" }] : members;
        const schema: JsonObject = { [keyword]: all };
        if (discriminator !== undefined) {
          const refs = members.filter((member) => typeof member === "object" && member !== null && REF in member);
          schema["discriminator"] = compact({
            propertyName: discriminator.propertyName,
            mapping: discriminator.mapped && refs.length > 0 ? Object.fromEntries(refs.map((ref, index) => [`kind${index}`, ref])) : undefined,
          });
        }
        return schema;
      }),
    /** A page-shaped response, so pagination detection has something to find. */
    list: fc
      .record({
        items: tie("schema"),
        itemsKey: fc.constantFrom("data", "items", "results", "data"),
        extras: fc.subarray(["has_more", "last_id", "first_id", "next_cursor", "nextPageToken", "total_pages", "current_page", "page", "hasMore"]),
      })
      .map(({ items, itemsKey, extras }): JsonObject => ({
        type: "object",
        required: [itemsKey],
        properties: {
          [itemsKey]: { type: "array", items },
          ...Object.fromEntries(
            extras.map((key) => [
              key,
              key.includes("has") || key === "hasMore"
                ? { type: "boolean" }
                : key.includes("page") && !key.includes("Token")
                  ? { type: "integer" }
                  : { type: "string", nullable: version === "3.0" ? true : undefined },
            ]),
          ),
        },
      })),
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Parameters, bodies, responses

const QUERY_STYLES = ["form", "spaceDelimited", "pipeDelimited", "deepObject", "simple"];
const PATH_STYLES = ["simple", "label", "matrix", "form"];

function parameterArbitrary(version: OpenApiVersion, schema: fc.Arbitrary<JsonObject>, location?: string): fc.Arbitrary<JsonObject> {
  return fc
    .record(
      {
        name: fc.oneof(
          { arbitrary: nameish, weight: 3 },
          { arbitrary: fc.constantFrom("after", "before", "cursor", "page", "pageToken", "limit", "starting_after", "ending_before", "body"), weight: 1 },
        ),
        in: location === undefined ? fc.constantFrom("query", "query", "header", "cookie") : fc.constant(location),
        required: fc.boolean(),
        style: maybe(fc.constantFrom(...(location === "path" ? PATH_STYLES : QUERY_STYLES))),
        explode: maybe(fc.boolean()),
        allowReserved: maybe(fc.boolean(), 6),
        deprecated: maybe(fc.boolean(), 6),
        description: maybe(oddText),
        withContent: fc.boolean(),
        schema,
        example: maybe(scalarValue(version), 6),
      },
      { requiredKeys: ["name", "in", "required", "schema", "withContent"] },
    )
    .map(({ withContent, schema: valueSchema, required, ...rest }) => {
      const parameter = compact({ ...rest, required: rest.in === "path" ? true : required ? true : undefined });
      // `content` instead of `schema`: rare in practice, allowed by the spec.
      if (withContent && rest.in !== "path" && rest.style === undefined) return { ...parameter, content: { "application/json": { schema: valueSchema } } };
      return { ...parameter, schema: valueSchema };
    });
}

const REQUEST_MEDIA_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/vnd.api+json",
  "application/merge-patch+json",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/mixed",
  "application/octet-stream",
  "text/plain",
  "text/csv",
  "text/plain; charset=utf-8",
  "application/xml",
  "image/png",
  "*/*",
  "application/*",
];
const RESPONSE_MEDIA_TYPES = [
  "application/json",
  "application/problem+json",
  "application/vnd.github.v3+json",
  "text/plain",
  "text/html",
  "application/octet-stream",
  "image/png",
  "application/pdf",
  "*/*",
  "application/xml",
  "text/event-stream",
  "application/json; charset=utf-8",
  "application/x-ndjson",
];

function mediaTypeObject(schema: fc.Arbitrary<JsonObject>, version: OpenApiVersion): fc.Arbitrary<JsonObject> {
  return fc
    .record(
      {
        schema: maybe(schema, 1),
        encoding: maybe(
          fc.dictionary(
            nameish,
            fc
              .record({
                contentType: maybe(fc.constantFrom("application/json", "image/png, image/jpeg", "text/plain")),
                style: maybe(fc.constantFrom("form", "deepObject", "spaceDelimited")),
                explode: maybe(fc.boolean()),
              })
              .map(compact),
            { maxKeys: 2 },
          ),
          4,
        ),
        example: maybe(scalarValue(version), 6),
      },
      { requiredKeys: [] },
    )
    .map(compact);
}

/** A multipart or form body's schema: files, lists of files, nested objects, JSON parts. */
const uploadSchema: fc.Arbitrary<JsonObject> = fc
  .dictionary(
    nameish,
    fc.constantFrom<JsonObject>(
      { type: "string", format: "binary" },
      { type: "array", items: { type: "string", format: "binary" } },
      { type: "string" },
      { type: "integer" },
      { type: "object", properties: { a: { type: "string" } } },
      { type: "array", items: { type: "string" } },
      { type: "string", contentMediaType: "image/png" },
    ),
    { minKeys: 1, maxKeys: 4 },
  )
  .map((properties) => ({ type: "object", properties }));

function requestBodyArbitrary(version: OpenApiVersion, schema: fc.Arbitrary<JsonObject>): fc.Arbitrary<JsonObject> {
  return fc
    .record(
      {
        description: maybe(oddText),
        required: maybe(fc.boolean(), 1),
        content: fc.dictionary(fc.constantFrom(...REQUEST_MEDIA_TYPES), mediaTypeObject(fc.oneof(schema, uploadSchema), version), { minKeys: 1, maxKeys: 3 }),
      },
      { requiredKeys: ["content"] },
    )
    .map(compact);
}

function responseArbitrary(version: OpenApiVersion, schema: fc.Arbitrary<JsonObject>): fc.Arbitrary<JsonObject> {
  return fc
    .record(
      {
        description: fc.oneof(fc.constant("OK"), oddText),
        content: maybe(fc.dictionary(fc.constantFrom(...RESPONSE_MEDIA_TYPES), mediaTypeObject(schema, version), { maxKeys: 2 }), 1),
        headers: maybe(
          fc.dictionary(fc.constantFrom("X-Rate-Limit", "x-request-id", "Retry-After", "Content-Type", "odd */ header"), fc.record({ schema, description: maybe(oddText) }).map(compact), {
            maxKeys: 2,
          }),
          4,
        ),
      },
      { requiredKeys: ["description"] },
    )
    .map(compact);
}

const STATUS_CODES = [
  "200",
  "200",
  "201",
  "202",
  "204",
  "206",
  "2XX",
  "2xx",
  "default",
  "301",
  "304",
  "400",
  "401",
  "403",
  "404",
  "409",
  "422",
  "429",
  "4XX",
  "500",
  "502",
  "5XX",
  "100",
  "418",
  "x-ignored",
];

// ---------------------------------------------------------------------------------------------------------------
// Operations and paths

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const LITERAL_SEGMENTS = ["users", "v1", "phone", "", "items.json", "a b", "ü", "%20", "search", "$metadata", "*/", "`x`", "me", "..", "1"];

type Segment = { readonly literal: string } | { readonly parameter: string };

const pathTemplate: fc.Arbitrary<Segment[]> = fc.array(
  fc.oneof(
    { arbitrary: fc.constantFrom(...LITERAL_SEGMENTS).map((literal): Segment => ({ literal })), weight: 3 },
    { arbitrary: nameish.filter((name) => !/[{}/]/.test(name) && name !== "").map((parameter): Segment => ({ parameter })), weight: 2 },
  ),
  { maxLength: 4 },
);

function pathOf(segments: readonly Segment[]): string {
  return `/${segments.map((segment) => ("literal" in segment ? segment.literal : `{${segment.parameter}}`)).join("/")}`;
}

const OPERATION_IDS = [
  "get_user",
  "getUser",
  "GetUser",
  "get-user",
  "delete",
  "default",
  "new",
  "class",
  "createClient",
  "isApiError",
  "ApiError",
  "1st",
  "2fa",
  "123",
  "über",
  "日本",
  "listPhones",
  "list_phones",
  "list",
  "",
  " ",
  "---",
  "a b",
  "users/get",
  "users.get",
  "constructor",
  "__proto__",
  "toString",
  "then",
  "Operation",
  "request",
  "paginate",
  "endpoint",
  "client",
  "index",
  "sdk",
  "schema",
  "models",
  "runtime/index",
  "*/",
  "`${x}`",
  "options",
  "sdk",
  "api",
  "timeout",
  "abort",
  "bindClient",
  "Bound",
  "formBody",
  "multipartBody",
  "createRuntimeClient",
];

const operationIdArbitrary: fc.Arbitrary<string | { fastapi: string } | undefined> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 3 },
  { arbitrary: fc.constantFrom(...OPERATION_IDS), weight: 4 },
  { arbitrary: fc.constantFrom("list_phones", "get_user", "create").map((base) => ({ fastapi: base })), weight: 1 },
  { arbitrary: oddName, weight: 1 },
);

const TAGS = [
  "Phones",
  "phone numbers",
  "User Accounts",
  "users",
  "Users",
  "client",
  "constructor",
  "__proto__",
  "default",
  "1st",
  "日本",
  "*/",
  "",
  "a-b",
  "getUser",
  "get_user",
  "Phone",
  "toString",
  "Api",
];

function securityRequirements(): fc.Arbitrary<JsonObject[]> {
  return fc.array(
    fc.dictionary(
      fc.nat({ max: 5 }).map((index) => `${REF_SCHEME}${index}`),
      fc.array(fc.constantFrom("read", "write", "admin:org"), { maxLength: 2 }),
      { maxKeys: 2 },
    ),
    { maxLength: 3 },
  );
}

/** Security requirement keys are placeholders too, resolved to scheme names by index. */
const REF_SCHEME = "x-fuzz-scheme:";

function operationArbitrary(version: OpenApiVersion, schema: fc.Arbitrary<JsonObject>): fc.Arbitrary<JsonObject> {
  const parameter = fc.oneof(
    { arbitrary: parameterArbitrary(version, schema), weight: 4 },
    { arbitrary: refTo("parameters", { name: "ref_fallback", in: "query", schema: { type: "string" } }), weight: 1 },
  );
  return fc
    .record(
      {
        operationId: operationIdArbitrary,
        summary: maybe(oddText),
        description: maybe(oddText, 3),
        tags: maybe(fc.array(fc.constantFrom(...TAGS), { minLength: 1, maxLength: 2 }), 1),
        deprecated: maybe(fc.boolean(), 6),
        parameters: maybe(fc.array(parameter, { maxLength: 4 }), 1),
        requestBody: maybe(
          fc.oneof(
            { arbitrary: requestBodyArbitrary(version, schema), weight: 4 },
            { arbitrary: refTo("requestBodies", { content: { "application/json": { schema: { type: "object" } } } }), weight: 1 },
          ),
          1,
        ),
        responses: fc.dictionary(
          fc.constantFrom(...STATUS_CODES),
          fc.oneof({ arbitrary: responseArbitrary(version, schema), weight: 4 }, { arbitrary: refTo("responses", { description: "fallback" }), weight: 1 }),
          { minKeys: version === "3.0" ? 1 : 0, maxKeys: 4 },
        ),
        security: maybe(securityRequirements(), 3),
        pagination: maybe(
          fc.oneof(
            fc.constant<unknown>(false),
            fc.record({
              items: fc.constantFrom("data", "items", "missing"),
              next: fc.record({ param: fc.constantFrom("after", "cursor", "page"), from: fc.constantFrom("last_id", "next_cursor", "id") }),
            }),
            fc.record({ items: fc.constantFrom("data", "items"), page: fc.record({ param: fc.constantFrom("page", "p"), total: fc.constantFrom("total_pages", "pages") }) }),
            fc.constant<unknown>({ items: 1 }),
          ),
          20,
        ),
        servers: maybe(fc.constant([{ url: "https://other.example.com" }]), 8),
        callbacks: maybe(
          fc.constant({
            onEvent: { "{$request.body#/url}": { post: { requestBody: { content: { "application/json": { schema: { type: "object" } } } }, responses: { "200": { description: "ok" } } } } },
          }),
          8,
        ),
      },
      { requiredKeys: ["responses"] },
    )
    .map(({ pagination, parameters, ...fields }) => {
      // A declared paging parameter is usually also declared as a query parameter, as `x-pagination` requires.
      const declared = typeof pagination === "object" && pagination !== null ? (pagination as { next?: { param?: unknown }; page?: { param?: unknown } }) : undefined;
      const param = declared?.next?.param ?? declared?.page?.param;
      const withParam = typeof param === "string" && param !== "p" ? [...(parameters ?? []), { name: param, in: "query", schema: { type: "string" } }] : parameters;
      return compact({ ...fields, parameters: withParam, "x-pagination": pagination });
    });
}

interface PathEntry {
  readonly segments: Segment[];
  readonly item: JsonObject;
}

function pathItemArbitrary(version: OpenApiVersion, schema: fc.Arbitrary<JsonObject>): fc.Arbitrary<PathEntry> {
  return fc
    .record(
      {
        segments: pathTemplate,
        operations: fc.dictionary(fc.constantFrom(...METHODS), operationArbitrary(version, schema), { minKeys: 1, maxKeys: 3 }),
        shared: maybe(fc.array(parameterArbitrary(version, schema), { maxLength: 2 }), 4),
        pathParameters: fc.array(parameterArbitrary(version, schema, "path"), { minLength: 4, maxLength: 4 }),
        pathParametersShared: fc.boolean(),
        summary: maybe(oddText, 4),
        extraPathParameter: fc.nat({ max: 9 }),
      },
      { requiredKeys: ["segments", "operations", "pathParameters", "pathParametersShared", "extraPathParameter"] },
    )
    .map(({ segments, operations, shared, pathParameters, pathParametersShared, summary, extraPathParameter }) => {
      const names = [...new Set(segments.flatMap((segment) => ("parameter" in segment ? [segment.parameter] : [])))];
      const declared: JsonObject[] = names.map((name, index) => ({ ...pathParameters[index % pathParameters.length], name, in: "path", required: true }));
      // Now and then a path parameter the template does not mention.
      if (extraPathParameter === 0) declared.push({ name: "unused_path_param", in: "path", required: true, schema: { type: "string" } });
      const item: JsonObject = compact({ summary });
      const sharedParameters = [...(shared ?? []), ...(pathParametersShared ? declared : [])];
      if (sharedParameters.length > 0) item["parameters"] = sharedParameters;
      for (const [method, generated] of Object.entries(operations)) {
        const id = generated["operationId"];
        // FastAPI's style: route name + path with non-word characters as `_` + method, e.g. `list_phones_v1_phone__get`.
        const operation = typeof id === "object" && id !== null ? { ...generated, operationId: `${(id as { fastapi: string }).fastapi}${pathOf(segments).replace(/\W/g, "_")}_${method}` } : generated;
        item[method] = pathParametersShared || declared.length === 0 ? operation : { ...operation, parameters: [...declared, ...((operation["parameters"] as unknown[] | undefined) ?? [])] };
      }
      return { segments, item };
    });
}

// ---------------------------------------------------------------------------------------------------------------
// Security, servers, info

const SCHEME_NAMES = [
  "bearerAuth",
  "bearer auth",
  "api_key",
  "apiKey",
  "ApiKey",
  "basic",
  "oauth",
  "fetch",
  "baseUrl",
  "headers",
  "timeout",
  "maxRetries",
  "userAgent",
  "hooks",
  "validate",
  "__proto__",
  "constructor",
  "日本",
  "*/",
  "token",
  "x",
];

const securitySchemeArbitrary: (version: OpenApiVersion) => fc.Arbitrary<JsonObject> = (version) =>
  fc.oneof(
    fc
      .record({ type: fc.constant("http"), scheme: fc.constantFrom("bearer", "Bearer", "basic", "Basic", "digest", "negotiate"), bearerFormat: maybe(fc.constant("JWT")), description: maybe(oddText) })
      .map(compact),
    fc
      .record({
        type: fc.constant("apiKey"),
        in: fc.constantFrom("header", "query", "cookie"),
        name: fc.constantFrom("X-API-Key", "api_key", "Authorization", "token", "a b", "*/", "Cookie", "key"),
        description: maybe(oddText),
      })
      .map(compact),
    fc.constant<JsonObject>({ type: "oauth2", flows: { clientCredentials: { tokenUrl: "https://example.com/token", scopes: { read: "Read */ things" } } } }),
    fc.constant<JsonObject>({ type: "openIdConnect", openIdConnectUrl: "https://example.com/.well-known/openid-configuration" }),
    ...(version === "3.1" ? [fc.constant<JsonObject>({ type: "mutualTLS" })] : []),
  );

const serversArbitrary: fc.Arbitrary<JsonObject[] | undefined> = maybe(
  fc.array(
    fc.oneof(
      fc.constantFrom<JsonObject>(
        { url: "https://api.example.com" },
        { url: "https://api.example.com/v1/" },
        { url: "/api/v1" },
        { url: "" },
        { url: "/" },
        { url: "http://localhost:8080" },
        { url: 'https://example.com/*/`${x}`"' },
        { url: "//cdn.example.com" },
        {
          url: "{scheme}://{host}:{port}/{base}",
          variables: { scheme: { default: "https", enum: ["https", "http"] }, host: { default: "api.example.com" }, port: { default: "443" }, base: { default: "v2" } },
        },
        { url: "https://{region}.example.com", variables: { region: { default: "eu */", description: "Region */" } } },
        { url: "https://{missing}.example.com" },
      ),
      oddText.map((url): JsonObject => ({ url })),
    ),
    { minLength: 1, maxLength: 2 },
  ),
  1,
);

const infoArbitrary: fc.Arbitrary<JsonObject> = fc
  .record({
    title: fc.oneof(fc.constantFrom("Diga API", "Pet Store", "API", "OpenAPI", "The Service", "v1", "123", "createClient", "Client", "Api"), oddText),
    version: fc.oneof(fc.constantFrom("1.0.0", "2024-01-01", "v1", ""), oddText),
    description: maybe(oddText),
    summary: maybe(oddText, 5),
  })
  .map(compact);

// ---------------------------------------------------------------------------------------------------------------
// Documents

const SCHEMA_NAMES = [
  "User",
  "user",
  "Phone",
  "Phone Number",
  "phone_number",
  "PhoneNumber",
  "Foo.Bar",
  "Foo/Bar",
  "a~b",
  "1st",
  "Client",
  "Array",
  "Date",
  "Response",
  "Error",
  "Page",
  "components",
  "ListPhonesParams",
  "GetUserResponse",
  "Schema",
  "ÜberType",
  "日本",
  "*/",
  "Item",
  "Node",
  "string",
  "_",
];

function componentNames(): fc.Arbitrary<string[]> {
  return fc.uniqueArray(fc.oneof({ arbitrary: fc.constantFrom(...SCHEMA_NAMES), weight: 4 }, { arbitrary: oddName, weight: 1 }), { maxLength: 5 });
}

export function documentArbitrary(version: OpenApiVersion): fc.Arbitrary<JsonObject> {
  const { schema } = schemaArbitraries(version);
  const header = fc.record({ description: maybe(oddText), schema }).map(compact);
  return fc
    .record(
      {
        minor: version === "3.0" ? fc.constantFrom("3.0.0", "3.0.3", "3.0.4") : fc.constantFrom("3.1.0", "3.1.1"),
        info: infoArbitrary,
        servers: serversArbitrary,
        paths: fc.array(pathItemArbitrary(version, schema), { maxLength: 4 }),
        schemaNames: componentNames(),
        schemas: fc.array(schema, { minLength: 5, maxLength: 5 }),
        parameters: fc.array(parameterArbitrary(version, schema), { maxLength: 2 }),
        requestBodies: fc.array(requestBodyArbitrary(version, schema), { maxLength: 2 }),
        responses: fc.array(responseArbitrary(version, schema), { maxLength: 2 }),
        headers: fc.array(header, { maxLength: 1 }),
        securitySchemes: fc.uniqueArray(fc.tuple(fc.constantFrom(...SCHEME_NAMES), securitySchemeArbitrary(version)), { maxLength: 3, selector: ([name]) => name }),
        security: maybe(securityRequirements(), 2),
        tags: maybe(fc.array(fc.record({ name: fc.constantFrom(...TAGS), description: maybe(oddText) }).map(compact), { maxLength: 3 }), 2),
        webhooks: maybe(fc.constant({ newPet: { post: { requestBody: { content: { "application/json": { schema: { type: "object" } } } }, responses: { "200": { description: "ok" } } } } }), 6),
        emptyPathsOmitted: fc.boolean(),
      },
      { requiredKeys: ["minor", "info", "paths", "schemaNames", "schemas", "parameters", "requestBodies", "responses", "headers", "securitySchemes", "emptyPathsOmitted"] },
    )
    .map((parts) => {
      const components = compact({
        schemas: named(parts.schemaNames, parts.schemas),
        parameters: named(["limit", "Cursor", "x-odd */", "a b"], parts.parameters),
        requestBodies: named(["NewThing", "upload body"], parts.requestBodies),
        responses: named(["NotFound", "Problem */"], parts.responses),
        headers: named(["RateLimit"], parts.headers),
        securitySchemes: parts.securitySchemes.length === 0 ? undefined : Object.fromEntries(parts.securitySchemes),
      });
      const paths: JsonObject = {};
      for (const { segments, item } of parts.paths) {
        const path = pathOf(segments);
        paths[path] = path in paths ? { ...(paths[path] as JsonObject), ...item } : item;
      }
      const document = compact({
        openapi: parts.minor,
        info: parts.info,
        servers: parts.servers,
        tags: parts.tags,
        security: parts.security,
        paths: version === "3.1" && parts.emptyPathsOmitted && Object.keys(paths).length === 0 ? undefined : paths,
        webhooks: version === "3.1" ? parts.webhooks : undefined,
        components: Object.keys(components).length === 0 ? undefined : components,
      });
      return resolvePlaceholders(document);
    });
}

function named(names: readonly string[], values: readonly JsonObject[]): JsonObject | undefined {
  const entries = values.slice(0, names.length).map((value, index) => [names[index] ?? `n${index}`, value] as const);
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/** `#/components/schemas/Foo%20Bar`: a JSON pointer in a URI fragment, `~` and `/` escaped, the rest percent-encoded. */
export function componentRef(kind: string, name: string): string {
  const segment = name.replaceAll("~", "~0").replaceAll("/", "~1");
  return `#/components/${kind}/${encodeURI(segment).replaceAll("#", "%23")}`;
}

/** Replaces every placeholder with a `$ref` to an existing component, or its inline fallback. */
export function resolvePlaceholders(document: JsonObject): JsonObject {
  const components = (document["components"] ?? {}) as JsonObject;
  // A component that is only a `$ref` may alias an earlier component, never a later one, so aliases never cycle.
  for (const kind of ["schemas", "parameters", "requestBodies", "responses", "headers"]) {
    const entries = components[kind] as JsonObject | undefined;
    if (entries === undefined) continue;
    Object.keys(entries).forEach((name, position) => {
      const placeholder = (entries[name] as JsonObject)[REF];
      if (Array.isArray(placeholder) && typeof placeholder[1] === "number" && placeholder[1] >= position) {
        entries[name] = position === 0 ? (entries[name] as JsonObject)["fallback"] : { ...(entries[name] as JsonObject), [REF]: [placeholder[0], placeholder[1] % position] };
      }
    });
  }
  const schemeNames = Object.keys((components["securitySchemes"] ?? {}) as JsonObject);
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node !== "object" || node === null) return node;
    const record = node as JsonObject;
    const placeholder = record[REF];
    if (Array.isArray(placeholder)) {
      const [kind, index] = placeholder as [RefKind, number];
      const names = Object.keys((components[kind] ?? {}) as JsonObject);
      const name = names[index % Math.max(names.length, 1)];
      const rest = Object.fromEntries(Object.entries(record).filter(([key]) => key !== REF && key !== "fallback"));
      if (name === undefined) return visit(record["fallback"]);
      return { $ref: componentRef(kind, name), ...(visit(rest) as JsonObject) };
    }
    const entries: [string, unknown][] = [];
    for (const [key, value] of Object.entries(record)) {
      if (key.startsWith(REF_SCHEME)) {
        const name = schemeNames[Number(key.slice(REF_SCHEME.length)) % Math.max(schemeNames.length, 1)];
        if (name !== undefined && !entries.some(([existing]) => existing === name)) entries.push([name, value]);
        continue;
      }
      entries.push([key, visit(value)]);
    }
    return Object.fromEntries(entries);
  };
  return visit(document) as JsonObject;
}

// ---------------------------------------------------------------------------------------------------------------
// Broken documents

/** Structural breakages: each must make the generator throw `CodegenError`, never anything else. */
const BREAKAGES: Readonly<Record<string, (document: JsonObject) => unknown>> = {
  "missing info": ({ info: _info, ...rest }) => rest,
  "info is a string": (document) => ({ ...document, info: "Pet Store" }),
  "title is a number": (document) => ({ ...document, info: { ...(document["info"] as JsonObject), title: 42 } }),
  "version is missing": (document) => ({ ...document, info: { title: "x" } }),
  "openapi 2.0": (document) => ({ ...document, openapi: "2.0" }),
  "openapi 3.2": (document) => ({ ...document, openapi: "3.2.0" }),
  "openapi is a number": (document) => ({ ...document, openapi: 3.1 }),
  "openapi missing": ({ openapi: _openapi, ...rest }) => rest,
  swagger: ({ openapi: _openapi, ...rest }) => ({ swagger: "2.0", ...rest }),
  "paths is a list": (document) => ({ ...document, paths: [] }),
  "paths is a string": (document) => ({ ...document, paths: "/users" }),
  "top level is a list": () => [],
  "top level is null": () => null,
  "top level is a string": () => "openapi: 3.1.0",
  "operation is a string": (document) => ({ ...document, paths: { "/x": { get: "list things" } } }),
  "path without slash": (document) => ({ ...document, paths: { users: { get: { responses: { "200": { description: "ok" } } } } } }),
  "parameter without name": (document) => withOperation(document, { parameters: [{ in: "query", schema: { type: "string" } }] }),
  "parameter in body": (document) => withOperation(document, { parameters: [{ name: "x", in: "body", schema: { type: "string" } }] }),
  "parameter without schema": (document) => withOperation(document, { parameters: [{ name: "x", in: "query" }] }),
  "path parameter not required": (document) => ({
    ...document,
    paths: { "/a/{id}": { get: { parameters: [{ name: "id", in: "path", schema: { type: "string" } }], responses: { "200": { description: "ok" } } } } },
  }),
  "undeclared path parameter": (document) => ({ ...document, paths: { "/a/{id}": { get: { responses: { "200": { description: "ok" } } } } } }),
  "parameters is a mapping": (document) => withOperation(document, { parameters: { name: "x" } }),
  "dangling schema $ref": (document) =>
    withOperation(document, { responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/DoesNotExist" } } } } } }),
  "dangling parameter $ref": (document) => withOperation(document, { parameters: [{ $ref: "#/components/parameters/nope" }] }),
  "dangling response $ref": (document) => withOperation(document, { responses: { "200": { $ref: "#/components/responses/nope" } } }),
  "dangling body $ref": (document) => withOperation(document, { requestBody: { $ref: "#/components/requestBodies/nope" } }),
  "external $ref": (document) => withOperation(document, { responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "other.yaml#/Pet" } } } } } }),
  "pure $ref cycle": (document) => ({
    ...withOperation(document, { responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/A" } } } } } }),
    components: { schemas: { A: { $ref: "#/components/schemas/B" }, B: { $ref: "#/components/schemas/A" } } },
  }),
  "responses is a list": (document) => withOperation(document, { responses: [{ description: "ok" }] }),
  "status is not a code": (document) => withOperation(document, { responses: { "20": { description: "ok" } } }),
  "unknown security scheme": (document) => ({ ...document, security: [{ nonexistent: [] }] }),
  "security is a mapping": (document) => ({ ...document, security: { bearer: [] } }),
  "server without url": (document) => ({ ...document, servers: [{ description: "no url" }] }),
  "servers is a mapping": (document) => ({ ...document, servers: { url: "https://x" } }),
  "scheme without type": (document) => ({ ...document, components: { securitySchemes: { k: { in: "header", name: "x" } } } }),
  "apiKey without name": (document) => ({ ...document, components: { securitySchemes: { k: { type: "apiKey", in: "header" } } } }),
  "http without scheme": (document) => ({ ...document, components: { securitySchemes: { k: { type: "http" } } } }),
  "operationId is a number": (document) => withOperation(document, { operationId: 7 }),
  "invalid x-pagination": (document) => withOperation(document, { "x-pagination": { next: { param: "nope" } } }),
  // Broken schemas: the validate stage does not check schema shapes, so these test everything after it.
  "properties is a string": (document) => withSchema(document, { type: "object", properties: "name" }),
  "required is a string": (document) => withSchema(document, { type: "object", required: "name", properties: { name: { type: "string" } } }),
  "items is a list": (document) => withSchema(document, { type: "array", items: [{ type: "string" }] }),
  "enum is a string": (document) => withSchema(document, { type: "string", enum: "a" }),
  "unknown type": (document) => withSchema(document, { type: "strnig" }),
  "type is a number": (document) => withSchema(document, { type: 5 }),
  "allOf is a mapping": (document) => withSchema(document, { allOf: { a: { type: "string" } } }),
  "schema is a string": (document) => withSchema(document, "string"),
  "schema is null": (document) => withSchema(document, null),
  "schema $ref is a number": (document) => withSchema(document, { $ref: 5 }),
  "content is a list": (document) => withOperation(document, { responses: { "200": { description: "ok", content: ["application/json"] } } }),
  "requestBody is a string": (document) => withOperation(document, { requestBody: "json" }),
  "tags is a string": (document) => withOperation(document, { tags: "Phones" }),
  "path item is a list": (document) => ({ ...document, paths: { "/x": [] } }),
  "$ref to root": (document) => withSchema(document, { $ref: "#" }),
  "$ref to paths": (document) => withSchema(document, { $ref: "#/paths" }),
};

function withOperation(document: JsonObject, fields: JsonObject): JsonObject {
  return { ...document, paths: { ...((document["paths"] ?? {}) as JsonObject), "/broken": { post: { responses: { "200": { description: "ok" } }, ...fields } } } };
}

function withSchema(document: JsonObject, schema: unknown): JsonObject {
  return withOperation(document, { operationId: "brokenSchema", responses: { "200": { description: "ok", content: { "application/json": { schema } } } } });
}

export const BREAKAGE_NAMES: readonly string[] = Object.keys(BREAKAGES);

/**
 * Breakages a generator may tolerate instead of rejecting (it then must still emit code that compiles): schema-level
 * oddities no later stage needs, or values that are odd but resolvable. Every other breakage must be rejected.
 */
export const TOLERABLE_BREAKAGES: ReadonlySet<string> = new Set([
  "unknown type",
  "type is a number",
  "required is a string",
  "enum is a string",
  "items is a list",
  "allOf is a mapping",
  "content is a list",
  "tags is a string",
  "$ref to root",
  "$ref to paths",
  "properties is a string",
  "schema is a string",
  "schema is null",
  "schema $ref is a number",
  "requestBody is a string",
  "byte order mark",
  "duplicate key",
  "YAML alias cycle",
  "YAML anchors reused",
  "invalid x-pagination",
]);

/** Text-level breakages, applied to the serialised document. */
const TEXT_BREAKAGES: Readonly<Record<string, (text: string, format: "json" | "yaml") => string>> = {
  truncated: (text) => text.slice(0, Math.max(1, Math.floor(text.length / 2))),
  "tab indentation": (text, format) => (format === "yaml" ? text.replace(/\n {2}/, "\n\t") : `${text.trimEnd()},`),
  "duplicate key": (text, format) => (format === "yaml" ? `${text}info:\n  title: again\n  version: "2"\n` : text.replace("{", '{\n  "openapi": "3.0.0",')),
  "byte order mark": (text) => `\ufeff${text}`,
  "empty file": () => "",
  "YAML alias cycle": () =>
    "openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: &s\n                type: object\n                properties:\n                  self: *s\n",
  "YAML anchors reused": () =>
    "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /a:\n    get: &op\n      operationId: same\n      responses: { '200': { description: ok } }\n  /b:\n    get: *op\n",
};

export const TEXT_BREAKAGE_NAMES: readonly string[] = Object.keys(TEXT_BREAKAGES);

// ---------------------------------------------------------------------------------------------------------------
// Cases

export interface CaseOptions {
  /** Share of deliberately broken documents, 0..1 (default 0.2). */
  readonly brokenShare?: number;
  readonly version?: OpenApiVersion;
}

/** One case: a random 3.0 or 3.1 document, serialised as JSON or YAML, now and then broken on purpose. */
export function fuzzCaseArbitrary(options: CaseOptions = {}): fc.Arbitrary<FuzzCase> {
  const brokenWeight = Math.round((options.brokenShare ?? 0.2) * 100);
  const versions: OpenApiVersion[] = options.version === undefined ? ["3.0", "3.1"] : [options.version];
  const breakage = fc.oneof(
    { arbitrary: fc.constant<string | undefined>(undefined), weight: 100 - brokenWeight },
    { arbitrary: fc.constantFrom(...BREAKAGE_NAMES, ...TEXT_BREAKAGE_NAMES), weight: brokenWeight },
  );
  const cases = versions.map((version) =>
    fc
      .record({ version: fc.constant(version), format: fc.constantFrom<"json" | "yaml">("json", "yaml"), breakage, document: documentArbitrary(version) })
      .map(({ format, breakage: broken, document }): FuzzCase => {
        if (broken === undefined) return { version, format, broken, document, text: undefined };
        const structural = BREAKAGES[broken];
        if (structural !== undefined) return { version, format, broken, document: structural(document), text: undefined };
        const textual = TEXT_BREAKAGES[broken];
        const text = textual === undefined ? undefined : textual(serialise(document, format), format);
        return { version, format, broken, document: undefined, text };
      }),
  );
  return fc.oneof(...cases);
}
