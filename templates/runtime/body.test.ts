import { describe, expect, it } from "vitest";
import { binaryBody, encodeBody, formBody, jsonBody, multipartBody, textBody, type BodySpec } from "./body.js";
import { RequestValidationError } from "./errors.js";

describe("body encoders", () => {
  it("send each kind's default media type, or the spec's when it names another", () => {
    expect(jsonBody({ a: 1 }, { encode: jsonBody })).toStrictEqual({ body: '{"a":1}', contentType: "application/json", replayable: true });
    expect(jsonBody({}, { encode: jsonBody, mediaType: "application/merge-patch+json" }).contentType).toBe("application/merge-patch+json");
    expect(textBody("hi", { encode: textBody })).toStrictEqual({ body: "hi", contentType: "text/plain", replayable: true });
    expect(formBody({ name: "a b", tags: ["x", "y"] }, { encode: formBody })).toStrictEqual({ body: "name=a+b&tags=x&tags=y", contentType: "application/x-www-form-urlencoded", replayable: true });
    expect(formBody({ name: "a" }, { encode: formBody, mediaType: "application/x-www-form-urlencoded; charset=utf-8" }).contentType).toBe("application/x-www-form-urlencoded; charset=utf-8");
  });

  it("leave multipart's Content-Type to fetch, which adds the boundary", () => {
    const encoded = multipartBody({ file: new Blob(["x"], { type: "audio/wav" }), note: "n" }, { encode: multipartBody });
    expect(encoded.contentType).toBeUndefined();
    expect(encoded.body).toBeInstanceOf(FormData);
    expect([...(encoded.body as FormData).keys()]).toStrictEqual(["file", "note"]);
  });

  it("keep a Blob's own type when the spec allows a range, and never replay a stream", () => {
    expect(binaryBody(new Blob(["x"], { type: "audio/wav" }), { encode: binaryBody, mediaType: "audio/*" }).contentType).toBe("audio/wav");
    expect(binaryBody(new Blob(["x"]), { encode: binaryBody }).contentType).toBe("application/octet-stream");
    expect(binaryBody(new ReadableStream(), { encode: binaryBody, mediaType: "audio/wav" })).toMatchObject({ contentType: "audio/wav", replayable: false });
  });

  it("send nothing for an absent optional body, and refuse an absent required one before sending", () => {
    const spec: BodySpec = { encode: jsonBody };
    expect(encodeBody(spec, undefined, "POST /things")).toBeUndefined();
    expect(encodeBody(spec, null, "POST /things")).toBeUndefined();
    expect(() => encodeBody({ ...spec, required: true, key: "thing" }, undefined, "POST /things")).toThrow(new RequestValidationError('POST /things: the request body "thing" is required'));
  });
});
