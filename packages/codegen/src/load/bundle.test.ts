import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { CodegenError, type Problem } from "../errors.js";
import { loadSpec } from "./load-spec.js";

/** An in-memory file system for the loader: absolute path → text. */
function files(entries: Record<string, string>) {
  return async (path: string): Promise<string> => {
    const text = entries[path];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
    return text;
  };
}

const head = "openapi: 3.1.0\ninfo: { title: T, version: '1' }\n";

async function problems(run: Promise<unknown>): Promise<readonly Problem[]> {
  const error = await run.catch((caught: unknown) => caught);
  if (!(error instanceof CodegenError)) throw new Error(`expected a CodegenError, got ${String(error)}`);
  return error.problems;
}

describe("bundling $refs to other files", () => {
  it("hoists a referenced schema once into components and rewrites every reference to it", async () => {
    const read = files({
      "/api/spec.yaml": `${head}paths: {}\ncomponents:\n  schemas:\n    A: { $ref: 'models/b.yaml' }\n    C: { type: array, items: { $ref: './models/b.yaml' } }\n`,
      "/api/models/b.yaml": "type: object\nproperties:\n  self: { $ref: '#' }\n",
    });
    const { document } = await loadSpec("spec.yaml", { cwd: "/api", read, allowRemoteRefs: false });
    expect((document as { components: unknown }).components).toStrictEqual({
      schemas: {
        A: { $ref: "#/components/schemas/b" },
        C: { type: "array", items: { $ref: "#/components/schemas/b" } },
        b: { type: "object", properties: { self: { $ref: "#/components/schemas/b" } } },
      },
    });
  });

  it("does not clash with a component of the same name already in the entry file", async () => {
    const read = files({
      "/spec.yaml": `${head}paths: {}\ncomponents:\n  schemas:\n    Pet: { type: string }\n    Other: { $ref: 'other.yaml#/components/schemas/Pet' }\n`,
      "/other.yaml": "components:\n  schemas:\n    Pet: { type: integer }\n",
    });
    const { document } = await loadSpec("/spec.yaml", { cwd: "/", read, allowRemoteRefs: false });
    expect((document as { components: { schemas: unknown } }).components.schemas).toStrictEqual({
      Pet: { type: "string" },
      Other: { $ref: "#/components/schemas/Pet2" },
      Pet2: { type: "integer" },
    });
  });

  it("reports every missing file and missing target together, each where its $ref is written", async () => {
    const read = files({
      "/specs/api.yaml": `${head}paths:\n  /a:\n    $ref: paths/missing.yaml\n  /b:\n    get:\n      responses:\n        '200': { $ref: 'common.yaml#/responses/Nope' }\n`,
      "/specs/common.yaml": "responses:\n  Ok: { description: ok }\n",
    });
    expect(await problems(loadSpec("specs/api.yaml", { cwd: "/", read, allowRemoteRefs: false }))).toStrictEqual([
      {
        file: "specs/api.yaml",
        line: 5,
        column: 11,
        message: "cannot read the file a $ref points to: specs/paths/missing.yaml (ENOENT)",
        hint: "fix the path; it is relative to the file that contains the $ref",
      },
      {
        file: "specs/api.yaml",
        line: 9,
        column: 24,
        message: 'cannot resolve $ref "common.yaml#/responses/Nope": specs/common.yaml has nothing at /responses/Nope',
        hint: "fix the reference or define the target",
      },
    ]);
  });

  it("reports a syntax error in a referenced file with that file's line and column", async () => {
    const read = files({ "/api.yaml": `${head}paths:\n  /a:\n    $ref: a.yaml\n`, "/a.yaml": "get:\n  responses: {\n" });
    const [problem] = await problems(loadSpec("api.yaml", { cwd: "/", read, allowRemoteRefs: false }));
    expect(problem).toMatchObject({ file: "a.yaml", line: 3 });
    expect(problem?.message).toMatch(/^invalid YAML: /);
  });

  it("locates problems inside a hoisted part in the file it came from", async () => {
    const read = files({ "/api.yaml": `${head}paths: {}\ncomponents:\n  schemas:\n    P: { $ref: 'p.yaml' }\n`, "/p.yaml": "type: object\nproperties:\n  x:\n    type: string\n" });
    const spec = await loadSpec("api.yaml", { cwd: "/", read, allowRemoteRefs: false });
    expect(spec.locate("/components/schemas/p/properties/x/type")).toStrictEqual({ file: "p.yaml", pointer: "/properties/x/type", line: 4, column: 11 });
    expect(spec.locate("/components/schemas/P")).toStrictEqual({ file: "api.yaml", line: 6, column: 8 });
  });

  it("never fetches a URL unless asked, and fetches it when asked", async () => {
    const server = createServer((_request, response) => response.end("type: object\nproperties:\n  id: { type: integer }\n"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pet.yaml`;
    try {
      const read = files({ "/api.yaml": `${head}paths: {}\ncomponents:\n  schemas:\n    Pet: { $ref: '${url}' }\n` });
      expect(await problems(loadSpec("api.yaml", { cwd: "/", read, allowRemoteRefs: false }))).toStrictEqual([
        { file: "api.yaml", line: 6, column: 18, message: `$ref to ${url} is not fetched: remote references are off`, hint: "download the file and refer to it by path, or pass --allow-remote-refs" },
      ]);
      const { document } = await loadSpec("api.yaml", { cwd: "/", read, allowRemoteRefs: true });
      expect((document as { components: { schemas: unknown } }).components.schemas).toStrictEqual({
        Pet: { $ref: "#/components/schemas/pet" },
        pet: { type: "object", properties: { id: { type: "integer" } } },
      });
    } finally {
      server.close();
    }
  });
});
