import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { json, startEchoServer } from "./support/echo-server.js";
import { importGeneratedClient, type LooseModule } from "./support/generated.js";

/** The request-bodies and responses fixtures' generated clients against a real server: what goes over the wire. */
describe("request bodies on the wire", () => {
  let server: Awaited<ReturnType<typeof startEchoServer>>;
  let sdk: LooseModule;
  let client: unknown;

  beforeAll(async () => {
    server = await startEchoServer();
    sdk = await importGeneratedClient("request-bodies");
    client = sdk["createClient"]({ baseUrl: server.url, maxRetries: 0 });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.received.length = 0;
    server.answer((_request, response) => json(response, 201, { id: "3fa85f64-5717-4562-b3fc-2c963f66afa6", name: "x" }));
  });

  it("sends a required JSON body (JSON chosen over the form encoding also offered)", async () => {
    const agent = await sdk["createAgent"](client, { dry_run: true, body: { name: "Ada", voice: "it's quoted", tags: ["a", "b"] } });
    const [request] = server.received;
    expect({ method: request?.method, url: request?.url, type: request?.headers["content-type"], body: JSON.parse(request?.body.toString() ?? "") }).toStrictEqual({
      method: "POST",
      url: "/agents?dry_run=true",
      type: "application/json",
      body: { name: "Ada", voice: "it's quoted", tags: ["a", "b"] },
    });
    expect(agent).toStrictEqual({ id: "3fa85f64-5717-4562-b3fc-2c963f66afa6", name: "x" });
  });

  it("refuses to send without a required body", async () => {
    await expect(sdk["createAgent"](client, {})).rejects.toThrow('POST /agents: the request body "body" is required');
    expect(server.received).toHaveLength(0);
  });

  it("sends an optional vendor JSON body with its media type, and no body when it is left out", async () => {
    await sdk["updateAgent"](client, "a/1", { body: { name: "Grace" } });
    await sdk["updateAgent"](client, "a/1");
    expect(server.received.map((request) => [request.url, request.headers["content-type"], request.body.toString()])).toStrictEqual([
      ["/agents/a%2F1", "application/merge-patch+json", '{"name":"Grace"}'],
      ["/agents/a%2F1", undefined, ""],
    ]);
  });

  it("form-encodes a body: lists repeated, an object with deepObject style from the encoding", async () => {
    server.answer((_request, response) => response.writeHead(204).end());
    await sdk["replaceSettings"](client, "a1", { body: { language: "es ES", voices: ["alloy", "echo"], limits: { daily: 5, monthly: 100 } } });
    const [request] = server.received;
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request?.body.toString()).toBe("language=es+ES&voices=alloy&voices=echo&limits%5Bdaily%5D=5&limits%5Bmonthly%5D=100");
    expect(Object.fromEntries(new URLSearchParams(request?.body.toString()))).toMatchObject({ language: "es ES", "limits[daily]": "5" });
  });

  it("sends multipart parts: a file, a list of files, a JSON part, a typed text part and a plain field", async () => {
    await sdk["uploadRecording"](client, {
      body: {
        audio: new File([new Uint8Array([82, 73, 70, 70])], "call.wav", { type: "audio/wav" }),
        attachments: [new Blob(["one"], { type: "text/plain" }), new Blob(["two"], { type: "text/plain" })],
        metadata: { call_id: "c1", duration: 12.5 },
        transcript: "# Hello",
        title: "First call",
      },
    });
    const [request] = server.received;
    expect(request?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(new Uint8Array(request?.body ?? []), { headers: { "content-type": String(request?.headers["content-type"]) } }).formData();
    const audio = form.get("audio") as File;
    expect({ name: audio.name, type: audio.type, bytes: [...new Uint8Array(await audio.arrayBuffer())] }).toStrictEqual({ name: "call.wav", type: "audio/wav", bytes: [82, 73, 70, 70] });
    expect(await Promise.all(form.getAll("attachments").map((part) => (part as Blob).text()))).toStrictEqual(["one", "two"]);
    const metadata = form.get("metadata") as File;
    expect({ type: metadata.type, value: JSON.parse(await metadata.text()) }).toStrictEqual({ type: "application/json", value: { call_id: "c1", duration: 12.5 } });
    const transcript = form.get("transcript") as File;
    expect({ type: transcript.type, value: await transcript.text() }).toStrictEqual({ type: "text/markdown", value: "# Hello" });
    expect(form.get("title")).toBe("First call");
  });

  it("sends raw bytes with the spec's media type", async () => {
    server.answer((_request, response) => response.writeHead(204).end());
    await sdk["putRecordingAudio"](client, "r1", { body: new Uint8Array([1, 2, 3, 255]) });
    const [request] = server.received;
    expect({ type: request?.headers["content-type"], bytes: [...(request?.body ?? [])] }).toStrictEqual({ type: "audio/wav", bytes: [1, 2, 3, 255] });
  });

  it("streams a body once, without retrying it", async () => {
    let calls = 0;
    server.answer((_request, response) => {
      calls++;
      json(response, 503, {});
    });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("chunk-1,"));
        controller.enqueue(new TextEncoder().encode("chunk-2"));
        controller.close();
      },
    });
    const retrying = sdk["createClient"]({ baseUrl: server.url, maxRetries: 3 });
    await expect(sdk["putRecordingAudio"](retrying, "r1", { body: stream }, { idempotent: true })).rejects.toMatchObject({ status: 503 });
    expect(calls).toBe(1);
    expect(server.received[0]?.body.toString()).toBe("chunk-1,chunk-2");
  });

  it("sends a text body under requestBody when a parameter is already called body", async () => {
    server.answer((_request, response) => response.writeHead(201).end());
    await sdk["addNote"](client, { body: "query value", requestBody: "Remember: ${not a template} `code`" });
    const [request] = server.received;
    expect({ url: request?.url, type: request?.headers["content-type"], body: request?.body.toString() }).toStrictEqual({
      url: "/notes?body=query%20value",
      type: "text/plain",
      body: "Remember: ${not a template} `code`",
    });
  });
});

describe("responses off the wire", () => {
  let server: Awaited<ReturnType<typeof startEchoServer>>;
  let sdk: LooseModule;
  let client: unknown;

  beforeAll(async () => {
    server = await startEchoServer();
    sdk = await importGeneratedClient("responses");
    client = sdk["createClient"]({ baseUrl: server.url, maxRetries: 0 });
  });
  afterAll(() => server.close());

  it("reads a text body as a string", async () => {
    server.answer((_request, response) => response.writeHead(200, { "content-type": "text/markdown" }).end("# Report"));
    await expect(sdk["getReport"](client)).resolves.toBe("# Report");
    expect(server.received.at(-1)?.headers.accept).toBe("text/plain, */*");
  });

  it("reads a binary body as a Blob, with its headers available", async () => {
    server.answer((_request, response) => response.writeHead(200, { "content-type": "application/zip", "content-disposition": 'attachment; filename="x.zip"' }).end(Buffer.from([80, 75, 3, 4])));
    const { data, response } = await sdk["downloadExport"](client).withResponse();
    expect(data).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await (data as Blob).arrayBuffer())]).toStrictEqual([80, 75, 3, 4]);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="x.zip"');
  });

  it("streams a binary body through asResponse", async () => {
    server.answer((_request, response) => response.writeHead(200, { "content-type": "application/zip" }).end(Buffer.from("stream me")));
    const response: Response = await sdk["downloadExport"](client).asResponse();
    const reader = response.body?.getReader();
    const { value } = (await reader?.read()) ?? {};
    expect(new TextDecoder().decode(value)).toBe("stream me");
  });

  it("resolves an empty 204 with undefined, and a 404 as NotFoundError", async () => {
    server.answer((_request, response) => response.writeHead(204).end());
    await expect(sdk["deleteJob"](client, 7)).resolves.toBeUndefined();
    server.answer((_request, response) => response.writeHead(404).end());
    await expect(sdk["deleteJob"](client, 7)).rejects.toBeInstanceOf(sdk["NotFoundError"]);
  });

  it.each([
    { status: 200, type: "application/vnd.example.job+json", body: '{"id":"j1","state":"done"}', want: { id: "j1", state: "done" } },
    { status: 202, type: "application/json", body: '{"id":"j1","state":"queued"}', want: { id: "j1", state: "queued" } },
    { status: 204, type: undefined, body: "", want: undefined },
  ])("reads each documented 2xx: $status", async ({ status, type, body, want }) => {
    server.answer((_request, response) => response.writeHead(status, type === undefined ? {} : { "content-type": type }).end(body));
    await expect(sdk["startJob"](client)).resolves.toStrictEqual(want);
  });

  it("treats 4XX and default as documented errors", async () => {
    server.answer((_request, response) => json(response, 409, { title: "busy" }, { "content-type": "application/problem+json" }));
    const conflict = await sdk["startJob"](client).catch((error: unknown) => error);
    expect(sdk["isApiError"](conflict, sdk["startJob"])).toBe(true);
    expect(conflict).toMatchObject({ status: 409, body: { title: "busy" } });
    server.answer((_request, response) => json(response, 503, { title: "down" }));
    const down = await sdk["startJob"](client).catch((error: unknown) => error);
    expect(sdk["isApiError"](down, sdk["startJob"])).toBe(true);
  });

  it("uses a default-only response as the success", async () => {
    server.answer((_request, response) => json(response, 200, { ok: true }));
    await expect(sdk["ping"](client)).resolves.toStrictEqual({ ok: true });
  });

  it("reads JSON or text by Content-Type when the documented successes differ", async () => {
    server.answer((_request, response) => json(response, 200, { up: true }));
    await expect(sdk["getStatus"](client)).resolves.toStrictEqual({ up: true });
    server.answer((_request, response) => response.writeHead(203, { "content-type": "text/plain" }).end("up, mostly"));
    await expect(sdk["getStatus"](client)).resolves.toBe("up, mostly");
  });
});
