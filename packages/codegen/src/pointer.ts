/** JSON pointers (RFC 6901): how every stage names a place in the document. */

export function escapePointerSegment(segment: string | number): string {
  const text = String(segment);
  // Called for every node the validate stage walks (millions on GitHub's spec): skip the replacing when it is moot.
  return text.includes("~") || text.includes("/") ? text.replaceAll("~", "~0").replaceAll("/", "~1") : text;
}

export function pointerOf(segments: readonly (string | number)[]): string {
  let pointer = "";
  for (const segment of segments) pointer += `/${escapePointerSegment(segment)}`;
  return pointer;
}

export function appendPointer(pointer: string, ...segments: (string | number)[]): string {
  return pointer + pointerOf(segments);
}

/** Splits a pointer into its segments; `""` is the whole document. */
export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** The value at `pointer`, or `undefined` when any segment is missing. */
export function getAtPointer(root: unknown, pointer: string): unknown {
  let node = root;
  for (const segment of parsePointer(pointer)) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/**
 * A place in the document as a chain of keys, for walks over every node: extending it costs one small object, and
 * the pointer string is only built when a problem is reported there.
 */
export type Trail = { readonly up: Trail; readonly key: string | number } | undefined;

export function step(trail: Trail, ...keys: (string | number)[]): Trail {
  return keys.reduce<Trail>((up, key) => ({ up, key }), trail);
}

export function trailPointer(trail: Trail): string {
  const keys: (string | number)[] = [];
  for (let at = trail; at !== undefined; at = at.up) keys.push(at.key);
  return pointerOf(keys.reverse());
}

/**
 * One change to the document, by pointer: `value` is set there, or the key is removed when `value` is `undefined`.
 * How the validate stage's lenient repairs reach every copy of the document (the model's and the types stage's).
 */
export interface DocumentEdit {
  readonly pointer: string;
  readonly value: unknown;
}

/** Applies edits in order; an edit whose parent is missing is skipped (the copies are the same document). */
export function applyEdits(root: unknown, edits: readonly DocumentEdit[]): void {
  for (const { pointer, value } of edits) {
    const segments = parsePointer(pointer);
    const key = segments.pop();
    const parent = getAtPointer(root, pointerOf(segments));
    if (key === undefined || parent === null || typeof parent !== "object") continue;
    if (value === undefined) delete (parent as Record<string, unknown>)[key];
    else (parent as Record<string, unknown>)[key] = value;
  }
}
