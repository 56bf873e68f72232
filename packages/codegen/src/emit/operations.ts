import type { OperationModel, PaginationModel, ParameterModel, PathParameterModel, RequestBodyModel, ResponseModel, ValueModel } from "../model/model.js";
import { compareStrings } from "../order.js";
import { docText, paragraphs } from "./docs.js";
import type { GeneratedFile } from "./file.js";
import { Identifier, propertyKey, stringLiteral, toLiteral, type LiteralValue } from "./literal.js";
import { sampleValue } from "./samples.js";
import {
  fillHoles,
  StructureKind,
  type FunctionTemplate,
  type ImportDeclarationStructure,
  type OperationTemplate,
  type TemplateEngine,
  type TypeAliasDeclarationStructure,
} from "./templates.js";

/** Where each module the template imports lives in the output, seen from `src/operations/`. */
const OUTPUT_MODULES: Readonly<Record<string, string>> = {
  "./stand-in/schema.js": "../schema.js",
  "./runtime/index.js": "../runtime/index.js",
};

const STATUS_ERROR_CLASSES: Readonly<Record<string, string>> = {
  "400": "BadRequestError",
  "401": "AuthenticationError",
  "403": "PermissionDeniedError",
  "404": "NotFoundError",
  "409": "ConflictError",
  "422": "UnprocessableEntityError",
  "429": "RateLimitError",
};

export interface OperationEmitContext {
  readonly engine: TemplateEngine;
  readonly template: OperationTemplate;
  readonly header: string;
}

/** Stage 5: one file per operation, `src/operations/<functionName>.ts`, built from the operation template. */
export function emitOperation(operation: OperationModel, { engine, template, header }: OperationEmitContext): GeneratedFile {
  const { typeNames, pagination } = operation;
  const fn = pagination === undefined ? template.request : template.list;
  const { requestBody } = operation;
  const paramsArguments = paramsTypeText(operation.parameters, pagination);
  const bodyType = requestBody === undefined ? undefined : bodyTypeText(requestBody, template);
  // The body rides in the params object under its own key, next to the parameters: `{ limit, body }`.
  const paramsType = [
    paramsArguments === undefined ? undefined : fillHoles(template.paramsTypeHole, paramsArguments),
    requestBody === undefined ? undefined : `{ ${propertyKey(requestBody.key)}${requestBody.required ? "" : "?"}: ${typeNames.body} }`,
  ].filter((part) => part !== undefined).join(" & ") || undefined;
  const errors = errorTypes(operation.responses);
  const rename = (text: string) => template.functionNames.reduce((renamed, name) => renamed.replaceAll(name, operation.functionName), text);
  const typeAlias = (base: TypeAliasDeclarationStructure, name: string, type: string): TypeAliasDeclarationStructure => ({
    ...base,
    name,
    type,
    docs: (base.docs ?? []).map((doc) => rename(typeof doc === "string" ? doc : String(doc.description ?? ""))),
  });
  const runtimeNames = [
    { name: pagination === undefined ? "request" : "paginate", isTypeOnly: false },
    ...["Client", "Endpoint", "RequestOptions", pagination === undefined ? "ApiPromise" : "PagePromise"].map(asType),
    ...(paramsArguments === undefined ? [] : [asType("Params")]),
    ...(requestBody?.kind === "binary" ? [asType("BinaryBody")] : []),
    ...(requestBody === undefined || BODY_ENCODERS[requestBody.kind] === undefined ? [] : [{ name: BODY_ENCODERS[requestBody.kind] ?? "", isTypeOnly: false }]),
    ...errors.classes.map(asType),
  ];

  const responseType = responseTypeText(operation.responses);
  // Operations whose types are all `string`, `Blob` or `void` never reach into openapi-typescript's output.
  const usesOperation = [paramsType, bodyType, responseType, errors.text].some((text) => text?.includes("Operation[") === true) || operation.pathParameters.length > 0;
  const statements = [
    header,
    ...template.imports.flatMap((declaration) => outputImport(declaration, operation, runtimeNames, usesOperation)),
    ...(usesOperation ? [typeAlias(template.operationAlias, template.operationAlias.name, operationTypeRoot(operation))] : []),
    ...(bodyType === undefined ? [] : [typeAlias(template.bodyType, typeNames.body, bodyType)]),
    ...(paramsType === undefined ? [] : [typeAlias(template.paramsType, typeNames.params, paramsType)]),
    typeAlias(template.responseType, typeNames.response, responseType),
    ...(pagination === undefined ? [] : [typeAlias(template.itemType, typeNames.item, itemTypeText(typeNames.response, pagination))]),
    typeAlias(template.errorType, typeNames.error, errors.text),
    `const endpoint = ${fillHoles(template.endpoint, toLiteral(endpointOf(operation)))};`,
    operationFunction(operation, fn, paramsType !== undefined),
  ];
  return { path: `src/operations/${operation.fileName}.ts`, contents: engine.print(statements) };
}

interface RuntimeName {
  readonly name: string;
  readonly isTypeOnly: boolean;
}

function asType(name: string): RuntimeName {
  return { name, isTypeOnly: true };
}

function operationFunction(operation: OperationModel, fn: FunctionTemplate, hasParams: boolean) {
  const { typeNames } = operation;
  const required = operation.parameters.some((parameter) => parameter.required) || operation.requestBody?.required === true;
  const parameters = [
    fn.clientParameter,
    ...operation.pathParameters.map((parameter) => ({
      name: parameter.argumentName,
      type: `Operation["parameters"]["path"][${stringLiteral(parameter.name)}]`,
    })),
    ...(hasParams ? [required ? { name: fn.paramsParameter.name, type: typeNames.params } : { ...fn.paramsParameter, type: typeNames.params }] : []),
    fn.optionsParameter,
  ];
  const input = [
    operation.pathParameters.length === 0
      ? undefined
      : `path: { ${operation.pathParameters.map((parameter) => `${propertyKey(parameter.name)}: ${parameter.argumentName}`).join(", ")} }`,
    hasParams ? fn.paramsParameter.name : undefined,
  ].filter((part) => part !== undefined);
  const returnTypeArguments = operation.pagination === undefined ? [typeNames.response, typeNames.error] : [typeNames.response, typeNames.item, typeNames.error];
  return {
    ...fn.structure,
    name: operation.functionName,
    parameters,
    returnType: fillHoles(fn.returnType, ...returnTypeArguments),
    docs: [functionDocs(operation, hasParams)],
    statements: [fillHoles(fn.call, `{ ${input.join(", ")} }`)],
  };
}

/** The template's imports, pointed at the output's modules, naming only what this operation uses. */
function outputImport(declaration: ImportDeclarationStructure, operation: OperationModel, runtimeNames: readonly RuntimeName[], usesOperation: boolean): ImportDeclarationStructure[] {
  const moduleSpecifier = OUTPUT_MODULES[declaration.moduleSpecifier];
  if (moduleSpecifier === undefined) throw new Error(`operation template imports ${declaration.moduleSpecifier}, which has no place in the output`);
  if (declaration.moduleSpecifier === "./stand-in/schema.js") return usesOperation ? [{ ...declaration, moduleSpecifier, namedImports: [operation.typeRoot.kind] }] : [];
  const values = runtimeNames.filter((entry) => !entry.isTypeOnly).sort((a, b) => compareStrings(a.name, b.name));
  const types = runtimeNames.filter((entry) => entry.isTypeOnly).sort((a, b) => compareStrings(a.name, b.name));
  return [{ ...declaration, moduleSpecifier, namedImports: [...values, ...types].map(({ name, isTypeOnly }) => ({ name, isTypeOnly })) }];
}

/** `operations["list_phones_v1_phone__get"]`, or `paths["/v1/phone/"]["get"]` when there is no operationId. */
export function operationTypeRoot(operation: OperationModel): string {
  const root = operation.typeRoot;
  return root.kind === "operations"
    ? `operations[${stringLiteral(root.operationId)}]`
    : `paths[${stringLiteral(root.path)}][${stringLiteral(root.method)}]`;
}

/**
 * The type arguments of `Params<…>`: the query, header and cookie parameter types openapi-typescript emitted,
 * intersected, and, for cursor pagination in both directions, the two cursors that exclude each other.
 */
export function paramsTypeText(parameters: readonly ParameterModel[], pagination?: PaginationModel): string | undefined {
  const locations = (["query", "header", "cookie"] as const).filter((location) => parameters.some((parameter) => parameter.in === location));
  if (locations.length === 0) return undefined;
  const types = locations.map((location) => `NonNullable<Operation["parameters"][${stringLiteral(location)}]>`).join(" & ");
  const { next, previous } = pagination ?? {};
  return next === undefined || previous === undefined ? types : `${types}, ${stringLiteral(next.param)} | ${stringLiteral(previous.param)}`;
}

/** `ListPhonesResponse["data"][number]`; `NonNullable<…>` first when the response does not require the items field. */
function itemTypeText(response: string, { items, itemsRequired }: PaginationModel): string {
  const field = `${response}[${stringLiteral(items)}]`;
  return `${itemsRequired ? field : `NonNullable<${field}>`}[number]`;
}

/** JSON, form and multipart bodies are typed by openapi-typescript; text is a string and binary any bytes. */
function bodyTypeText(body: RequestBodyModel, template: OperationTemplate): string {
  if (body.kind === "text") return "string";
  if (body.kind === "binary") return "BinaryBody";
  return fillHoles(template.bodyTypeHole, stringLiteral(body.mediaType));
}

function statusKey(status: string): string {
  return /^\d+$/.test(status) ? status : stringLiteral(status);
}

function responseBodyTypeText(response: ResponseModel): string {
  switch (response.kind) {
    case "json":
      return `Operation["responses"][${statusKey(response.status)}]["content"][${stringLiteral(response.mediaType ?? "application/json")}]`;
    case "text":
      return "string";
    case "binary":
      return "Blob";
    case "empty":
      return "undefined";
  }
}

function union(types: readonly string[]): string {
  return [...new Set(types)].join(" | ");
}

/** What a 2xx answer resolves with: the union of the documented 2xx bodies; `void` when none has a body. */
export function responseTypeText(responses: readonly ResponseModel[]): string {
  const successes = responses.filter((response) => response.isSuccess);
  if (successes.length === 0) return "unknown";
  if (successes.every((response) => response.kind === "empty")) return "void";
  return union(successes.map(responseBodyTypeText));
}

/**
 * One error type per documented non-2xx response: the runtime's class for that status (`UnprocessableEntityError`
 * for 422, …) with the body type, so narrowing by class or by `status` gives the right body.
 */
export function errorTypes(responses: readonly ResponseModel[]): { text: string; classes: string[] } {
  const errors = responses.filter((response) => !response.isSuccess);
  if (errors.length === 0) return { text: "ApiError", classes: ["ApiError"] };
  const typed = errors.map((response) => {
    const body = responseBodyTypeText(response);
    const status = response.status.toUpperCase();
    const named = STATUS_ERROR_CLASSES[status];
    if (named !== undefined) return { name: named, text: `${named}<${body}>` };
    if (/^5\d\d$/.test(status)) return { name: "InternalServerError", text: `InternalServerError<${body}, ${status}>` };
    if (status === "5XX") return { name: "InternalServerError", text: `InternalServerError<${body}>` };
    return { name: "ApiError", text: /^\d+$/.test(status) ? `ApiError<${body}, ${status}>` : `ApiError<${body}>` };
  });
  return { text: union(typed.map((entry) => entry.text)), classes: [...new Set(typed.map((entry) => entry.name))] };
}

/** How the runtime reads a 2xx body: as the spec says, or by the response's Content-Type when successes differ. */
function successKind(responses: readonly ResponseModel[]): ResponseModel["kind"] | "auto" {
  const kinds = new Set(responses.filter((response) => response.isSuccess && response.kind !== "empty").map((response) => response.kind));
  if (kinds.size === 0) return responses.some((response) => response.isSuccess) ? "empty" : "json";
  const [only] = kinds;
  return kinds.size === 1 && only !== undefined ? only : "auto";
}

/** The endpoint description the runtime reads. Defaults are left out, so the common case stays short. */
export function endpointOf(operation: OperationModel): LiteralValue {
  const kind = successKind(operation.responses);
  const pathRules = Object.fromEntries(
    operation.pathParameters.map((parameter) => [parameter.name, pathRule(parameter)] as const).filter(([, rule]) => Object.keys(rule).length > 0),
  );
  const errors = operation.responses
    .filter((response) => !response.isSuccess)
    .map((response) => (/^\d+$/.test(response.status) ? Number(response.status) : response.status.toLowerCase() === "default" ? "default" : response.status.toUpperCase()));
  return {
    method: operation.method,
    path: operation.path,
    pathParams: Object.keys(pathRules).length === 0 ? undefined : pathRules,
    params: operation.parameters.length === 0 ? undefined : Object.fromEntries(operation.parameters.map((parameter) => [parameter.name, paramRule(parameter)])),
    security: operation.security.length === 0 ? undefined : operation.security.map((names) => [...names]),
    response: kind === "json" ? undefined : kind,
    errors: errors.length === 0 ? undefined : errors,
    pagination: operation.pagination === undefined ? undefined : paginationSpec(operation.pagination),
    body: operation.requestBody === undefined ? undefined : bodySpec(operation.requestBody),
  };
}

const DEFAULT_MEDIA_TYPES: Readonly<Record<string, string>> = {
  json: "application/json",
  form: "application/x-www-form-urlencoded",
  multipart: "multipart/form-data",
  text: "text/plain",
};

/** The runtime's encoder for bodies that need one; imported only by operations that send such a body. */
const BODY_ENCODERS: Readonly<Record<string, string>> = { form: "formBody", multipart: "multipartBody" };

function bodySpec({ kind, mediaType, key, required, encoding }: RequestBodyModel): LiteralValue {
  const encoder = BODY_ENCODERS[kind];
  return {
    kind,
    encode: encoder === undefined ? undefined : new Identifier(encoder),
    mediaType: DEFAULT_MEDIA_TYPES[kind] === mediaType.toLowerCase() || (kind === "multipart" && mediaType.toLowerCase().startsWith("multipart/")) ? undefined : mediaType,
    key: key === "body" ? undefined : key,
    required: required ? true : undefined,
    encoding: encoding === undefined || Object.keys(encoding).length === 0 ? undefined : (encoding as LiteralValue),
  };
}

function paginationSpec({ items, hasMore, next, previous, page }: PaginationModel): LiteralValue {
  const cursor = (model: typeof next) => (model === undefined ? undefined : { param: model.param, from: model.from, fromItem: model.fromItem ? true : undefined });
  return {
    items,
    hasMore,
    next: cursor(next),
    previous: cursor(previous),
    page: page === undefined ? undefined : { param: page.param, current: page.current, total: page.total },
  };
}

function pathRule(parameter: PathParameterModel): { [key: string]: LiteralValue } {
  return defined({
    style: parameter.style === "simple" ? undefined : parameter.style,
    explode: parameter.explode ? true : undefined,
    ...valueRule(parameter.value),
  });
}

function defined(rule: { [key: string]: LiteralValue }): { [key: string]: LiteralValue } {
  return Object.fromEntries(Object.entries(rule).filter(([, value]) => value !== undefined));
}

function paramRule(parameter: ParameterModel): { [key: string]: LiteralValue } {
  const defaultStyle = parameter.in === "header" ? "simple" : "form";
  const defaultExplode = parameter.style === "form";
  return {
    in: parameter.in,
    style: parameter.style === defaultStyle ? undefined : parameter.style,
    explode: parameter.explode === defaultExplode ? undefined : parameter.explode,
    allowReserved: parameter.allowReserved ? true : undefined,
    required: parameter.required ? true : undefined,
    ...valueRule(parameter.value),
  };
}

/** Formats the runtime checks (and, for `date`, serialises differently); others are left to the server. */
const CHECKED_FORMATS = new Set(["uuid", "date", "date-time"]);

/** The checks the runtime runs before sending. TypeScript already enforces strings and enums at compile time; these also catch casts, `any` and JavaScript callers. */
function valueRule(value: ValueModel): { [key: string]: LiteralValue } {
  const enumValues = value.enum?.filter((item) => item !== null);
  return {
    type: value.type === "integer" || value.type === "number" || value.type === "boolean" ? value.type : undefined,
    format: value.format !== undefined && CHECKED_FORMATS.has(value.format) ? value.format : undefined,
    enum: enumValues === undefined || enumValues.length === 0 ? undefined : enumValues,
    minimum: value.exclusiveMinimum === undefined ? value.minimum : undefined,
    maximum: value.exclusiveMaximum === undefined ? value.maximum : undefined,
    exclusiveMinimum: value.exclusiveMinimum,
    exclusiveMaximum: value.exclusiveMaximum,
    minLength: value.minLength,
    maxLength: value.maxLength,
    pattern: value.pattern,
    items: value.items === undefined ? undefined : nonEmpty(valueRule(value.items)),
  };
}

function nonEmpty(rule: { [key: string]: LiteralValue }): { [key: string]: LiteralValue } | undefined {
  return Object.values(rule).some((entry) => entry !== undefined) ? rule : undefined;
}

function functionDocs(operation: OperationModel, hasParams: boolean) {
  const { docs } = operation;
  const tags = [
    ...operation.pathParameters
      .filter((parameter) => parameter.description !== undefined)
      .map((parameter) => ({ kind: StructureKind.JSDocTag as const, tagName: "param", text: `${parameter.argumentName} - ${docText(parameter.description ?? "")}` })),
    ...(docs.deprecated ? [{ kind: StructureKind.JSDocTag as const, tagName: "deprecated" }] : []),
    { kind: StructureKind.JSDocTag as const, tagName: "example", text: `\n\`\`\`ts\n${exampleCode(operation, hasParams)}\n\`\`\`` },
  ];
  const body = operation.requestBody;
  const description = paragraphs(
    docs.summary,
    docs.description,
    `\`${operation.method} ${operation.path}\``,
    body !== undefined && body.otherMediaTypes.length > 0 && `Sends \`${body.mediaType}\`; the API also accepts ${body.otherMediaTypes.map((type) => `\`${type}\``).join(", ")}.`,
    operation.pagination !== undefined && "Await it for one page, or iterate it with `for await` for every item of every page.",
  );
  return { kind: StructureKind.JSDoc as const, description: `\n${description ?? ""}`, tags };
}

/** A call with the required params (else the first one with a default), and for list operations the iteration. */
function exampleCode(operation: OperationModel, hasParams: boolean): string {
  const shown = operation.parameters.filter((parameter) => parameter.required);
  const withDefault = operation.parameters.find((parameter) => parameter.value.default !== undefined);
  if (shown.length === 0 && withDefault !== undefined) shown.push(withDefault);
  const fields = [
    ...shown.map((parameter) => `${propertyKey(parameter.name)}: ${sampleValue(parameter.value)}`),
    ...(operation.requestBody?.required === true ? [`${propertyKey(operation.requestBody.key)}: ${sampleBody(operation.requestBody)}`] : []),
  ];
  const args = [
    "client",
    ...operation.pathParameters.map((parameter) => sampleValue(parameter.value)),
    ...(hasParams && fields.length > 0 ? [`{ ${fields.join(", ")} }`] : []),
  ];
  const call = `${operation.functionName}(${args.join(", ")})`;
  if (operation.pagination !== undefined) {
    return `const page = await ${call};\nfor await (const ${itemVariable(operation.functionName)} of ${call}) {\n  // every item of every page\n}`;
  }
  return responseTypeText(operation.responses) === "void" ? `await ${call};` : `const result = await ${call};`;
}

function sampleBody(body: RequestBodyModel): string {
  return body.kind === "text" ? '"…"' : body.kind === "binary" ? "new Blob([…])" : "{ … }";
}

/** `listPhones` → `phone`: the last word of the function name, singular. */
function itemVariable(functionName: string): string {
  const last = /[A-Z][a-z0-9]*$/.exec(functionName)?.[0]?.toLowerCase() ?? "item";
  const singular = last.replace(/ies$/, "y").replace(/(ss|x|z|ch|sh)es$/, "$1").replace(/([^s])s$/, "$1");
  return /^[a-z][a-z0-9]*$/.test(singular) && !["for", "of", "const", "new", "in", "do", "if"].includes(singular) ? singular : "item";
}
