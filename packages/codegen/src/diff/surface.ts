/**
 * The API surface of the SDK the generator would emit: its operation functions with their arguments, bodies and
 * responses, and its exported schema types. Names and defaults come from the model (so they are the generated
 * ones); the schemas behind them come from the bundled document, which the model does not carry.
 */
import type { ApiModel, BodyKind, OperationModel, RequestBodyKind } from "../model/model.js";
import { dereference } from "../model/refs.js";
import type { MaybeRef, OpenApiDocument, ParameterObject, PathItemObject, RequestBodyObject, ResponseObject } from "../model/spec.js";
import { appendPointer } from "../pointer.js";
import { namedShapeOf, shapeOf, type ShapeContext, type ShapeModel } from "./shape.js";

export interface ApiSurface {
  readonly operations: readonly OperationSurface[];
  /** The exported type aliases of `components.schemas`, which the shapes' `ref`s name. */
  readonly schemas: readonly SchemaSurface[];
}

export interface SchemaSurface {
  /** The exported type alias, e.g. `PaginatedResponsePhoneRegisterResponseSchema`. */
  readonly name: string;
  readonly pointer: string;
  readonly shape: ShapeModel;
}

export interface OperationSurface {
  readonly functionName: string;
  readonly method: string;
  readonly path: string;
  readonly pointer: string;
  readonly summary: string | undefined;
  readonly description: string | undefined;
  readonly deprecated: boolean;
  /** Positional arguments, in order. */
  readonly pathParameters: readonly PathParameterSurface[];
  /** Properties of the params object. */
  readonly parameters: readonly ParameterSurface[];
  readonly requestBody: RequestBodySurface | undefined;
  readonly responses: readonly ResponseSurface[];
}

export interface PathParameterSurface {
  readonly name: string;
  readonly argumentName: string;
  readonly pointer: string;
  readonly description: string | undefined;
  readonly shape: ShapeModel;
}

export interface ParameterSurface {
  readonly name: string;
  readonly in: "query" | "header" | "cookie";
  readonly required: boolean;
  readonly deprecated: boolean;
  readonly description: string | undefined;
  readonly pointer: string;
  readonly shape: ShapeModel;
}

export interface RequestBodySurface {
  /** The params property that holds it. */
  readonly key: string;
  readonly required: boolean;
  readonly mediaType: string;
  readonly kind: RequestBodyKind;
  readonly description: string | undefined;
  readonly pointer: string;
  /** Undefined for text and binary bodies, whose type (`string`, bytes) does not come from the schema. */
  readonly shape: ShapeModel | undefined;
}

export interface ResponseSurface {
  readonly status: string;
  readonly isSuccess: boolean;
  readonly mediaType: string | undefined;
  readonly kind: BodyKind;
  readonly description: string | undefined;
  readonly pointer: string;
  /** Undefined unless the body is JSON; other bodies are typed `string`, `Blob` or `undefined`. */
  readonly shape: ShapeModel | undefined;
}

/** The surface of the SDK generated from `document`, whose model is `model`. Pure. */
export function extractSurface(document: OpenApiDocument, model: ApiModel): ApiSurface {
  const aliases = new Map(model.schemas.map((schema) => [appendPointer("/components/schemas", schema.componentName), schema.name]));
  const context: ShapeContext = { document, aliasOf: (pointer) => aliases.get(pointer) };
  return {
    operations: model.operations.map((operation) => operationSurface(document, operation, context)),
    schemas: model.schemas.map((schema) => {
      const pointer = appendPointer("/components/schemas", schema.componentName);
      return { name: schema.name, pointer, shape: namedShapeOf(document.components?.schemas?.[schema.componentName], pointer, context) };
    }),
  };
}

function operationSurface(document: OpenApiDocument, operation: OperationModel, context: ShapeContext): OperationSurface {
  const raw = rawOperation(document, operation);
  const parameterAt = (location: string, name: string) => raw.parameters.get(`${location}:${name}`) ?? { parameter: undefined, pointer: operation.pointer };
  return {
    functionName: operation.functionName,
    method: operation.method,
    path: operation.path,
    pointer: operation.pointer,
    summary: operation.docs.summary,
    description: operation.docs.description,
    deprecated: operation.docs.deprecated,
    pathParameters: operation.pathParameters.map((parameter) => {
      const { parameter: object, pointer } = parameterAt("path", parameter.name);
      return { name: parameter.name, argumentName: parameter.argumentName, pointer, description: parameter.description, shape: parameterShape(object, pointer, context) };
    }),
    parameters: operation.parameters.map((parameter) => {
      const { parameter: object, pointer } = parameterAt(parameter.in, parameter.name);
      return {
        name: parameter.name,
        in: parameter.in,
        required: parameter.required,
        deprecated: parameter.deprecated,
        description: parameter.description,
        pointer,
        shape: parameterShape(object, pointer, context),
      };
    }),
    requestBody: requestBodySurface(document, operation, raw.operation.requestBody, context),
    responses: operation.responses.map((response) => {
      const at = appendPointer(operation.pointer, "responses", response.status);
      const { value, pointer } = dereference<ResponseObject>(document, raw.operation.responses?.[response.status] ?? {}, at);
      const typed = response.kind === "json" && response.mediaType !== undefined;
      return {
        status: response.status,
        isSuccess: response.isSuccess,
        mediaType: response.mediaType,
        kind: response.kind,
        description: response.description?.trim() || undefined,
        pointer,
        shape: typed ? contentShape(value.content, response.mediaType, pointer, context) : undefined,
      };
    }),
  };
}

function requestBodySurface(document: OpenApiDocument, operation: OperationModel, raw: MaybeRef<RequestBodyObject> | undefined, context: ShapeContext): RequestBodySurface | undefined {
  const body = operation.requestBody;
  if (body === undefined || raw === undefined) return undefined;
  const { value, pointer } = dereference(document, raw, appendPointer(operation.pointer, "requestBody"));
  const typed = body.kind === "json" || body.kind === "form" || body.kind === "multipart";
  return {
    key: body.key,
    required: body.required,
    mediaType: body.mediaType,
    kind: body.kind,
    description: body.description?.trim() || undefined,
    pointer,
    shape: typed ? contentShape(value.content, body.mediaType, pointer, context) : undefined,
  };
}

function contentShape(content: RequestBodyObject["content"] | undefined, mediaType: string | undefined, pointer: string, context: ShapeContext): ShapeModel {
  const at = appendPointer(pointer, "content", mediaType ?? "", "schema");
  return shapeOf(mediaType === undefined ? undefined : content?.[mediaType]?.schema, at, context);
}

/** A parameter's value: its `schema`, or the schema of its one `content` entry. */
function parameterShape(parameter: ParameterObject | undefined, pointer: string, context: ShapeContext): ShapeModel {
  if (parameter?.schema !== undefined) return shapeOf(parameter.schema, appendPointer(pointer, "schema"), context);
  const [mediaType] = Object.keys(parameter?.content ?? {});
  return contentShape(parameter?.content, mediaType, pointer, context);
}

interface LocatedParameter {
  readonly parameter: ParameterObject | undefined;
  readonly pointer: string;
}

interface RawOperation {
  readonly operation: { readonly requestBody?: MaybeRef<RequestBodyObject>; readonly responses?: Readonly<Record<string, MaybeRef<ResponseObject>>> };
  /** By `in:name`; the operation's own parameters override the path item's, as in the model stage. */
  readonly parameters: ReadonlyMap<string, LocatedParameter>;
}

/** The spec objects behind a model operation, found the way the model stage found them. */
function rawOperation(document: OpenApiDocument, operation: OperationModel): RawOperation {
  const itemPointer = appendPointer("/paths", operation.path);
  const pathItem = dereference<PathItemObject>(document, document.paths?.[operation.path] ?? {}, itemPointer).value;
  const object = pathItem[operation.method.toLowerCase() as Lowercase<typeof operation.method>] ?? {};
  const parameters = new Map<string, LocatedParameter>();
  const lists = [
    { list: pathItem.parameters, at: appendPointer(itemPointer, "parameters") },
    { list: object.parameters, at: appendPointer(operation.pointer, "parameters") },
  ];
  for (const { list, at } of lists) {
    for (const [index, entry] of (list ?? []).entries()) {
      const { value, pointer } = dereference(document, entry, appendPointer(at, index));
      parameters.set(`${value.in}:${value.name}`, { parameter: value, pointer });
    }
  }
  return { operation: object, parameters };
}
