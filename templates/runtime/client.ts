import type { CredentialScheme } from "./auth.js";
import { SdkError } from "./errors.js";
import { headerEntries, type HeadersOption } from "./headers.js";
import type { FollowRedirects } from "./redirects.js";

/** The `fetch` signature the client calls; `globalThis.fetch` by default. */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/**
 * A credential, or a function that returns it; the function runs once per call, before its first attempt (retries
 * reuse its value), so it can refresh a token.
 */
export type CredentialSource<T = string> = T | (() => T | undefined | Promise<T | undefined>);

/** A username and password for HTTP basic authentication. */
export interface BasicCredentials {
  readonly username: string;
  readonly password: string;
}

/** What a hook learns about a request. Credentials are never part of it. */
export interface RequestInfo {
  /** The operation, e.g. `GET /v1/phone/`. */
  readonly operation: string;
  readonly method: string;
  /** The full URL, without credentials sent in the query. */
  readonly url: string;
  /** 0 for the first attempt, 1 for the first retry, … */
  readonly attempt: number;
}

/** Callbacks for logging and tracing. They run for every attempt, retries included, and may be async. */
export interface Hooks {
  /** Before an attempt is sent; the headers it returns are added to it (e.g. a trace id). */
  readonly beforeRequest?:
    | ((
        request: RequestInfo,
      ) =>
        void | Readonly<Record<string, string>> | Promise<void | Readonly<Record<string, string>>>)
    | undefined;
  /** After a response arrived, whatever its status. */
  readonly afterResponse?:
    ((request: RequestInfo, response: Response) => void | Promise<void>) | undefined;
  /** After an attempt failed, whether it will be retried or thrown. */
  readonly onError?: ((request: RequestInfo, error: SdkError) => void | Promise<void>) | undefined;
}

/** Settings every generated client accepts; the generated `ClientOptions` adds the API's credentials. */
export interface BaseClientOptions {
  /** Where requests go, e.g. `https://api.example.com`. Defaults to the spec's first server. */
  readonly baseUrl?: string | undefined;
  /** The `fetch` to call, for tests, proxies or instrumentation. Defaults to `globalThis.fetch`. */
  readonly fetch?: Fetch | undefined;
  /** Headers sent with every request (a `Headers`, pairs or an object). A header passed to a single call wins over one set here. */
  readonly headers?: HeadersOption | undefined;
  /** Milliseconds to wait for a response before retrying or failing with `TimeoutError`. Default 60 000. */
  readonly timeout?: number | undefined;
  /** Retries after connection errors, timeouts, 408, 409, 429 and 5xx, with exponential backoff. Default 2. */
  readonly maxRetries?: number | undefined;
  /** Check parameters against the spec before sending and throw `RequestValidationError`. Default true. */
  readonly validate?: boolean | undefined;
  /** Sent as `User-Agent` outside browsers. Defaults to the generated package's name and version. */
  readonly userAgent?: string | undefined;
  readonly hooks?: Hooks | undefined;
}

/** What the generated `createClient` knows from the spec. */
export interface ClientDefaults<TOptions> {
  /**
   * The first server's URL; {@link serverUrl} works it out when it has `{variables}` or is relative to the page, so
   * only clients of such servers bundle that.
   */
  readonly baseUrl?: string | ((options: TOptions) => string);
  readonly userAgent: string;
  /** How each credential option is sent, by the spec's security scheme. */
  readonly credentials: { readonly [K in keyof TOptions]?: CredentialScheme };
  /** Given when the spec sends an API key in a header: `fetch` would carry it along a redirect to another origin. */
  readonly followRedirects?: FollowRedirects;
}

/** The client's settings as the runtime reads them. Kept out of the object users see, so tokens never print. */
export interface ClientInternals {
  readonly fetch: Fetch | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeout: number;
  readonly maxRetries: number;
  readonly validate: boolean;
  readonly userAgent: string;
  readonly hooks: Hooks;
  readonly credentials: Readonly<
    Record<string, { readonly scheme: CredentialScheme; readonly source: unknown }>
  >;
  readonly followRedirects: FollowRedirects | undefined;
}

const internals = new WeakMap<Client, ClientInternals>();

/**
 * A configured client: pass it to any operation function. Create it with the generated `createClient`.
 * It shows only its base URL when printed, logged or serialised; credentials stay inside.
 */
export class Client {
  readonly baseUrl: string;

  constructor(baseUrl: string, settings: ClientInternals) {
    this.baseUrl = baseUrl;
    internals.set(this, settings);
    Object.freeze(this);
  }

  toString(): string {
    return `Client(${this.baseUrl})`;
  }

  toJSON(): { baseUrl: string } {
    return { baseUrl: this.baseUrl };
  }
}

/**
 * A server URL whose `{variables}` are filled from the `serverVariables` option, then from `defaults` (the spec's);
 * a relative one resolves against the page in a browser.
 */
export function serverUrl(
  template: string,
  defaults: Readonly<Record<string, string>> = {},
): (options: object) => string {
  return (options) => {
    // The generated options declare `serverVariables` exactly when the server has variables.
    const given = (options as { serverVariables?: Readonly<Record<string, string>> })
      .serverVariables;
    const variables: Readonly<Record<string, string>> = { ...defaults, ...given };
    const url = template.replace(/\{([^}]+)\}/g, (match, name: string) => variables[name] ?? match);
    const page = (globalThis as { location?: { href?: string } }).location?.href;
    return /^https?:\/\//i.test(url) || page === undefined ? url : new URL(url, page).href;
  };
}

export function internalsOf(client: Client): ClientInternals {
  const found = internals.get(client);
  if (found === undefined) throw new SdkError("not a client: create one with createClient()");
  return found;
}

/** Builds a {@link Client} from the caller's options and the spec's defaults. Called by the generated `createClient`. */
export function createRuntimeClient<TOptions extends BaseClientOptions>(
  options: TOptions,
  defaults: ClientDefaults<TOptions>,
): Client {
  const baseUrl =
    options.baseUrl ??
    (typeof defaults.baseUrl === "function" ? defaults.baseUrl(options) : defaults.baseUrl);
  if (baseUrl === undefined)
    throw new SdkError(
      "no base URL: the API description names no server, so pass `baseUrl` to createClient",
    );
  if (!/^https?:\/\//i.test(baseUrl)) {
    throw new SdkError(
      `the base URL must be absolute (https://…), got ${JSON.stringify(baseUrl)}: pass \`baseUrl\` to createClient`,
    );
  }
  const credentials: Record<string, { scheme: CredentialScheme; source: unknown }> = {};
  for (const name of Object.keys(defaults.credentials) as (keyof TOptions & string)[]) {
    const scheme = defaults.credentials[name];
    if (scheme !== undefined && options[name] !== undefined)
      credentials[name] = { scheme, source: options[name] };
  }
  return new Client(baseUrl.replace(/\/+$/, ""), {
    fetch: options.fetch,
    headers: Object.fromEntries(
      headerEntries(options.headers).filter(
        (entry): entry is [string, string] => entry[1] !== undefined,
      ),
    ),
    timeout: options.timeout ?? 60_000,
    maxRetries: options.maxRetries ?? 2,
    validate: options.validate ?? true,
    userAgent: options.userAgent ?? defaults.userAgent,
    hooks: options.hooks ?? {},
    credentials,
    followRedirects: defaults.followRedirects,
  });
}
