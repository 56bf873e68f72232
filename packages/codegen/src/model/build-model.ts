import { CodegenError, type Problem } from "../errors.js";
import { appendPointer } from "../pointer.js";
import type {
  ApiModel,
  CredentialModel,
  DocsModel,
  OperationModel,
  PaginationModel,
  ParameterModel,
  RequestBodyModel,
  ServerModel,
  PathParameterModel,
  ResponseModel,
  SampleValue,
  SchemaAliasModel,
  OAuthFlowModel,
  TokenSourceModel,
  ValueModel,
  WarningModel,
} from "./model.js";
import {
  assignUniqueNames,
  camelCase,
  OBJECT_MEMBER_NAMES,
  operationFileName,
  operationNamesCandidates,
  operationTypeName,
  resourceMethodName,
  resourcePropertyName,
  safeIdentifier,
  schemaTypeName,
  sdkClassName,
} from "./naming.js";
import { detectPagination, PAGINATION_EXTENSION, paginationOverride } from "./pagination.js";
import { MODULE_SCOPE_NAMES, RUNTIME_TYPE_EXPORTS, RUNTIME_VALUE_EXPORTS } from "./runtime-contract.js";
import { dereference } from "./refs.js";
import { classifyMediaType, classifyRequestMediaType, pickMediaType, pickRequestMediaType } from "./media-types.js";
import { bodyDefaultsOf } from "./body-defaults.js";
import { exampleBlocker, sampleOf } from "./samples.js";
import { valueModelOf } from "./values.js";
// The runtime's names were defined here before they got a module of their own; emitters still import them from here.
export { BODY_ENCODERS, CHECKED_FORMATS, PARAM_LOCATIONS, PATH_STYLES, queryStyle, RESPONSE_READERS, RUNTIME_TYPE_EXPORTS, RUNTIME_VALUE_EXPORTS } from "./runtime-contract.js";
import {
  HTTP_METHODS,
  type HttpMethod,
  type MaybeRef,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type PathItemObject,
  type RequestBodyObject,
  type ResponseObject,
  type SchemaObject,
  type SecurityRequirementObject,
  type SecuritySchemeObject,
} from "./spec.js";

/** Values the generated package exports besides operations; an operation or the facade may not take their names. */
export const PACKAGE_EXPORTS: ReadonlySet<string> = new Set(["createClient", ...RUNTIME_VALUE_EXPORTS]);

/** Types the generated package exports besides per-operation ones; schema aliases may not take their names. */
export const PACKAGE_TYPE_EXPORTS: readonly string[] = [...RUNTIME_TYPE_EXPORTS, "ClientOptions", "components", "operations", "paths", ...PACKAGE_EXPORTS];

/** Options of `createClient` (the runtime's `BaseClientOptions`, plus `serverVariables`) a credential must not shadow. */
const CLIENT_OPTION_NAMES = new Set(["baseUrl", "fetch", "headers", "timeout", "maxRetries", "validate", "userAgent", "hooks", "serverVariables", ...OBJECT_MEMBER_NAMES]);

interface RawOperation {
  readonly path: string;
  readonly method: HttpMethod;
  readonly pointer: string;
  readonly operation: OperationObject;
  readonly pathItem: PathItemObject;
}

export interface BuildModelOptions {
  /** Names the enabled emitters declare next to the operation functions (see `Emitter.reservedNames`). */
  readonly reservedNames?: readonly string[];
}

/** Stage 3: the validated document → the model the emitters read. Pure: same document and options, same model. */
export function buildModel(document: OpenApiDocument, options: BuildModelOptions = {}): ApiModel {
  const raw = listOperations(document);
  const functionNames = assignUniqueNames(
    operationNamesCandidates(raw.map(({ operation, method, path }) => ({ operationId: operation.operationId, method, path }))),
    new Set([...PACKAGE_EXPORTS, ...MODULE_SCOPE_NAMES, ...OBJECT_MEMBER_NAMES, "client", ...(options.reservedNames ?? [])]),
  );
  const credentials = buildCredentials(document);
  const problems: Problem[] = [];
  const warnings: WarningModel[] = [];
  const built = raw.map((entry, index) => buildOperation(document, entry, functionNames[index] ?? "", credentials, problems, warnings));
  warnings.push(...unwritableExampleWarnings(built));
  if (problems.length > 0) throw new CodegenError("model", problems);
  const operations = assignResources(uniqueTypeRoots(built));
  const sdkClass =
    assignUniqueNames([{ preferred: sdkClassName(document.info.title), fallback: `${sdkClassName(document.info.title)}Client` }], new Set([...PACKAGE_TYPE_EXPORTS, ...functionNames]))[0] ?? "Api";
  const takenTypeNames = new Set([
    sdkClass,
    // index.ts exports functions and types side by side, so a type may not take a function's name either.
    ...functionNames,
    ...PACKAGE_TYPE_EXPORTS,
    ...operations.flatMap(({ typeNames }) => Object.values(typeNames)),
  ]);
  return {
    title: document.info.title,
    version: document.info.version,
    description: document.info.description,
    sdkClassName: sdkClass,
    defaultBaseUrl: defaultBaseUrl(document),
    server: serverOf(document),
    operations,
    schemas: buildSchemaAliases(document, takenTypeNames),
    reservedTypeNames: [...takenTypeNames],
    credentials: [...credentials.values()],
    warnings,
  };
}

/** `listPhones` → `ListPhonesParams`, … ; `sdk` → `SdkOperationError`, not the runtime's `SdkError`. */
const PACKAGE_TYPE_NAMES: ReadonlySet<string> = new Set(PACKAGE_TYPE_EXPORTS);

function operationTypeNames(functionName: string): OperationModel["typeNames"] {
  const clashes = ["Operation", "Params", "Response", "Body", "Error", "Item", "Page"].some((suffix) => PACKAGE_TYPE_NAMES.has(operationTypeName(functionName, suffix)));
  const base = clashes ? `${functionName}Operation` : functionName;
  return {
    operation: operationTypeName(base, "Operation"),
    params: operationTypeName(base, "Params"),
    response: operationTypeName(base, "Response"),
    body: operationTypeName(base, "Body"),
    error: operationTypeName(base, "Error"),
    item: operationTypeName(base, "Item"),
    page: operationTypeName(base, "Page"),
  };
}

function listOperations(document: OpenApiDocument): RawOperation[] {
  const operations: RawOperation[] = [];
  for (const [path, itemOrRef] of Object.entries(document.paths ?? {})) {
    if (path.startsWith("x-")) continue;
    const itemPointer = appendPointer("/paths", path);
    const pathItem = dereference(document, itemOrRef, itemPointer).value;
    // Spec order, not a fixed method order: the generated files follow the document the user wrote.
    for (const key of Object.keys(pathItem)) {
      const method = HTTP_METHODS.find((candidate) => candidate === key);
      const operation = method === undefined ? undefined : pathItem[method];
      if (method === undefined || operation === undefined) continue;
      operations.push({ path, method, pointer: appendPointer(itemPointer, method), operation, pathItem });
    }
  }
  return operations;
}

function buildOperation(
  document: OpenApiDocument,
  { path, method, pointer, operation, pathItem }: RawOperation,
  functionName: string,
  credentials: ReadonlyMap<string, CredentialModel>,
  problems: Problem[],
  warnings: WarningModel[],
): OperationModel {
  const parameters = mergeParameters(document, pathItem, operation, pointer);
  const queryParameters = parameters.filter(({ parameter }) => parameter.in === "query").map(({ parameter }) => parameter.name);
  const responses = buildResponses(document, operation, pointer);
  // openapi-typescript files an operation with an empty id under `paths`, as if it had none.
  const operationId = operation.operationId === "" ? undefined : operation.operationId;
  const warned = warnings.length;
  const requestBody = sendableBody(document, method, operation, buildRequestBody(document, operation, pointer, parameters), appendPointer(pointer, "requestBody"), warnings);
  return {
    pointer,
    operationId,
    functionName,
    typeNames: operationTypeNames(functionName),
    fileName: operationFileName(functionName),
    method: method.toUpperCase() as Uppercase<HttpMethod>,
    path,
    typeRoot: operationId === undefined ? { kind: "paths", path, method } : { kind: "operations", operationId: operationTypeKey(operationId) },
    docs: docsOf(operation),
    tags: operation.tags ?? [],
    pathParameters: buildPathParameters(document, path, parameters),
    parameters: parameters.filter(({ parameter }) => parameter.in !== "path").map(({ parameter }) => buildParameter(document, parameter)),
    requestBody,
    // Only a body that carries something: Stripe's empty forms on GET are no loss worth a line in every JSDoc.
    unsentBody: warnings.length > warned,
    responses,
    security: securityOf(operation.security ?? document.security ?? [], credentials),
    pagination: paginationOf(document, operation, method, pointer, queryParameters, problems),
    resource: undefined,
  };
}

function paginationOf(document: OpenApiDocument, operation: OperationObject, method: string, pointer: string, queryParameters: readonly string[], problems: Problem[]): PaginationModel | undefined {
  const success = successResponse(document, operation);
  const override = paginationOverride(document, (operation as Record<string, unknown>)[PAGINATION_EXTENSION], pointer, queryParameters, success?.schema);
  switch (override.kind) {
    case "disabled":
      return undefined;
    case "declared": {
      if (successCount(operation) > 1) {
        problems.push({ pointer: `${pointer}/${PAGINATION_EXTENSION}`, message: `${PAGINATION_EXTENSION} needs exactly one 2xx response, the page` });
        return undefined;
      }
      return override.pagination;
    }
    case "invalid":
      problems.push(...override.problems);
      return undefined;
    case "none":
      // With several 2xx answers the result is a union, and only one of them would be a page.
      if (successCount(operation) > 1) return undefined;
      return detectPagination(document, { method, queryParameters, responseSchema: success?.schema, responseHeaders: success?.headers ?? [] });
  }
}

function successCount(operation: OperationObject): number {
  return Object.keys(operation.responses ?? {}).filter((status) => /^2(\d\d|XX)$/i.test(status)).length;
}

/** The schema of the first 2xx response with a JSON body, and the headers it declares. */
function successResponse(document: OpenApiDocument, operation: OperationObject): { readonly schema: MaybeRef<SchemaObject> | undefined; readonly headers: readonly string[] } | undefined {
  for (const [status, responseOrRef] of Object.entries(operation.responses ?? {})) {
    if (!/^2(\d\d|XX)$/i.test(status)) continue;
    const response: ResponseObject = dereference(document, responseOrRef, "").value;
    const mediaType = pickMediaType(Object.keys(response.content ?? {}));
    if (mediaType !== undefined && classifyMediaType(mediaType) === "json") return { schema: response.content?.[mediaType]?.schema, headers: Object.keys(response.headers ?? {}) };
  }
  return undefined;
}

/**
 * A body whose type admits no literal (Azure Data Factory's `{ type: string }` beside `additionalProperties: { type:
 * object }`) compiles as a type but cannot be called without a cast: say so once per schema, and leave its examples out.
 */
function unwritableExampleWarnings(operations: readonly OperationModel[]): WarningModel[] {
  const bySchema = new Map<string, { reason: string; functions: string[]; pointer: string }>();
  for (const operation of operations) {
    const blocker = exampleBlocker(operation);
    if (blocker === undefined) continue;
    const pointer = blocker.pointer === "" ? operation.pointer : blocker.pointer;
    const entry = bySchema.get(pointer) ?? { reason: blocker.reason, functions: [], pointer };
    entry.functions.push(operation.functionName);
    bySchema.set(pointer, entry);
  }
  return [...bySchema.values()].map(({ reason, functions, pointer }) => ({
    pointer,
    message: `no value fits this schema's type, because ${reason}; ${functions.map((name) => `\`${name}\``).join(", ")} can only be called with a cast, so ${functions.length === 1 ? "its example is" : "their examples are"} left out (fix the schema so that some value satisfies it)`,
  }));
}

/** openapi-typescript's key in `operations`: the operationId with each `#` made a `/` (its workaround for `$ref` parsing). */
function operationTypeKey(operationId: string): string {
  return operationId.replaceAll("#", "/");
}

/**
 * openapi-typescript keys `operations` by operationId, so two operations with one id would collide there. Later
 * duplicates get `<id>_2`, `<id>_3`… in the types (the emit stage renames them in the document it hands over).
 */
function uniqueTypeRoots(operations: readonly OperationModel[]): OperationModel[] {
  const seen = new Set<string>();
  return operations.map((operation) => {
    if (operation.typeRoot.kind !== "operations") return operation;
    let id = operation.typeRoot.operationId;
    for (let n = 2; seen.has(id); n++) id = `${operation.typeRoot.operationId}_${n}`;
    seen.add(id);
    return id === operation.typeRoot.operationId ? operation : { ...operation, typeRoot: { kind: "operations", operationId: id } };
  });
}

/** Places each tagged operation on the facade, `phones.list`; clashing method names fall back to function names. */
function assignResources(operations: readonly OperationModel[]): OperationModel[] {
  const functionNames = new Set(operations.map((operation) => operation.functionName));
  const propertyOf = (tag: string) => {
    const property = resourcePropertyName(tag);
    return functionNames.has(property) || property === "client" || property === "constructor" ? `${property}Resource` : property;
  };
  const wanted = operations.map((operation) => {
    const tag = operation.tags[0];
    return tag === undefined ? undefined : { property: propertyOf(tag), method: resourceMethodName(operation.functionName, tag) };
  });
  const counts = new Map<string, number>();
  for (const place of wanted) if (place !== undefined) counts.set(`${place.property}.${place.method}`, (counts.get(`${place.property}.${place.method}`) ?? 0) + 1);
  return operations.map((operation, index) => {
    const place = wanted[index];
    if (place === undefined) return operation;
    const clashes = (counts.get(`${place.property}.${place.method}`) ?? 0) > 1;
    return { ...operation, resource: clashes ? { property: place.property, method: operation.functionName } : place };
  });
}

function docsOf(source: { summary?: string; description?: string; deprecated?: boolean }): DocsModel {
  const summary = source.summary?.trim() || undefined;
  const description = source.description?.trim() || undefined;
  return { summary, description: description === summary ? undefined : description, deprecated: source.deprecated === true };
}

interface LocatedParameter {
  readonly parameter: ParameterObject;
  readonly pointer: string;
}

/** Path-item parameters apply to every operation below it; an operation's own parameter overrides one by name and location. */
function mergeParameters(document: OpenApiDocument, pathItem: PathItemObject, operation: OperationObject, pointer: string): LocatedParameter[] {
  const itemPointer = pointer.slice(0, pointer.lastIndexOf("/"));
  const resolve = (list: readonly MaybeRef<ParameterObject>[] | undefined, at: string) =>
    (list ?? []).map((entry, index) => {
      const { value, pointer: resolvedAt } = dereference(document, entry, appendPointer(at, index));
      return { parameter: value, pointer: resolvedAt };
    });
  const own = resolve(operation.parameters, appendPointer(pointer, "parameters"));
  const key = ({ parameter }: LocatedParameter) => `${parameter.in}:${parameter.name}`;
  const ownKeys = new Set(own.map(key));
  const shared = resolve(pathItem.parameters, appendPointer(itemPointer, "parameters")).filter((entry) => !ownKeys.has(key(entry)));
  return [...shared, ...own];
}

function buildPathParameters(document: OpenApiDocument, path: string, parameters: readonly LocatedParameter[]): PathParameterModel[] {
  const byName = new Map(parameters.filter(({ parameter }) => parameter.in === "path").map(({ parameter }) => [parameter.name, parameter]));
  // An argument must not shadow what the operation's module uses: its other parameters, `endpoint`, `request`…
  const taken = new Set(["client", "params", "options", ...MODULE_SCOPE_NAMES]);
  const templated = new Set([...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => name ?? ""));
  return [...templated].flatMap((name) => {
    const parameter = byName.get(name);
    if (parameter === undefined) return [];
    let argumentName = safeIdentifier(camelCase(parameter.name) || "value", taken);
    for (let n = 2; taken.has(argumentName); n++) argumentName = `${safeIdentifier(camelCase(parameter.name), taken)}${n}`;
    taken.add(argumentName);
    const style = parameter.style === "label" || parameter.style === "matrix" ? parameter.style : "simple";
    const value = valueModelOf(document, parameter.schema);
    const sample = exampleSampleOf(document, parameter.schema, value);
    return [{ name: parameter.name, argumentName, style, explode: parameter.explode ?? false, description: parameter.description, value, ...(sample === undefined ? {} : { sample }) }];
  });
}

/**
 * A value for examples where the value model cannot give one: a required object needs its required members (AWS's
 * `Suggester` query object), and a union its first alternative's value (PandaScore's videogame, an id or a slug).
 */
function exampleSampleOf(document: OpenApiDocument, schema: MaybeRef<SchemaObject> | undefined, value: ValueModel): SampleValue | undefined {
  if (schema === undefined) return undefined;
  const resolved = dereference<SchemaObject>(document, schema, "").value;
  const union = typeof resolved === "object" && resolved !== null && (resolved.oneOf !== undefined || resolved.anyOf !== undefined);
  return value.type === "object" || (value.type === undefined && value.enum === undefined && union) ? sampleOf(document, schema) : undefined;
}

function buildParameter(document: OpenApiDocument, parameter: ParameterObject): ParameterModel {
  const location = parameter.in as ParameterModel["in"];
  const defaultStyle = location === "header" ? "simple" : "form";
  const style = (parameter.style ?? defaultStyle) as ParameterModel["style"];
  const value = valueModelOf(document, parameter.schema);
  const sample = exampleSampleOf(document, parameter.schema, value);
  return {
    name: parameter.name,
    in: location,
    required: parameter.required === true,
    style,
    // The spec's default: explode is true for form style, false for every other style.
    explode: parameter.explode ?? style === "form",
    allowReserved: parameter.allowReserved === true,
    description: parameter.description,
    deprecated: parameter.deprecated === true,
    value,
    ...(sample === undefined || parameter.required !== true ? {} : { sample }),
  };
}

function buildRequestBody(document: OpenApiDocument, operation: OperationObject, pointer: string, parameters: readonly LocatedParameter[]): RequestBodyModel | undefined {
  if (operation.requestBody === undefined) return undefined;
  const { value: body, pointer: bodyPointer } = dereference<RequestBodyObject>(document, operation.requestBody, appendPointer(pointer, "requestBody"));
  const mediaTypes = Object.keys(body.content ?? {});
  const mediaType = pickRequestMediaType(mediaTypes);
  if (mediaType === undefined) return undefined;
  const takenByParameter = parameters.some(({ parameter }) => parameter.in !== "path" && parameter.name === "body");
  const encoding = body.content[mediaType]?.encoding;
  return {
    required: body.required === true,
    mediaType,
    kind: classifyRequestMediaType(mediaType),
    otherMediaTypes: mediaTypes.filter((type) => type !== mediaType),
    key: takenByParameter ? "requestBody" : "body",
    description: body.description,
    sample: bodySample(document, body.content[mediaType]?.schema, classifyRequestMediaType(mediaType), appendPointer(bodyPointer, "content", mediaType, "schema")),
    defaulted: ["json", "form", "multipart"].includes(classifyRequestMediaType(mediaType)) ? bodyDefaultsOf(document, body.content[mediaType]?.schema) : undefined,
    encoding:
      encoding === undefined
        ? undefined
        : Object.fromEntries(
            Object.entries(encoding).map(([name, entry]) => [
              name,
              {
                ...(entry.contentType === undefined ? {} : { contentType: entry.contentType }),
                ...(entry.style === undefined ? {} : { style: entry.style }),
                ...(entry.explode === undefined ? {} : { explode: entry.explode }),
              },
            ]),
          ),
  };
}

/**
 * fetch refuses a body on GET and HEAD (a `TypeError` before anything is sent), so such an operation is offered
 * without one, as NSwag and Speakeasy do; FastAPI lets a `List[str]` body onto a GET. The warning says so, except
 * for a body that could never carry anything (Stripe declares an empty form on its GETs).
 */
function sendableBody(
  document: OpenApiDocument,
  method: HttpMethod,
  operation: OperationObject,
  body: RequestBodyModel | undefined,
  pointer: string,
  warnings: WarningModel[],
): RequestBodyModel | undefined {
  if (body === undefined || operation.requestBody === undefined || (method !== "get" && method !== "head")) return body;
  const schema = dereference<RequestBodyObject>(document, operation.requestBody, pointer).value.content?.[body.mediaType]?.schema;
  const resolved = schema === undefined ? undefined : dereference<SchemaObject>(document, schema, "").value;
  const carriesNothing =
    typeof resolved === "object" && resolved !== null && Object.keys(resolved.properties ?? {}).length === 0 && (resolved as { additionalProperties?: unknown }).additionalProperties === false;
  if (!carriesNothing) {
    warnings.push({
      pointer,
      message: `${method.toUpperCase()} cannot carry a request body (fetch refuses to send one), so the generated function leaves it out; the API should take these values as query parameters or on a POST`,
    });
  }
  return undefined;
}

function bodySample(document: OpenApiDocument, schema: MaybeRef<SchemaObject> | undefined, kind: RequestBodyModel["kind"], pointer: string): SampleValue {
  if (kind === "binary") return { kind: "blob" };
  if (kind === "text") return { kind: "literal", value: "text" };
  return sampleOf(document, schema, 0, pointer);
}

/** 2xx responses are successes; so is `default` when the spec documents no 2xx (then it is the only answer described). */
function buildResponses(document: OpenApiDocument, operation: OperationObject, pointer: string): ResponseModel[] {
  const entries = Object.entries(operation.responses ?? {}).filter(([status]) => !status.startsWith("x-"));
  const hasSuccess = entries.some(([status]) => /^2(\d\d|XX)$/i.test(status));
  return entries.map(([status, responseOrRef]) => {
    const response: ResponseObject = dereference(document, responseOrRef, appendPointer(pointer, "responses", status)).value;
    const mediaType = pickMediaType(Object.keys(response.content ?? {}));
    return {
      status,
      description: response.description,
      mediaType,
      kind: classifyMediaType(mediaType),
      isSuccess: /^2(\d\d|XX)$/i.test(status) || (status === "default" && !hasSuccess),
    };
  });
}

function securityOf(requirements: readonly SecurityRequirementObject[], credentials: ReadonlyMap<string, CredentialModel>): string[][] {
  const alternatives = requirements.map((requirement) =>
    Object.keys(requirement).flatMap((scheme) => {
      const credential = credentials.get(scheme);
      return credential === undefined ? [] : [credential.name];
    }),
  );
  // Only an explicit empty requirement (`{}`) makes auth optional; without requirements nothing is sent.
  return alternatives.every((alternative) => alternative.length === 0) ? [] : alternatives;
}

function buildCredentials(document: OpenApiDocument): Map<string, CredentialModel> {
  const schemes = Object.entries(document.components?.securitySchemes ?? {}).flatMap(([schemeName, schemeOrRef]) => {
    const scheme = dereference<SecuritySchemeObject>(document, schemeOrRef, appendPointer("/components/securitySchemes", schemeName)).value;
    const kind = credentialKind(scheme);
    return kind === undefined ? [] : [{ schemeName, scheme, kind }];
  });
  const countOf = (kind: string) => schemes.filter((entry) => entry.kind === kind).length;
  const conventional = { bearer: "bearerToken", basic: "basicAuth", apiKey: "apiKey" } as const;
  const names = assignUniqueNames(
    schemes.map(({ schemeName, kind }) => {
      const name = countOf(kind) === 1 ? conventional[kind] : camelCase(schemeName) || conventional[kind];
      return { preferred: name, fallback: name };
    }),
    CLIENT_OPTION_NAMES,
  );
  return new Map(
    schemes.map(({ schemeName, scheme, kind }, index) => [
      schemeName,
      {
        name: names[index] ?? schemeName,
        schemeName,
        kind,
        location: scheme.type === "apiKey" ? scheme.in : undefined,
        parameterName: scheme.type === "apiKey" ? scheme.name : undefined,
        description: scheme.description,
        tokenSource: tokenSourceOf(scheme, defaultBaseUrl(document)),
      },
    ]),
  );
}

const OAUTH_FLOWS: readonly OAuthFlowModel["flow"][] = ["authorizationCode", "clientCredentials", "password", "implicit"];

/** What an oauth2 or openIdConnect scheme says about getting a token; read leniently (validation judged the rest). */
function tokenSourceOf(scheme: SecuritySchemeObject, serverUrl: string | undefined): TokenSourceModel | undefined {
  // Relative URLs (FastAPI's `OAuth2PasswordBearer(tokenUrl="token")`) are relative to the server.
  const absolute = (url: string | undefined) => {
    if (url === undefined || serverUrl === undefined || /^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
    return URL.canParse(url, `${serverUrl}/`) ? new URL(url, `${serverUrl}/`).href : url;
  };
  if (scheme.type === "openIdConnect") return { kind: "openIdConnect", discoveryUrl: absolute(scheme.openIdConnectUrl) };
  if (scheme.type !== "oauth2") return undefined;
  const flows = typeof scheme.flows === "object" && scheme.flows !== null ? (scheme.flows as Record<string, unknown>) : {};
  const text = (value: unknown) => absolute(typeof value === "string" && value !== "" ? value : undefined);
  return {
    kind: "oauth2",
    flows: Object.entries(flows).flatMap(([name, flow]) => {
      const known = OAUTH_FLOWS.find((candidate) => candidate === name);
      if (known === undefined || typeof flow !== "object" || flow === null) return [];
      const fields = flow as Record<string, unknown>;
      const scopes = typeof fields["scopes"] === "object" && fields["scopes"] !== null ? Object.keys(fields["scopes"]) : [];
      return [{ flow: known, authorizationUrl: text(fields["authorizationUrl"]), tokenUrl: text(fields["tokenUrl"]), refreshUrl: text(fields["refreshUrl"]), scopes }];
    }),
  };
}

function credentialKind(scheme: SecuritySchemeObject): CredentialModel["kind"] | undefined {
  switch (scheme.type) {
    case "http":
      return scheme.scheme.toLowerCase() === "basic" ? "basic" : "bearer";
    case "apiKey":
      return "apiKey";
    case "oauth2":
    case "openIdConnect":
      // The client does not run OAuth flows; it sends the access token the caller obtained.
      return "bearer";
    case "mutualTLS":
      return undefined;
  }
}

function serverOf(document: OpenApiDocument): ServerModel | undefined {
  const server = document.servers?.[0];
  if (server === undefined) return undefined;
  return {
    url: server.url,
    description: server.description,
    variables: Object.entries(server.variables ?? {}).map(([name, variable]) => ({
      name,
      default: String(variable.default),
      enum: variable.enum?.map(String),
      description: variable.description,
    })),
  };
}

function defaultBaseUrl(document: OpenApiDocument): string | undefined {
  const server = document.servers?.[0];
  if (server === undefined) return undefined;
  const url = server.url.replace(/\{([^}]+)\}/g, (match, name: string) => server.variables?.[name]?.default ?? match);
  return url.endsWith("/") ? url.slice(0, -1) : url;
}

function buildSchemaAliases(document: OpenApiDocument, taken: ReadonlySet<string>): SchemaAliasModel[] {
  const entries = Object.entries(document.components?.schemas ?? {});
  const names = assignUniqueNames(
    entries.map(([componentName]) => {
      const name = schemaTypeName(componentName);
      return { preferred: name, fallback: name };
    }),
    taken,
  );
  return entries.map(([componentName, schemaOrRef], index) => {
    const schema = dereference(document, schemaOrRef, appendPointer("/components/schemas", componentName)).value;
    return {
      name: names[index] ?? componentName,
      componentName,
      description: schema.description?.trim() || schema.title?.trim() || undefined,
      deprecated: schema.deprecated === true,
    };
  });
}
