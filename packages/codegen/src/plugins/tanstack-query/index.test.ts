import { describe, expect, it } from "vitest";
import { generate } from "../../generate.js";

const spec = {
  openapi: "3.1.0",
  info: { title: "Files", version: "1" },
  paths: {
    "/files/{name}.json": {
      get: { operationId: "getFile", parameters: [{ name: "name", in: "path", required: true, schema: { type: "string" } }], responses: { "200": { description: "ok" } } },
    },
    "/files/{name}": {
      put: { operationId: "putFile", parameters: [{ name: "name", in: "path", required: true, schema: { type: "string" } }], responses: { "204": { description: "ok" } } },
    },
  },
};

describe("tanstack-query plugin output", () => {
  it("keys a path segment that mixes text and a parameter with a template literal, and keys writes by operation", async () => {
    const { files } = await generate({ input: "files.json", read: async () => JSON.stringify(spec), plugins: ["tanstack-query"], threads: false });
    const contents = (path: string) => files.find((file) => file.path === path)?.contents ?? "";
    expect(contents("src/tanstack-query/operations/getFile.ts")).toContain('return operationKey(["files", `${name}.json`], params);');
    expect(contents("src/tanstack-query/operations/putFile.ts")).toContain('return mutationOptionsFor(["putFile"], (variables) =>');
    expect(contents("src/tanstack-query/index.ts")).toContain('export { putFileQueryKey, putFileMutationOptions } from "./operations/putFile.js";');
    expect(JSON.parse(contents("package.json"))).toMatchObject({ peerDependencies: { "@tanstack/query-core": "^5.0.0" }, peerDependenciesMeta: { "@tanstack/query-core": { optional: true } } });
  });
});
