import type { Fetch } from "./client.js";
import { ConnectionError } from "./errors.js";
import { isBrowser, type PreparedRequest } from "./request.js";

/** Sends one attempt of a prepared request; redirects are its business. */
export type FollowRedirects = (
  fetch: Fetch,
  prepared: PreparedRequest,
  init: RequestInit & { headers: Headers },
) => Promise<Response>;

const REDIRECT_STATUSES = [301, 302, 303, 307, 308];
const MAX_REDIRECTS = 20;

/**
 * Follows redirects itself so that no credential reaches another origin. Node's, Bun's and Deno's `fetch` drop
 * `Authorization` and cookies on such a redirect, but none drops an API key in a header of its own (`X-Api-Key`), and
 * Cloudflare's workerd keeps cookies (and `Authorization` before its 2025-08 compatibility date). The generated
 * `createClient` names this follower when its spec sends credentials in a header or a cookie; a client whose
 * credentials travel in the query neither bundles nor runs it. A browser hides redirects from scripts, so there the
 * browser follows them, as it would without this: asking first would only send the request twice.
 */
export const followRedirects: FollowRedirects = async (fetch, prepared, init) => {
  if (isBrowser()) return fetch(prepared.url, init);
  let url = prepared.url;
  let current: RequestInit & { headers: Headers } = init;
  for (let hops = 0; ; hops++) {
    const response = await fetch(url, { ...current, redirect: "manual" });
    if (response.type === "opaqueredirect") return fetch(url, { ...current, redirect: "follow" });
    const { status } = response;
    const location = response.headers.get("location");
    if (!REDIRECT_STATUSES.includes(status) || location === null) return response;
    if (hops >= MAX_REDIRECTS)
      throw new ConnectionError(
        `${init.method} ${prepared.safeUrl}: more than ${MAX_REDIRECTS} redirects`,
      );
    await response.body?.cancel().catch(() => undefined);
    const next = new URL(location, url);
    const headers = new Headers(current.headers);
    if (next.origin !== new URL(url).origin)
      for (const name of prepared.credentialHeaders) headers.delete(name);
    // 303, and 301/302 after a POST, turn into a GET without a body, as browsers do.
    const becomesGet = status === 303 || (status < 303 && current.method === "POST");
    if (becomesGet) headers.delete("content-type");
    current = becomesGet
      ? { ...current, method: "GET", body: null, headers }
      : { ...current, headers };
    url = next.href;
  }
};
