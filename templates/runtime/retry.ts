import { abortError } from "./errors.js";

const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
/** A server's Retry-After is followed only up to this; beyond it, the client's own backoff applies. */
const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Whether a method may be sent twice without changing the outcome; others are retried only when asked. Of the
 * methods OpenAPI knows, that is all but POST and PATCH.
 */
export function isIdempotent(method: string): boolean {
  return !/^(POST|PATCH)$/i.test(method);
}

/** Retried: 408, 409 (lock contention), 429 and 5xx, unless the server says otherwise with `x-should-retry`. */
export function isRetryableStatus({ status, headers }: Response): boolean {
  const hint = headers.get("x-should-retry");
  return (
    hint === "true" ||
    (hint !== "false" && (status === 408 || status === 409 || status === 429 || status >= 500))
  );
}

/** The server's `retry-after-ms`, or `retry-after` in seconds or as an HTTP date, when it is reasonable. */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const milliseconds = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  const retryAfter = headers.get("retry-after") ?? "";
  const wait = !Number.isNaN(milliseconds)
    ? milliseconds
    : /^\s*\d+(\.\d+)?\s*$/.test(retryAfter)
      ? Number(retryAfter) * 1000
      : Date.parse(retryAfter) - now;
  // NaN (no header, or one that is neither) fails both comparisons.
  return wait >= 0 && wait <= MAX_RETRY_AFTER_MS ? wait : undefined;
}

/** Exponential backoff with up to 25% jitter: about 0.5 s, 1 s, 2 s, … capped at 8 s. */
export function backoffMs(retry: number, random: number = Math.random()): number {
  return Math.min(INITIAL_DELAY_MS * 2 ** retry, MAX_DELAY_MS) * (1 - random * 0.25);
}

/** Waits, unless the caller aborts first. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) return reject(abortError(signal));
    const timer = setTimeout(done, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(abortError(signal));
    }
    function done() {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
