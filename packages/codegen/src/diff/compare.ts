/**
 * Two API surfaces → the list of changes a TypeScript caller of the SDK would notice, each classified. Pure: the
 * same surfaces give the same diff.
 */
import type { ApiDiff, Change, ChangeKind } from "./change.js";
import { noteOf, severityOf, toApiDiff, type Position } from "./classify.js";
import { compareShapes, type SchemaTables, type ShapeFinding } from "./compare-shapes.js";
import type { ShapeModel } from "./shape.js";
import type { ApiSurface, OperationSurface, ParameterSurface, PathParameterSurface, RequestBodySurface, ResponseSurface } from "./surface.js";
import { schemaPositions } from "./usage.js";

/** Records one change about the subject it was made for; `text` is the sentence after "<subject>: ". */
type Report = (kind: ChangeKind, position: Position, pointer: string, text: string) => void;

interface CompareContext {
  readonly tables: SchemaTables;
  readonly positions: ReadonlyMap<string, Position>;
}

/** Everything the caller passes to an operation function is in input position. */
const SIGNATURE: Position = "input";

export function diffSurfaces(before: ApiSurface, after: ApiSurface): ApiDiff {
  const context: CompareContext = { tables: { before: tableOf(before), after: tableOf(after) }, positions: schemaPositions(before, after) };
  const changes: Change[] = [];
  compareOperations(before, after, context, changes);
  compareSchemas(before, after, context, changes);
  return toApiDiff(changes);
}

function tableOf(surface: ApiSurface): ReadonlyMap<string, ShapeModel> {
  return new Map(surface.schemas.map((schema) => [schema.name, schema.shape]));
}

function reporter(subject: { readonly operation: string } | { readonly schema: string }, changes: Change[]): Report {
  const name = "operation" in subject ? subject.operation : subject.schema;
  return (kind, position, pointer, text) => {
    const severity = severityOf(kind, position);
    changes.push({ kind, breaking: severity === "major", severity, subject: { ...subject, pointer }, message: `${name}: ${text}${noteOf(kind, position)}` });
  };
}

/** Shape findings as sentences about `label` (`query parameter \`status\``; `""` for a schema's own type). */
function reportShapes(report: Report, findings: readonly ShapeFinding[], position: Position, label: string): void {
  for (const finding of findings) {
    const target = finding.path === "" ? label : label === "" ? `field \`${finding.path}\`` : `${label} field \`${finding.path}\``;
    report(finding.kind, position, finding.pointer, target === "" ? finding.phrase : `${target} ${finding.phrase}`);
  }
}

function compareOperations(before: ApiSurface, after: ApiSurface, context: CompareContext, changes: Change[]): void {
  const current = new Map(after.operations.map((operation) => [operation.functionName, operation]));
  const renamed = renamedOperations(before, after);
  for (const old of before.operations) {
    const successor = current.get(old.functionName) ?? renamed.get(old.functionName);
    if (successor === undefined) {
      reporter({ operation: old.functionName }, changes)("operation-removed", SIGNATURE, old.pointer, `operation was removed (${endpoint(old)})`);
      continue;
    }
    const report = reporter({ operation: successor.functionName }, changes);
    if (successor.functionName !== old.functionName) report("operation-renamed", SIGNATURE, successor.pointer, `renamed from \`${old.functionName}\` (${endpoint(successor)})`);
    compareOperation(old, successor, report, context);
  }
  const successors = new Set(renamed.values());
  const known = new Set(before.operations.map((operation) => operation.functionName));
  for (const operation of after.operations) {
    if (known.has(operation.functionName) || successors.has(operation)) continue;
    reporter({ operation: operation.functionName }, changes)("operation-added", SIGNATURE, operation.pointer, `operation was added (${endpoint(operation)})`);
  }
}

/** An operation that disappeared and one that appeared on the same method and path: its function was renamed. */
function renamedOperations(before: ApiSurface, after: ApiSurface): ReadonlyMap<string, OperationSurface> {
  const oldNames = new Set(before.operations.map((operation) => operation.functionName));
  const newNames = new Set(after.operations.map((operation) => operation.functionName));
  const appeared = new Map(after.operations.filter((operation) => !oldNames.has(operation.functionName)).map((operation) => [endpoint(operation), operation]));
  return new Map(
    before.operations.flatMap((operation) => {
      const successor = newNames.has(operation.functionName) ? undefined : appeared.get(endpoint(operation));
      return successor === undefined ? [] : [[operation.functionName, successor] as const];
    }),
  );
}

function endpoint(operation: OperationSurface): string {
  return `${operation.method} ${operation.path}`;
}

function compareOperation(before: OperationSurface, after: OperationSurface, report: Report, context: CompareContext): void {
  if (endpoint(before) !== endpoint(after)) report("operation-endpoint-changed", SIGNATURE, after.pointer, `now calls ${endpoint(after)} (was ${endpoint(before)})`);
  if (before.summary !== after.summary) report("description-changed", SIGNATURE, after.pointer, "summary changed");
  if (before.description !== after.description) report("description-changed", SIGNATURE, after.pointer, "description changed");
  if (before.deprecated !== after.deprecated) report("deprecation-changed", SIGNATURE, after.pointer, after.deprecated ? "is now deprecated" : "is no longer deprecated");
  comparePathParameters(before.pathParameters, after.pathParameters, report, context);
  compareParameters(before.parameters, after.parameters, report, context);
  compareRequestBodies(before.requestBody, after.requestBody, report, context);
  compareResponses(before.responses, after.responses, report, context);
}

/** Positional arguments are matched by position: that is how a call site passes them. */
function comparePathParameters(before: readonly PathParameterSurface[], after: readonly PathParameterSurface[], report: Report, context: CompareContext): void {
  for (let index = 0; index < Math.max(before.length, after.length); index++) {
    const [old, now] = [before[index], after[index]];
    const place = `(argument ${index + 1})`;
    if (now === undefined) {
      if (old !== undefined) report("path-parameter-removed", SIGNATURE, old.pointer, `path parameter \`${old.argumentName}\` ${place} was removed`);
      continue;
    }
    if (old === undefined) {
      report("path-parameter-added", SIGNATURE, now.pointer, `path parameter \`${now.argumentName}\` ${place} was added`);
      continue;
    }
    const label = `path parameter \`${now.argumentName}\``;
    if (old.argumentName !== now.argumentName) report("path-parameter-renamed", SIGNATURE, now.pointer, `path parameter \`${old.argumentName}\` ${place} is now called \`${now.argumentName}\``);
    if (old.description !== now.description) report("description-changed", SIGNATURE, now.pointer, `${label} description changed`);
    reportShapes(report, compareShapes(old.shape, now.shape, context.tables), SIGNATURE, label);
  }
}

/** Params-object properties, by location and name; one that only changed location is the same property. */
function compareParameters(before: readonly ParameterSurface[], after: readonly ParameterSurface[], report: Report, context: CompareContext): void {
  const key = (parameter: ParameterSurface) => `${parameter.in}:${parameter.name}`;
  const was = new Map(before.map((parameter) => [key(parameter), parameter]));
  const now = new Map(after.map((parameter) => [key(parameter), parameter]));
  const removed = before.filter((parameter) => !now.has(key(parameter)));
  const added = after.filter((parameter) => !was.has(key(parameter)));
  const moved = new Map(
    removed.flatMap((old) => {
      const successor = added.find((parameter) => parameter.name === old.name);
      return successor === undefined ? [] : [[old, successor] as const];
    }),
  );
  const successors = new Set(moved.values());
  for (const old of removed) {
    const successor = moved.get(old);
    if (successor === undefined) {
      report("parameter-removed", SIGNATURE, old.pointer, `${old.in} parameter \`${old.name}\` was removed`);
      continue;
    }
    report("parameter-moved", SIGNATURE, successor.pointer, `parameter \`${old.name}\` moved from ${old.in} to ${successor.in}`);
    compareParameter(old, successor, report, context);
  }
  for (const parameter of after) {
    const old = was.get(key(parameter));
    if (old !== undefined) compareParameter(old, parameter, report, context);
    else if (!successors.has(parameter)) {
      report(
        parameter.required ? "required-parameter-added" : "parameter-added",
        SIGNATURE,
        parameter.pointer,
        `${parameter.in} parameter \`${parameter.name}\` was added${parameter.required ? " as required" : ""}`,
      );
    }
  }
}

function compareParameter(before: ParameterSurface, after: ParameterSurface, report: Report, context: CompareContext): void {
  const label = `${after.in} parameter \`${after.name}\``;
  if (before.required !== after.required) report(after.required ? "parameter-required" : "parameter-optional", SIGNATURE, after.pointer, `${label} is now ${after.required ? "required" : "optional"}`);
  if (before.description !== after.description) report("description-changed", SIGNATURE, after.pointer, `${label} description changed`);
  if (before.deprecated !== after.deprecated) report("deprecation-changed", SIGNATURE, after.pointer, `${label} is now ${after.deprecated ? "deprecated" : "no longer deprecated"}`);
  reportShapes(report, compareShapes(before.shape, after.shape, context.tables), SIGNATURE, label);
}

function compareRequestBodies(before: RequestBodySurface | undefined, after: RequestBodySurface | undefined, report: Report, context: CompareContext): void {
  if (before === undefined || after === undefined) {
    if (after !== undefined) report(after.required ? "required-request-body-added" : "request-body-added", SIGNATURE, after.pointer, `request body was added${after.required ? " as required" : ""}`);
    if (before !== undefined) report("request-body-removed", SIGNATURE, before.pointer, "request body was removed");
    return;
  }
  if (before.key !== after.key) report("request-body-key-changed", SIGNATURE, after.pointer, `request body moved from params property \`${before.key}\` to \`${after.key}\``);
  if (before.required !== after.required)
    report(after.required ? "request-body-required" : "request-body-optional", SIGNATURE, after.pointer, `request body is now ${after.required ? "required" : "optional"}`);
  if (before.description !== after.description) report("description-changed", SIGNATURE, after.pointer, "request body description changed");
  if (requestBodyType(before) !== requestBodyType(after)) {
    report("request-body-encoding-changed", SIGNATURE, after.pointer, `request body is now sent as ${after.kind} (was ${before.kind})`);
    return;
  }
  if (before.mediaType !== after.mediaType) report("request-body-media-type-changed", SIGNATURE, after.pointer, `request body media type is now \`${after.mediaType}\` (was \`${before.mediaType}\`)`);
  if (before.shape !== undefined && after.shape !== undefined) reportShapes(report, compareShapes(before.shape, after.shape, context.tables), SIGNATURE, "request body");
}

/** JSON, form and multipart bodies are all typed by their schema; text is a string, binary is bytes. */
function requestBodyType(body: RequestBodySurface): string {
  return body.shape === undefined ? body.kind : "schema";
}

/**
 * Responses by status. Successes and errors are apart: the function resolves with the union of the 2xx bodies and
 * throws the others, so the same status moving between them is one removed and one added.
 */
function compareResponses(before: readonly ResponseSurface[], after: readonly ResponseSurface[], report: Report, context: CompareContext): void {
  const key = (response: ResponseSurface) => `${response.isSuccess ? "success" : "error"}:${response.status}`;
  const was = new Map(before.map((response) => [key(response), response]));
  const now = new Map(after.map((response) => [key(response), response]));
  for (const response of before) {
    if (now.has(key(response))) continue;
    report(response.isSuccess ? "response-removed" : "error-response-removed", "output", response.pointer, `${response.isSuccess ? "success" : "error"} response ${response.status} was removed`);
  }
  for (const response of after) {
    const old = was.get(key(response));
    if (old === undefined)
      report(response.isSuccess ? "response-added" : "error-response-added", "output", response.pointer, `${response.isSuccess ? "success" : "error"} response ${response.status} was added`);
    else compareResponse(old, response, report, context);
  }
}

function compareResponse(before: ResponseSurface, after: ResponseSurface, report: Report, context: CompareContext): void {
  const label = after.isSuccess ? `${after.status} response` : `${after.status} error response`;
  if (before.description !== after.description) report("description-changed", "output", after.pointer, `${label} description changed`);
  if (before.kind !== after.kind) {
    report("response-body-changed", "output", after.pointer, `${label} body is now ${after.kind} (was ${before.kind})`);
    return;
  }
  if (before.mediaType !== after.mediaType)
    report("response-media-type-changed", "output", after.pointer, `${label} media type is now \`${after.mediaType ?? "none"}\` (was \`${before.mediaType ?? "none"}\`)`);
  if (before.shape !== undefined && after.shape !== undefined) reportShapes(report, compareShapes(before.shape, after.shape, context.tables), "output", label);
}

/** Exported type aliases by name; changes inside one are classified by where the operations use it. */
function compareSchemas(before: ApiSurface, after: ApiSurface, context: CompareContext, changes: Change[]): void {
  const now = new Map(after.schemas.map((schema) => [schema.name, schema]));
  const was = new Set(before.schemas.map((schema) => schema.name));
  for (const old of before.schemas) {
    const report = reporter({ schema: old.name }, changes);
    const schema = now.get(old.name);
    if (schema === undefined) report("schema-removed", SIGNATURE, old.pointer, "exported type was removed");
    else reportShapes(report, compareShapes(old.shape, schema.shape, context.tables), context.positions.get(old.name) ?? "both", "");
  }
  for (const schema of after.schemas) {
    if (!was.has(schema.name)) reporter({ schema: schema.name }, changes)("schema-added", SIGNATURE, schema.pointer, "exported type was added");
  }
}
