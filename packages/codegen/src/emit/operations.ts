import { BODY_ENCODERS, CHECKED_FORMATS, PARAM_LOCATIONS, PATH_STYLES, queryStyle, RESPONSE_READERS } from "../model/build-model.js";
import { PAGE_STYLES } from "../model/pagination.js";
import { exampleBlocker } from "../model/samples.js";
import { COLLECTION_WRITER, DEFAULT_MEDIA_TYPES, KEEP_RESERVED, PATH_BUILDER, runtimeExplodes, SCALAR_TYPES, STATUS_ERROR_CLASSES, VALUE_CHECKS } from "../model/runtime-contract.js";
import type { BodyDefaultsModel, CursorModel, OperationModel, PaginationModel, ParameterModel, PathParameterModel, RequestBodyModel, ResponseModel, ValueModel } from "../model/model.js";
import {
  assignment,
  Call,
  call,
  functionDeclaration,
  Identifier,
  interfaceDeclaration,
  indexed,
  intersection,
  jsDocComment,
  literal,
  moduleDeclaration,
  name,
  objectDoc,
  objectType,
  propertyKey,
  ref,
  sortSpecifiers,
  sourceFile,
  typeAlias,
  typeDoc,
  union,
  valueDoc,
  type ImportSpecifier,
  type LiteralValue,
  type ParameterExpr,
  type TypeExpr,
} from "./code.js";
import { docText, paragraphs } from "./docs.js";
import type { GeneratedFile } from "./file.js";
import { print, type Doc } from "./layout.js";
import { isIdentifier } from "../model/naming.js";
import { sampleSource, sampleValue } from "./samples.js";
import type { FunctionTemplate, OperationTemplate } from "./templates.js";

export interface OperationEmitContext {
  readonly template: OperationTemplate;
  readonly header: string;
}

/** The operation's own types, as openapi-typescript's output reaches them through `ListPhonesOperation`. */
interface OperationTypes {
  /**
   * Query, header or cookie parameters: an interface extending `Params<…>` (with the body as a member), so editors
   * name it; only a body: an alias of `{ body: … }`; neither: undefined (the function takes `NoParams`).
   */
  readonly params: { readonly base: TypeExpr; readonly members: TypeExpr } | { readonly base: undefined; readonly members: TypeExpr } | undefined;
  readonly body: TypeExpr | undefined;
  readonly response: TypeExpr;
  readonly item: TypeExpr | undefined;
  readonly page: TypeExpr | undefined;
  readonly error: TypeExpr;
  readonly errorClasses: readonly string[];
}

/** Stage 5: one file per operation, `src/operations/<functionName>.ts`, shaped like `templates/operation.ts`. */
export function emitOperation(operation: OperationModel, { template, header }: OperationEmitContext): GeneratedFile {
  const types = operationTypes(operation);
  const fn = operation.pagination === undefined ? template.request : template.list;
  const names = operation.typeNames;
  const rename = (text: string) => template.functionNames.reduce((renamed, templateName) => renamed.replaceAll(templateName, operation.functionName), text);
  const usesOperation = JSON.stringify(types).includes(`"${names.operation}"`) || operation.pathParameters.length > 0;

  const endpoint = endpointOf(operation);
  const runtime: ImportSpecifier[] = [
    { name: fn.callee },
    // The endpoint names the body encoder, pagination styles, parameter styles and formats it uses: imported per use.
    ...[...new Set(identifiersIn(endpoint))].map((valueName) => ({ name: valueName })),
    ...[
      fn.client.type,
      "Endpoint",
      fn.options.type,
      fn.returnType,
      ...(paramsUseRuntimeParams(operation) ? ["Params"] : []),
      ...(types.params === undefined ? ["NoParams"] : []),
      ...(operation.pagination === undefined ? [] : ["Page"]),
      ...(operation.requestBody?.kind === "binary" ? ["BinaryBody"] : []),
      ...(operation.requestBody?.defaulted === undefined ? [] : ["WithDefaults"]),
      ...types.errorClasses,
    ].map((typeName) => ({ name: typeName, typeOnly: true })),
  ];
  for (const { name: runtimeName } of runtime) {
    if (!template.runtimeNames.has(runtimeName)) throw new Error(`templates/operation.ts does not import ${runtimeName} from the runtime, so generated code may not either`);
  }

  const alias = (suffix: string, aliasName: string, type: TypeExpr | undefined) => (type === undefined ? [] : [{ doc: typeAlias(aliasName, type, { doc: rename(template.docs[suffix] ?? "") }) }]);
  const statements = [
    { doc: header },
    ...(usesOperation ? [{ doc: moduleDeclaration("import", [{ name: names.operation }], `../types/operations/${operation.fileName}.js`, true), group: "import" as const }] : []),
    { doc: moduleDeclaration("import", sortSpecifiers(runtime), "../runtime/index.js"), group: "import" as const },
    ...alias("Body", names.body, types.body),
    ...(types.params?.base === undefined
      ? alias("Params", names.params, types.params?.members)
      : [{ doc: interfaceDeclaration(names.params, types.params.base, types.params.members, { doc: rename(template.docs["Params"] ?? "") }) }]),
    ...alias("Response", names.response, types.response),
    ...alias("Item", names.item, types.item),
    ...alias("Page", names.page, types.page),
    ...alias("Error", names.error, types.error),
    { doc: assignment(["const ", template.endpoint.name, ": ", template.endpoint.type], valueDoc(endpoint), ";") },
    { doc: operationFunction(operation, fn, types) },
  ];
  return { path: `src/operations/${operation.fileName}.ts`, contents: print(sourceFile(statements)) };
}

function operationTypes(operation: OperationModel): OperationTypes {
  const names = operation.typeNames;
  const operationType = names.operation;
  const errors = errorTypes(operation.responses, operationType);
  const body = operation.requestBody;
  const params = paramsTypeExpr(operation.parameters, operationType);
  const bodyMember = objectType(body === undefined ? [] : [{ name: body.key, optional: !body.required, type: name(names.body) }]);
  return {
    params: params === undefined && body === undefined ? undefined : { base: params, members: bodyMember },
    body: body === undefined ? undefined : bodyType(body, operationType),
    response: responseType(operation.responses, operationType),
    item: operation.pagination === undefined ? undefined : itemType(names.response, operation.pagination),
    page: operation.pagination === undefined ? undefined : ref("Page", name(names.response), name(names.item)),
    error: errors.type,
    errorClasses: errors.classes,
  };
}

/** The runtime values a literal names (each an import of the generated file), in order of appearance. */
function identifiersIn(value: LiteralValue): string[] {
  if (value instanceof Identifier) return [value.name];
  if (Array.isArray(value)) return value.flatMap(identifiersIn);
  if (typeof value === "object" && value !== null && !(value instanceof Call)) return Object.values(value).flatMap(identifiersIn);
  return [];
}

function paramsUseRuntimeParams(operation: OperationModel): boolean {
  return operation.parameters.length > 0;
}

function operationFunction(operation: OperationModel, fn: FunctionTemplate, types: OperationTypes): Doc {
  const { typeNames } = operation;
  const required = operation.parameters.some((parameter) => parameter.required) || operation.requestBody?.required === true;
  const parameters: ParameterExpr[] = [
    { name: fn.client.name, type: name(fn.client.type) },
    ...operation.pathParameters.map((parameter) => ({ name: parameter.argumentName, type: indexed(name(typeNames.operation), "parameters", "path", parameter.name) })),
    // Always there, even for an operation without parameters, so `options` keeps its place when the API adds one.
    paramsParameter(fn, types.params === undefined ? name("NoParams") : name(typeNames.params), required),
    { name: fn.options.name, type: name(fn.options.type), optional: true },
  ];
  const input = objectDoc([
    ...(operation.pathParameters.length === 0
      ? []
      : [
          [
            "path: ",
            objectDoc(
              operation.pathParameters.map((parameter) =>
                propertyKey(parameter.name) === parameter.argumentName ? parameter.argumentName : `${propertyKey(parameter.name)}: ${parameter.argumentName}`,
              ),
            ),
          ],
        ]),
    fn.params.name,
  ]);
  const typeArguments = operation.pagination === undefined ? [name(typeNames.response), name(typeNames.error)] : [name(typeNames.response), name(typeNames.item), name(typeNames.error)];
  const args = fn.callArguments.map((argument) => argument ?? input);
  // Explicit type arguments: inferring them from the return type costs tsc about 1.3 ms per operation.
  const callee = typeDoc(ref(fn.callee, ...typeArguments));
  // Type arguments and call arguments break apart, type arguments first, as prettier lays out `paginate<…>(…)`.
  return functionDeclaration(operation.functionName, parameters, ref(fn.returnType, ...typeArguments), [["return ", callee, call("", args), ";"]], functionDocs(operation));
}

/**
 * Optional rather than defaulting to `{}`: checking `{}` against a mapped params type costs tsc about 0.2 ms per
 * operation, and `{}` is no valid default when a parameter is named like an `Object.prototype` member (`toString`).
 */
function paramsParameter(fn: FunctionTemplate, type: TypeExpr, required: boolean): ParameterExpr {
  return { name: fn.params.name, type, optional: !required };
}

/** `Params<…>` over the query, header and cookie parameter types openapi-typescript emitted, intersected. */
export function paramsTypeExpr(parameters: readonly ParameterModel[], operationType: string): TypeExpr | undefined {
  const locations = (["query", "header", "cookie"] as const).filter((location) => parameters.some((parameter) => parameter.in === location));
  if (locations.length === 0) return undefined;
  return ref("Params", intersection(locations.map((location) => ref("NonNullable", indexed(name(operationType), "parameters", location)))));
}

/**
 * `ListPhonesResponse["data"][number]` (`["_embedded"]["items"]` for a nested path, none for a bare array);
 * `NonNullable<…>` around each step when the response does not require the whole path.
 */
function itemType(response: string, { items, itemsRequired, bodyNullable }: PaginationModel): TypeExpr {
  const field = (items === "" ? [] : items.split(".")).reduce<TypeExpr>(
    (object, key) => {
      const step = indexed(object, key);
      return itemsRequired ? step : ref("NonNullable", step);
    },
    bodyNullable === true ? ref("NonNullable", name(response)) : name(response),
  );
  return { kind: "index", object: field, index: name("number") };
}

/** JSON, form and multipart bodies are typed by openapi-typescript; text is a string and binary any bytes. */
function bodyType(body: RequestBodyModel, operationType: string): TypeExpr {
  if (body.kind === "text") return name("string");
  if (body.kind === "binary") return name("BinaryBody");
  const type = indexed(ref("NonNullable", indexed(name(operationType), "requestBody")), "content", body.mediaType);
  return body.defaulted === undefined ? type : ref("WithDefaults", type, union(defaultedPaths(body.defaulted).map((path) => literal(path))));
}

/** `is_draft`, `voice.speed`: the paths `WithDefaults` reads. A field whose name has a dot is not looked into. */
function defaultedPaths({ optional, nested }: BodyDefaultsModel, prefix = ""): string[] {
  return [...optional.map((field) => `${prefix}${field}`), ...nested.filter(([field]) => !field.includes(".")).flatMap(([field, inner]) => defaultedPaths(inner, `${prefix}${field}.`))];
}

function responseBodyType(response: ResponseModel, operationType: string): TypeExpr {
  switch (response.kind) {
    case "json":
      return indexed(name(operationType), "responses", /^\d+$/.test(response.status) ? Number(response.status) : response.status, "content", response.mediaType ?? "application/json");
    case "text":
      return name("string");
    case "binary":
      return name("Blob");
    case "empty":
      return name("undefined");
  }
}

/** What a 2xx answer resolves with: the union of the documented 2xx bodies; `void` when none has a body. */
export function responseType(responses: readonly ResponseModel[], operationType: string): TypeExpr {
  const successes = responses.filter((response) => response.isSuccess);
  if (successes.length === 0) return name("unknown");
  if (successes.every((response) => response.kind === "empty")) return name("void");
  return union(successes.map((response) => responseBodyType(response, operationType)));
}

/**
 * One error type per documented non-2xx response: the runtime's class for that status (`UnprocessableEntityError`
 * for 422, …) with the body type, so narrowing by class or by `status` gives the right body.
 */
export function errorTypes(responses: readonly ResponseModel[], operationType: string): { type: TypeExpr; classes: string[] } {
  const errors = responses.filter((response) => !response.isSuccess);
  if (errors.length === 0) return { type: name("ApiError"), classes: ["ApiError"] };
  const typed = errors.map((response) => {
    const body = responseBodyType(response, operationType);
    const status = response.status.toUpperCase();
    const named = STATUS_ERROR_CLASSES[status];
    if (named !== undefined) return { className: named, type: ref(named, body) };
    if (/^5\d\d$/.test(status)) return { className: "InternalServerError", type: ref("InternalServerError", body, name(status)) };
    if (status === "5XX") return { className: "InternalServerError", type: ref("InternalServerError", body) };
    return { className: "ApiError", type: /^\d+$/.test(status) ? ref("ApiError", body, name(status)) : ref("ApiError", body) };
  });
  return { type: union(typed.map((entry) => entry.type)), classes: [...new Set(typed.map((entry) => entry.className))] };
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
  const pathRules = Object.fromEntries(operation.pathParameters.map((parameter) => [parameter.name, pathRule(parameter)] as const).filter(([, rule]) => Object.keys(rule).length > 0));
  const errors = operation.responses
    .filter((response) => !response.isSuccess)
    .map((response) => (/^\d+$/.test(response.status) ? Number(response.status) : response.status.toLowerCase() === "default" ? "default" : response.status.toUpperCase()));
  return {
    method: operation.method,
    path: operation.path,
    buildPath: operation.pathParameters.length === 0 ? undefined : new Identifier(PATH_BUILDER),
    pathParams: Object.keys(pathRules).length === 0 ? undefined : pathRules,
    params: operation.parameters.length === 0 ? undefined : Object.fromEntries(operation.parameters.map((parameter) => [parameter.name, paramRule(parameter)])),
    security: operation.security.length === 0 ? undefined : operation.security.map((names) => [...names]),
    response: kind === "json" ? undefined : new Identifier(RESPONSE_READERS[kind]),
    errors: errors.length === 0 ? undefined : errors,
    pagination: operation.pagination === undefined ? undefined : paginationSpec(operation.pagination),
    body: operation.requestBody === undefined ? undefined : bodySpec(operation.requestBody),
  };
}

function bodySpec({ kind, mediaType, key, required, encoding }: RequestBodyModel): LiteralValue {
  return {
    encode: new Identifier(BODY_ENCODERS[kind]),
    mediaType: DEFAULT_MEDIA_TYPES[kind] === mediaType.toLowerCase() || (kind === "multipart" && mediaType.toLowerCase().startsWith("multipart/")) ? undefined : mediaType,
    key: key === "body" ? undefined : key,
    required: required ? true : undefined,
    encoding: encoding === undefined || Object.keys(encoding).length === 0 ? undefined : Object.fromEntries(Object.entries(encoding).map(([property, entry]) => [property, encodingRule(entry)])),
  };
}

/** The model's styles as the runtime reads them: each entry names its runtime style, then the same fields. */
function paginationSpec({ items, hasMore, styles }: PaginationModel): LiteralValue {
  const cursor = (model: CursorModel | undefined) => (model === undefined ? undefined : { param: model.param, from: model.from, fromItem: model.fromItem ? true : undefined });
  return {
    items,
    hasMore,
    styles: styles.map(({ kind, ...fields }) => {
      const entry: { [key: string]: LiteralValue } = { style: new Identifier(PAGE_STYLES[kind]) };
      for (const [key, value] of Object.entries(fields)) entry[key] = typeof value === "object" ? cursor(value) : value;
      return entry;
    }),
  };
}

function defined(rule: { [key: string]: LiteralValue }): { [key: string]: LiteralValue } {
  return Object.fromEntries(Object.entries(rule).filter(([, value]) => value !== undefined));
}

/**
 * A query style (of a parameter or a form body's property) as the runtime reads it: the runtime's style, when not
 * `form`, and `explode` when it differs from the runtime's default (true for `form` alone).
 */
function queryStyleRule(style: string | undefined, explode: boolean): { style: LiteralValue; explode: LiteralValue } {
  const runtimeStyle = queryStyle(style);
  return { style: runtimeStyle === undefined ? undefined : new Identifier(runtimeStyle), explode: explode === runtimeExplodes("query", runtimeStyle) ? undefined : explode };
}

function encodingRule({ contentType, style, explode }: { readonly contentType?: string; readonly style?: string; readonly explode?: boolean }): LiteralValue {
  return defined({ contentType, ...queryStyleRule(style, explode ?? (style ?? "form") === "form") });
}

function pathRule(parameter: PathParameterModel): { [key: string]: LiteralValue } {
  const style = PATH_STYLES[parameter.style];
  return defined({
    style: style === undefined ? undefined : new Identifier(style),
    explode: parameter.explode === runtimeExplodes("path", style) ? undefined : parameter.explode,
    ...valueRule(parameter.value),
  });
}

function paramRule(parameter: ParameterModel): { [key: string]: LiteralValue } {
  // Headers and cookies are written one way whatever their style; only `explode` changes them.
  const { style, explode } =
    parameter.in === "query"
      ? queryStyleRule(parameter.style, parameter.explode)
      : { style: undefined, explode: parameter.explode === runtimeExplodes(parameter.in, undefined) ? undefined : parameter.explode };
  return {
    in: parameter.in === "query" ? "query" : new Identifier(PARAM_LOCATIONS[parameter.in]),
    style,
    explode,
    allowReserved: parameter.allowReserved ? new Identifier(KEEP_RESERVED) : undefined,
    // Headers and cookies write arrays and objects themselves; the query names the writer where the schema allows one.
    collection: parameter.in === "query" && mayBeCollection(parameter.value) ? new Identifier(COLLECTION_WRITER) : undefined,
    required: parameter.required ? true : undefined,
    ...valueRule(parameter.value),
  };
}

/** Whether a value may be an array or object: its schema gives no scalar type and no (always scalar) enum. */
function mayBeCollection(value: ValueModel): boolean {
  return !SCALAR_TYPES.has(value.type) && value.enum === undefined;
}

function checkedFormat(format: string | undefined): Identifier | undefined {
  const runtimeFormat = format === undefined ? undefined : CHECKED_FORMATS.get(format);
  return runtimeFormat === undefined ? undefined : new Identifier(runtimeFormat);
}

/** The checks the runtime runs before sending. TypeScript already enforces strings and enums at compile time; these also catch casts, `any` and JavaScript callers. */
function valueRule(value: ValueModel): { [key: string]: LiteralValue } {
  const enumValues = value.enum?.filter((item) => item !== null);
  const items = value.items === undefined ? undefined : nonEmpty(valueRule(value.items));
  const checked = { ...value, items };
  const checks = VALUE_CHECKS.filter(([, fields]) => fields.some((field) => checked[field] !== undefined)).map(([check]) => new Identifier(check));
  return {
    type: value.type === "integer" || value.type === "number" || value.type === "boolean" ? value.type : undefined,
    format: checkedFormat(value.format),
    enum: enumValues === undefined || enumValues.length === 0 ? undefined : enumValues,
    minimum: value.exclusiveMinimum === undefined ? value.minimum : undefined,
    maximum: value.exclusiveMaximum === undefined ? value.maximum : undefined,
    exclusiveMinimum: value.exclusiveMinimum,
    exclusiveMaximum: value.exclusiveMaximum,
    minLength: value.minLength,
    maxLength: value.maxLength,
    pattern: value.pattern,
    items,
    checks: checks.length === 0 ? undefined : checks,
  };
}

function nonEmpty(rule: { [key: string]: LiteralValue }): { [key: string]: LiteralValue } | undefined {
  return Object.values(rule).some((entry) => entry !== undefined) ? rule : undefined;
}

function functionDocs(operation: OperationModel): Doc {
  const { docs } = operation;
  const body = operation.requestBody;
  const description = paragraphs(
    docs.summary,
    docs.description,
    `\`${operation.method} ${operation.path}\``,
    body !== undefined && body.otherMediaTypes.length > 0 && `Sends \`${body.mediaType}\`; the API also accepts ${body.otherMediaTypes.map((type) => `\`${type}\``).join(", ")}.`,
    operation.unsentBody && `The spec also declares a request body, which a ${operation.method} request cannot carry (fetch refuses to send one), so this function sends none.`,
    operation.pagination !== undefined && "Await it for one page, or iterate it with `for await` for every item of every page.",
  );
  const tags = [
    ...operation.pathParameters
      .filter((parameter) => parameter.description !== undefined)
      .map((parameter) => ({ name: "param", text: `${parameter.argumentName} - ${docText(parameter.description ?? "")}` })),
    ...(docs.deprecated ? [{ name: "deprecated" }] : []),
    ...(exampleBlocker(operation) === undefined ? [{ name: "example", text: `\n\`\`\`ts\n${operationExample(operation)}\n\`\`\`` }] : []),
  ];
  return jsDocComment(description ?? "", tags);
}

/** A call with the required params (else the first one with a default), and for list operations the iteration. */
export function operationExample(operation: OperationModel): string {
  const callText = exampleCall(operation);
  // The example imports the function by its name, so its variables take other names (The Racing API has `result`).
  const variable = (preferred: string, fallback: string) => (operation.functionName === preferred ? fallback : preferred);
  if (operation.pagination !== undefined) {
    return `const ${variable("page", "firstPage")} = await ${callText};\nfor await (const ${itemVariable(operation.functionName)} of ${callText}) {\n  // every item of every page\n}`;
  }
  const returns = operation.responses.some((response) => response.isSuccess && response.kind !== "empty") || !operation.responses.some((response) => response.isSuccess);
  return returns ? `const ${variable("result", "response")} = await ${callText};` : `await ${callText};`;
}

/**
 * `listPets(client, "id", { limit: 1 })`: a call that compiles, with the required arguments (and, unless `requiredOnly`,
 * one parameter with a default when nothing is required, to show where parameters go).
 */
export function exampleCall(operation: OperationModel, requiredOnly = false): string {
  const shown = operation.parameters.filter((parameter) => parameter.required);
  const withDefault = operation.parameters.find((parameter) => parameter.value.default !== undefined);
  if (shown.length === 0 && withDefault !== undefined && !requiredOnly) shown.push(withDefault);
  const fields = [
    ...shown.map((parameter) => `${propertyKey(parameter.name)}: ${parameterSample(parameter)}`),
    ...(operation.requestBody?.required === true ? [`${propertyKey(operation.requestBody.key)}: ${sampleSource(operation.requestBody.sample)}`] : []),
  ];
  const args = ["client", ...operation.pathParameters.map(parameterSample), ...(fields.length > 0 ? [`{ ${fields.join(", ")} }`] : [])];
  return `${operation.functionName}(${args.join(", ")})`;
}

/** A parameter's example value: from its schema where the value model cannot say (unions, objects). */
export function parameterSample(parameter: PathParameterModel | ParameterModel): string {
  return parameter.sample === undefined ? sampleValue(parameter.value) : sampleSource(parameter.sample);
}

/** `listPhones` → `phone`: the last word of the function name, singular. */
function itemVariable(functionName: string): string {
  const last = /[A-Z][a-z0-9]*$/.exec(functionName)?.[0]?.toLowerCase() ?? "item";
  const singular = last
    .replace(/ies$/, "y")
    .replace(/(ss|x|z|ch|sh)es$/, "$1")
    .replace(/([^s])s$/, "$1");
  // Not a reserved word, strict mode's included (`gistsListPublic` has no `public` variable): the example is a module.
  // Nor a name the example already uses, the function's own included: Meraki's `getNetworkBluetoothClients(client, …)` would shadow its `client`.
  return /^[a-z][a-z0-9]*$/.test(singular) && isIdentifier(singular) && !EXAMPLE_NAMES.has(singular) && singular !== functionName ? singular : "item";
}

const EXAMPLE_NAMES: ReadonlySet<string> = new Set(["of", "client", "page", "result"]);
