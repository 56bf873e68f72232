import { describe, expect, it } from "vitest";
import { CodegenError, type Problem } from "../errors.js";
import { loadSpec } from "./load-spec.js";
import { parseSource } from "./source.js";

function problemsOf(run: () => unknown): readonly Problem[] {
  try {
    run();
  } catch (error) {
    if (error instanceof CodegenError) return error.problems;
    throw error;
  }
  throw new Error("expected a CodegenError");
}

describe("parseSource", () => {
  it.each([
    { file: "a.yaml", text: "openapi: 3.1.0\ninfo:\n  title: x\n", want: { openapi: "3.1.0", info: { title: "x" } } },
    { file: "a.json", text: '{"openapi":"3.1.0"}', want: { openapi: "3.1.0" } },
    { file: "no-extension", text: '  {"a": 1}', want: { a: 1 } },
    { file: "no-extension", text: "a: 1", want: { a: 1 } },
    { file: "bom.yaml", text: "\ufeffa: 1", want: { a: 1 } },
    // YAML 1.2 core schema: `no` is a string, `200` a number (a key, once in JSON, is the string "200").
    { file: "a.yaml", text: "x: no\n200: ok\n", want: { x: "no", "200": "ok" } },
  ])("parses $file: $text", ({ file, text, want }) => {
    expect(parseSource(file, text).value).toStrictEqual(want);
  });

  it.each([
    { text: "openapi: 3.1.0\ninfo:\n  title: x\n version: 1\n", want: { line: 4, column: 1, message: "invalid YAML: All mapping items must start at the same column" } },
    { text: "a: b: c\n", want: { line: 1, column: 4, message: "invalid YAML: Nested mappings are not allowed in compact mappings" } },
    { text: "a:\n\t- x\n", want: { line: 2, column: 1, message: "invalid YAML: Tabs are not allowed as indentation" } },
  ])("reports YAML syntax errors with file, line and column: $want.message", ({ text, want }) => {
    const problems = problemsOf(() => parseSource("spec.yaml", text));
    expect(problems.map(({ file, line, column, message }) => ({ file, line, column, message }))).toStrictEqual([{ file: "spec.yaml", ...want }]);
  });

  it("refuses an alias inside its own anchor (an endless document), and keeps ordinary aliases", () => {
    const [problem] = problemsOf(() => parseSource("a.yaml", "schema: &s\n  properties:\n    self: *s\n"));
    expect(problem).toMatchObject({ file: "a.yaml", line: 3, column: 11, message: "the YAML alias *s is inside the node its anchor &s names, which makes an endless document" });
    expect(parseSource("b.yaml", "a: &x { type: string }\nb: *x\n").value).toStrictEqual({ a: { type: "string" }, b: { type: "string" } });
  });

  it("reports duplicate YAML keys", () => {
    const problems = problemsOf(() => parseSource("spec.yaml", "a: 1\na: 2\n"));
    expect(problems[0]).toMatchObject({ file: "spec.yaml", line: 2, column: 1 });
    expect(problems[0]?.message).toContain("unique");
  });

  it.each([
    { text: '{\n  "openapi": "3.1.0",\n  "info": }\n}', want: { line: 3, column: 11, message: 'invalid JSON: unexpected "}" where a value was expected' } },
    { text: '{"a": 1,}', want: { line: 1, column: 9, message: "invalid JSON: trailing comma before }" } },
    { text: '{"a": [1, 2,]}', want: { line: 1, column: 13, message: "invalid JSON: trailing comma before ]" } },
    { text: "{'a': 1}", want: { line: 1, column: 2, message: "invalid JSON: expected a property name in double quotes" } },
    { text: '{"a": 1', want: { line: 1, column: 8, message: 'invalid JSON: expected "}" but the text ended' } },
    { text: '{"a": "x\ny"}', want: { line: 1, column: 9, message: "invalid JSON: control character in a string (use \\n or \\t)" } },
    { text: '{"a": 1} x', want: { line: 1, column: 10, message: 'invalid JSON: unexpected "x" after the end of the document' } },
  ])("reports JSON syntax errors with file, line and column: $text", ({ text, want }) => {
    const problems = problemsOf(() => parseSource("spec.json", text));
    expect(problems.map(({ file, line, column, message }) => ({ file, line, column, message }))).toStrictEqual([{ file: "spec.json", ...want }]);
  });

  it.each([
    {
      file: "a.yaml",
      text: "paths:\n  /x:\n    get:\n      responses:\n        200:\n          description: ok\n",
      pointer: "/paths/~1x/get/responses/200/description",
      want: { line: 6, column: 24 },
    },
    { file: "a.json", text: '{\n  "paths": {\n    "/x": { "get": 1 }\n  }\n}', pointer: "/paths/~1x/get", want: { line: 3, column: 20 } },
    // A missing leaf: the nearest existing ancestor.
    { file: "a.yaml", text: "info:\n  title: x\n", pointer: "/info/version", want: { line: 2, column: 3 } },
  ])("locates $pointer in $file", ({ file, text, pointer, want }) => {
    expect(parseSource(file, text).locate(pointer)).toStrictEqual(want);
  });
});

describe("loadSpec", () => {
  it("names the path it could not find", async () => {
    const read = () => Promise.reject(Object.assign(new Error("ENOENT"), { code: "ENOENT" }));
    await expect(loadSpec("missing.yaml", { cwd: "/", read, allowRemoteRefs: false })).rejects.toMatchObject({
      stage: "load",
      problems: [{ file: "missing.yaml", message: "spec file not found" }],
    });
  });
});
