/**
 * Which way data flows through each exported schema type: written by the caller (path arguments, params, request
 * bodies), read by the caller (responses), or both. Decides how a change inside the schema is classified.
 */
import type { Position } from "./classify.js";
import type { ShapeModel } from "./shape.js";
import type { ApiSurface } from "./surface.js";

type Side = "input" | "output";

/**
 * The position of every schema named in either surface. A schema used one way in the old spec and another in the
 * new one gets both; one no operation uses gets both too, since callers may use the exported type either way.
 */
export function schemaPositions(before: ApiSurface, after: ApiSurface): ReadonlyMap<string, Position> {
  const sides = new Map<string, Set<Side>>();
  for (const surface of [before, after]) {
    for (const [name, found] of sidesOf(surface)) sides.set(name, new Set([...(sides.get(name) ?? []), ...found]));
  }
  const names = [...before.schemas, ...after.schemas].map((schema) => schema.name);
  return new Map(names.map((name) => [name, positionOf(sides.get(name))]));
}

function positionOf(sides: ReadonlySet<Side> | undefined): Position {
  if (sides?.size === 1) return sides.has("input") ? "input" : "output";
  return "both";
}

/** Walks every operation's inputs and outputs through `$ref`s; each schema is entered once per side, so cycles end. */
function sidesOf(surface: ApiSurface): Map<string, Set<Side>> {
  const named = new Map(surface.schemas.map((schema) => [schema.name, schema.shape]));
  const sides = new Map<string, Set<Side>>();
  const visit = (shape: ShapeModel | undefined, side: Side): void => {
    if (shape === undefined) return;
    if (shape.ref !== undefined) {
      const seen = sides.get(shape.ref) ?? new Set<Side>();
      if (seen.has(side)) return;
      sides.set(shape.ref, seen.add(side));
      visit(named.get(shape.ref), side);
      return;
    }
    for (const property of shape.properties) visit(property.shape, side);
    visit(shape.items, side);
    for (const variant of shape.variants) visit(variant, side);
  };
  for (const operation of surface.operations) {
    for (const parameter of [...operation.pathParameters, ...operation.parameters]) visit(parameter.shape, "input");
    visit(operation.requestBody?.shape, "input");
    for (const response of operation.responses) visit(response.shape, "output");
  }
  return sides;
}
