import type { BasicCredentials, ClientInternals, CredentialSpec } from "./client.js";
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
 * Sends the first alternative of `security` whose credentials the client has. Operations whose spec asks for no
 * security get none, even when the client holds a token.
 */
export async function applyCredentials(settings: ClientInternals, security: readonly (readonly string[])[], outgoing: Outgoing): Promise<void> {
  const alternative = security.find((names) => names.every((name) => settings.credentials[name] !== undefined));
  for (const name of alternative ?? []) {
    const credential = settings.credentials[name];
    if (credential === undefined) continue;
    const value = typeof credential.source === "function" ? await (credential.source as () => unknown)() : credential.source;
    if (value !== undefined && value !== null) send(credential.spec, value, outgoing);
  }
}

function send(spec: CredentialSpec, value: unknown, { headers, query, cookies, sensitive }: Outgoing): void {
  switch (spec.kind) {
    case "bearer":
      setHeader(headers, "authorization", `Bearer ${String(value)}`);
      return;
    case "basic": {
      const { username, password } = value as BasicCredentials;
      setHeader(headers, "authorization", `Basic ${base64(`${username}:${password}`)}`);
      return;
    }
    case "apiKey":
      if (spec.in === "header") {
        setHeader(headers, spec.name, String(value));
        sensitive.push(spec.name);
      } else if (spec.in === "query") query.push(`${encodeURIComponent(spec.name)}=${encodeURIComponent(String(value))}`);
      else cookies.push(`${encodeURIComponent(spec.name)}=${encodeURIComponent(String(value))}`);
  }
}

function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
