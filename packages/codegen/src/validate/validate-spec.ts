import { CodegenError, type Problem } from "../errors.js";
import type { BundledSpec } from "../load/bundle.js";
import { appendPointer, step, trailPointer, type Trail } from "../pointer.js";
import { isReference, localRefPointer, resolveLocalRef } from "../model/refs.js";
import { HTTP_METHODS, type OpenApiDocument } from "../model/spec.js";

type Json = Record<string, unknown>;

const PARAMETER_LOCATIONS = new Set(["query", "header", "path", "cookie"]);
const SECURITY_TYPES = new Set(["http", "apiKey", "oauth2", "openIdConnect", "mutualTLS"]);

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Stage 2: proves the document has the shape every later stage relies on, and reports every problem it finds in
 * one go, each with a JSON pointer (and file:line:column). After this, stages read typed objects, not `unknown`.
 */
export function validateSpec(spec: Pick<BundledSpec, "document" | "locate">): OpenApiDocument {
  const problems = collectProblems(spec.document);
  if (problems.length > 0) {
    throw new CodegenError(
      "validate",
      problems.map((problem) => ({ ...problem, ...spec.locate(problem.pointer ?? "") })),
    );
  }
  return spec.document as OpenApiDocument;
}

/** All problems of a parsed document, in document order. Exported for table tests. */
export function collectProblems(root: unknown): Problem[] {
  const problems: Problem[] = [];
  const report = (pointer: string, message: string, hint?: string) =>
    problems.push(hint === undefined ? { pointer, message } : { pointer, message, hint });

  if (!isObject(root)) {
    report("", "not an OpenAPI document: the top level is not a mapping", "an OpenAPI document starts with `openapi: 3.1.0`, `info:` and `paths:`");
    return problems;
  }
  if (root["swagger"] !== undefined) {
    report(
      "/swagger",
      `Swagger ${String(root["swagger"])} is not supported, only OpenAPI 3.0 and 3.1`,
      "convert it first, e.g. `npx swagger2openapi spec.yaml -o openapi.yaml`, then generate from the result",
    );
    return problems;
  }
  const version = root["openapi"];
  if (typeof version !== "string") {
    report(
      "",
      "not an OpenAPI document: the `openapi` version field is missing",
      "an OpenAPI document starts with `openapi: 3.1.0` (or 3.0.x)",
    );
    return problems;
  }
  if (!/^3\.[01]\.\d+/.test(version)) {
    report("/openapi", `unsupported OpenAPI version ${JSON.stringify(version)}`, "use OpenAPI 3.0.x or 3.1.x");
    return problems;
  }

  checkInfo(root["info"], report);
  checkServers(root["servers"], "/servers", report);
  checkSecuritySchemes(root, report);
  checkSecurity(root, root["security"], "/security", report);
  checkPaths(root, report);
  checkRefs(root, root, undefined, report, new Set());
  checkSchemaShapes(root, report);
  if (problems.length === 0) checkTypeCycles(root, report);
  return problems;
}

type Report = (pointer: string, message: string, hint?: string) => void;

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

function checkSecurity(root: Json, security: unknown, pointer: string, report: Report): void {
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
        report(
          appendPointer(pointer, index, name),
          `security requirement names "${name}", which is not in components.securitySchemes`,
          "define the scheme under components.securitySchemes or fix the name",
        );
      }
    }
  });
}

function checkPaths(root: Json, report: Report): void {
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
    const shared = checkParameters(root, item["parameters"], appendPointer(itemPointer, "parameters"), report);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      const pointer = appendPointer(itemPointer, method);
      if (!isObject(operation)) {
        report(pointer, `${method.toUpperCase()} ${path} must be a mapping`);
        continue;
      }
      checkOperation(root, path, operation, pointer, shared, report);
    }
  }
}

function checkOperation(root: Json, path: string, operation: Json, pointer: string, shared: Map<string, Json>, report: Report): void {
  if (operation["operationId"] !== undefined && typeof operation["operationId"] !== "string") {
    report(appendPointer(pointer, "operationId"), "`operationId` must be a string");
  }
  const own = checkParameters(root, operation["parameters"], appendPointer(pointer, "parameters"), report);
  const pathParams = new Set(
    [...shared.values(), ...own.values()].filter((parameter) => parameter["in"] === "path").map((parameter) => String(parameter["name"])),
  );
  // A name may appear twice (`/{id}/{action}/{id}`): one parameter, one argument, its value in both places.
  const templated = new Set([...path.matchAll(/\{([^}]*)\}/g)].map(([, name]) => name ?? ""));
  for (const name of templated) {
    if (!pathParams.has(name)) {
      report(pointer, `path template "${path}" has {${name}} but the operation declares no path parameter "${name}"`, `add a parameter with \`name: ${name}\` and \`in: path\``);
    }
  }
  const responses = operation["responses"];
  if (responses === undefined) {
    if (String(root["openapi"]).startsWith("3.0")) report(pointer, "operation has no `responses`", "OpenAPI 3.0 requires at least one response");
  } else if (!isObject(responses)) {
    report(appendPointer(pointer, "responses"), "`responses` must be a mapping of status codes to responses");
  } else {
    for (const [status, response] of Object.entries(responses)) {
      if (status.startsWith("x-")) continue;
      if (!/^([1-5]\d\d|[1-5]XX|default)$/i.test(status)) {
        report(appendPointer(pointer, "responses", status), `"${status}" is not a status code`, "use a code like 200, a range like 4XX, or `default`");
      }
      checkContentHolder(root, response, appendPointer(pointer, "responses", status), `response ${status}`, report);
    }
  }
  if (operation["requestBody"] !== undefined) checkContentHolder(root, operation["requestBody"], appendPointer(pointer, "requestBody"), "`requestBody`", report);
  checkSecurity(root, operation["security"], appendPointer(pointer, "security"), report);
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

/** Checks a parameter list; returns the parameters by `in:name`, for the path-template check. */
function checkParameters(root: Json, parameters: unknown, pointer: string, report: Report): Map<string, Json> {
  const byKey = new Map<string, Json>();
  if (parameters === undefined) return byKey;
  if (!Array.isArray(parameters)) {
    report(pointer, "`parameters` must be a list");
    return byKey;
  }
  parameters.forEach((entry, index) => {
    const at = appendPointer(pointer, index);
    const parameter = isReference(entry) ? resolveLocalRef(root, entry.$ref) : entry;
    if (parameter === undefined && isReference(entry)) return; // reported by checkRefs
    if (!isObject(parameter)) {
      report(at, "a parameter must be a mapping");
      return;
    }
    const { name, in: location } = parameter;
    if (typeof name !== "string" || name === "") report(at, "a parameter needs a `name`");
    if (!PARAMETER_LOCATIONS.has(String(location))) {
      report(at, `parameter "${String(name)}" has \`in: ${String(location)}\``, "use query, header, path or cookie");
      return;
    }
    if (location === "path" && parameter["required"] !== true) {
      report(at, `path parameter "${String(name)}" must have \`required: true\``);
    }
    if (parameter["schema"] === undefined && parameter["content"] === undefined) {
      report(at, `parameter "${String(name)}" needs a \`schema\` (or \`content\`)`);
    }
    const key = `${String(location)}:${String(name)}`;
    if (byKey.has(key)) report(at, `parameter "${String(name)}" in ${String(location)} is listed twice`, "a parameter list must not repeat a name and location");
    byKey.set(key, parameter);
  });
  return byKey;
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
function checkSchemaShapes(root: Json, report: Report): void {
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
      report(trailPointer(at), "a schema must be a mapping", "e.g. `{ type: string }` or `{ $ref: \"#/components/schemas/Name\" }`");
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
    const { required, type } = schema;
    if (required !== undefined && typeof required !== "boolean" && !(Array.isArray(required) && required.every((name) => typeof name === "string"))) {
      report(trailPointer(step(at, "required")), "`required` of a schema must be a list of property names");
    }
    if (type !== undefined && typeof type !== "string" && !(Array.isArray(type) && type.every((name) => typeof name === "string"))) {
      report(trailPointer(step(at, "type")), "`type` must be a type name or a list of them");
    }
    if (schema["enum"] !== undefined && !Array.isArray(schema["enum"])) report(trailPointer(step(at, "enum")), "`enum` must be a list of values");
  };
  visitDocument(root, undefined);
  const schemas = isObject(root["components"]) ? root["components"]["schemas"] : undefined;
  if (isObject(schemas)) {
    for (const name of Object.keys(schemas)) {
      // openapi-typescript decodes component names as URI parts; a stray `%` makes it throw.
      if (/%(?![0-9a-f]{2})/i.test(name)) report(appendPointer("/components/schemas", name), `schema name "${name}" has a "%" that is not a %XX escape`, "OpenAPI allows only letters, digits, `.`, `-` and `_` in component names");
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
 * `Tree: { items: $ref Tree }`) has no TypeScript type: the compiler rejects `A: A[]` or `A: A & B` (TS2502). One
 * clear message here beats a package that does not compile.
 */
function checkTypeCycles(root: Json, report: Report): void {
  const schemas = isObject(root["components"]) ? root["components"]["schemas"] : undefined;
  if (!isObject(schemas)) return;
  for (const name of Object.keys(schemas)) {
    const start = appendPointer("/components/schemas", name);
    const closing = findTypeCycle(root, schemas[name], start, start, new Set([start]));
    if (closing === undefined) continue;
    report(
      closing,
      `schema "${name}" contains itself through allOf/anyOf/oneOf/items with no object property in between; TypeScript cannot name such a type`,
      "remove the self-reference if it is a mistake, or move the recursion under an object property (e.g. `children: { type: array, items: { $ref } }`)",
    );
  }
}

/** The pointer of the `$ref` that leads back to `start` through type positions only, if there is one. */
function findTypeCycle(root: Json, node: unknown, pointer: string, start: string, visited: Set<string>): string | undefined {
  if (!isObject(node)) return undefined;
  if (isReference(node)) {
    const target = localRefPointer(node.$ref);
    if (target === undefined) return undefined;
    if (target === start) return appendPointer(pointer, "$ref");
    if (visited.has(target)) return undefined;
    visited.add(target);
    return findTypeCycle(root, resolveLocalRef(root, node.$ref), target, start, visited);
  }
  for (const keyword of TYPE_POSITION_KEYWORDS) {
    const value = node[keyword];
    const children = Array.isArray(value) ? value.map((child, index) => [child, appendPointer(pointer, keyword, index)] as const) : [[value, appendPointer(pointer, keyword)] as const];
    for (const [child, at] of children) {
      const found = findTypeCycle(root, child, at, start, visited);
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
