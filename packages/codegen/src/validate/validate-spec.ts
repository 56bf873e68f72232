import { CodegenError, type Problem } from "../errors.js";
import type { BundledSpec } from "../load/bundle.js";
import { appendPointer, applyEdits, step, trailPointer, type DocumentEdit, type Trail } from "../pointer.js";
import { isReference, localRefPointer, resolveLocalRef } from "../model/refs.js";
import { HTTP_METHODS, type OpenApiDocument } from "../model/spec.js";

type Json = Record<string, unknown>;

const PARAMETER_LOCATIONS = new Set(["query", "header", "path", "cookie"]);
const SECURITY_TYPES = new Set(["http", "apiKey", "oauth2", "openIdConnect", "mutualTLS"]);

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Something the spec gets wrong that we generate anyway, and what we assumed instead. */
export interface SpecWarning {
  readonly pointer: string;
  readonly message: string;
}

/** A rule the spec breaks in a small way that still describes a usable API, and the edit that assumes the obvious. */
export interface Assumption extends SpecWarning {
  readonly edits: readonly DocumentEdit[];
}

export interface ValidatedSpec {
  readonly document: OpenApiDocument;
  /** One per assumption made, in document order. */
  readonly warnings: readonly SpecWarning[];
  /** The assumptions as edits, already applied to `document`; the types stage applies them to its own copy. */
  readonly edits: readonly DocumentEdit[];
}

export interface ValidateOptions {
  /** Refuse the spec for what would otherwise be a warning (`--strict`). */
  readonly strict?: boolean;
}

/**
 * Stage 2: proves the document has the shape every later stage relies on. What cannot become a client (a `$ref`
 * that does not resolve, a schema of the wrong shape) is an error; every one is reported in one go, each with a JSON
 * pointer (and file:line:column). What real specs get wrong in small ways (a path parameter without
 * `required: true`, a parameter without `schema`) is as lenient as the peers: we assume the obvious, edit the
 * document to say it, and return one warning per problem; `strict` makes those errors too. After this, stages read
 * typed objects, not `unknown`.
 */
export function validateSpec(spec: Pick<BundledSpec, "document" | "locate">, options: ValidateOptions = {}): ValidatedSpec {
  const { problems, assumptions, listEdits } = inspectSpec(spec.document);
  const refused =
    options.strict === true ? [...problems, ...assumptions.map(({ pointer, message }) => ({ pointer, message, hint: "generate without --strict to accept this with a warning" }))] : problems;
  if (refused.length > 0) {
    throw new CodegenError(
      "validate",
      refused.map((problem) => ({ ...problem, ...spec.locate(problem.pointer ?? "") })),
    );
  }
  const edits = [...assumptions.flatMap((assumption) => assumption.edits), ...listEdits];
  applyEdits(spec.document, edits);
  return { document: spec.document as OpenApiDocument, warnings: assumptions.map(({ pointer, message }) => ({ pointer, message })), edits };
}

/** All errors of a parsed document, in document order. Exported for table tests. */
export function collectProblems(root: unknown): Problem[] {
  return inspectSpec(root).problems;
}

interface Findings {
  readonly problems: Problem[];
  readonly assumptions: Assumption[];
  /**
   * Whole lists rewritten for assumptions already reported (a dropped parameter, an added one). They replace lists
   * whose items other edits address by index, so they are applied after every other edit.
   */
  readonly listEdits: DocumentEdit[];
}

/** Errors and assumptions of a parsed document, each in document order; reads the document, never edits it. */
export function inspectSpec(root: unknown): Findings {
  const problems: Problem[] = [];
  const assumptions: Assumption[] = [];
  const listEdits: DocumentEdit[] = [];
  const report = (pointer: string, message: string, hint?: string) => problems.push(hint === undefined ? { pointer, message } : { pointer, message, hint });
  // One warning per place: a shared parameter (a `$ref` many operations list) is reported once, where it is written.
  const assumed = new Set<string>();
  const assumeOnce = (pointer: string, message: string, edits: readonly DocumentEdit[]) => {
    const key = `${pointer}\n${message}`;
    if (assumed.has(key)) return;
    assumed.add(key);
    assumptions.push({ pointer, message, edits });
  };
  const assume: Assume = Object.assign(assumeOnce, {
    replaceList: (pointer: string, value: unknown[]) => void listEdits.push({ pointer, value }),
  });
  const found = () => ({ problems, assumptions, listEdits });

  if (!isObject(root)) {
    report("", "not an OpenAPI document: the top level is not a mapping", "an OpenAPI document starts with `openapi: 3.1.0`, `info:` and `paths:`");
    return found();
  }
  if (root["swagger"] !== undefined) {
    report(
      "/swagger",
      `Swagger ${String(root["swagger"])} is not supported, only OpenAPI 3.0 and 3.1`,
      "convert it first, e.g. `npx swagger2openapi spec.yaml -o openapi.yaml`, then generate from the result",
    );
    return found();
  }
  const version = root["openapi"];
  if (typeof version !== "string") {
    report("", "not an OpenAPI document: the `openapi` version field is missing", "an OpenAPI document starts with `openapi: 3.1.0` (or 3.0.x)");
    return found();
  }
  if (!/^3\.[01]\.\d+/.test(version)) {
    report("/openapi", `unsupported OpenAPI version ${JSON.stringify(version)}`, "use OpenAPI 3.0.x or 3.1.x");
    return found();
  }

  checkInfo(root["info"], report);
  checkServers(root["servers"], "/servers", report);
  checkSecuritySchemes(root, report);
  checkSecurity(root, root["security"], "/security", report, assume);
  checkPaths(root, report, assume);
  checkRefs(root, root, undefined, report, new Set());
  checkSchemaShapes(root, report, assume);
  if (problems.length === 0) checkTypeCycles(root, assume);
  return found();
}

type Report = (pointer: string, message: string, hint?: string) => void;
interface Assume {
  (pointer: string, message: string, edits: readonly DocumentEdit[]): void;
  /** Replaces a list the reported assumptions changed (see `Findings.listEdits`). */
  readonly replaceList: (pointer: string, value: unknown[]) => void;
}

function checkInfo(info: unknown, report: Report): void {
  if (!isObject(info)) {
    report("/info", "`info` is missing or not a mapping", "add `info:` with `title` and `version`");
    return;
  }
  for (const field of ["title", "version"]) {
    if (typeof info[field] !== "string") report(`/info/${field}`, `\`info.${field}\` must be a string`);
  }
}

function checkServers(servers: unknown, pointer: string, report: Report): void {
  if (servers === undefined) return;
  if (!Array.isArray(servers)) {
    report(pointer, "`servers` must be a list");
    return;
  }
  servers.forEach((server, index) => {
    if (!isObject(server) || typeof server["url"] !== "string") {
      report(appendPointer(pointer, index), "a server needs a `url` string");
    }
  });
}

function checkSecuritySchemes(root: Json, report: Report): void {
  const components = root["components"];
  if (!isObject(components) || !isObject(components["securitySchemes"])) return;
  for (const [name, scheme] of Object.entries(components["securitySchemes"])) {
    const pointer = appendPointer("/components/securitySchemes", name);
    if (isReference(scheme)) continue;
    if (!isObject(scheme) || !SECURITY_TYPES.has(String(scheme["type"]))) {
      report(pointer, `security scheme "${name}" has no valid \`type\``, "use http, apiKey, oauth2, openIdConnect or mutualTLS");
    } else if (scheme["type"] === "http" && typeof scheme["scheme"] !== "string") {
      report(pointer, `http security scheme "${name}" needs a \`scheme\` (bearer or basic)`);
    } else if (scheme["type"] === "apiKey" && (typeof scheme["name"] !== "string" || !["query", "header", "cookie"].includes(String(scheme["in"])))) {
      report(pointer, `apiKey security scheme "${name}" needs a \`name\` and \`in\` (query, header or cookie)`);
    }
  }
}

function checkSecurity(root: Json, security: unknown, pointer: string, report: Report, assume: Assume): void {
  if (security === undefined) return;
  if (!Array.isArray(security)) {
    report(pointer, "`security` must be a list of requirement mappings");
    return;
  }
  const schemes = isObject(root["components"]) ? root["components"]["securitySchemes"] : undefined;
  security.forEach((requirement, index) => {
    if (!isObject(requirement)) {
      report(appendPointer(pointer, index), "a security requirement must be a mapping of scheme name to scopes");
      return;
    }
    for (const name of Object.keys(requirement)) {
      if (!isObject(schemes) || schemes[name] === undefined) {
        const at = appendPointer(pointer, index, name);
        assume(at, `security requirement names "${name}", which is not in components.securitySchemes; the requirement is ignored`, [{ pointer: at, value: undefined }]);
      }
    }
  });
}

function checkPaths(root: Json, report: Report, assume: Assume): void {
  const paths = root["paths"];
  if (paths === undefined) {
    if (String(root["openapi"]).startsWith("3.0")) report("", "`paths` is missing", "OpenAPI 3.0 requires `paths:` (it may be empty)");
    return;
  }
  if (!isObject(paths)) {
    report("/paths", "`paths` must be a mapping of path templates to path items");
    return;
  }
  for (const [path, item] of Object.entries(paths)) {
    const itemPointer = appendPointer("/paths", path);
    if (path.startsWith("x-")) continue;
    if (!path.startsWith("/")) report(itemPointer, `path "${path}" must start with "/"`);
    if (isReference(item)) continue;
    if (!isObject(item)) {
      report(itemPointer, `path item "${path}" must be a mapping`);
      continue;
    }
    const sharedPointer = appendPointer(itemPointer, "parameters");
    const shared = checkParameters(root, item["parameters"], sharedPointer, report, assume);
    if (shared.kept !== undefined) assume.replaceList(sharedPointer, shared.kept);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      const pointer = appendPointer(itemPointer, method);
      if (!isObject(operation)) {
        report(pointer, `${method.toUpperCase()} ${path} must be a mapping`);
        continue;
      }
      checkOperation(root, path, operation, pointer, shared.byKey, report, assume);
    }
  }
}

function checkOperation(root: Json, path: string, operation: Json, pointer: string, shared: Map<string, Json>, report: Report, assume: Assume): void {
  if (operation["operationId"] !== undefined && typeof operation["operationId"] !== "string") {
    report(appendPointer(pointer, "operationId"), "`operationId` must be a string");
  }
  const parametersPointer = appendPointer(pointer, "parameters");
  const own = checkParameters(root, operation["parameters"], parametersPointer, report, assume);
  const pathParams = new Set([...shared.values(), ...own.byKey.values()].filter((parameter) => parameter["in"] === "path").map((parameter) => String(parameter["name"])));
  // A name may appear twice (`/{id}/{action}/{id}`): one parameter, one argument, its value in both places.
  const templated = new Set([...path.matchAll(/\{([^}]*)\}/g)].map(([, name]) => name ?? ""));
  const added = [...templated].filter((name) => !pathParams.has(name));
  for (const name of added) {
    assume(pointer, `path template "${path}" has {${name}} but the operation declares no path parameter "${name}"; assumed a required path parameter of type string`, []);
  }
  if (added.length > 0 || own.kept !== undefined) {
    const parameters = [
      ...(own.kept ?? (Array.isArray(operation["parameters"]) ? operation["parameters"] : [])),
      ...added.map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
    ];
    assume.replaceList(parametersPointer, parameters);
  }
  const responses = operation["responses"];
  if (responses === undefined) {
    if (String(root["openapi"]).startsWith("3.0")) assume(pointer, "operation has no `responses` (OpenAPI 3.0 requires one); assumed it returns no body", []);
  } else if (!isObject(responses)) {
    report(appendPointer(pointer, "responses"), "`responses` must be a mapping of status codes to responses");
  } else {
    for (const [status, response] of Object.entries(responses)) {
      if (status.startsWith("x-")) continue;
      const at = appendPointer(pointer, "responses", status);
      if (!/^([1-5]\d\d|[1-5]XX|default)$/i.test(status)) {
        assume(at, `"${status}" is not a status code (use a code like 200, a range like 4XX, or \`default\`); the response is ignored`, [{ pointer: at, value: undefined }]);
        continue;
      }
      checkContentHolder(root, response, at, `response ${status}`, report);
    }
  }
  if (operation["requestBody"] !== undefined) checkContentHolder(root, operation["requestBody"], appendPointer(pointer, "requestBody"), "`requestBody`", report);
  checkSecurity(root, operation["security"], appendPointer(pointer, "security"), report, assume);
}

/** A request body or response: a mapping (or `$ref`) whose `content`, if any, maps media types to mappings. */
function checkContentHolder(root: Json, holder: unknown, pointer: string, what: string, report: Report): void {
  const resolved = isReference(holder) ? resolveLocalRef(root, holder.$ref) : holder;
  if (resolved === undefined && isReference(holder)) return; // reported by checkRefs
  if (!isObject(resolved)) {
    report(pointer, `${what} must be a mapping`, "give it `content:` (and for a response, `description:`)");
    return;
  }
  const content = resolved["content"];
  if (content === undefined) return;
  if (!isObject(content)) {
    report(appendPointer(pointer, "content"), "`content` must be a mapping of media types to media type objects");
    return;
  }
  for (const [mediaType, media] of Object.entries(content)) {
    if (!isObject(media)) report(appendPointer(pointer, "content", mediaType), `media type "${mediaType}" must be a mapping`, "e.g. `schema: { type: string }`");
  }
}

interface CheckedParameters {
  /** The parameters by `in:name`, for the path-template check. */
  readonly byKey: Map<string, Json>;
  /** The list without the parameters that cannot be sent, when any were dropped. */
  readonly kept: unknown[] | undefined;
}

/**
 * Checks a parameter list. A parameter we cannot send (no name, `in: body` left over from Swagger 2.0, a repeat of
 * the same name and location) is dropped with a warning; a path parameter is required whatever it says; a parameter
 * without `schema` is a string. Each assumption edits the parameter where it is written (its `$ref` target, if any).
 */
function checkParameters(root: Json, parameters: unknown, pointer: string, report: Report, assume: Assume): CheckedParameters {
  const byKey = new Map<string, Json>();
  if (parameters === undefined) return { byKey, kept: undefined };
  if (!Array.isArray(parameters)) {
    report(pointer, "`parameters` must be a list");
    return { byKey, kept: undefined };
  }
  const dropped = new Set<number>();
  const drop = (index: number, at: string, message: string) => {
    dropped.add(index);
    assume(at, `${message}; the parameter is ignored`, []);
  };
  parameters.forEach((entry, index) => {
    const at = appendPointer(pointer, index);
    // What is wrong with the parameter itself is reported where it is written: for a `$ref` (to another file, which
    // the load stage hoisted into components), its target, which the CLI locates in that file.
    const written = isReference(entry) ? (localRefPointer(entry.$ref) ?? at) : at;
    const parameter = isReference(entry) ? resolveLocalRef(root, entry.$ref) : entry;
    if (parameter === undefined && isReference(entry)) return; // reported by checkRefs
    if (!isObject(parameter)) {
      report(written, "a parameter must be a mapping");
      return;
    }
    const { name, in: location } = parameter;
    if (typeof name !== "string" || name === "") return drop(index, written, "a parameter needs a `name`");
    if (!PARAMETER_LOCATIONS.has(String(location))) return drop(index, written, `parameter "${name}" has \`in: ${String(location)}\` (OpenAPI 3 has query, header, path and cookie parameters)`);
    const key = `${String(location)}:${name}`;
    if (byKey.has(key)) return drop(index, at, `parameter "${name}" in ${String(location)} is listed twice (a parameter list must not repeat a name and location)`);
    if (location === "path" && parameter["required"] !== true) {
      assume(written, `path parameter "${name}" must have \`required: true\`; assumed required`, [{ pointer: appendPointer(written, "required"), value: true }]);
    }
    if (parameter["schema"] === undefined && parameter["content"] === undefined) {
      assume(written, `parameter "${name}" has no \`schema\` (or \`content\`); assumed type string`, [{ pointer: appendPointer(written, "schema"), value: { type: "string" } }]);
    }
    byKey.set(key, parameter);
  });
  return { byKey, kept: dropped.size === 0 ? undefined : parameters.filter((_, index) => !dropped.has(index)) };
}

/** Keys whose values are literal data, not schema: a `$ref` inside them is a value, not a reference. */
const LITERAL_KEYS = new Set(["example", "examples", "default", "const", "enum", "value"]);

/** What is wrong with a `$ref`, if anything; the same for every use of one ref string. */
type RefProblem = { readonly message: string; readonly hint?: string } | undefined;

function refProblem(root: Json, ref: string): RefProblem {
  const target = localRefPointer(ref);
  if (target === undefined) return { message: `cannot resolve $ref "${ref}"`, hint: "fix the reference" };
  if (target === "") return { message: `$ref "${ref}" points at the whole document, not at a definition`, hint: 'point it at a definition, e.g. "#/components/schemas/Name"' };
  if (resolveLocalRef(root, ref) === undefined) return { message: `cannot resolve $ref "${ref}": nothing is defined at ${target || "/"}`, hint: "fix the reference or define the target" };
  if (isPureRefCycle(root, ref)) return { message: `$ref "${ref}" only leads to other $refs in a cycle and never to a definition` };
  return undefined;
}

/** Every `$ref` must resolve; refs into other files are named as unsupported rather than silently ignored. */
function checkRefs(root: Json, node: unknown, at: Trail, report: Report, onStack: Set<unknown>, inProperties = false, verdicts = new Map<string, RefProblem>()): void {
  if (typeof node !== "object" || node === null || onStack.has(node)) return;
  onStack.add(node);
  if (!Array.isArray(node) && !inProperties && "$ref" in node && typeof node.$ref !== "string") {
    report(trailPointer(step(at, "$ref")), "`$ref` must be a string", 'e.g. `$ref: "#/components/schemas/Name"`');
  }
  if (isReference(node)) {
    // GitHub's spec uses a few thousand distinct refs tens of thousands of times: judge each once.
    if (!verdicts.has(node.$ref)) verdicts.set(node.$ref, refProblem(root, node.$ref));
    const problem = verdicts.get(node.$ref);
    if (problem !== undefined) report(trailPointer(step(at, "$ref")), problem.message, problem.hint);
  }
  if (Array.isArray(node)) {
    node.forEach((child, index) => checkRefs(root, child, step(at, index), report, onStack, false, verdicts));
  } else {
    for (const [key, child] of Object.entries(node)) {
      if (LITERAL_KEYS.has(key) && !inProperties) continue;
      checkRefs(root, child, step(at, key), report, onStack, key === "properties" || key === "patternProperties", verdicts);
    }
  }
  onStack.delete(node);
}

const SCHEMA_MAPS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"] as const;
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"] as const;
const BOOLEAN_SLOTS: ReadonlySet<string> = new Set(["additionalProperties", "unevaluatedProperties", "unevaluatedItems", "additionalItems"]);
const SCHEMA_SLOTS = ["items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedProperties", "unevaluatedItems", "additionalItems"] as const;

/**
 * Every schema — under `components.schemas` and wherever a `schema:` appears — has the shape the types stage can
 * read: a mapping (or, in 3.1, `true`/`false`), maps of subschemas that are mappings, lists that are lists.
 */
function checkSchemaShapes(root: Json, report: Report, assume: Assume): void {
  const booleansAllowed = String(root["openapi"]).startsWith("3.1");
  const seen = new Set<unknown>();
  const visitDocument = (node: unknown, trail: Trail): void => {
    if (typeof node !== "object" || node === null || seen.has(node)) return;
    seen.add(node);
    for (const [key, child] of Array.isArray(node) ? node.entries() : Object.entries(node)) {
      // Extensions (`x-github-breaking-changes`…) are the vendor's own data, not schemas we generate from.
      if (typeof key === "string" && (LITERAL_KEYS.has(key) || key.startsWith("x-"))) continue;
      const at = step(trail, key);
      if (key === "schema") checkSchema(child, at);
      else if (key === "schemas" && trail?.key === "components" && trail.up === undefined) {
        if (isObject(child)) for (const [name, schema] of Object.entries(child)) checkSchema(schema, step(at, name));
      } else visitDocument(child, at);
    }
  };
  const checkSchema = (schema: unknown, at: Trail): void => {
    if (typeof schema === "boolean") {
      if (!booleansAllowed) report(trailPointer(at), "a schema must be a mapping", "`true`/`false` schemas need OpenAPI 3.1");
      return;
    }
    if (!isObject(schema)) {
      report(trailPointer(at), "a schema must be a mapping", 'e.g. `{ type: string }` or `{ $ref: "#/components/schemas/Name" }`');
      return;
    }
    if (seen.has(schema) || isReference(schema)) return;
    seen.add(schema);
    for (const key of SCHEMA_MAPS) {
      const value = schema[key];
      if (value === undefined) continue;
      if (!isObject(value)) report(trailPointer(step(at, key)), `\`${key}\` must be a mapping of names to schemas`);
      else for (const [name, child] of Object.entries(value)) checkSchema(child, step(at, key, name));
    }
    for (const key of SCHEMA_LISTS) {
      const value = schema[key];
      if (value === undefined) continue;
      if (!Array.isArray(value)) report(trailPointer(step(at, key)), `\`${key}\` must be a list of schemas`);
      else value.forEach((child, index) => checkSchema(child, step(at, key, index)));
    }
    for (const key of SCHEMA_SLOTS) {
      // `additionalProperties: false` and its kin were booleans long before 3.1 allowed boolean schemas everywhere.
      if (typeof schema[key] === "boolean" && BOOLEAN_SLOTS.has(key)) continue;
      if (schema[key] !== undefined) checkSchema(schema[key], step(at, key));
    }
    // Keywords of the wrong shape are dropped, as the peers ignore them: the schema says a little less, nothing wrong.
    const ignore = (key: string, message: string) => {
      const pointer = trailPointer(step(at, key));
      assume(pointer, `${message}; the keyword is ignored`, [{ pointer, value: undefined }]);
    };
    const { required, type } = schema;
    if (required !== undefined && typeof required !== "boolean" && !(Array.isArray(required) && required.every((name) => typeof name === "string"))) {
      ignore("required", "`required` of a schema must be a list of property names");
    }
    if (type !== undefined && typeof type !== "string" && !(Array.isArray(type) && type.every((name) => typeof name === "string"))) {
      ignore("type", "`type` must be a type name or a list of them");
    }
    if (schema["enum"] !== undefined && !Array.isArray(schema["enum"])) ignore("enum", "`enum` must be a list of values");
    // openapi-typescript reads the enum of an object schema as `oneOf`, and a value that is no mapping makes it throw
    // (Mercedes-Benz's `ProductGroup`, `type: object` with `enum: [PKW, VAN, SMART]`).
    else if (type === "object" && Array.isArray(schema["enum"]) && schema["enum"].some((value) => !isObject(value))) ignore("enum", "`enum` of an object schema lists values that are not objects");
  };
  visitDocument(root, undefined);
  const schemas = isObject(root["components"]) ? root["components"]["schemas"] : undefined;
  if (isObject(schemas)) {
    for (const name of Object.keys(schemas)) {
      // openapi-typescript decodes component names as URI parts; a stray `%` makes it throw.
      if (/%(?![0-9a-f]{2})/i.test(name))
        report(appendPointer("/components/schemas", name), `schema name "${name}" has a "%" that is not a %XX escape`, "OpenAPI allows only letters, digits, `.`, `-` and `_` in component names");
    }
  }
}

/**
 * Schema keywords whose subschemas openapi-typescript writes into the type itself (a union, an intersection, an
 * array); `properties` and `additionalProperties` become members of an object type, which TypeScript resolves lazily.
 */
const TYPE_POSITION_KEYWORDS = ["allOf", "anyOf", "oneOf", "prefixItems", "items"] as const;

/**
 * A component schema that reaches itself only through `allOf`/`anyOf`/`oneOf`/`items` (`User: { allOf: [$ref User] }`,
 * the "any JSON value" `Json: { oneOf: [string, …, { items: $ref Json }] }`) has no TypeScript type: the compiler
 * rejects `A: A[]` or `A: A & B` (TS2502). Rather than refuse a spec for it, the `$ref` that closes the loop becomes
 * `{}` (`unknown` in the types), with a warning naming it; each cycle is cut once, at the first such `$ref` found.
 */
function checkTypeCycles(root: Json, assume: Assume): void {
  const schemas = isObject(root["components"]) ? root["components"]["schemas"] : undefined;
  if (!isObject(schemas)) return;
  const cut = new Set<string>();
  for (const name of Object.keys(schemas)) {
    const start = appendPointer("/components/schemas", name);
    // One schema can hold several loops (`oneOf: [{ items: $ref Json }, { additionalProperties… }]`): cut them all.
    for (
      let closing = findTypeCycle(root, schemas[name], start, start, new Set([start]), cut);
      closing !== undefined;
      closing = findTypeCycle(root, schemas[name], start, start, new Set([start]), cut)
    ) {
      cut.add(closing);
      assume(
        appendPointer(closing, "$ref"),
        `schema "${name}" contains itself through allOf/anyOf/oneOf/items with no object property in between, which TypeScript cannot name; typed as \`unknown\` here (move the recursion under an object property to keep the type)`,
        [{ pointer: closing, value: {} }],
      );
    }
  }
}

/** The pointer of the `$ref` object that leads back to `start` through type positions only, if there is one. */
function findTypeCycle(root: Json, node: unknown, pointer: string, start: string, visited: Set<string>, cut: ReadonlySet<string>): string | undefined {
  if (!isObject(node) || cut.has(pointer)) return undefined;
  if (isReference(node)) {
    const target = localRefPointer(node.$ref);
    if (target === undefined) return undefined;
    if (target === start) return pointer;
    if (visited.has(target)) return undefined;
    visited.add(target);
    return findTypeCycle(root, resolveLocalRef(root, node.$ref), target, start, visited, cut);
  }
  for (const keyword of TYPE_POSITION_KEYWORDS) {
    const value = node[keyword];
    const children = Array.isArray(value) ? value.map((child, index) => [child, appendPointer(pointer, keyword, index)] as const) : [[value, appendPointer(pointer, keyword)] as const];
    for (const [child, at] of children) {
      const found = findTypeCycle(root, child, at, start, visited, cut);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function isPureRefCycle(root: Json, ref: string): boolean {
  const seen = new Set<string>();
  let current: unknown = { $ref: ref };
  while (isReference(current)) {
    if (seen.has(current.$ref)) return true;
    seen.add(current.$ref);
    current = resolveLocalRef(root, current.$ref);
  }
  return false;
}
