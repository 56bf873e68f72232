import { abortError } from "./errors.js";

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);
const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
/** A server's Retry-After is followed only up to this; beyond it, the client's own backoff applies. */
const MAX_RETRY_AFTER_MS = 60_000;

/** Whether a method may be sent twice without changing the outcome; others are retried only when asked. */
export function isIdempotent(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/** Retried: 408, 409 (lock contention), 429 and 5xx, unless the server says otherwise with `x-should-retry`. */
export function isRetryableStatus(response: Response): boolean {
  const hint = response.headers.get("x-should-retry");
  if (hint === "true") return true;
  if (hint === "false") return false;
  return (
    response.status === 408 ||
    response.status === 409 ||
    response.status === 429 ||
    response.status >= 500
  );
}

/** The server's `retry-after-ms`, or `retry-after` in seconds or as an HTTP date, when it is reasonable. */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const milliseconds = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  const retryAfter = headers.get("retry-after");
  const seconds =
    retryAfter !== null && /^\s*\d+(\.\d+)?\s*$/.test(retryAfter)
      ? Number.parseFloat(retryAfter) * 1000
      : undefined;
  const date =
    retryAfter !== null && seconds === undefined ? Date.parse(retryAfter) - now : undefined;
  const wait = [milliseconds, seconds, date].find(
    (candidate) => candidate !== undefined && !Number.isNaN(candidate),
  );
  return wait !== undefined && wait >= 0 && wait <= MAX_RETRY_AFTER_MS ? wait : undefined;
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
