import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, writeOutput } from "../src/index.js";
import { fixturesDirectory, repoRoot } from "./support/paths.js";
import { startPrism, type Prism } from "./support/prism.js";
import { STRICTEST, typecheck } from "./support/typecheck.js";

/**
 * A spec with FastAPI's shapes (`fixtures/fastapi-shapes`): the calls a user would write, leaving every defaulted
 * body field out, type-check under the strictest flags and are accepted by Prism's mock of the same spec.
 */
const spec = join(fixturesDirectory, "fastapi-shapes", "openapi.yaml");
const output = join(repoRoot, "packages", "codegen", "test", ".generated", "fastapi-shapes");
const id = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

/** Written next to the generated package and type-checked with it; then imported and run against Prism. */
const CALLS = `import {
  applyAgentTemplate,
  createAgent,
  createTool,
  createWebhook,
  Diga,
  getCallLogs,
  getCallsByIds,
  getFlowTemplate,
  getWebhook,
  getWebhooks,
  listFlowExecutions,
  listPhones,
  releasePhoneNumber,
  type Client,
  type ClientOptions,
} from "./src/index.js";

const id = ${JSON.stringify(id)};

/** Natural calls: defaulted body fields left out, options always after params. */
export const calls: Readonly<Record<string, (client: Client, options: ClientOptions) => Promise<unknown>>> = {
  listPhones: (client) => listPhones(client, { limit: 10 }),
  listPhonesWithOptions: (client) => listPhones(client, {}, { timeout: 5_000 }),
  releasePhoneNumber: (client) => releasePhoneNumber(client, id),
  createAgent: (client) => createAgent(client, { body: { name: "Receptionist" } }),
  // Nested models' defaulted fields too: in an optional object and in each item of an array.
  createAgentWithVoiceAndTools: (client) =>
    createAgent(client, { body: { name: "Receptionist", voice: { voice_id: "v1" }, tools: [{ name: "lookup", url: "https://example.com/lookup" }] } }),
  applyAgentTemplate: (client) => applyAgentTemplate(client, id, { body: {} }),
  createTool: (client) => createTool(client, { body: { name: "lookup", url: "https://example.com/lookup" } }),
  getCallsByIds: (client) => getCallsByIds(client),
  getCallLogs: (client) => getCallLogs(client, id),
  listFlowExecutions: (client) => listFlowExecutions(client, id),
  getFlowTemplate: (client) => getFlowTemplate(client, id),
  // No parameters today: options still go third, where they stay when the API adds one.
  getWebhooks: (client) => getWebhooks(client, {}, { maxRetries: 0 }),
  createWebhook: (client) => createWebhook(client, { body: { url: "https://example.com/hook" } }),
  getWebhook: (client) => getWebhook(client, id),
  facade: (_client, options) => new Diga(options).tools.create({ body: { name: "t", url: "https://example.com/t" } }),
};

/** Responses keep defaulted fields required (the server fills them in); requests keep required fields required. */
export async function typesOnly(client: Client): Promise<unknown[]> {
  const tool = await createTool(client, { body: { name: "lookup", url: "https://example.com/lookup", timeout: 10 } });
  const timeout: number = tool.timeout;
  const approvalRequired: boolean = tool.approval_required;
  const webhook = await getWebhook(client, id);
  const enabled: boolean = webhook.enabled;
  // @ts-expect-error a GET's body is not offered: fetch could not send it
  await getCallsByIds(client, { body: [id] });
  // @ts-expect-error \`name\` has no default, so it stays required
  await createAgent(client, { body: {} });
  // @ts-expect-error a nested field without a default stays required
  await createAgent(client, { body: { name: "a", voice: { speed: 1 } } });
  // @ts-expect-error a defaulted field still has its type
  await createTool(client, { body: { name: "t", url: "https://example.com/t", timeout: "30" } });
  return [timeout, approvalRequired, enabled];
}
`;

describe("a FastAPI-shaped spec", () => {
  let warnings: readonly { pointer: string; message: string }[];
  let prism: Prism;

  beforeAll(async () => {
    const result = await generate({ input: spec });
    warnings = result.warnings;
    await writeOutput(output, result.files);
    await writeFile(join(output, "calls.ts"), CALLS);
    prism = await startPrism(["mock", spec]);
  });
  afterAll(() => prism.stop());

  it("warns that the GET's body is left out, pointing at it", () => {
    expect(warnings.map((warning) => warning.pointer)).toStrictEqual(["/paths/~1v1~1calls~1batch/get/requestBody"]);
    expect(warnings[0]?.message).toContain("GET cannot carry a request body");
  });

  it("natural calls type-check under the strictest flags, and the wrong ones do not", () => {
    expect(typecheck([join(output, "calls.ts")], STRICTEST)).toStrictEqual([]);
  });

  it("the type check can fail: without WithDefaults, leaving a defaulted field out is an error", async () => {
    const broken = join(output, "broken.ts");
    await writeFile(broken, `import type { components } from "./src/schema.js";\nexport const body: components["schemas"]["Tool"] = { name: "t", url: "u" };\n`);
    expect(typecheck([broken], STRICTEST).join("\n")).toContain("is missing");
  });

  it("Prism's mock accepts every natural call", async () => {
    const { calls } = (await import(pathToFileURL(join(output, "calls.ts")).href)) as { calls: Record<string, (client: unknown, options: object) => Promise<unknown>> };
    const { createClient } = (await import(pathToFileURL(join(output, "src", "index.ts")).href)) as { createClient: (options: object) => unknown };
    const seen: { name: string; status: number; violations: string | null }[] = [];
    for (const [name, call] of Object.entries(calls)) {
      const hooks = { afterResponse: (_info: unknown, response: Response) => void seen.push({ name, status: response.status, violations: response.headers.get("sl-violations") }) };
      const options = { baseUrl: prism.url, bearerToken: "token", hooks, maxRetries: 0 };
      await call(createClient(options), options);
    }
    expect(
      seen.filter((entry) => entry.status >= 300 || entry.violations !== null),
      prism.output(),
    ).toStrictEqual([]);
    expect(seen.map((entry) => entry.name)).toStrictEqual(Object.keys(calls));
  });
});
