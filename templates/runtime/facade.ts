import type { Client } from "./client.js";

/** An operation function with its client already given: `(params, options)` instead of `(client, params, options)`. */
export type Bound<TOperation> = TOperation extends (client: Client, ...args: infer A) => infer R
  ? (...args: A) => R
  : never;

/**
 * An object of operation functions, each with its client bound. A mapped type, so the compiler works out a method's
 * type only when it is used: a facade over a thousand operations costs almost nothing to type-check.
 */
export type BoundOperations<TOperations> = {
  readonly [K in keyof TOperations]: Bound<TOperations[K]>;
};

/** Binds every operation of `operations` to `client`; the resource-style facade is built from these, so it has no logic of its own. */
export function bindOperations<TOperations extends object>(
  client: Client,
  operations: TOperations,
): BoundOperations<TOperations> {
  const bound: Record<string, unknown> = {};
  for (const [key, operation] of Object.entries(operations) as [
    string,
    (client: Client, ...args: unknown[]) => unknown,
  ][]) {
    bound[key] = (...args: unknown[]) => operation(client, ...args);
  }
  return bound as BoundOperations<TOperations>;
}
