import { getAtPointer } from "../pointer.js";
import type { MaybeRef, ReferenceObject } from "./spec.js";

export function isReference(value: unknown): value is ReferenceObject {
  return typeof value === "object" && value !== null && typeof (value as { $ref?: unknown }).$ref === "string";
}

/** `#/components/schemas/Foo%20Bar` → `/components/schemas/Foo Bar`; `undefined` for refs into other files. */
export function localRefPointer(ref: string): string | undefined {
  if (!ref.startsWith("#")) return undefined;
  try {
    return decodeURIComponent(ref.slice(1));
  } catch {
    return ref.slice(1);
  }
}

/** The target of a local `$ref`, or `undefined` when it does not resolve. */
export function resolveLocalRef(document: unknown, ref: string): unknown {
  const pointer = localRefPointer(ref);
  return pointer === undefined ? undefined : getAtPointer(document, pointer);
}

export interface Dereferenced<T> {
  readonly value: T;
  /** Where the value is written: its own pointer, or the pointer of the last `$ref` target followed. */
  readonly pointer: string;
}

/**
 * Follows `$ref` chains to the object they name. The validate stage has already proved every ref resolves and that
 * no chain is a pure cycle, so this only guards against loops instead of reporting them.
 */
export function dereference<T>(document: unknown, value: MaybeRef<T>, pointer: string): Dereferenced<T> {
  let current: unknown = value;
  let at = pointer;
  const seen = new Set<string>();
  while (isReference(current) && !seen.has(current.$ref)) {
    seen.add(current.$ref);
    at = localRefPointer(current.$ref) ?? at;
    current = resolveLocalRef(document, current.$ref);
  }
  return { value: current as T, pointer: at };
}
