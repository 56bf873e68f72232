/**
 * The quick-start demo: the freshly generated Diga client against a local fake of the Diga API (the real one needs
 * an account and the network), showing what the client does and what went over the wire.
 *
 *   npx -y pnpm@12.4.2 install --frozen-lockfile && npx -y pnpm@12.4.2 demo
 */
import { startFakeDiga } from "../fixtures/diga-phones/server.js";
import { createClient, Diga, isApiError, listPhones, RequestValidationError } from "../packages/diga-client/src/index.js";

const server = await startFakeDiga();
const wire = () => server.requests.splice(0).map((request) => `    ${request.method} ${request.url} (retry ${String(request.headers["x-retry-count"] ?? 0)})`);
const show = (title: string, ...lines: string[]) => console.log(`\n${title}\n${lines.join("\n")}`);

try {
  const client = createClient({ baseUrl: server.url, bearerToken: server.token });
  console.log(`Fake Diga API on ${server.url} with ${server.phones.length} phones.`);

  const page = await listPhones(client, { limit: 5, order: "asc", status: "assigned" });
  show(
    'await listPhones(client, { limit: 5, order: "asc", status: "assigned" })',
    ...page.data.map((phone) => `  ${phone.id}  ${phone.number}  ${phone.status}`),
    `  has_more: ${page.has_more}, hasNextPage(): ${page.hasNextPage()}`,
    ...wire(),
  );

  let count = 0;
  for await (const phone of listPhones(client, { limit: 100, start_assigned_at: new Date("2025-01-05T00:00:00Z") })) count += phone.assigned_at === null ? 0 : 1;
  show("for await (const phone of listPhones(client, { limit: 100, start_assigned_at: new Date(…) }))", `  ${count} phones over every page`, ...wire());

  server.inject({ kind: "status", status: 503, headers: { "retry-after-ms": "200" } });
  const diga = new Diga({ baseUrl: server.url, bearerToken: server.token });
  const retried = await diga.phones.list({ limit: 3 });
  show("a 503 first, then diga.phones.list({ limit: 3 }) on the resource-style facade", `  ${retried.data.length} phones after one retry`, ...wire());

  try {
    await listPhones(client, { limit: 500 });
  } catch (error) {
    if (error instanceof RequestValidationError) show("listPhones(client, { limit: 500 })", `  ${error.name}: ${error.message}`, `  (${server.requests.length} requests sent)`);
  }

  server.inject({ kind: "status", status: 400, body: { status: "error", error_code: "NOT_VALID_FIELD", message: "Invalid field value in query parameters" } });
  try {
    await listPhones(client);
  } catch (error) {
    if (isApiError(error, listPhones) && error.status === 400) {
      show(
        "a documented 400, narrowed with isApiError(error, listPhones)",
        `  ${error.name} ${error.status}: ${error.body.error_code} "${error.body.message}" (request id ${error.requestId})`,
        ...wire(),
      );
    }
  }
} finally {
  await server.close();
}
