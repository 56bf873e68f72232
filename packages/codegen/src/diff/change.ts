/**
 * The vocabulary of an SDK diff: what a change is, how bad it is for a TypeScript caller, and what version bump a
 * set of changes asks for. Plain data, so a diff serialises to JSON and back unchanged.
 */

/** Semver's three levels: `major` breaks code that compiled against the old SDK. */
export type Severity = "major" | "minor" | "patch";

/** The version bump a diff suggests; `none` when the SDK surface did not change. */
export type Bump = Severity | "none";

export type OperationChangeKind =
  | "operation-added"
  | "operation-removed"
  | "operation-renamed"
  | "operation-endpoint-changed"
  | "path-parameter-added"
  | "path-parameter-removed"
  | "path-parameter-renamed"
  | "parameter-added"
  | "required-parameter-added"
  | "parameter-removed"
  | "parameter-required"
  | "parameter-optional"
  | "parameter-moved"
  | "request-body-added"
  | "required-request-body-added"
  | "request-body-removed"
  | "request-body-required"
  | "request-body-optional"
  | "request-body-key-changed"
  | "request-body-encoding-changed"
  | "request-body-media-type-changed"
  | "response-added"
  | "response-removed"
  | "error-response-added"
  | "error-response-removed"
  | "response-body-changed"
  | "response-media-type-changed";

export type SchemaChangeKind = "schema-added" | "schema-removed";

/** Changes inside a schema, wherever it is used; how bad they are depends on the direction data flows. */
export type ShapeChangeKind =
  | "property-added"
  | "required-property-added"
  | "property-removed"
  | "property-required"
  | "property-optional"
  | "default-added"
  | "default-removed"
  | "nullable-added"
  | "nullable-removed"
  | "type-changed"
  | "type-widened"
  | "type-narrowed"
  | "enum-values-added"
  | "enum-values-removed"
  | "variant-added"
  | "variant-removed"
  | "format-changed"
  | "ref-changed";

/** Documentation the SDK carries in its JSDoc; never changes what compiles. */
export type DocsChangeKind = "description-changed" | "deprecation-changed";

export type ChangeKind = OperationChangeKind | SchemaChangeKind | ShapeChangeKind | DocsChangeKind;

/** What a change is about: an operation function or an exported schema type, and where in the spec it is. */
export interface ChangeSubject {
  /** The operation function's name (the new one, for a renamed operation). */
  readonly operation?: string;
  /** The exported type alias of a `components.schemas` entry. */
  readonly schema?: string;
  /** JSON pointer into the new spec, or into the old one for something that was removed. */
  readonly pointer: string;
}

export interface Change {
  readonly kind: ChangeKind;
  /** Whether code that compiled against the old SDK may stop compiling (or silently mishandle data); `severity === "major"`. */
  readonly breaking: boolean;
  readonly severity: Severity;
  readonly subject: ChangeSubject;
  /** One sentence, starting with the operation or type it is about. */
  readonly message: string;
}

export interface DiffSummary {
  readonly total: number;
  readonly breaking: number;
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

export interface ApiDiff {
  readonly bump: Bump;
  readonly summary: DiffSummary;
  /** Sorted by subject (operations, then schemas, each by name), then severity, pointer, kind and message. */
  readonly changes: readonly Change[];
}
