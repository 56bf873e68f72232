/**
 * Delta debugging on a JSON value: after fast-check has shrunk a failing case within the arbitrary's structure, this
 * removes whatever else the failure does not need (keys, list entries, long strings), so a repro is the smallest
 * document that still fails the same way, whatever shape the arbitrary gave it.
 */

type Path = readonly (string | number)[];

export interface MinimiseOptions {
  /** Stop trying (and return the best so far) at this `performance.now()` time. */
  readonly deadline: number;
}

/** The smallest value found that `stillFails`; the input itself when nothing could be removed. */
export async function minimiseJson(value: unknown, stillFails: (candidate: unknown) => Promise<boolean>, options: MinimiseOptions): Promise<unknown> {
  let current = value;
  let progress = true;
  while (progress && performance.now() < options.deadline) {
    progress = false;
    // Parents before children, so a whole subtree goes in one step when it can.
    for (let position = 0; position < nodesOf(current).length && performance.now() < options.deadline; position++) {
      const path = nodesOf(current)[position];
      if (path === undefined) break;
      for (const candidate of candidatesAt(current, path)) {
        if (performance.now() >= options.deadline) break;
        if (await stillFails(candidate)) {
          current = candidate;
          progress = true;
          position--; // the same position now holds the next node
          break;
        }
      }
    }
  }
  return current;
}

function nodesOf(root: unknown): Path[] {
  const paths: Path[] = [];
  const queue: { value: unknown; path: Path }[] = [{ value: root, path: [] }];
  for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
    if (item.path.length > 0) paths.push(item.path);
    if (Array.isArray(item.value)) item.value.forEach((child, index) => queue.push({ value: child, path: [...item.path, index] }));
    else if (isObject(item.value)) for (const [key, child] of Object.entries(item.value)) queue.push({ value: child, path: [...item.path, key] });
  }
  return paths;
}

/** Smaller versions of `root`: the node at `path` removed, emptied, or (a string) shortened. */
function candidatesAt(root: unknown, path: Path): unknown[] {
  const node = get(root, path);
  const candidates = [remove(root, path)];
  if (Array.isArray(node) && node.length > 0) candidates.push(replace(root, path, []));
  if (isObject(node) && Object.keys(node).length > 0) candidates.push(replace(root, path, {}));
  if (typeof node === "string" && node.length > 1) candidates.push(replace(root, path, "x"), replace(root, path, node.slice(0, Math.ceil(node.length / 2))));
  return candidates;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function get(root: unknown, path: Path): unknown {
  let node = root;
  for (const segment of path) node = Array.isArray(node) ? node[Number(segment)] : isObject(node) ? node[String(segment)] : undefined;
  return node;
}

/** A copy of `root` with the node at `path` changed by `edit` (which receives the parent and the key). */
function update(root: unknown, path: Path, edit: (parent: unknown, key: string | number) => unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return root;
  if (rest.length === 0) return edit(root, head);
  if (Array.isArray(root)) return root.map((child, index) => (index === Number(head) ? update(child, rest, edit) : child));
  if (isObject(root)) return Object.fromEntries(Object.entries(root).map(([key, child]) => [key, key === String(head) ? update(child, rest, edit) : child]));
  return root;
}

function remove(root: unknown, path: Path): unknown {
  return update(root, path, (parent, key) => {
    if (Array.isArray(parent)) return parent.filter((_, index) => index !== Number(key));
    if (isObject(parent)) return Object.fromEntries(Object.entries(parent).filter(([name]) => name !== String(key)));
    return parent;
  });
}

function replace(root: unknown, path: Path, value: unknown): unknown {
  return update(root, path, (parent, key) => {
    if (Array.isArray(parent)) return parent.map((child, index) => (index === Number(key) ? value : child));
    if (isObject(parent)) return Object.fromEntries(Object.entries(parent).map(([name, child]) => [name, name === String(key) ? value : child]));
    return parent;
  });
}
