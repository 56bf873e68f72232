import type { LiteralValue } from "../../emit/code.js";
import { compareStrings } from "../../order.js";
import { dereference, isReference, localRefPointer, resolveLocalRef } from "../../model/refs.js";

/**
 * The schemas the mock data is generated from, reduced to what the mock runtime's generator reads (`MockSchema` in
 * templates/mocks/runtime.ts): types, formats, enums, examples, properties, items, compositions and bounds. Titles,
 * descriptions, patterns and vendor keys are dropped, so the table stays a fraction of the spec. A `$ref` becomes
 * the name of a table entry: the component's name for `#/components/schemas/<name>`, the pointer for anything else.
 */
export class MockSchemaTable {
  private readonly entries = new Map<string, LiteralValue>();

  constructor(private readonly document: unknown) {}

  /** The compact form of a schema (or ref), adding what it references to the table. */
  add(schema: unknown): LiteralValue {
    return this.compact(schema);
  }

  /** Every entry, sorted by name, so the output never depends on which operation reached a schema first. */
  table(): { readonly [name: string]: LiteralValue } {
    return Object.fromEntries([...this.entries].sort(([a], [b]) => compareStrings(a, b)));
  }

  private reference(ref: string): LiteralValue {
    const key = /^#\/components\/schemas\/[^/]+$/.test(ref) ? (localRefPointer(ref) ?? ref).slice("/components/schemas/".length) : ref;
    if (!this.entries.has(key)) {
      // Placed before compacting the target, so a schema that contains itself ends at the second visit.
      this.entries.set(key, {});
      const target = resolveLocalRef(this.document, ref);
      this.entries.set(key, target === undefined ? {} : this.compact(target));
    }
    return { $ref: key };
  }

  private compact(schema: unknown): LiteralValue {
    if (isReference(schema)) return this.reference(schema.$ref);
    if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return {};
    const source = schema as Readonly<Record<string, unknown>>;
    const out: Record<string, LiteralValue> = {};
    const json = (key: string, value: unknown) => {
      if (value !== undefined) out[key] = value as LiteralValue;
    };
    const number = (key: string, value: unknown) => {
      if (typeof value === "number" && Number.isFinite(value)) out[key] = value;
    };
    if (typeof source["type"] === "string" || Array.isArray(source["type"])) json("type", source["type"]);
    if (typeof source["format"] === "string") json("format", source["format"]);
    if (Array.isArray(source["enum"])) json("enum", source["enum"]);
    json("const", source["const"]);
    // 3.1's `examples` is a list of values; 3.0's `example` one value.
    json("example", Array.isArray(source["examples"]) && source["examples"].length > 0 ? source["examples"][0] : source["example"]);
    json("default", source["default"]);
    if (source["nullable"] === true) out["nullable"] = true;
    const properties = source["properties"];
    if (typeof properties === "object" && properties !== null) {
      // What a client writes but never reads back (`writeOnly`, e.g. a password) is not in a response.
      const readable = Object.entries(properties).filter(([, property]) => !(typeof property === "object" && property !== null && (property as { writeOnly?: unknown }).writeOnly === true));
      out["properties"] = Object.fromEntries(readable.map(([name, property]) => [name, this.compact(property)]));
    }
    if (Array.isArray(source["required"])) json("required", source["required"]);
    const additional = source["additionalProperties"];
    if (typeof additional === "object" && additional !== null) out["additionalProperties"] = this.compact(additional);
    if (source["items"] !== undefined && !Array.isArray(source["items"])) out["items"] = this.compact(source["items"]);
    for (const key of ["anyOf", "oneOf", "allOf"]) {
      const list = source[key];
      if (Array.isArray(list) && list.length > 0) out[key] = list.map((branch: unknown) => this.compact(branch));
    }
    // 3.1 writes an exclusive bound as a number; the generator treats it as inclusive one step in.
    number("minimum", typeof source["exclusiveMinimum"] === "number" ? source["exclusiveMinimum"] + 1 : source["minimum"]);
    number("maximum", typeof source["exclusiveMaximum"] === "number" ? source["exclusiveMaximum"] - 1 : source["maximum"]);
    for (const key of ["minLength", "maxLength", "minItems", "maxItems"]) number(key, source[key]);
    return out;
  }
}

/**
 * The spec's shared examples (`#/components/examples/<name>`) that answers use, by name, each written once. A
 * description refers to one by its name (`exampleName`).
 */
export class MockExampleTable {
  private readonly entries = new Map<string, LiteralValue>();

  constructor(private readonly document: unknown) {}

  /** The example's name in the table; undefined when the ref leads to no value. */
  add(ref: string): string | undefined {
    const target = dereference<unknown>(this.document, { $ref: ref }, "").value as { value?: LiteralValue } | undefined;
    if (target?.value === undefined) return undefined;
    const key = /^#\/components\/examples\/[^/]+$/.test(ref) ? (localRefPointer(ref) ?? ref).slice("/components/examples/".length) : ref;
    this.entries.set(key, target.value);
    return key;
  }

  /** Every entry, sorted by name. */
  table(): { readonly [name: string]: LiteralValue } {
    return Object.fromEntries([...this.entries].sort(([a], [b]) => compareStrings(a, b)));
  }
}
