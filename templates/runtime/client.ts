import { SdkError } from "./errors.js";

/** The `fetch` signature the client calls; `globalThis.fetch` by default. */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** A credential, or a function that returns it; the function runs before every request, so it can refresh a token. */
export type CredentialSource<T = string> = T | (() => T | undefined | Promise<T | undefined>);

/** A username and password for HTTP basic authentication. */
export interface BasicCredentials {
  readonly username: string;
  readonly password: string;
}

/** How one security scheme of the spec is sent. */
export type CredentialSpec =
  | { readonly kind: "bearer" }
  | { readonly kind: "basic" }
  | { readonly kind: "apiKey"; readonly in: "header" | "query" | "cookie"; readonly name: string };

/** Settings every generated client accepts; the generated `ClientOptions` adds the API's credentials. */
export interface BaseClientOptions {
  /** Where requests go, e.g. `https://api.example.com`. Defaults to the spec's first server. */
  readonly baseUrl?: string;
  /** The `fetch` to call, for tests, proxies or instrumentation. Defaults to `globalThis.fetch`. */
  readonly fetch?: Fetch;
  /** Headers sent with every request. A header passed to a single call wins over one set here. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A configured client: pass it to any operation function. Create it with the generated `createClient`. */
export interface Client {
  readonly baseUrl: string;
  readonly fetch: Fetch | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly credentials: Readonly<Record<string, { readonly spec: CredentialSpec; readonly source: unknown }>>;
}

/** What the generated `createClient` knows from the spec. */
export interface ClientDefaults<TOptions> {
  readonly baseUrl?: string;
  readonly credentials: { readonly [K in keyof TOptions]?: CredentialSpec };
}

/** Builds a {@link Client} from the caller's options and the spec's defaults. Called by the generated `createClient`. */
export function createRuntimeClient<TOptions extends BaseClientOptions>(
  options: TOptions,
  defaults: ClientDefaults<TOptions>,
): Client {
  const baseUrl = options.baseUrl ?? defaults.baseUrl;
  if (baseUrl === undefined || !/^https?:\/\//i.test(baseUrl)) {
    throw new SdkError(
      baseUrl === undefined
        ? "no base URL: the API description names no server, so pass `baseUrl` to createClient"
        : `baseUrl must be an absolute http(s) URL, got ${JSON.stringify(baseUrl)}`,
    );
  }
  const credentials: Record<string, { spec: CredentialSpec; source: unknown }> = {};
  for (const name of Object.keys(defaults.credentials) as (keyof TOptions & string)[]) {
    const spec = defaults.credentials[name];
    if (spec !== undefined && options[name] !== undefined) credentials[name] = { spec, source: options[name] };
  }
  return Object.freeze({
    baseUrl: baseUrl.replace(/\/+$/, ""),
    fetch: options.fetch,
    headers: Object.freeze({ ...options.headers }),
    credentials: Object.freeze(credentials),
  });
}
