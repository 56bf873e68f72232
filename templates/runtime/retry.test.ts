import { describe, expect, it } from "vitest";
import { AbortError } from "./errors.js";
import { backoffMs, isIdempotent, isRetryableStatus, retryAfterMs, sleep } from "./retry.js";

const now = Date.UTC(2026, 10, 27, 12, 0, 0);

describe("retryAfterMs", () => {
  it.each([
    { headers: { "retry-after-ms": "250" }, want: 250 },
    { headers: { "retry-after": "3" }, want: 3000 },
    { headers: { "retry-after": "1.5" }, want: 1500 },
    { headers: { "retry-after": new Date(now + 5_000).toUTCString() }, want: 5000 },
    // The millisecond header wins over the second one.
    { headers: { "retry-after-ms": "10", "retry-after": "3" }, want: 10 },
    // Unreasonable or unreadable: the client's own backoff applies.
    { headers: { "retry-after": "3600" }, want: undefined },
    { headers: { "retry-after": "-1" }, want: undefined },
    { headers: { "retry-after": "soon" }, want: undefined },
    { headers: { "retry-after": new Date(now - 5_000).toUTCString() }, want: undefined },
    { headers: {}, want: undefined },
  ])("$headers → $want", ({ headers, want }) => {
    expect(retryAfterMs(new Headers(headers), now)).toBe(want);
  });
});

describe("backoffMs", () => {
  it.each([
    { retry: 0, random: 0, want: 500 },
    { retry: 0, random: 1, want: 375 },
    { retry: 1, random: 0, want: 1000 },
    { retry: 2, random: 0.5, want: 1750 },
    { retry: 10, random: 0, want: 8000 },
  ])("retry $retry with jitter $random → $want ms", ({ retry, random, want }) => {
    expect(backoffMs(retry, random)).toBe(want);
  });
});

describe("isRetryableStatus", () => {
  it.each([
    { status: 408, headers: {}, want: true },
    { status: 409, headers: {}, want: true },
    { status: 429, headers: {}, want: true },
    { status: 500, headers: {}, want: true },
    { status: 503, headers: {}, want: true },
    { status: 400, headers: {}, want: false },
    { status: 404, headers: {}, want: false },
    { status: 422, headers: {}, want: false },
    { status: 400, headers: { "x-should-retry": "true" }, want: true },
    { status: 503, headers: { "x-should-retry": "false" }, want: false },
  ])("$status $headers → $want", ({ status, headers, want }) => {
    expect(isRetryableStatus(new Response(null, { status, headers }))).toBe(want);
  });
});

describe("isIdempotent", () => {
  it.each([
    ["GET", true],
    ["head", true],
    ["PUT", true],
    ["DELETE", true],
    ["POST", false],
    ["PATCH", false],
  ] as const)("%s → %s", (method, want) => {
    expect(isIdempotent(method)).toBe(want);
  });
});

describe("sleep", () => {
  it("waits at least the given time", async () => {
    const start = performance.now();
    await sleep(30, undefined);
    expect(performance.now() - start).toBeGreaterThanOrEqual(29);
  });

  it("rejects with AbortError when aborted", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 5);
    await expect(sleep(10_000, controller.signal)).rejects.toBeInstanceOf(AbortError);
  });
});
