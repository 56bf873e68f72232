/**
 * The template of the generated `sdk.ts`: the API as one object, operations grouped by tag. The generator keeps this
 * shape and writes one object of operations per resource (tag), plus one of every operation under its own name,
 * each bound to the instance's client with `bindOperations`. Each object's type is written out (what
 * `isolatedDeclarations` asks, so declarations are emitted file by file); the JSDoc on its members is what editors
 * show for the facade's methods.
 */
import { createClient, type ClientOptions } from "./client.js";
import { operationName } from "./operation.js";
import { bindOperations, type BoundOperations, type Client } from "./runtime/index.js";

const things: {
  /** An operation. */
  get: typeof operationName;
} = { get: operationName };

const operations: {
  /** An operation. */
  operationName: typeof operationName;
} = { operationName };

/** Every operation under its function name, e.g. `sdk.operationName(…)`. */
export interface Sdk extends BoundOperations<typeof operations> {}

/** The API as one object. */
export class Sdk {
  /** The client every operation uses; pass it to the standalone functions too. */
  readonly client: Client;
  /** A resource. */
  readonly things: BoundOperations<typeof things>;

  constructor(options: ClientOptions = {}) {
    this.client = createClient(options);
    this.things = bindOperations(this.client, things);
    Object.assign(this, bindOperations(this.client, operations));
  }
}
