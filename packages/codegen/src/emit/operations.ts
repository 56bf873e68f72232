import type { OperationModel, ParameterModel, PathParameterModel, ResponseModel } from "../model/model.js";
import { docText, paragraphs } from "./docs.js";
import type { GeneratedFile } from "./file.js";
import { propertyKey, stringLiteral, toLiteral, type LiteralValue } from "./literal.js";
import { sampleValue } from "./samples.js";
import {
  fillHole,
  StructureKind,
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

export interface OperationEmitContext {
  readonly engine: TemplateEngine;
  readonly template: OperationTemplate;
  readonly header: string;
}

/** Stage 5: one file per operation, `src/operations/<functionName>.ts`, built from the operation template. */
export function emitOperation(operation: OperationModel, { engine, template, header }: OperationEmitContext): GeneratedFile {
  const paramsType = paramsTypeText(operation.parameters);
  const rename = (text: string | undefined) => text?.replaceAll(template.functionName, operation.functionName);
  const typeAlias = (base: TypeAliasDeclarationStructure, name: string, type: string): TypeAliasDeclarationStructure => ({
    ...base,
    name,
    type,
    docs: (base.docs ?? []).map((doc) => rename(typeof doc === "string" ? doc : String(doc.description ?? "")) ?? ""),
  });
  const { typeNames } = operation;

  const parameters = [
    template.clientParameter,
    ...operation.pathParameters.map((parameter) => ({
      name: parameter.argumentName,
      type: `Operation["parameters"]["path"][${stringLiteral(parameter.name)}]`,
    })),
    ...(paramsType === undefined
      ? []
      : [
          operation.parameters.some((parameter) => parameter.required)
            ? { name: template.paramsParameter.name, type: typeNames.params }
            : { ...template.paramsParameter, type: typeNames.params },
        ]),
    template.optionsParameter,
  ];

  const input = [
    operation.pathParameters.length === 0
      ? undefined
      : `path: { ${operation.pathParameters.map((parameter) => `${propertyKey(parameter.name)}: ${parameter.argumentName}`).join(", ")} }`,
    paramsType === undefined ? undefined : template.paramsParameter.name,
  ].filter((part) => part !== undefined);

  const statements = [
    header,
    ...template.imports.map((declaration) => outputImport(declaration, operation, paramsType === undefined ? template.paramsImports : [])),
    typeAlias(template.operationAlias, template.operationAlias.name, operationTypeRoot(operation)),
    ...(paramsType === undefined ? [] : [typeAlias(template.paramsType, typeNames.params, fillHole(template.paramsTypeHole, paramsType))]),
    typeAlias(template.responseType, typeNames.response, responseTypeText(operation.responses)),
    typeAlias(template.errorType, typeNames.error, errorTypeText(operation.responses)),
    `const endpoint = ${fillHole(template.endpoint, toLiteral(endpointOf(operation)))};`,
    {
      ...template.function,
      name: operation.functionName,
      parameters,
      returnType: fillHole(template.returnType, typeNames.response),
      docs: [functionDocs(operation, paramsType !== undefined)],
      statements: [fillHole(template.call, `{ ${input.join(", ")} }`)],
    },
  ];
  return {
    path: `src/operations/${operation.fileName}.ts`,
    contents: engine.print(statements),
  };
}

function outputImport(declaration: ImportDeclarationStructure, operation: OperationModel, unused: readonly string[]): ImportDeclarationStructure {
  const moduleSpecifier = OUTPUT_MODULES[declaration.moduleSpecifier];
  if (moduleSpecifier === undefined) throw new Error(`operation template imports ${declaration.moduleSpecifier}, which has no place in the output`);
  if (declaration.moduleSpecifier !== "./stand-in/schema.js") {
    const namedImports = Array.isArray(declaration.namedImports)
      ? declaration.namedImports.filter((specifier) => typeof specifier !== "object" || !unused.includes(specifier.name))
      : declaration.namedImports;
    return { ...declaration, moduleSpecifier, ...(namedImports === undefined ? {} : { namedImports }) };
  }
  // The schema import names whichever root type reaches this operation.
  return { ...declaration, moduleSpecifier, namedImports: [operation.typeRoot.kind] };
}

/** `operations["list_phones_v1_phone__get"]`, or `paths["/v1/phone/"]["get"]` when there is no operationId. */
export function operationTypeRoot(operation: OperationModel): string {
  const root = operation.typeRoot;
  return root.kind === "operations"
    ? `operations[${stringLiteral(root.operationId)}]`
    : `paths[${stringLiteral(root.path)}][${stringLiteral(root.method)}]`;
}

/** The params object's type: the query, header and cookie parameter types openapi-typescript emitted, intersected. */
export function paramsTypeText(parameters: readonly ParameterModel[]): string | undefined {
  const locations = (["query", "header", "cookie"] as const).filter((location) => parameters.some((parameter) => parameter.in === location));
  if (locations.length === 0) return undefined;
  return locations.map((location) => `NonNullable<Operation["parameters"][${stringLiteral(location)}]>`).join(" & ");
}

function statusKey(status: string): string {
  return /^\d+$/.test(status) ? status : stringLiteral(status);
}

function bodyTypeText(response: ResponseModel): string {
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
  return union(successes.map(bodyTypeText));
}

/** One `ApiError<Body, Status>` per documented non-2xx response. */
export function errorTypeText(responses: readonly ResponseModel[]): string {
  const errors = responses.filter((response) => !response.isSuccess);
  if (errors.length === 0) return "ApiError";
  return union(errors.map((response) => `ApiError<${bodyTypeText(response)}, ${/^\d+$/.test(response.status) ? response.status : "number"}>`));
}

/** How the runtime reads a 2xx body: JSON whenever any success is JSON. */
function successKind(responses: readonly ResponseModel[]): ResponseModel["kind"] {
  const successes = responses.filter((response) => response.isSuccess);
  if (successes.length === 0 || successes.some((response) => response.kind === "json")) return "json";
  return successes.find((response) => response.kind !== "empty")?.kind ?? "empty";
}

/** The endpoint description the runtime reads. Defaults are left out, so the common case stays short. */
export function endpointOf(operation: OperationModel): LiteralValue {
  const kind = successKind(operation.responses);
  const pathRules = Object.fromEntries(
    operation.pathParameters
      .map((parameter) => [parameter.name, pathRule(parameter)] as const)
      .filter(([, rule]) => Object.keys(rule).length > 0),
  );
  return {
    method: operation.method,
    path: operation.path,
    pathParams: Object.keys(pathRules).length === 0 ? undefined : pathRules,
    params:
      operation.parameters.length === 0
        ? undefined
        : Object.fromEntries(operation.parameters.map((parameter) => [parameter.name, paramRule(parameter)])),
    security: operation.security.length === 0 ? undefined : operation.security.map((names) => [...names]),
    response: kind === "json" ? undefined : kind,
  };
}

function pathRule(parameter: PathParameterModel): { [key: string]: LiteralValue } {
  return {
    style: parameter.style === "simple" ? undefined : parameter.style,
    explode: parameter.explode ? true : undefined,
    format: parameter.value.format === "date" ? "date" : undefined,
  };
}

function paramRule(parameter: ParameterModel): { [key: string]: LiteralValue } {
  const defaultStyle = parameter.in === "header" ? "simple" : "form";
  const defaultExplode = parameter.style === "form";
  return {
    in: parameter.in,
    style: parameter.style === defaultStyle ? undefined : parameter.style,
    explode: parameter.explode === defaultExplode ? undefined : parameter.explode,
    allowReserved: parameter.allowReserved ? true : undefined,
    format: parameter.value.format === "date" ? "date" : undefined,
  };
}

function functionDocs(operation: OperationModel, hasParams: boolean) {
  const { docs } = operation;
  const tags = [
    ...operation.pathParameters
      .filter((parameter) => parameter.description !== undefined)
      .map((parameter) => ({ kind: StructureKind.JSDocTag as const, tagName: "param", text: `${parameter.argumentName} - ${docText(parameter.description ?? "")}` })),
    ...(docs.deprecated ? [{ kind: StructureKind.JSDocTag as const, tagName: "deprecated" }] : []),
    { kind: StructureKind.JSDocTag as const, tagName: "example", text: `\n\`\`\`ts\n${exampleCall(operation, hasParams)}\n\`\`\`` },
  ];
  const description = paragraphs(docs.summary, docs.description, `\`${operation.method} ${operation.path}\``);
  return { kind: StructureKind.JSDoc as const, description: `\n${description ?? ""}`, tags };
}

/** `const result = await listPhones(client, { limit: 20 });` — required params, else the first with a default. */
function exampleCall(operation: OperationModel, hasParams: boolean): string {
  const shown = operation.parameters.filter((parameter) => parameter.required);
  const withDefault = operation.parameters.find((parameter) => parameter.value.default !== undefined);
  if (shown.length === 0 && withDefault !== undefined) shown.push(withDefault);
  const args = [
    "client",
    ...operation.pathParameters.map((parameter) => sampleValue(parameter.value)),
    ...(hasParams && shown.length > 0
      ? [`{ ${shown.map((parameter) => `${propertyKey(parameter.name)}: ${sampleValue(parameter.value)}`).join(", ")} }`]
      : []),
  ];
  const call = `await ${operation.functionName}(${args.join(", ")});`;
  return responseTypeText(operation.responses) === "void" ? call : `const result = ${call}`;
}
