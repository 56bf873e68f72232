/**
 * Compile-time tests of the generated Diga client, checked by `pnpm typecheck`: every `@ts-expect-error` must
 * be an error (tsc fails on an unused one) and every assignment below must type-check.
 */
import {
  ApiError,
  createClient,
  listPhones,
  type ListPhonesError,
  type ListPhonesParams,
  type ListPhonesResponse,
  type PhoneRegisterResponseSchema,
  type PhoneRegisterStatus,
} from "../../../diga-client/src/index.js";

const client = createClient({ bearerToken: "token" });

export async function typeTests(): Promise<void> {
  // Every query parameter is typed from openapi-typescript's output.
  const params: ListPhonesParams = {
    after: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    page: 2,
    limit: 50,
    order: "asc",
    inbound_agent_id: null,
    status: "assigned",
    start_assigned_at: new Date(),
    end_assigned_at: "2025-12-31T23:59:59Z",
  };
  await listPhones(client, params);
  await listPhones(client);

  // @ts-expect-error: not one of the status enum values
  await listPhones(client, { status: "bogus" });
  // @ts-expect-error: limit is a number, not a string
  await listPhones(client, { limit: "10" });
  // @ts-expect-error: order is asc | desc
  await listPhones(client, { order: "newest" });
  // @ts-expect-error: no such parameter
  await listPhones(client, { agent: "x" });
  // @ts-expect-error: dates only for date-time parameters
  await listPhones(client, { after: new Date() });

  // The response's `data` items are the phone schema.
  const page: ListPhonesResponse = await listPhones(client);
  const phone: PhoneRegisterResponseSchema | undefined = page.data[0];
  const status: PhoneRegisterStatus | undefined = phone?.status;
  const hasMore: boolean = page.has_more;
  // @ts-expect-error: `number` is a string
  const number: number | undefined = phone?.number;
  void [status, hasMore, number];

  // Errors: the documented bodies are typed, and narrowing by status works.
  try {
    await listPhones(client);
  } catch (error) {
    if (error instanceof ApiError) {
      const typed = error as ListPhonesError;
      if (typed.status === 422) {
        const code: string = typed.body.error_code;
        const message: string = typed.body.message;
        void [code, message];
      }
      // @ts-expect-error: 404 is not a documented status of listPhones
      if (typed.status === 404) void typed;
    }
  }
}
