import { describe, expect, it } from "vitest";
import { binaryBody, formBody, jsonBody, multipartBody, textBody, type BodySpec } from "./body.js";
import { RequestValidationError } from "./errors.js";

const POST = { method: "POST", path: "/things" };

describe("body encoders", () => {
  it("send each kind's default media type, or the spec's when it names another", () => {
    expect(jsonBody({ a: 1 }, { encode: jsonBody }, POST)).toStrictEqual({
      body: '{"a":1}',
      contentType: "application/json",
      replayable: true,
    });
    expect(
      jsonBody({}, { encode: jsonBody, mediaType: "application/merge-patch+json" }, POST)
        ?.contentType,
    ).toBe("application/merge-patch+json");
    expect(textBody("hi", { encode: textBody }, POST)).toStrictEqual({
      body: "hi",
      contentType: "text/plain",
      replayable: true,
    });
    expect(formBody({ name: "a b", tags: ["x", "y"] }, { encode: formBody }, POST)).toStrictEqual({
      body: "name=a+b&tags=x&tags=y",
      contentType: "application/x-www-form-urlencoded",
      replayable: true,
    });
    expect(
      formBody(
        { name: "a" },
        { encode: formBody, mediaType: "application/x-www-form-urlencoded; charset=utf-8" },
        POST,
      )?.contentType,
    ).toBe("application/x-www-form-urlencoded; charset=utf-8");
  });

  it("leave multipart's Content-Type to fetch, which adds the boundary", () => {
    const encoded = multipartBody(
      { file: new Blob(["x"], { type: "audio/wav" }), note: "n" },
      { encode: multipartBody },
      POST,
    );
    expect(encoded?.contentType).toBeUndefined();
    expect(encoded?.body).toBeInstanceOf(FormData);
    expect([...((encoded?.body as FormData | undefined) ?? new FormData()).keys()]).toStrictEqual([
      "file",
      "note",
    ]);
  });

  it("keep a Blob's own type when the spec allows a range, and never replay a stream", () => {
    expect(
      binaryBody(
        new Blob(["x"], { type: "audio/wav" }),
        { encode: binaryBody, mediaType: "audio/*" },
        POST,
      )?.contentType,
    ).toBe("audio/wav");
    expect(binaryBody(new Blob(["x"]), { encode: binaryBody }, POST)?.contentType).toBe(
      "application/octet-stream",
    );
    expect(
      binaryBody(new ReadableStream(), { encode: binaryBody, mediaType: "audio/wav" }, POST),
    ).toMatchObject({ contentType: "audio/wav", replayable: false });
  });

  it("send nothing for an absent optional body, and refuse an absent required one before sending", () => {
    const spec: BodySpec = { encode: jsonBody };
    expect(jsonBody(undefined, spec, POST)).toBeUndefined();
    expect(jsonBody(null, spec, POST)).toBeUndefined();
    expect(() => jsonBody(undefined, { ...spec, required: true, key: "thing" }, POST)).toThrow(
      new RequestValidationError('POST /things: the request body "thing" is required'),
    );
  });

  it("refuse a body on GET and HEAD, which fetch would reject with what looks like a network failure", () => {
    expect(() =>
      jsonBody({ a: 1 }, { encode: jsonBody }, { method: "GET", path: "/things" }),
    ).toThrow(
      new RequestValidationError(
        "GET /things: a GET request cannot carry a body (fetch refuses to send one)",
      ),
    );
    expect(
      jsonBody(undefined, { encode: jsonBody }, { method: "GET", path: "/things" }),
    ).toBeUndefined();
  });
});
