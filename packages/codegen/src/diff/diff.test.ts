import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CodegenError } from "../errors.js";
import { generate } from "../generate.js";
import { parsePointer } from "../pointer.js";
import { diffSpecs, diffSurfaces, loadSurface, renderJson, renderMarkdown, type ApiDiff } from "./index.js";

const fixture = (name: string): unknown => parse(readFileSync(fileURLToPath(new URL(`../../../../fixtures/${name}/openapi.yaml`, import.meta.url)), "utf8"));

/** The Diga phone spec: one list operation; PhoneRegisterStatus is used by a query parameter and in the response. */
const phones = fixture("diga-phones");
/** TreeNode (output only) and Person ↔ Company (input only) refer to themselves. */
const recursive = fixture("recursive-schemas");
/** A small 3.0 spec with a path parameter, an inline response, a request body and an input-only schema. */
const pets = {
  openapi: "3.0.3",
  info: { title: "Pets", version: "1.0.0" },
  paths: {
    "/pets/{petId}": {
      parameters: [{ name: "petId", in: "path", required: true, schema: { type: "string" } }],
      get: {
        operationId: "getPet",
        parameters: [{ name: "fields", in: "query", required: true, schema: { type: "string" } }],
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { type: "object", required: ["id"], properties: { id: { type: "string" }, tags: { type: "array", items: { type: "string" } } } } } },
          },
          "404": { description: "no such pet" },
        },
      },
      put: {
        operationId: "updatePet",
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/PetInput" } } } },
        responses: { "204": { description: "updated" } },
      },
    },
  },
  components: { schemas: { PetInput: { type: "object", properties: { name: { type: "string", nullable: true }, kind: { type: "string", enum: ["cat", "dog"] } } } } },
};

/** Pet extends Base with `allOf` and refers to itself. */
const extended = {
  openapi: "3.1.0",
  info: { title: "Extended", version: "1.0.0" },
  paths: { "/pets": { get: { operationId: "listPets", responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } } } } } },
  components: {
    schemas: {
      Base: { type: "object", required: ["id"], properties: { id: { type: "string" } } },
      Pet: { allOf: [{ $ref: "#/components/schemas/Base" }, { type: "object", properties: { name: { type: "string" }, parent: { $ref: "#/components/schemas/Pet" } } }] },
    },
  },
};

const LIST = "/paths/~1v1~1phone~1/get";
const SCHEMAS = "/components/schemas";
const GET_PET = "/paths/~1pets~1{petId}/get";

/** A JSON Patch (RFC 6902) subset: each row of the table is a small, readable edit of a base spec. */
type Edit =
  | { readonly op: "add" | "replace"; readonly path: string; readonly value: unknown }
  | { readonly op: "remove"; readonly path: string }
  | { readonly op: "move"; readonly from: string; readonly path: string };

function applyEdits(spec: unknown, edits: readonly Edit[]): unknown {
  const copy = structuredClone(spec);
  for (const edit of edits) {
    if (edit.op === "move") {
      const value = take(copy, edit.from);
      put(copy, edit.path, value, "add");
    } else if (edit.op === "remove") take(copy, edit.path);
    else put(copy, edit.path, edit.value, edit.op);
  }
  return copy;
}

function parentOf(root: unknown, pointer: string): { parent: Record<string, unknown> | unknown[]; key: string } {
  const segments = parsePointer(pointer);
  const key = segments.pop() ?? "";
  let parent = root;
  for (const segment of segments) parent = (parent as Record<string, unknown>)[segment];
  if (typeof parent !== "object" || parent === null) throw new Error(`nothing at ${pointer}`);
  return { parent: parent as Record<string, unknown> | unknown[], key };
}

function put(root: unknown, pointer: string, value: unknown, op: "add" | "replace"): void {
  const { parent, key } = parentOf(root, pointer);
  if (Array.isArray(parent)) {
    if (key === "-") parent.push(value);
    else parent.splice(Number(key), op === "add" ? 0 : 1, value);
  } else parent[key] = value;
}

function take(root: unknown, pointer: string): unknown {
  const { parent, key } = parentOf(root, pointer);
  if (Array.isArray(parent)) return parent.splice(Number(key), 1)[0];
  const value = parent[key];
  delete parent[key];
  return value;
}

/** Both specs served from memory as JSON. */
function diffOf(before: unknown, after: unknown): Promise<ApiDiff> {
  const files: Record<string, string> = { "/old.json": JSON.stringify(before), "/new.json": JSON.stringify(after) };
  return diffSpecs("old.json", "new.json", { cwd: "/", read: async (file) => files[file] ?? Promise.reject(Object.assign(new Error("ENOENT"), { code: "ENOENT" })) });
}

/** `severity kind | message`: one line says everything a row checks about a change. */
const lines = (diff: ApiDiff) => diff.changes.map((change) => `${change.severity} ${change.kind} | ${change.message}`);

interface Row {
  readonly name: string;
  readonly base: unknown;
  readonly edits: readonly Edit[];
  readonly bump: ApiDiff["bump"];
  readonly want: readonly string[];
}

const rows: readonly Row[] = [
  { name: "identical specs", base: phones, edits: [], bump: "none", want: [] },
  {
    name: "FastAPI's anyOf-null rewritten as a 3.1 type list (the same TypeScript type)",
    base: phones,
    edits: [
      {
        op: "replace",
        path: `${SCHEMAS}/PhoneRegisterResponseSchema/properties/nickname`,
        value: { type: ["string", "null"], title: "Nickname", description: "The nickname given to the phone number" },
      },
    ],
    bump: "none",
    want: [],
  },

  // Parameters: the params object is written by the caller.
  {
    name: "add an optional query parameter",
    base: phones,
    edits: [{ op: "add", path: `${LIST}/parameters/-`, value: { name: "country", in: "query", schema: { type: "string" } } }],
    bump: "minor",
    want: ["minor parameter-added | listPhones: query parameter `country` was added"],
  },
  {
    name: "add a required query parameter",
    base: phones,
    edits: [{ op: "add", path: `${LIST}/parameters/-`, value: { name: "country", in: "query", required: true, schema: { type: "string" } } }],
    bump: "major",
    want: ["major required-parameter-added | listPhones: query parameter `country` was added as required"],
  },
  {
    // Every function takes params before options, even with none, so the first parameter moves nothing.
    name: "add the first (optional) query parameter to an operation that had none",
    base: pets,
    edits: [{ op: "add", path: "/paths/~1pets~1{petId}/put/parameters", value: [{ name: "dryRun", in: "query", schema: { type: "boolean" } }] }],
    bump: "minor",
    want: ["minor parameter-added | updatePet: query parameter `dryRun` was added"],
  },
  {
    name: "remove a default from a response field (the type no longer promises it)",
    base: phones,
    edits: [{ op: "remove", path: `${SCHEMAS}/ErrorResponseSchema/properties/status/default` }],
    bump: "major",
    want: ["major default-removed | ErrorResponseSchema: field `status` no longer has a default (responses may leave it out)"],
  },
  {
    name: "add a default to a request-body field (still optional to send)",
    base: pets,
    edits: [{ op: "add", path: `${SCHEMAS}/PetInput/properties/kind/default`, value: "cat" }],
    bump: "patch",
    want: ["patch default-added | PetInput: field `kind` now has a default (responses always carry it)"],
  },
  {
    name: "make a query parameter required",
    base: phones,
    edits: [{ op: "replace", path: `${LIST}/parameters/7/required`, value: true }],
    bump: "major",
    want: ["major parameter-required | listPhones: query parameter `status` is now required"],
  },
  {
    name: "make a query parameter optional",
    base: pets,
    edits: [{ op: "replace", path: `${GET_PET}/parameters/0/required`, value: false }],
    bump: "minor",
    want: ["minor parameter-optional | getPet: query parameter `fields` is now optional"],
  },
  {
    name: "remove a query parameter",
    base: phones,
    edits: [{ op: "remove", path: `${LIST}/parameters/9` }],
    bump: "major",
    want: ["major parameter-removed | listPhones: query parameter `end_assigned_at` was removed"],
  },
  {
    name: "move a parameter from the query to a header (same params property)",
    base: phones,
    edits: [{ op: "replace", path: `${LIST}/parameters/9/in`, value: "header" }],
    bump: "patch",
    want: ["patch parameter-moved | listPhones: parameter `end_assigned_at` moved from query to header"],
  },
  {
    name: "remove an enum value from an input parameter",
    base: phones,
    edits: [{ op: "replace", path: `${LIST}/parameters/4/schema/enum`, value: ["desc"] }],
    bump: "major",
    want: ["major enum-values-removed | listPhones: query parameter `order` lost enum value `asc`"],
  },
  {
    name: "add an enum value to an input parameter",
    base: phones,
    edits: [{ op: "add", path: `${LIST}/parameters/4/schema/enum/-`, value: "random" }],
    bump: "minor",
    want: ["minor enum-values-added | listPhones: query parameter `order` gained enum value `random`"],
  },
  {
    name: "widen a parameter's type (string → any value)",
    base: pets,
    edits: [{ op: "replace", path: `${GET_PET}/parameters/0/schema`, value: {} }],
    bump: "minor",
    want: ["minor type-widened | getPet: query parameter `fields` type widened from `string` to `unknown`"],
  },
  {
    name: "add a path parameter (a new positional argument)",
    base: pets,
    edits: [
      { op: "move", from: "/paths/~1pets~1{petId}", path: "/paths/~1pets~1{petId}~1{version}" },
      { op: "add", path: "/paths/~1pets~1{petId}~1{version}/parameters/-", value: { name: "version", in: "path", required: true, schema: { type: "integer" } } },
    ],
    bump: "major",
    want: [
      "major path-parameter-added | getPet: path parameter `version` (argument 2) was added",
      "patch operation-endpoint-changed | getPet: now calls GET /pets/{petId}/{version} (was GET /pets/{petId})",
      "major path-parameter-added | updatePet: path parameter `version` (argument 2) was added",
      "patch operation-endpoint-changed | updatePet: now calls PUT /pets/{petId}/{version} (was PUT /pets/{petId})",
    ],
  },

  // Responses: read by the caller.
  {
    name: "add an enum value to a schema used only in responses (breaking: exhaustive switches)",
    base: phones,
    edits: [{ op: "add", path: `${SCHEMAS}/TelephonyProvider/enum/-`, value: "twilio" }],
    bump: "major",
    want: ["major enum-values-added | TelephonyProvider: gained enum value `twilio` (exhaustive `switch`es over these values stop compiling)"],
  },
  {
    name: "remove an enum value from a schema used only in responses (breaking: comparisons with it)",
    base: phones,
    edits: [{ op: "replace", path: `${SCHEMAS}/TelephonyProvider/enum`, value: ["netelip"] }],
    bump: "major",
    want: ["major enum-values-removed | TelephonyProvider: lost enum value `custom` (comparisons with the removed values stop compiling)"],
  },
  {
    name: "add an enum value to a schema used by a parameter and a response (the stricter verdict)",
    base: phones,
    edits: [{ op: "add", path: `${SCHEMAS}/PhoneRegisterStatus/enum/-`, value: "pending" }],
    bump: "major",
    want: ["major enum-values-added | PhoneRegisterStatus: gained enum value `pending` (exhaustive `switch`es over these values stop compiling)"],
  },
  {
    name: "change a response field's type",
    base: phones,
    edits: [{ op: "replace", path: `${SCHEMAS}/PaginatedResponse_PhoneRegisterResponseSchema_/properties/has_more/type`, value: "string" }],
    bump: "major",
    want: ["major type-changed | PaginatedResponsePhoneRegisterResponseSchema: field `has_more` type changed from `boolean` to `string`"],
  },
  {
    name: "add a response field (in a schema reached from the response through $refs)",
    base: phones,
    edits: [{ op: "add", path: `${SCHEMAS}/PhoneRegisterResponseSchema/properties/label`, value: { type: "string" } }],
    bump: "minor",
    want: ["minor property-added | PhoneRegisterResponseSchema: field `label` was added"],
  },
  {
    name: "remove a response field (in a schema reached from the response through $refs)",
    base: phones,
    edits: [{ op: "remove", path: `${SCHEMAS}/PhoneRegisterResponseSchema/properties/nickname` }],
    bump: "major",
    want: ["major property-removed | PhoneRegisterResponseSchema: field `nickname` was removed"],
  },
  {
    name: "make a required response field optional",
    base: phones,
    edits: [{ op: "replace", path: `${SCHEMAS}/PhoneRegisterResponseSchema/required`, value: ["id", "telephony_provider", "status"] }],
    bump: "major",
    want: ["major property-optional | PhoneRegisterResponseSchema: field `number` is now optional"],
  },
  {
    name: "make a response field nullable",
    base: phones,
    edits: [{ op: "replace", path: `${SCHEMAS}/PhoneRegisterResponseSchema/properties/number/type`, value: ["string", "null"] }],
    bump: "major",
    want: ["major nullable-added | PhoneRegisterResponseSchema: field `number` can now be null"],
  },
  {
    name: "remove a field of an inline response schema, change an array's item type",
    base: pets,
    edits: [
      { op: "remove", path: `${GET_PET}/responses/200/content/application~1json/schema/properties/id` },
      { op: "replace", path: `${GET_PET}/responses/200/content/application~1json/schema/properties/tags/items/type`, value: "integer" },
    ],
    bump: "major",
    want: ["major property-removed | getPet: 200 response field `id` was removed", "major type-changed | getPet: 200 response field `tags[]` type changed from `string` to `number`"],
  },
  {
    name: "add and remove error responses",
    base: pets,
    edits: [
      { op: "remove", path: `${GET_PET}/responses/404` },
      { op: "add", path: `${GET_PET}/responses/409`, value: { description: "conflict" } },
    ],
    bump: "major",
    want: ["major error-response-removed | getPet: error response 404 was removed", "minor error-response-added | getPet: error response 409 was added"],
  },

  // Variance: the same edit, once in a schema the caller writes and once in one it reads.
  {
    name: "make a field required in an input-only schema",
    base: recursive,
    edits: [{ op: "add", path: `${SCHEMAS}/Person/required`, value: ["name"] }],
    bump: "major",
    want: ["major property-required | Person: field `name` is now required"],
  },
  {
    name: "make a field required in an output-only schema",
    base: recursive,
    edits: [{ op: "add", path: `${SCHEMAS}/TreeNode/required`, value: ["value"] }],
    bump: "minor",
    want: ["minor property-required | TreeNode: field `value` is now required"],
  },
  {
    name: "a field of an input-only schema can no longer be null",
    base: pets,
    edits: [{ op: "remove", path: `${SCHEMAS}/PetInput/properties/name/nullable` }],
    bump: "major",
    want: ["major nullable-removed | PetInput: field `name` can no longer be null"],
  },
  {
    name: "make the request body required",
    base: pets,
    edits: [{ op: "add", path: "/paths/~1pets~1{petId}/put/requestBody/required", value: true }],
    bump: "major",
    want: ["major request-body-required | updatePet: request body is now required"],
  },
  {
    name: "add an optional request body",
    base: applyEdits(pets, [{ op: "remove", path: "/paths/~1pets~1{petId}/put/requestBody" }]),
    edits: [{ op: "add", path: "/paths/~1pets~1{petId}/put/requestBody", value: { content: { "application/json": { schema: { type: "object" } } } } }],
    bump: "minor",
    want: ["minor request-body-added | updatePet: request body was added"],
  },
  {
    // fetch cannot send a GET's body, so the SDK does not offer one: nothing a caller sees changes.
    name: "add a request body to a GET",
    base: pets,
    edits: [{ op: "add", path: `${GET_PET}/requestBody`, value: { content: { "application/json": { schema: { type: "object" } } } } }],
    bump: "none",
    want: [],
  },
  {
    name: "remove the request body",
    base: pets,
    edits: [{ op: "remove", path: "/paths/~1pets~1{petId}/put/requestBody" }],
    bump: "major",
    want: ["major request-body-removed | updatePet: request body was removed"],
  },

  {
    name: "change a parameter's format (shown in JSDoc, same TypeScript type)",
    base: phones,
    edits: [{ op: "replace", path: `${LIST}/parameters/0/schema/anyOf/0/format`, value: "date-time" }],
    bump: "patch",
    want: ["patch format-changed | listPhones: query parameter `after` format is now `date-time` (was `uuid`)"],
  },

  // Recursive schemas: compared once, not forever.
  {
    name: "add a field to a recursive schema",
    base: recursive,
    edits: [{ op: "add", path: `${SCHEMAS}/TreeNode/properties/label`, value: { type: "string" } }],
    bump: "minor",
    want: ["minor property-added | TreeNode: field `label` was added"],
  },
  {
    name: "rename a recursive schema (the response is compared structurally through its self-reference)",
    base: recursive,
    edits: [
      { op: "move", from: `${SCHEMAS}/TreeNode`, path: `${SCHEMAS}/Node` },
      { op: "replace", path: `${SCHEMAS}/Node/properties/children/items/$ref`, value: "#/components/schemas/Node" },
      { op: "replace", path: "/paths/~1tree/get/responses/200/content/application~1json/schema/$ref", value: "#/components/schemas/Node" },
    ],
    bump: "major",
    want: [
      // Sorted by pointer: the second finding is written in the schema, the first in the operation.
      "patch ref-changed | getTree: 200 response field `children[]` now has type `Node` (was `TreeNode`)",
      "patch ref-changed | getTree: 200 response now has type `Node` (was `TreeNode`)",
      "minor schema-added | Node: exported type was added",
      "major schema-removed | TreeNode: exported type was removed",
    ],
  },
  {
    name: "change a field deep inside mutually recursive schemas reached from a request body",
    base: recursive,
    edits: [{ op: "replace", path: `${SCHEMAS}/Company/properties/name/type`, value: "integer" }],
    bump: "major",
    want: ["major type-changed | Company: field `name` type changed from `string` to `number`"],
  },

  {
    name: "change a schema that another one extends with allOf (both exported types change)",
    base: extended,
    edits: [{ op: "remove", path: `${SCHEMAS}/Base/properties/id` }],
    bump: "major",
    want: ["major property-removed | Base: field `id` was removed", "major property-removed | Pet: field `id` was removed"],
  },

  // Operations.
  {
    name: "delete an operation",
    base: pets,
    edits: [{ op: "remove", path: "/paths/~1pets~1{petId}/put" }],
    bump: "major",
    want: ["major operation-removed | updatePet: operation was removed (PUT /pets/{petId})"],
  },
  {
    name: "add an operation",
    base: pets,
    edits: [{ op: "add", path: "/paths/~1pets~1{petId}/delete", value: { operationId: "deletePet", responses: { "204": { description: "deleted" } } } }],
    bump: "minor",
    want: ["minor operation-added | deletePet: operation was added (DELETE /pets/{petId})"],
  },
  {
    name: "rename the operationId on the same method and path",
    base: phones,
    edits: [{ op: "replace", path: `${LIST}/operationId`, value: "get_phones" }],
    bump: "major",
    want: ["major operation-renamed | getPhones: renamed from `listPhones` (GET /v1/phone/)"],
  },

  // Documentation.
  {
    name: "change an operation's description",
    base: phones,
    edits: [{ op: "replace", path: `${LIST}/description`, value: "Lists the phones of the company." }],
    bump: "patch",
    want: ["patch description-changed | listPhones: description changed"],
  },
  {
    name: "change a schema field's description and deprecate it",
    base: phones,
    edits: [
      { op: "replace", path: `${SCHEMAS}/PhoneRegisterResponseSchema/properties/number/description`, value: "The number, E.164." },
      { op: "add", path: `${SCHEMAS}/PhoneRegisterResponseSchema/properties/number/deprecated`, value: true },
    ],
    bump: "patch",
    want: ["patch deprecation-changed | PhoneRegisterResponseSchema: field `number` is now deprecated", "patch description-changed | PhoneRegisterResponseSchema: field `number` description changed"],
  },
];

describe("diffSpecs", () => {
  it.each(rows)("$name → $bump", async ({ base, edits, bump, want }) => {
    const diff = await diffOf(base, applyEdits(base, edits));
    expect({ bump: diff.bump, changes: lines(diff) }).toStrictEqual({ bump, changes: want });
  });

  it("marks exactly the major changes breaking, and counts them", async () => {
    const diff = await diffOf(
      phones,
      applyEdits(phones, [
        { op: "replace", path: `${LIST}/parameters/7/required`, value: true },
        { op: "add", path: `${LIST}/parameters/-`, value: { name: "country", in: "query", schema: { type: "string" } } },
        { op: "replace", path: `${LIST}/summary`, value: "Phones" },
      ]),
    );
    expect(diff.changes.map((change) => [change.severity, change.breaking])).toStrictEqual([
      ["major", true],
      ["minor", false],
      ["patch", false],
    ]);
    expect(diff.summary).toStrictEqual({ total: 3, breaking: 1, major: 1, minor: 1, patch: 1 });
  });

  it("points into the new spec, or into the old one for what was removed", async () => {
    const diff = await diffOf(
      phones,
      applyEdits(phones, [
        { op: "remove", path: `${LIST}/parameters/0` },
        { op: "add", path: `${LIST}/parameters/-`, value: { name: "q", in: "query", schema: { type: "string" } } },
      ]),
    );
    expect(diff.changes.map((change) => change.subject)).toStrictEqual([
      { operation: "listPhones", pointer: `${LIST}/parameters/0` },
      { operation: "listPhones", pointer: `${LIST}/parameters/9` },
    ]);
  });

  it("rejects a spec the generator rejects, with the same CodegenError", async () => {
    const swagger = { swagger: "2.0", info: { title: "Old", version: "1" }, paths: {} };
    const files: Record<string, string> = { "/old.json": JSON.stringify(phones), "/new.json": JSON.stringify(swagger) };
    const read = async (file: string) => files[file] ?? "";
    const fromDiff = await diffSpecs("old.json", "new.json", { cwd: "/", read }).catch((error: unknown) => error);
    const fromGenerate = await generate({ input: "new.json", cwd: "/", read, threads: false }).catch((error: unknown) => error);
    expect(fromDiff).toBeInstanceOf(CodegenError);
    expect(fromGenerate).toBeInstanceOf(CodegenError);
    expect({ stage: (fromDiff as CodegenError).stage, problems: (fromDiff as CodegenError).problems }).toStrictEqual({
      stage: (fromGenerate as CodegenError).stage,
      problems: (fromGenerate as CodegenError).problems,
    });
  });

  it("names a missing spec file as the load stage does", async () => {
    const read = () => Promise.reject(Object.assign(new Error("ENOENT"), { code: "ENOENT" }));
    await expect(diffSpecs("missing.yaml", "missing.yaml", { cwd: "/", read })).rejects.toMatchObject({
      stage: "load",
      problems: [{ file: "missing.yaml", message: "spec file not found" }],
    });
  });
});

describe("diffSurfaces", () => {
  it("is the pure half of diffSpecs", async () => {
    const files: Record<string, string> = { "/old.json": JSON.stringify(pets), "/new.json": JSON.stringify(applyEdits(pets, [{ op: "remove", path: "/paths/~1pets~1{petId}/put" }])) };
    const options = { cwd: "/", read: async (file: string) => files[file] ?? "" };
    const [before, after] = await Promise.all([loadSurface("old.json", options), loadSurface("new.json", options)]);
    expect(diffSurfaces(before, before)).toStrictEqual({ bump: "none", summary: { total: 0, breaking: 0, major: 0, minor: 0, patch: 0 }, changes: [] });
    expect(diffSurfaces(before, after)).toStrictEqual(await diffSpecs("old.json", "new.json", options));
  });
});

describe("renderMarkdown", () => {
  it("says so when nothing changed", async () => {
    expect(renderMarkdown(await diffOf(phones, phones))).toBe("## SDK changes: no version bump needed\n\nNo changes to the SDK surface.\n");
  });

  it("lists breaking changes, then the others, grouped by operation and type", async () => {
    const diff = await diffOf(
      phones,
      applyEdits(phones, [
        { op: "replace", path: `${LIST}/parameters/7/required`, value: true },
        { op: "add", path: `${LIST}/parameters/-`, value: { name: "country", in: "query", schema: { type: "string" } } },
        { op: "add", path: `${SCHEMAS}/TelephonyProvider/enum/-`, value: "twilio" },
        { op: "replace", path: `${SCHEMAS}/TelephonyProvider/title`, value: "Provider" },
        { op: "add", path: `${SCHEMAS}/TelephonyProvider/description`, value: "Who carries the calls." },
      ]),
    );
    expect(renderMarkdown(diff)).toBe(
      [
        "## SDK changes: suggested major version bump",
        "",
        "4 changes: 2 breaking, 1 minor, 1 patch.",
        "",
        "### Breaking changes",
        "",
        "**`listPhones`**",
        "- query parameter `status` is now required",
        "",
        "**`TelephonyProvider`** (type)",
        "- gained enum value `twilio` (exhaustive `switch`es over these values stop compiling)",
        "",
        "### Other changes",
        "",
        "**`listPhones`**",
        "- query parameter `country` was added _(minor)_",
        "",
        "<details><summary>1 patch-level change (descriptions, formats and the like)</summary>",
        "",
        "**`TelephonyProvider`** (type)",
        "- description changed _(patch)_",
        "",
        "</details>",
        "",
      ].join("\n"),
    );
  });

  it("fits a pull-request comment: past the budget, the tail is left to the JSON report and counted", async () => {
    const diff = await diffOf(
      phones,
      applyEdits(phones, [
        { op: "replace", path: `${LIST}/parameters/7/required`, value: true },
        { op: "add", path: `${LIST}/parameters/-`, value: { name: "country", in: "query", schema: { type: "string" } } },
        { op: "add", path: `${SCHEMAS}/TelephonyProvider/description`, value: "Who carries the calls." },
      ]),
    );
    const full = renderMarkdown(diff);
    const cut = renderMarkdown(diff, full.indexOf("### Other changes"));
    expect(cut).toContain("- query parameter `status` is now required");
    expect(cut).not.toContain("### Other changes");
    expect(cut).not.toContain("<details>");
    expect(cut.trimEnd().endsWith("_… and 2 more changes, left out to fit a pull-request comment: the JSON report (`--format json`) lists them all._")).toBe(true);
  });
});

describe("renderJson", () => {
  const edits: readonly Edit[] = [
    { op: "remove", path: `${SCHEMAS}/PhoneRegisterResponseSchema/properties/nickname` },
    { op: "add", path: `${LIST}/parameters/-`, value: { name: "country", in: "query", schema: { type: "string" } } },
    { op: "add", path: `${SCHEMAS}/TelephonyProvider/enum/-`, value: "twilio" },
  ];

  it("round-trips through JSON.parse", async () => {
    const diff = await diffOf(phones, applyEdits(phones, edits));
    const json = renderJson(diff);
    expect(json.endsWith("}\n")).toBe(true);
    expect(JSON.parse(json)).toStrictEqual(diff);
  });

  it("gives the same bytes whatever order the spec lists things in", async () => {
    const reordered = (spec: unknown) => {
      const copy = structuredClone(spec) as { components: { schemas: Record<string, unknown> } };
      copy.components.schemas = Object.fromEntries(Object.entries(copy.components.schemas).reverse());
      return copy;
    };
    const edited = applyEdits(phones, edits);
    expect(renderJson(await diffOf(reordered(phones), reordered(edited)))).toBe(renderJson(await diffOf(phones, edited)));
  });
});
