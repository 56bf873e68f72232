/**
 * The quick-start demo: calls the freshly generated Diga client against a local fake of the Diga API (the real one
 * needs an account and the network), and prints what happened.
 *
 *   npx -y pnpm@12.4.2 install && npx -y pnpm@12.4.2 demo
 */
import { startFakeDiga } from "../fixtures/diga-phones/server.js";
import { ApiError, createClient, listPhones, type ListPhonesError } from "../packages/diga-client/src/index.js";

const server = await startFakeDiga();
try {
  const client = createClient({ baseUrl: server.url, bearerToken: server.token });

  console.log(`Fake Diga API on ${server.url} with ${server.phones.length} phones.\n`);

  const page = await listPhones(client, { limit: 5, order: "asc", status: "assigned" });
  console.log(`listPhones(client, { limit: 5, order: "asc", status: "assigned" }) → ${page.data.length} phones, has_more: ${page.has_more}`);
  for (const phone of page.data) console.log(`  ${phone.id}  ${phone.number}  ${phone.status}  assigned ${phone.assigned_at ?? "-"}`);

  const next = await listPhones(client, { limit: 5, order: "asc", status: "assigned", after: page.last_id });
  console.log(`\nnext page (after: "${page.last_id}") → ${next.data.map((phone) => phone.number).join(", ")}`);

  const since = new Date(Date.UTC(2025, 0, 10));
  const recent = await listPhones(client, { start_assigned_at: since, limit: 100 });
  console.log(`\nassigned since ${since.toISOString()} (a Date, sent as ISO 8601) → ${recent.data.length} phones on the first page`);

  try {
    await listPhones(client, { after: page.first_id, before: page.last_id });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const typed = error as ListPhonesError;
    console.log(`\nafter + before together → ${typed.name} ${typed.status}: ${typed.body.error_code} "${typed.body.message}" (request id ${typed.requestId})`);
  }

  console.log(`\n${server.requests.length} requests went over HTTP:`);
  for (const request of server.requests) console.log(`  ${request.method} ${request.url}`);
} finally {
  await server.close();
}
