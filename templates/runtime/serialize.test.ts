import { describe, expect, it } from "vitest";
import {
  buildPath,
  collectionQuery,
  deepObjectQuery,
  keepReserved,
  labelPath,
  matrixPath,
  pipeDelimitedQuery,
  scalarToString,
  serializePathParam,
  serializeQueryParam,
  serializeSimpleValue,
  spaceDelimitedQuery,
  type PathStyle,
  type QueryStyle,
} from "./serialize.js";
import { dateFormat } from "./validate.js";

// The style examples of the OpenAPI specification (3.1, "Style Examples"), with the spec's
// `color` values: "blue", ["blue", "black", "brown"] and { R: 100, G: 200, B: 150 }.
const primitive = "blue";
const array = ["blue", "black", "brown"];
const object = { R: 100, G: 200, B: 150 };

// The defaults (`simple` in the path, `form` in the query) are no style at all: generated code names only the others.
const PATH_STYLES: Readonly<Record<string, { style?: PathStyle }>> = {
  simple: {},
  label: { style: labelPath },
  matrix: { style: matrixPath },
};
const QUERY_STYLES: Readonly<Record<string, { style?: QueryStyle }>> = {
  form: {},
  spaceDelimited: { style: spaceDelimitedQuery },
  pipeDelimited: { style: pipeDelimitedQuery },
  deepObject: { style: deepObjectQuery },
};

describe("serializePathParam (OpenAPI style examples)", () => {
  it.each([
    { style: "simple", explode: false, want: ["blue", "blue,black,brown", "R,100,G,200,B,150"] },
    { style: "simple", explode: true, want: ["blue", "blue,black,brown", "R=100,G=200,B=150"] },
    { style: "label", explode: false, want: [".blue", ".blue,black,brown", ".R,100,G,200,B,150"] },
    { style: "label", explode: true, want: [".blue", ".blue.black.brown", ".R=100.G=200.B=150"] },
    {
      style: "matrix",
      explode: false,
      want: [";color=blue", ";color=blue,black,brown", ";color=R,100,G,200,B,150"],
    },
    {
      style: "matrix",
      explode: true,
      want: [";color=blue", ";color=blue;color=black;color=brown", ";R=100;G=200;B=150"],
    },
  ])("$style, explode $explode", ({ style, explode, want }) => {
    expect(
      [primitive, array, object].map((value) =>
        serializePathParam("color", value, { ...PATH_STYLES[style], explode }),
      ),
    ).toStrictEqual(want);
  });

  it("encodes a slash so a value cannot change the path", () => {
    expect(buildPath("/files/{name}/meta", { name: "a/../b c" })).toBe(
      "/files/a%2F..%2Fb%20c/meta",
    );
  });

  it("refuses a missing path value", () => {
    expect(() => buildPath("/users/{id}", {})).toThrow('path parameter "id" is required');
  });
});

describe("serializeQueryParam (OpenAPI style examples)", () => {
  it.each([
    {
      style: "form",
      explode: true,
      want: [
        ["color=blue"],
        ["color=blue", "color=black", "color=brown"],
        ["R=100", "G=200", "B=150"],
      ],
    },
    {
      style: "form",
      explode: false,
      want: [["color=blue"], ["color=blue,black,brown"], ["color=R,100,G,200,B,150"]],
    },
    {
      style: "spaceDelimited",
      explode: false,
      want: [["color=blue"], ["color=blue%20black%20brown"], ["color=R%20100%20G%20200%20B%20150"]],
    },
    {
      style: "pipeDelimited",
      explode: false,
      want: [["color=blue"], ["color=blue%7Cblack%7Cbrown"], ["color=R%7C100%7CG%7C200%7CB%7C150"]],
    },
    {
      style: "deepObject",
      explode: true,
      want: [
        ["color=blue"],
        ["color=blue", "color=black", "color=brown"],
        ["color%5BR%5D=100", "color%5BG%5D=200", "color%5BB%5D=150"],
      ],
    },
  ])("$style, explode $explode", ({ style, explode, want }) => {
    expect(
      [primitive, array, object].map((value) =>
        serializeQueryParam("color", value, {
          ...QUERY_STYLES[style],
          explode,
          collection: collectionQuery,
        }),
      ),
    ).toStrictEqual(want);
  });

  it.each([
    { name: "undefined is not sent", value: undefined, want: [] },
    { name: "null is not sent (FastAPI rejects a literal null)", value: null, want: [] },
    { name: "an empty array is not sent", value: [], want: [] },
    { name: "false is sent", value: false, want: ["q=false"] },
    { name: "zero is sent", value: 0, want: ["q=0"] },
    {
      name: "reserved characters are encoded",
      value: "a&b=c d/é",
      want: ["q=a%26b%3Dc%20d%2F%C3%A9"],
    },
    {
      name: "a Date becomes an ISO string",
      value: new Date(Date.UTC(2025, 0, 31, 9, 30)),
      want: ["q=2025-01-31T09%3A30%3A00.000Z"],
    },
  ])("$name", ({ value, want }) => {
    expect(serializeQueryParam("q", value, { collection: collectionQuery })).toStrictEqual(want);
  });

  it("writes a scalar only, without a collection writer (generated for parameters that are never arrays or objects)", () => {
    expect(serializeQueryParam("q", "a b")).toStrictEqual(["q=a%20b"]);
    expect(serializeQueryParam("q", ["a", "b"], { collection: collectionQuery })).toStrictEqual([
      "q=a",
      "q=b",
    ]);
  });

  it("keeps reserved characters with allowReserved, except those that would change the query", () => {
    expect(
      serializeQueryParam("path", "/a/b:c?d&e=f#g", { allowReserved: keepReserved }),
    ).toStrictEqual(["path=/a/b:c?d%26e%3Df%23g"]);
  });

  it("sends only the day of a Date for format: date", () => {
    expect(
      serializeQueryParam("day", new Date(Date.UTC(2025, 0, 31, 23, 0)), { format: dateFormat }),
    ).toStrictEqual(["day=2025-01-31"]);
  });

  it("encodes the parameter name", () => {
    expect(serializeQueryParam("filter[name]", "x")).toStrictEqual(["filter%5Bname%5D=x"]);
  });
});

describe("serializeSimpleValue (headers)", () => {
  it.each([
    { value: "blue", explode: false, want: "blue" },
    { value: array, explode: false, want: "blue,black,brown" },
    { value: object, explode: false, want: "R,100,G,200,B,150" },
    { value: object, explode: true, want: "R=100,G=200,B=150" },
    { value: null, explode: false, want: undefined },
  ])("$value (explode $explode) → $want", ({ value, explode, want }) => {
    expect(serializeSimpleValue(value, { explode })).toBe(want);
  });
});

describe("scalarToString", () => {
  it("refuses an invalid Date instead of sending 'Invalid Date'", () => {
    expect(() => scalarToString(new Date(Number.NaN))).toThrow("cannot send an invalid Date");
  });
});
