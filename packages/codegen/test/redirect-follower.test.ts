import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../src/index.js";
import { temporaryDirectory } from "./support/paths.js";

/**
 * Which clients follow redirects themselves (the runtime's `followRedirects`): those whose credentials travel in a
 * header or a cookie, which not every `fetch` drops on a redirect to another origin (see templates/runtime/redirects.ts).
 * A credential in the query does not follow a redirect at all: the next URL is the server's own.
 */
async function clientSource(scheme: object): Promise<string> {
  const directory = await temporaryDirectory("codegen-redirect-follower-");
  const input = join(directory, "openapi.json");
  const spec = {
    openapi: "3.0.3",
    info: { title: "Redirects", version: "1.0.0" },
    servers: [{ url: "https://api.example.com" }],
    security: [{ credential: [] }],
    paths: { "/things": { get: { operationId: "listThings", responses: { 200: { description: "ok" } } } } },
    components: { securitySchemes: { credential: scheme } },
  };
  await writeFile(input, JSON.stringify(spec));
  const { files } = await generate({ input });
  return files.find((file) => file.path === "src/client.ts")?.contents ?? "";
}

describe("createClient follows redirects itself", () => {
  it.each([
    ["a bearer token", { type: "http", scheme: "bearer" }, true],
    ["basic credentials", { type: "http", scheme: "basic" }, true],
    ["an OAuth 2 token", { type: "oauth2", flows: { clientCredentials: { tokenUrl: "https://auth.example.com/token", scopes: {} } } }, true],
    ["an API key in a header", { type: "apiKey", in: "header", name: "X-Api-Key" }, true],
    ["an API key in a cookie", { type: "apiKey", in: "cookie", name: "session" }, true],
    ["an API key in the query", { type: "apiKey", in: "query", name: "api_key" }, false],
  ])("for %s", async (_, scheme, follows) => {
    const source = await clientSource(scheme);
    expect(source).toContain("credentials: {");
    expect(/^\s+followRedirects,$/m.test(source)).toBe(follows);
  });
});
