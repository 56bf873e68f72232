/**
 * The parts of an OpenAPI 3.0/3.1 document the generator reads, under the specification's own names. Only
 * the validate stage turns `unknown` into these types, after checking the shapes it vouches for.
 */

export interface ReferenceObject {
  readonly $ref: string;
  readonly summary?: string;
  readonly description?: string;
}

export type MaybeRef<T> = T | ReferenceObject;

export interface OpenApiDocument {
  readonly openapi: string;
  readonly info: InfoObject;
  readonly servers?: readonly ServerObject[];
  readonly paths?: Readonly<Record<string, MaybeRef<PathItemObject>>>;
  readonly components?: ComponentsObject;
  readonly security?: readonly SecurityRequirementObject[];
  readonly tags?: readonly TagObject[];
}

export interface InfoObject {
  readonly title: string;
  readonly version: string;
  readonly summary?: string;
  readonly description?: string;
}

export interface ServerObject {
  readonly url: string;
  readonly description?: string;
  readonly variables?: Readonly<Record<string, ServerVariableObject>>;
}

export interface ServerVariableObject {
  readonly default: string;
  readonly enum?: readonly string[];
  readonly description?: string;
}

export interface TagObject {
  readonly name: string;
  readonly description?: string;
}

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type PathItemObject = {
  readonly summary?: string;
  readonly description?: string;
  readonly parameters?: readonly MaybeRef<ParameterObject>[];
} & { readonly [method in HttpMethod]?: OperationObject };

export interface OperationObject {
  readonly operationId?: string;
  readonly summary?: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly deprecated?: boolean;
  readonly parameters?: readonly MaybeRef<ParameterObject>[];
  readonly requestBody?: MaybeRef<RequestBodyObject>;
  readonly responses?: Readonly<Record<string, MaybeRef<ResponseObject>>>;
  readonly security?: readonly SecurityRequirementObject[];
}

export type ParameterLocation = "query" | "header" | "path" | "cookie";

export interface ParameterObject {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly description?: string;
  readonly required?: boolean;
  readonly deprecated?: boolean;
  readonly style?: string;
  readonly explode?: boolean;
  readonly allowReserved?: boolean;
  readonly schema?: MaybeRef<SchemaObject>;
  readonly content?: Readonly<Record<string, MediaTypeObject>>;
}

export interface RequestBodyObject {
  readonly description?: string;
  readonly required?: boolean;
  readonly content: Readonly<Record<string, MediaTypeObject>>;
}

export interface MediaTypeObject {
  readonly schema?: MaybeRef<SchemaObject>;
  readonly encoding?: Readonly<Record<string, EncodingObject>>;
}

export interface EncodingObject {
  readonly contentType?: string;
  readonly style?: string;
  readonly explode?: boolean;
  readonly allowReserved?: boolean;
}

export interface ResponseObject {
  readonly description?: string;
  readonly content?: Readonly<Record<string, MediaTypeObject>>;
  readonly headers?: Readonly<Record<string, unknown>>;
}

export type SchemaType = "string" | "number" | "integer" | "boolean" | "array" | "object" | "null";

export interface SchemaObject {
  readonly type?: SchemaType | readonly SchemaType[];
  readonly format?: string;
  readonly title?: string;
  readonly description?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly default?: unknown;
  readonly nullable?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  /** A number in 3.1; a boolean modifier of `minimum` in 3.0. */
  readonly exclusiveMinimum?: number | boolean;
  readonly exclusiveMaximum?: number | boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly items?: MaybeRef<SchemaObject>;
  readonly properties?: Readonly<Record<string, MaybeRef<SchemaObject>>>;
  readonly required?: readonly string[];
  readonly anyOf?: readonly MaybeRef<SchemaObject>[];
  readonly oneOf?: readonly MaybeRef<SchemaObject>[];
  readonly allOf?: readonly MaybeRef<SchemaObject>[];
  readonly additionalProperties?: MaybeRef<SchemaObject> | boolean;
  readonly discriminator?: { readonly propertyName?: string; readonly mapping?: Readonly<Record<string, string>> };
  readonly deprecated?: boolean;
}

export interface ComponentsObject {
  readonly schemas?: Readonly<Record<string, MaybeRef<SchemaObject>>>;
  readonly parameters?: Readonly<Record<string, MaybeRef<ParameterObject>>>;
  readonly responses?: Readonly<Record<string, MaybeRef<ResponseObject>>>;
  readonly requestBodies?: Readonly<Record<string, MaybeRef<RequestBodyObject>>>;
  readonly securitySchemes?: Readonly<Record<string, MaybeRef<SecuritySchemeObject>>>;
}

export type SecurityRequirementObject = Readonly<Record<string, readonly string[]>>;

export type SecuritySchemeObject =
  | { readonly type: "http"; readonly scheme: string; readonly bearerFormat?: string; readonly description?: string }
  | { readonly type: "apiKey"; readonly name: string; readonly in: "query" | "header" | "cookie"; readonly description?: string }
  | { readonly type: "oauth2"; readonly flows?: unknown; readonly description?: string }
  | { readonly type: "openIdConnect"; readonly openIdConnectUrl?: string; readonly description?: string }
  | { readonly type: "mutualTLS"; readonly description?: string };
