import { describe, expect, it } from "vitest";
import { ApiPromise, type RawResponse } from "./api-promise.js";

function promiseOf(body: string, onParse: () => void = () => undefined) {
  const raw: Promise<RawResponse> = Promise.resolve({
    response: new Response(body, { headers: { "x-request-id": "req_9" } }),
    requestId: "req_9",
    release: () => {},
  });
  return new ApiPromise(raw, async ({ response }) => {
    onParse();
    return JSON.parse(await response.text()) as { ok: boolean };
  });
}

describe("ApiPromise", () => {
  it("resolves with the parsed body when awaited", async () => {
    await expect(promiseOf('{"ok":true}')).resolves.toStrictEqual({ ok: true });
  });

  it("gives the raw Response, body unread and never parsed", async () => {
    let parsed = 0;
    const response = await promiseOf('{"ok":true}', () => parsed++).asResponse();
    expect(response.bodyUsed).toBe(false);
    expect(await response.text()).toBe('{"ok":true}');
    expect(parsed).toBe(0);
  });

  it("gives the data with the Response and the request id", async () => {
    const { data, response, requestId } = await promiseOf('{"ok":true}').withResponse();
    expect({ data, status: response.status, requestId }).toStrictEqual({
      data: { ok: true },
      status: 200,
      requestId: "req_9",
    });
  });

  it("parses once however often it is awaited", async () => {
    let parsed = 0;
    const promise = promiseOf('{"ok":true}', () => parsed++);
    await promise;
    await promise;
    await promise.withResponse();
    expect(parsed).toBe(1);
  });

  it("rejects every view of a failed request", async () => {
    const failed = new ApiPromise<never>(Promise.reject(new Error("boom")), () =>
      Promise.reject(new Error("unreachable")),
    );
    await expect(failed).rejects.toThrow("boom");
    await expect(failed.asResponse()).rejects.toThrow("boom");
    await expect(failed.withResponse()).rejects.toThrow("boom");
    await expect(failed.catch((error: unknown) => (error as Error).message)).resolves.toBe("boom");
  });

  it("chains into plain promises", () => {
    const chained = promiseOf("{}").then(() => 1);
    expect(chained).not.toBeInstanceOf(ApiPromise);
    expect(chained).toBeInstanceOf(Promise);
  });
});
