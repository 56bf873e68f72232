/**
 * Compile-time tests of the generated Diga client, checked by `pnpm typecheck`: every `@ts-expect-error` must
 * be an error (tsc fails on an unused one) and every assignment below must type-check.
 */
import {
  ApiError,
  createClient,
  Diga,
  isApiError,
  listPhones,
  UnprocessableEntityError,
  type ErrorOf,
  type ListPhonesError,
  type ListPhonesItem,
  type ListPhonesParams,
  type ListPhonesResponse,
  type Page,
  type PhoneRegisterResponseSchema,
  type PhoneRegisterStatus,
} from "../../../diga-client/src/index.js";

const client = createClient({ bearerToken: "token" });
declare const maybeCursor: string | undefined;

export async function parameters(): Promise<void> {
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
  // `undefined` is accepted even under exactOptionalPropertyTypes (it is not sent).
  await listPhones(client, { after: maybeCursor, before: undefined });

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
}

/** What callers naturally write with params: spread a base and add a cursor (refused only at run time if both). */
export async function spreadParams(base: ListPhonesParams, after?: string): Promise<void> {
  await listPhones(client, { ...base, after });
  const withoutCursor: Omit<ListPhonesParams, "after"> = { limit: 10 };
  await listPhones(client, { ...withoutCursor, after: "00000000-0000-4000-8000-000000000001" });
}

export async function responses(): Promise<void> {
  // Awaited: one page, the response body plus paging methods; its `data` items are the phone schema.
  const page: Page<ListPhonesResponse, ListPhonesItem> = await listPhones(client);
  const body: ListPhonesResponse = page;
  const phone: PhoneRegisterResponseSchema | undefined = page.data[0];
  const status: PhoneRegisterStatus | undefined = phone?.status;
  const hasMore: boolean = body.has_more && page.hasNextPage();
  // @ts-expect-error: `number` is a string
  const number: number | undefined = phone?.number;
  void [status, hasMore, number];

  // Iterated: every item of every page, typed.
  for await (const item of listPhones(client, { limit: 100 })) {
    const id: string = item.id;
    // @ts-expect-error: no such field
    void item.phone_number;
    void id;
  }
  for await (const each of page.iterPages()) void each.data.length;

  const { data, response, requestId } = await listPhones(client).withResponse();
  const raw: Response = await listPhones(client).asResponse();
  void [data.data, response.status, requestId, raw];
}

export async function errors(): Promise<void> {
  try {
    await listPhones(client);
  } catch (error) {
    // Narrowing by operation gives the documented statuses, and by status the body type.
    if (isApiError(error, listPhones)) {
      const documented: 400 | 403 | 422 | 500 = error.status;
      if (error.status === 422) {
        const code: string = error.body.error_code;
        const message: string = error.body.message;
        void [code, message];
      }
      if (error instanceof UnprocessableEntityError) {
        const code: string = error.body.error_code;
        void code;
      }
      // @ts-expect-error: 404 is not a documented status of listPhones
      if (error.status === 404) void error;
      void documented;
    }
    if (isApiError(error)) {
      const body: unknown = error.body;
      // @ts-expect-error: without the operation, the body is unknown
      void error.body.error_code;
      void body;
    }
    if (error instanceof ApiError) void error.requestId;
  }
  const sameErrors: ListPhonesError = {} as ErrorOf<typeof listPhones>;
  void sameErrors;
}

export async function facade(): Promise<void> {
  const diga = new Diga({ bearerToken: "token", timeout: 10_000, maxRetries: 5 });
  const page = await diga.phones.list({ limit: 10 });
  const same: typeof page = await diga.listPhones({ limit: 10 });
  // @ts-expect-error: the facade binds the client; passing it again is wrong
  await diga.phones.list(client, { limit: 10 });
  void same;
}
