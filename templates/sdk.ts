/**
 * The template of the generated `sdk.ts`: the API as one object, operations grouped by tag. The generator keeps the
 * class's shape and writes one property per resource (tag) and per operation, each bound with `bindClient`.
 */
import { createClient, type ClientOptions } from "./client.js";
import { operationName } from "./operation.js";
import { bindClient, type Bound, type Client } from "./runtime/index.js";

/** The API as one object. */
export class Sdk {
  /** The client every operation uses; pass it to the standalone functions too. */
  readonly client: Client;
  /** A resource. */
  readonly things: { readonly get: Bound<typeof operationName> };
  /** An operation. */
  readonly operationName: Bound<typeof operationName>;

  constructor(options: ClientOptions = {}) {
    this.client = createClient(options);
    this.operationName = bindClient(this.client, operationName);
    this.things = { get: this.operationName };
  }
}
