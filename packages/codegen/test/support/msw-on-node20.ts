/**
 * msw 3 declares Node >= 22.12 and uses three Node 22 built-ins (`Promise.withResolvers` when it intercepts a
 * socket, `Set.prototype.intersection` and `difference` when handlers are reset); this repository's tests run on
 * Node 20. Imported first by the tests that run msw, and only by them, so nothing else can come to rely on them (the
 * generated client must keep working on Node 20 without them).
 */
const promise = Promise as unknown as { withResolvers?: unknown };
promise.withResolvers ??= function withResolvers<T>() {
  let resolve!: (value: T | PromiseLike<T>) => void;
  let reject!: (reason?: unknown) => void;
  const settled = new Promise<T>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise: settled, resolve, reject };
};

interface SetLike {
  has(value: unknown): boolean;
}
const set = Set.prototype as unknown as { intersection?: unknown; difference?: unknown };
set.intersection ??= function intersection(this: Set<unknown>, other: SetLike) {
  return new Set([...this].filter((value) => other.has(value)));
};
set.difference ??= function difference(this: Set<unknown>, other: SetLike) {
  return new Set([...this].filter((value) => !other.has(value)));
};

export {};
