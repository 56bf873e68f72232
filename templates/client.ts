/**
 * The template of the generated `client.ts`. The generator keeps `createClient`'s shape and fills in the spec's
 * default base URL, one `ClientOptions` property per credential, and the JSDoc.
 */
import {
  bearerAuth,
  createRuntimeClient,
  type BaseClientOptions,
  type Client,
  type CredentialSource,
} from "./runtime/index.js";

/** Options of {@link createClient}. */
export interface ClientOptions extends BaseClientOptions {
  /** A credential. */
  readonly bearerToken?: CredentialSource;
}

/** Creates a client. */
export function createClient(options: ClientOptions = {}): Client {
  return createRuntimeClient(options, {
    baseUrl: "https://api.example.com",
    userAgent: "example-client/1.0.0",
    credentials: { bearerToken: bearerAuth },
  });
}
