/**
 * How bad each kind of change is for a TypeScript caller, and the version bump a list of changes asks for.
 *
 * The verdict depends on variance. Data in *input* position (path arguments, the params object, request bodies)
 * is written by the caller: a change that accepts less breaks them, one that accepts more does not. Data in
 * *output* position (response bodies, error bodies) is read by the caller: a change that may hand them something
 * they did not expect breaks them, one that promises more does not. A schema used in both gets the stricter verdict.
 */
import { compareStrings } from "../order.js";
import type { ApiDiff, Bump, Change, ChangeKind, Severity } from "./change.js";

/** Which way data flows through a schema, seen from the caller. */
export type Position = "input" | "output" | "both";

interface Verdict {
  readonly input: Severity;
  readonly output: Severity;
}

const always = (severity: Severity): Verdict => ({ input: severity, output: severity });

const VERDICTS: Readonly<Record<ChangeKind, Verdict>> = {
  // Operation functions and their signatures: the caller calls them, so only the input reading applies.
  "operation-added": always("minor"),
  "operation-removed": always("major"),
  "operation-renamed": always("major"),
  // The function and its types stay; the SDK sends the request somewhere else.
  "operation-endpoint-changed": always("patch"),
  // Positional arguments: any change in their number shifts every argument after it.
  "path-parameter-added": always("major"),
  "path-parameter-removed": always("major"),
  // Argument names are not part of a call site.
  "path-parameter-renamed": always("patch"),
  "parameter-added": always("minor"),
  "required-parameter-added": always("major"),
  // An object literal with a property the type no longer has is an excess-property error.
  "parameter-removed": always("major"),
  "parameter-required": always("major"),
  "parameter-optional": always("minor"),
  // The params object is one flat object; where the SDK puts a value on the wire is its own business.
  "parameter-moved": always("patch"),
  "request-body-added": always("minor"),
  "required-request-body-added": always("major"),
  "request-body-removed": always("major"),
  "request-body-required": always("major"),
  "request-body-optional": always("minor"),
  "request-body-key-changed": always("major"),
  // json ↔ form ↔ multipart ↔ text ↔ binary changes the body's type (a string, bytes, or the schema's type).
  "request-body-encoding-changed": always("major"),
  "request-body-media-type-changed": always("patch"),
  // The function resolves with the union of the 2xx bodies, so one more or one fewer changes that type.
  "response-added": always("major"),
  "response-removed": always("major"),
  // Errors are thrown, not returned: a new one reaches callers as an `unknown` they narrow themselves.
  "error-response-added": always("minor"),
  // Error statuses are literal types: `error.status === 404` stops compiling once 404 is gone.
  "error-response-removed": always("major"),
  "response-body-changed": always("major"),
  "response-media-type-changed": always("patch"),
  "schema-added": always("minor"),
  // Callers import the type alias by name.
  "schema-removed": always("major"),

  "property-added": always("minor"),
  "required-property-added": { input: "major", output: "minor" },
  "property-removed": always("major"),
  "property-required": { input: "major", output: "minor" },
  "property-optional": { input: "minor", output: "major" },
  // An optional property with a default is required in responses (openapi-typescript's defaultNonNullable: the
  // server fills it in) and stays optional in request bodies (the generated body types), with or without it.
  "default-added": { input: "patch", output: "minor" },
  "default-removed": { input: "patch", output: "major" },
  "nullable-added": { input: "minor", output: "major" },
  "nullable-removed": { input: "major", output: "minor" },
  "type-changed": always("major"),
  "type-widened": { input: "minor", output: "major" },
  "type-narrowed": { input: "major", output: "minor" },
  // A value the caller has never seen: `switch`es that end in a `never` check stop compiling, and code that
  // handles every known value silently mishandles the new one. Breaking, although the server's data is "more".
  "enum-values-added": { input: "minor", output: "major" },
  // Also breaking in output, unlike other narrowing: the values are literal types, and `status === "released"`
  // or `case "released":` no longer compiles once "released" is gone (TS2367, TS2678).
  "enum-values-removed": always("major"),
  "variant-added": { input: "minor", output: "major" },
  "variant-removed": { input: "major", output: "minor" },
  "format-changed": always("patch"),
  "ref-changed": always("patch"),
  "description-changed": always("patch"),
  "deprecation-changed": always("patch"),
};

const RANK: Readonly<Record<Bump, number>> = { none: 0, patch: 1, minor: 2, major: 3 };

export function severityOf(kind: ChangeKind, position: Position): Severity {
  const verdict = VERDICTS[kind];
  if (position === "input") return verdict.input;
  if (position === "output") return verdict.output;
  return RANK[verdict.input] >= RANK[verdict.output] ? verdict.input : verdict.output;
}

/** Why an enum change is breaking where the caller reads the value; appended to the message, since it surprises. */
export function noteOf(kind: ChangeKind, position: Position): string {
  if (position === "input") return "";
  if (kind === "enum-values-added") return " (exhaustive `switch`es over these values stop compiling)";
  if (kind === "enum-values-removed" && position === "output") return " (comparisons with the removed values stop compiling)";
  return "";
}

/** The largest severity among the changes; `none` for no changes. */
function bumpOf(changes: readonly Change[]): Bump {
  return changes.reduce<Bump>((bump, change) => (RANK[change.severity] > RANK[bump] ? change.severity : bump), "none");
}

/** The changes, sorted, with their bump and counts: the one value both renderers read. */
export function toApiDiff(changes: readonly Change[]): ApiDiff {
  const sorted = [...changes].sort(compareChanges);
  const count = (severity: Severity) => sorted.filter((change) => change.severity === severity).length;
  return {
    bump: bumpOf(sorted),
    summary: { total: sorted.length, breaking: sorted.filter((change) => change.breaking).length, major: count("major"), minor: count("minor"), patch: count("patch") },
    changes: sorted,
  };
}

/** Operations before schemas, each group by name; inside a group the worst first, then by place in the spec. */
function compareChanges(a: Change, b: Change): number {
  return (
    groupRank(a) - groupRank(b) ||
    compareStrings(groupName(a), groupName(b)) ||
    RANK[b.severity] - RANK[a.severity] ||
    comparePointers(a.subject.pointer, b.subject.pointer) ||
    compareStrings(a.kind, b.kind) ||
    compareStrings(a.message, b.message)
  );
}

/** Segment by segment, array indexes as numbers: `parameters/4` before `parameters/10`, as in the document. */
function comparePointers(a: string, b: string): number {
  const [left, right] = [a.split("/"), b.split("/")];
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const [x, y] = [left[index] ?? "", right[index] ?? ""];
    const order = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : compareStrings(x, y);
    if (order !== 0) return order;
  }
  return left.length - right.length;
}

export function groupName(change: Change): string {
  return change.subject.operation ?? change.subject.schema ?? "";
}

function groupRank(change: Change): number {
  return change.subject.operation !== undefined ? 0 : 1;
}
