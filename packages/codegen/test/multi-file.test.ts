import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { CodegenError, generate } from "../src/index.js";
import { importGeneratedClient } from "./support/generated.js";
import { fixturesDirectory, temporaryDirectory } from "./support/paths.js";

/**
 * A spec split over nested folders (`fixtures/split-folders`, the layout `redocly split` writes): every `$ref` is
 * relative to the file it is written in, wherever that file sits, and the result is the client a one-file spec
 * gives. The fixture's snapshot and type-check run with every fixture; this checks what they cannot see.
 */
describe("a spec split over nested folders", () => {
  const input = join(fixturesDirectory, "split-folders", "openapi.yaml");

  it("reads every file once, each $ref relative to the file it is written in", async () => {
    const result = await generate({ input });
    expect(result.sources.map((source) => relative(dirname(input), source)).sort()).toStrictEqual([
      "components/parameters/limit.yaml",
      "components/parameters/userId.yaml",
      "components/responses/NotFound.yaml",
      "components/schemas/Id.yaml",
      "components/schemas/Post.yaml",
      "components/schemas/User.yaml",
      "components/schemas/common/Address.yaml",
      "components/schemas/common/Country.yaml",
      "components/schemas/common/Error.yaml",
      "openapi.yaml",
      "paths/users.yaml",
      "paths/users@{userId}.yaml",
      "paths/users@{userId}@posts.yaml",
    ]);
    expect(result.warnings).toStrictEqual([]);
    const typeModule = (path: string) => result.files.find((file) => file.path === `src/types/${path}.ts`)?.contents ?? "";
    // Country sits two folders below the entry and is reached through User → Address; Error through a response file.
    expect(typeModule("schemas/Address")).toContain("country?: Country;");
    expect(typeModule("schemas/ErrorSchema")).toContain("requestId?: Id;");
    // The path item's shared parameter (written in paths/, pointing into components/parameters/) is an argument.
    const posts = result.files.find((file) => file.path === "src/operations/listUserPosts.ts")?.contents ?? "";
    expect(posts).toMatch(/export function listUserPosts\(\s*client: Client,\s*userId: ListUserPostsOperation\["parameters"\]\["path"\]\["userId"\],\s*params\?: ListUserPostsParams/);
    // …and typed by the schema that file points to, one folder over (`format: uuid`).
    expect(typeModule("parameters/UserIdParameter")).toContain("export type UserIdParameter = Id;");
  });

  it("calls the paths the split files describe", async () => {
    const USER_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(request.url ?? "");
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify([{ id: "p1", title: "Hello", author: { id: "u1", name: "Ada" } }]));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const client = await importGeneratedClient("split-folders");
      const api = client["createClient"]({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bearerToken: "t" });
      const posts = (await client["listUserPosts"](api, USER_ID, { limit: 2 })) as { title: string }[];
      expect(posts.map((post) => post.title)).toStrictEqual(["Hello"]);
      expect(requests).toStrictEqual([`/users/${USER_ID}/posts?limit=2`]);
    } finally {
      server.close();
    }
  }, 60_000);
});

describe("a parameter that another file defines", () => {
  async function splitSpec(): Promise<string> {
    const root = await temporaryDirectory("codegen-multi-file-");
    const files: Record<string, string> = {
      "openapi.yaml": "openapi: 3.0.3\ninfo: { title: T, version: 1.0.0 }\npaths:\n  /items:\n    $ref: paths/items.yaml\n",
      "paths/items.yaml": [
        "get:",
        "  parameters: [{ $ref: ../components/parameters/nameless.yaml }]",
        "  responses: { '204': { description: ok } }",
        "delete:",
        "  parameters: [{ $ref: ../components/parameters/nameless.yaml }]",
        "  responses: { '204': { description: ok } }",
        "",
      ].join("\n"),
      "components/parameters/nameless.yaml": "description: which item\nin: query\nschema: { type: string }\n",
    };
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
    return join(root, "openapi.yaml");
  }

  it("is judged where it is written: one warning, in that file, however many operations list it", async () => {
    const input = await splitSpec();
    const result = await generate({ input });
    expect(result.warnings).toStrictEqual([
      { file: join(dirname(input), "components/parameters/nameless.yaml"), pointer: "", line: 1, column: 1, message: "a parameter needs a `name`; the parameter is ignored" },
    ]);
    expect(result.model.operations.map((operation) => operation.parameters.length)).toStrictEqual([0, 0]);
  });

  it("--strict refuses it with that file's line and column", async () => {
    const input = await splitSpec();
    const error = await generate({ input, strict: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CodegenError);
    expect((error as CodegenError).problems).toMatchObject([
      { file: join(dirname(input), "components/parameters/nameless.yaml"), pointer: "", line: 1, column: 1, message: "a parameter needs a `name`; the parameter is ignored" },
    ]);
  });
});
