import type { BasicCredentials, Client, CredentialSpec } from "./client.js";
import { setHeader } from "./headers.js";

interface Outgoing {
  readonly headers: Headers;
  readonly query: string[];
  readonly cookies: string[];
}

/**
 * Sends the first alternative of `security` whose credentials the client has. Operations whose spec asks for no
 * security get none, even when the client holds a token.
 */
export async function applyCredentials(client: Client, security: readonly (readonly string[])[], outgoing: Outgoing): Promise<void> {
  const alternative = security.find((names) => names.every((name) => client.credentials[name] !== undefined));
  for (const name of alternative ?? []) {
    const credential = client.credentials[name];
    if (credential === undefined) continue;
    const value = await resolveSource(credential.source);
    if (value !== undefined) send(credential.spec, value, outgoing);
  }
}

async function resolveSource(source: unknown): Promise<unknown> {
  return typeof source === "function" ? await (source as () => unknown)() : source;
}

function send(spec: CredentialSpec, value: unknown, { headers, query, cookies }: Outgoing): void {
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
      if (spec.in === "header") setHeader(headers, spec.name, String(value));
      else if (spec.in === "query") query.push(`${encodeURIComponent(spec.name)}=${encodeURIComponent(String(value))}`);
      else cookies.push(`${encodeURIComponent(spec.name)}=${encodeURIComponent(String(value))}`);
  }
}

function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
