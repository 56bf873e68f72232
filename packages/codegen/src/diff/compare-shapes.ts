/**
 * Structural comparison of two shapes: what changed in the TypeScript type a schema becomes, as findings that do
 * not yet know whether the caller writes or reads the value (classify decides that).
 */
import { compareStrings } from "../order.js";
import type { DocsChangeKind, ShapeChangeKind } from "./change.js";
import { emptyShape, type EnumValue, type ShapeModel } from "./shape.js";

export interface ShapeFinding {
  readonly kind: ShapeChangeKind | DocsChangeKind;
  /** Where inside the compared value: `""` for the value itself, `data[].status`, `owner(Person).name`. */
  readonly path: string;
  /** In the new spec, or the old one for something removed. */
  readonly pointer: string;
  /** The rest of the sentence after the thing changed, e.g. "is now required". */
  readonly phrase: string;
}

/** The named schemas of each side, which `ref`s are looked up in. */
export interface SchemaTables {
  readonly before: ReadonlyMap<string, ShapeModel>;
  readonly after: ReadonlyMap<string, ShapeModel>;
}

interface Walk {
  readonly tables: SchemaTables;
  /** Pairs of named schemas being compared on the way here: a recursive schema is compared once, not forever. */
  readonly following: Set<string>;
  readonly findings: ShapeFinding[];
}

/**
 * Every difference between `before` and `after`. A reference to the same named schema on both sides is not entered:
 * that schema is compared once under its own name. References to different schemas are compared structurally.
 */
export function compareShapes(before: ShapeModel, after: ShapeModel, tables: SchemaTables): ShapeFinding[] {
  const walk: Walk = { tables, following: new Set(), findings: [] };
  compare(before, after, "", walk);
  return walk.findings;
}

function compare(before: ShapeModel, after: ShapeModel, path: string, walk: Walk): void {
  if (before.ref !== undefined || after.ref !== undefined) {
    compareReferences(before, after, path, walk);
    return;
  }
  compareDocs(before, after, path, walk);
  if (!compareTypes(before, after, path, walk)) return;
  compareNullable(before, after, path, walk);
  compareEnums(before, after, path, walk);
  compareFormats(before, after, path, walk);
  compareProperties(before, after, path, walk);
  if (before.items !== undefined && after.items !== undefined) compare(before.items, after.items, `${path}[]`, walk);
  compareVariants(before, after, path, walk);
}

function compareReferences(before: ShapeModel, after: ShapeModel, path: string, walk: Walk): void {
  if (before.ref === after.ref) {
    compareNullable(before, after, path, walk);
    compareDocs(before, after, path, walk);
    return;
  }
  if (before.ref !== undefined && after.ref !== undefined) {
    walk.findings.push({ kind: "ref-changed", path, pointer: after.pointer, phrase: `now has type \`${after.ref}\` (was \`${before.ref}\`)` });
  }
  const pair = `${before.ref ?? before.pointer}\u0000${after.ref ?? after.pointer}`;
  if (walk.following.has(pair)) return;
  walk.following.add(pair);
  compare(resolve(before, walk.tables.before), resolve(after, walk.tables.after), path, walk);
  walk.following.delete(pair);
}

/** The named schema a reference stands for, with what the reference adds (null, docs). */
function resolve(shape: ShapeModel, table: ReadonlyMap<string, ShapeModel>): ShapeModel {
  if (shape.ref === undefined) return shape;
  const named = table.get(shape.ref) ?? emptyShape(shape.pointer);
  return { ...named, nullable: named.nullable || shape.nullable, description: shape.description ?? named.description, deprecated: shape.deprecated || named.deprecated };
}

function compareDocs(before: ShapeModel, after: ShapeModel, path: string, walk: Walk): void {
  if (before.description !== after.description) walk.findings.push({ kind: "description-changed", path, pointer: after.pointer, phrase: "description changed" });
  if (before.deprecated !== after.deprecated) {
    walk.findings.push({ kind: "deprecation-changed", path, pointer: after.pointer, phrase: after.deprecated ? "is now deprecated" : "is no longer deprecated" });
  }
}

/** Reports a change of type; false when the types have nothing in common, so comparing their insides is noise. */
function compareTypes(before: ShapeModel, after: ShapeModel, path: string, walk: Walk): boolean {
  const [was, now] = [before.types, after.types];
  if (was.length === now.length && was.every((type) => now.includes(type))) return true;
  const widened = now.length === 0 || (was.length > 0 && was.every((type) => now.includes(type)));
  const narrowed = was.length === 0 || (now.length > 0 && now.every((type) => was.includes(type)));
  const kind = widened ? "type-widened" : narrowed ? "type-narrowed" : "type-changed";
  const verb = widened ? "widened" : narrowed ? "narrowed" : "changed";
  walk.findings.push({ kind, path, pointer: after.pointer, phrase: `type ${verb} from \`${typeText(was)}\` to \`${typeText(now)}\`` });
  return kind !== "type-changed";
}

function compareNullable(before: ShapeModel, after: ShapeModel, path: string, walk: Walk): void {
  if (before.nullable === after.nullable) return;
  walk.findings.push(
    after.nullable ? { kind: "nullable-added", path, pointer: after.pointer, phrase: "can now be null" } : { kind: "nullable-removed", path, pointer: after.pointer, phrase: "can no longer be null" },
  );
}

function compareEnums(before: ShapeModel, after: ShapeModel, path: string, walk: Walk): void {
  const [was, now] = [before.enum, after.enum];
  if (was === undefined && now === undefined) return;
  if (was === undefined || now === undefined) {
    walk.findings.push(
      now === undefined
        ? { kind: "type-widened", path, pointer: after.pointer, phrase: `is no longer limited to ${valueList(was ?? [])}` }
        : { kind: "type-narrowed", path, pointer: after.pointer, phrase: `is now limited to ${valueList(now)}` },
    );
    return;
  }
  const added = now.filter((value) => !includesValue(was, value));
  const removed = was.filter((value) => !includesValue(now, value));
  if (added.length > 0) walk.findings.push({ kind: "enum-values-added", path, pointer: after.pointer, phrase: `gained enum ${plural("value", added)} ${valueList(added)}` });
  if (removed.length > 0) walk.findings.push({ kind: "enum-values-removed", path, pointer: after.pointer, phrase: `lost enum ${plural("value", removed)} ${valueList(removed)}` });
}

function compareFormats(before: ShapeModel, after: ShapeModel, path: string, walk: Walk): void {
  if (before.format === after.format) return;
  const phrase =
    after.format === undefined
      ? `no longer has format \`${before.format}\``
      : before.format === undefined
        ? `now has format \`${after.format}\``
        : `format is now \`${after.format}\` (was \`${before.format}\`)`;
  walk.findings.push({ kind: "format-changed", path, pointer: after.pointer, phrase });
}

function compareProperties(before: ShapeModel, after: ShapeModel, path: string, walk: Walk): void {
  const was = new Map(before.properties.map((property) => [property.name, property]));
  const now = new Map(after.properties.map((property) => [property.name, property]));
  for (const property of before.properties) {
    if (!now.has(property.name)) walk.findings.push({ kind: "property-removed", path: child(path, property.name), pointer: property.shape.pointer, phrase: "was removed" });
  }
  for (const property of after.properties) {
    const at = child(path, property.name);
    const old = was.get(property.name);
    if (old === undefined) {
      walk.findings.push(
        property.required
          ? { kind: "required-property-added", path: at, pointer: property.shape.pointer, phrase: "was added as required" }
          : { kind: "property-added", path: at, pointer: property.shape.pointer, phrase: "was added" },
      );
      continue;
    }
    if (old.required !== property.required) {
      walk.findings.push(
        property.required
          ? { kind: "property-required", path: at, pointer: property.shape.pointer, phrase: "is now required" }
          : { kind: "property-optional", path: at, pointer: property.shape.pointer, phrase: "is now optional" },
      );
    } else if (!property.required && old.defaulted !== property.defaulted) {
      walk.findings.push(
        property.defaulted
          ? { kind: "default-added", path: at, pointer: property.shape.pointer, phrase: "now has a default (responses always carry it)" }
          : { kind: "default-removed", path: at, pointer: property.shape.pointer, phrase: "no longer has a default (responses may leave it out)" },
      );
    }
    compare(old.shape, property.shape, at, walk);
  }
}

/** Union members are matched by the schema they name, or else by type and order among members of that type. */
function compareVariants(before: ShapeModel, after: ShapeModel, path: string, walk: Walk): void {
  const was = keyedVariants(before.variants);
  const now = keyedVariants(after.variants);
  for (const [key, { label, shape }] of was) {
    if (!now.has(key)) walk.findings.push({ kind: "variant-removed", path, pointer: shape.pointer, phrase: `lost union member \`${label}\`` });
  }
  for (const [key, { label, shape }] of now) {
    const old = was.get(key);
    if (old === undefined) walk.findings.push({ kind: "variant-added", path, pointer: shape.pointer, phrase: `gained union member \`${label}\`` });
    else compare(old.shape, shape, `${path}(${label})`, walk);
  }
}

function keyedVariants(variants: readonly ShapeModel[]): Map<string, { label: string; shape: ShapeModel }> {
  const seen = new Map<string, number>();
  return new Map(
    variants.map((shape) => {
      if (shape.ref !== undefined) return [`ref:${shape.ref}`, { label: shape.ref, shape }];
      const type = typeText(shape.types);
      const n = (seen.get(type) ?? 0) + 1;
      seen.set(type, n);
      return [`inline:${type}:${n}`, { label: n === 1 ? type : `${type} #${n}`, shape }];
    }),
  );
}

function child(path: string, name: string): string {
  return path === "" ? name : `${path}.${name}`;
}

function typeText(types: readonly string[]): string {
  return types.length === 0 ? "unknown" : [...types].sort(compareStrings).join(" | ");
}

function includesValue(values: readonly EnumValue[], value: EnumValue): boolean {
  return values.some((candidate) => candidate === value);
}

function valueList(values: readonly EnumValue[]): string {
  return values.map((value) => `\`${String(value)}\``).join(", ");
}

function plural(word: string, values: readonly unknown[]): string {
  return values.length === 1 ? word : `${word}s`;
}
