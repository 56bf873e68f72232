import type { Client } from "./client.js";

/** An operation function with its client already given: `(params, options)` instead of `(client, params, options)`. */
export type Bound<TOperation> = TOperation extends (client: Client, ...args: infer A) => infer R ? (...args: A) => R : never;

/** Binds an operation to a client; the resource-style facade is built from these, so it has no logic of its own. */
export function bindClient<TOperation extends (client: Client, ...args: never[]) => unknown>(client: Client, operation: TOperation): Bound<TOperation> {
  return ((...args: never[]) => operation(client, ...args)) as Bound<TOperation>;
}
