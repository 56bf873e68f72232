import type { BasicCredentials, ClientInternals } from "./client.js";
import { setHeader } from "./headers.js";

/** The parts of a request credentials can go into. */
export interface Outgoing {
  readonly headers: Headers;
  readonly query: string[];
  readonly cookies: string[];
  /** Names of headers that carry credentials, so a redirect to another origin can drop them. */
  readonly sensitive: string[];
}

/**
 * Puts one credential into a request. The generated `createClient` names the schemes its spec uses
 * ({@link bearerAuth}, {@link basicAuth}, {@link apiKeyAuth}), so an application bundles only those.
 */
export type CredentialScheme = (value: unknown, outgoing: Outgoing) => void;

/**
 * Sends the first alternative of `security` whose credentials the client has. Operations whose spec asks for no
 * security get none, even when the client holds a token.
 */
export async function applyCredentials(
  settings: ClientInternals,
  security: readonly (readonly string[])[],
  outgoing: Outgoing,
): Promise<void> {
  const alternative = security.find((names) =>
    names.every((name) => settings.credentials[name] !== undefined),
  );
  for (const name of alternative ?? []) {
    const credential = settings.credentials[name];
    if (credential === undefined) continue;
    const value =
      typeof credential.source === "function"
        ? await (credential.source as () => unknown)()
        : credential.source;
    if (value !== undefined && value !== null) credential.scheme(value, outgoing);
  }
}

/** `Authorization: Bearer <token>`. */
export function bearerAuth(value: unknown, { headers }: Outgoing): void {
  setHeader(headers, "authorization", `Bearer ${String(value)}`);
}

/** HTTP basic authentication from a {@link BasicCredentials} pair. */
export function basicAuth(value: unknown, { headers }: Outgoing): void {
  const { username, password } = value as BasicCredentials;
  setHeader(headers, "authorization", `Basic ${base64(`${username}:${password}`)}`);
}

/** An API key in a header (dropped on a redirect to another origin), a query parameter or a cookie. */
export function apiKeyAuth(
  location: "header" | "query" | "cookie",
  name: string,
): CredentialScheme {
  return (value, { headers, query, cookies, sensitive }) => {
    const text = String(value);
    if (location === "header") {
      setHeader(headers, name, text);
      sensitive.push(name);
    } else
      (location === "query" ? query : cookies).push(
        `${encodeURIComponent(name)}=${encodeURIComponent(text)}`,
      );
  };
}

function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
