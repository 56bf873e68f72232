/**
 * The intermediate model: everything the emitters need, decided once. Emitters never read raw OpenAPI; they read
 * these objects, so a naming or defaulting rule lives in exactly one place (the model stage).
 */
import type { HttpMethod, ParameterLocation } from "./spec.js";

export interface ApiModel {
  readonly title: string;
  readonly version: string;
  readonly description: string | undefined;
  /** The resource-style facade class, e.g. `Diga` for "Diga API". */
  readonly sdkClassName: string;
  /** The first server's URL with its variables at their defaults; the client's default base URL. */
  readonly defaultBaseUrl: string | undefined;
  /** The first server, whose `{variables}` the client lets callers set. */
  readonly server: ServerModel | undefined;
  readonly operations: readonly OperationModel[];
  readonly schemas: readonly SchemaAliasModel[];
  /** Type names the package declares besides the schemas: functions, their types, the SDK class, the runtime's exports. */
  readonly reservedTypeNames: readonly string[];
  readonly credentials: readonly CredentialModel[];
  /** What the generator left out or changed, with where: the client works, but not exactly as the spec says. */
  readonly warnings: readonly WarningModel[];
}

/** A generation warning: a JSON pointer into the spec and what was done there. */
export interface WarningModel {
  readonly pointer: string;
  readonly message: string;
}

/** How an emitter reaches openapi-typescript's types for an operation. */
export type OperationTypeRoot = { readonly kind: "operations"; readonly operationId: string } | { readonly kind: "paths"; readonly path: string; readonly method: HttpMethod };

export interface OperationModel {
  /** JSON pointer of the operation object, for messages. */
  readonly pointer: string;
  readonly operationId: string | undefined;
  readonly functionName: string;
  readonly typeNames: { readonly operation: string; readonly params: string; readonly body: string; readonly response: string; readonly error: string; readonly item: string; readonly page: string };
  readonly fileName: string;
  readonly method: Uppercase<HttpMethod>;
  readonly path: string;
  readonly typeRoot: OperationTypeRoot;
  readonly docs: DocsModel;
  readonly tags: readonly string[];
  /** Path parameters in the order they appear in the path template; these become positional arguments. */
  readonly pathParameters: readonly PathParameterModel[];
  /** Query, header and cookie parameters in declaration order; these become properties of one params object. */
  readonly parameters: readonly ParameterModel[];
  readonly requestBody: RequestBodyModel | undefined;
  /** The spec declares a body the function does not send (fetch cannot send one on GET or HEAD); its JSDoc says so. */
  readonly unsentBody: boolean;
  readonly responses: readonly ResponseModel[];
  /** Alternatives, each a set of credential names that must all be present; `[]` when no auth applies. */
  readonly security: readonly (readonly string[])[];
  /** Set for list operations: awaited they give one page, iterated every item of every page. */
  readonly pagination: PaginationModel | undefined;
  /** Where the operation appears on the resource-style facade, e.g. `phones.list`; undefined without tags. */
  readonly resource: { readonly property: string; readonly method: string } | undefined;
}

/**
 * A field of a response body as a dotted path (`data`, `meta.cursors.next`, `_links.next.href`); `""` is the body
 * itself. The runtime reads the same paths (`fieldAt`).
 */
export type FieldPath = string;

export interface CursorModel {
  readonly param: string;
  /** The response field, or (with `fromItem`) the item field, the cursor is read from. */
  readonly from: FieldPath;
  readonly fromItem: boolean;
}

/**
 * One pagination style, as data: the runtime has one export per `kind` (`PAGE_STYLES`) that reads exactly these
 * fields, so the client, a query-library plugin or a mock server read one description. Every style says where the
 * next request comes from: a query parameter (`param`) fed from a response field, or a URL the server gives.
 */
export type PageStyleModel =
  /** `after` ← `last_id` (or the last item's `id`), optionally `before` ← `first_id` backwards. */
  | { readonly kind: "cursor"; readonly next: CursorModel; readonly previous: CursorModel | undefined }
  /** `page` + 1 until `total` (the last page) or `count` (the items) says it was the last. */
  | {
      readonly kind: "pageNumber";
      readonly param: string;
      readonly current: FieldPath | undefined;
      readonly total: FieldPath | undefined;
      readonly count: FieldPath | undefined;
      readonly size: string | undefined;
    }
  /** `offset` + the items received, until `count`. */
  | { readonly kind: "offset"; readonly param: string; readonly size: string | undefined; readonly count: FieldPath | undefined }
  /** The URL of the next (and previous) page in the body; `null` ends. */
  | { readonly kind: "nextUrl"; readonly next: FieldPath; readonly previous: FieldPath | undefined }
  /** The `Link` response header's `rel="next"` and `rel="prev"`. */
  | { readonly kind: "linkHeader" };

export interface PaginationModel {
  readonly items: FieldPath;
  /** Whether the response schema requires the items field (if not, its type includes `undefined`). */
  readonly itemsRequired: boolean;
  /** Present when the page body itself may be `null`. */
  readonly bodyNullable?: true;
  /** A boolean field that is false on the last page. */
  readonly hasMore: FieldPath | undefined;
  /** The styles the operation pages by, in order of preference; a first call that passes a style's parameter picks it. */
  readonly styles: readonly PageStyleModel[];
}

export interface DocsModel {
  readonly summary: string | undefined;
  readonly description: string | undefined;
  readonly deprecated: boolean;
}

export interface ParameterModel {
  readonly name: string;
  readonly in: Exclude<ParameterLocation, "path">;
  readonly required: boolean;
  readonly style: "form" | "spaceDelimited" | "pipeDelimited" | "deepObject" | "simple";
  readonly explode: boolean;
  readonly allowReserved: boolean;
  readonly description: string | undefined;
  readonly deprecated: boolean;
  readonly value: ValueModel;
  /** For a required object or union parameter, a value for examples: `value` says nothing of its members or alternatives. */
  readonly sample?: SampleValue;
}

export interface PathParameterModel {
  readonly name: string;
  /** The positional argument's name: `phone_id` → `phoneId`. */
  readonly argumentName: string;
  readonly style: "simple" | "label" | "matrix";
  readonly explode: boolean;
  readonly description: string | undefined;
  readonly value: ValueModel;
  /** A value for examples where `value` cannot give one (a union, an object). */
  readonly sample?: SampleValue;
}

/** What the spec says a parameter value may be, as far as a client can check it before sending. */
export interface ValueModel {
  readonly type: "string" | "number" | "integer" | "boolean" | "array" | "object" | undefined;
  readonly nullable: boolean;
  readonly format: string | undefined;
  readonly enum: readonly (string | number | boolean | null)[] | undefined;
  readonly minimum: number | undefined;
  readonly maximum: number | undefined;
  readonly exclusiveMinimum: number | undefined;
  readonly exclusiveMaximum: number | undefined;
  readonly minLength: number | undefined;
  readonly maxLength: number | undefined;
  readonly pattern: string | undefined;
  readonly items: ValueModel | undefined;
  readonly default: unknown;
}

export type BodyKind = "json" | "text" | "binary" | "empty";

/** How a request body is encoded on the wire. */
export type RequestBodyKind = "json" | "form" | "multipart" | "text" | "binary";

export interface RequestBodyModel {
  readonly required: boolean;
  /** The media type sent: JSON first, then form, multipart, text, and anything else as binary. */
  readonly mediaType: string;
  readonly kind: RequestBodyKind;
  /** The other media types the spec offers, named in the function's JSDoc. */
  readonly otherMediaTypes: readonly string[];
  /** The params property that holds it: `body`, or `requestBody` when a parameter is already called `body`. */
  readonly key: string;
  readonly description: string | undefined;
  /** A value that fits the body's schema, for examples. */
  readonly sample: SampleValue;
  /**
   * Fields the caller may leave out because the schema gives them a `default` (the server fills them in), though
   * openapi-typescript's types, shared with responses, make them required; undefined when there are none.
   */
  readonly defaulted: BodyDefaultsModel | undefined;
  /** Per-property encoding of form and multipart bodies (the spec's Encoding Object). */
  readonly encoding: Readonly<Record<string, { readonly contentType?: string; readonly style?: string; readonly explode?: boolean }>> | undefined;
}

/** Defaulted fields of one object level of a body, and of the objects below it (by property name). */
export interface BodyDefaultsModel {
  readonly optional: readonly string[];
  readonly nested: readonly (readonly [string, BodyDefaultsModel])[];
}

/** A sample value as data: the emitters write it as source. */
export type SampleValue =
  | { readonly kind: "literal"; readonly value: string | number | boolean | null }
  | { readonly kind: "blob" }
  | { readonly kind: "array"; readonly items: readonly SampleValue[] }
  | { readonly kind: "object"; readonly properties: readonly (readonly [string, SampleValue])[] }
  /** No literal fits (properties that conflict with `additionalProperties`): the example is left out, with a warning. */
  | { readonly kind: "unwritable"; readonly pointer: string; readonly reason: string };

export interface ResponseModel {
  /** `200`, `4XX` or `default`, as written in the spec. */
  readonly status: string;
  readonly description: string | undefined;
  /** The media type the client reads, or undefined when the response has no content. */
  readonly mediaType: string | undefined;
  readonly kind: BodyKind;
  readonly isSuccess: boolean;
}

export interface ServerModel {
  readonly url: string;
  readonly description: string | undefined;
  readonly variables: readonly { readonly name: string; readonly default: string; readonly enum: readonly string[] | undefined; readonly description: string | undefined }[];
}

export interface CredentialModel {
  /** The option of `createClient` that carries it, e.g. `bearerToken`. */
  readonly name: string;
  readonly schemeName: string;
  readonly kind: "bearer" | "basic" | "apiKey";
  /** For apiKey: where the key goes and under which name. */
  readonly location: "header" | "query" | "cookie" | undefined;
  readonly parameterName: string | undefined;
  readonly description: string | undefined;
  /** For oauth2 and openIdConnect schemes: where the caller gets the token this client only sends. */
  readonly tokenSource: TokenSourceModel | undefined;
}

export type TokenSourceModel = { readonly kind: "oauth2"; readonly flows: readonly OAuthFlowModel[] } | { readonly kind: "openIdConnect"; readonly discoveryUrl: string | undefined };

/** One OAuth 2.0 flow the spec declares, in the spec's order. */
export interface OAuthFlowModel {
  readonly flow: "authorizationCode" | "clientCredentials" | "password" | "implicit";
  readonly authorizationUrl: string | undefined;
  readonly tokenUrl: string | undefined;
  readonly refreshUrl: string | undefined;
  readonly scopes: readonly string[];
}

export interface SchemaAliasModel {
  readonly name: string;
  readonly componentName: string;
  readonly description: string | undefined;
  readonly deprecated: boolean;
}
