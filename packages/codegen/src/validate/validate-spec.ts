import { CodegenError, type Problem } from "../errors.js";
import type { BundledSpec } from "../load/bundle.js";
import { appendPointer } from "../pointer.js";
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
  checkRefs(root, root, "", report, new Set());
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
  for (const [, name] of path.matchAll(/\{([^}]*)\}/g)) {
    if (name !== undefined && !pathParams.has(name)) {
      report(pointer, `path template "${path}" has {${name}} but the operation declares no path parameter "${name}"`, `add a parameter with \`name: ${name}\` and \`in: path\``);
    }
  }
  const responses = operation["responses"];
  if (responses === undefined) {
    if (String(root["openapi"]).startsWith("3.0")) report(pointer, "operation has no `responses`", "OpenAPI 3.0 requires at least one response");
  } else if (!isObject(responses)) {
    report(appendPointer(pointer, "responses"), "`responses` must be a mapping of status codes to responses");
  } else {
    for (const status of Object.keys(responses)) {
      if (!/^([1-5]\d\d|[1-5]XX|default)$/i.test(status) && !status.startsWith("x-")) {
        report(appendPointer(pointer, "responses", status), `"${status}" is not a status code`, "use a code like 200, a range like 4XX, or `default`");
      }
    }
  }
  checkSecurity(root, operation["security"], appendPointer(pointer, "security"), report);
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
    byKey.set(key, parameter);
  });
  return byKey;
}

/** Keys whose values are literal data, not schema: a `$ref` inside them is a value, not a reference. */
const LITERAL_KEYS = new Set(["example", "examples", "default", "const", "enum", "value"]);

/** Every `$ref` must resolve; refs into other files are named as unsupported rather than silently ignored. */
function checkRefs(root: Json, node: unknown, pointer: string, report: Report, onStack: Set<unknown>, inProperties = false): void {
  if (typeof node !== "object" || node === null || onStack.has(node)) return;
  onStack.add(node);
  if (isReference(node)) {
    const ref = node.$ref;
    const target = localRefPointer(ref);
    if (target === undefined) {
      report(appendPointer(pointer, "$ref"), `cannot resolve $ref "${ref}"`, "fix the reference");
    } else if (resolveLocalRef(root, ref) === undefined) {
      report(appendPointer(pointer, "$ref"), `cannot resolve $ref "${ref}": nothing is defined at ${target || "/"}`, "fix the reference or define the target");
    } else if (isPureRefCycle(root, ref)) {
      report(appendPointer(pointer, "$ref"), `$ref "${ref}" only leads to other $refs in a cycle and never to a definition`);
    }
  }
  if (Array.isArray(node)) {
    node.forEach((child, index) => checkRefs(root, child, appendPointer(pointer, index), report, onStack));
  } else {
    for (const [key, child] of Object.entries(node)) {
      if (LITERAL_KEYS.has(key) && !inProperties) continue;
      checkRefs(root, child, appendPointer(pointer, key), report, onStack, key === "properties" || key === "patternProperties");
    }
  }
  onStack.delete(node);
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
