/**
 * The runtime contract, checked against the runtime itself: the generator's tables name runtime exports that exist,
 * and the defaults it leaves out of endpoints are the defaults the runtime applies. Changing either side alone fails here.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as runtime from "../../../../templates/runtime/index.js";
import { createApiError } from "../../../../templates/runtime/errors.js";
import { serializePathParam, serializeQueryParam, serializeSimpleValue } from "../../../../templates/runtime/serialize.js";
import { templatesDirectory } from "../emit/template-sources.js";
import {
  BODY_ENCODERS,
  CHECKED_FORMATS,
  COLLECTION_WRITER,
  KEEP_RESERVED,
  PATH_BUILDER,
  SERVER_URL,
  DEFAULT_MEDIA_TYPES,
  MODULE_SCOPE_NAMES,
  PAGE_STYLES,
  PARAM_LOCATIONS,
  PATH_STYLES,
  QUERY_STYLES,
  RESPONSE_READERS,
  RUNTIME_TYPE_EXPORTS,
  RUNTIME_VALUE_EXPORTS,
  runtimeExplodes,
  STATUS_ERROR_CLASSES,
  VALUE_CHECKS,
} from "./runtime-contract.js";

const values = runtime as unknown as Record<string, unknown>;
const POST = { method: "POST", path: "/things" };

/** The names `templates/runtime/index.ts` exports as types only (`export type { … }`). */
async function runtimeTypeExports(): Promise<Set<string>> {
  const index = await readFile(join(templatesDirectory(), "runtime", "index.ts"), "utf8");
  return new Set(
    [...index.matchAll(/export type \{([^}]*)\}/g)].flatMap(([, names = ""]) =>
      names
        .split(",")
        .map((name) => name.trim())
        .filter((name) => name !== ""),
    ),
  );
}

describe("the runtime contract", () => {
  it("names only values the runtime's index exports", () => {
    const named = [
      ...Object.values(BODY_ENCODERS),
      ...Object.values(PAGE_STYLES),
      ...QUERY_STYLES.values(),
      ...Object.values(PATH_STYLES).filter((style) => style !== undefined),
      ...Object.values(PARAM_LOCATIONS),
      ...Object.values(RESPONSE_READERS),
      ...CHECKED_FORMATS.values(),
      ...VALUE_CHECKS.map(([check]) => check),
      ...RUNTIME_VALUE_EXPORTS,
      ...Object.values(STATUS_ERROR_CLASSES),
      "InternalServerError",
      "request",
      "paginate",
      PATH_BUILDER,
      COLLECTION_WRITER,
      KEEP_RESERVED,
    ];
    expect(named.filter((name) => values[name] === undefined)).toStrictEqual([]);
    // Named by the generated createClient, not next to an operation.
    expect(values[SERVER_URL]).toBeTypeOf("function");
    // What an operation module may import from the runtime, it must also keep free of operation names.
    expect(
      named.filter((name) => !RUNTIME_VALUE_EXPORTS.includes(name) && !MODULE_SCOPE_NAMES.includes(name) && !Object.values(STATUS_ERROR_CLASSES).includes(name) && name !== "InternalServerError"),
    ).toStrictEqual([]);
  });

  it("names, for each rarer value rule, the runtime check that reads it", () => {
    const breaking = { items: [{ maximum: 1 }, [2]], exclusiveMinimum: [1, 1], exclusiveMaximum: [1, 1], minLength: [2, "a"], maxLength: [1, "ab"], pattern: ["^b$", "a"] } as const;
    for (const [check, fields] of VALUE_CHECKS) {
      for (const field of fields) {
        const [limit, value] = breaking[field];
        const rule = { [field]: limit };
        const run = values[check] as (value: unknown, rule: object) => string | undefined;
        expect(run(value, rule), `${check} reads ${field}`).toMatch(/^(item 0 )?must /);
      }
    }
  });

  it("names only types the runtime's index exports", async () => {
    const types = await runtimeTypeExports();
    expect(RUNTIME_TYPE_EXPORTS.filter((name) => !types.has(name) && values[name] === undefined)).toStrictEqual([]);
  });

  it("maps each status to the class the runtime throws for it, and misses none the runtime has", () => {
    for (const [status, className] of Object.entries(STATUS_ERROR_CLASSES)) {
      expect(createApiError(Number(status), new Headers(), undefined, undefined, true).name, status).toBe(className);
    }
    for (let status = 400; status < 500; status++) {
      const thrown = createApiError(status, new Headers(), undefined, undefined, true).name;
      expect({ status, className: thrown }).toStrictEqual({ status, className: STATUS_ERROR_CLASSES[String(status)] ?? "ApiError" });
    }
    expect(createApiError(503, new Headers(), undefined, undefined, true).name).toBe("InternalServerError");
  });

  it("leaves out exactly the media types the runtime's encoders send by default", async () => {
    for (const [kind, mediaType] of Object.entries(DEFAULT_MEDIA_TYPES)) {
      const encode = values[BODY_ENCODERS[kind as keyof typeof BODY_ENCODERS]] as runtime.BodyEncoder;
      const encoded = encode(kind === "text" ? "hi" : { a: "1" }, { encode }, POST);
      // multipart leaves the Content-Type to fetch, which adds the boundary.
      const sent = encoded?.contentType ?? new Request("http://127.0.0.1/", { method: "POST", body: encoded?.body ?? null }).headers.get("content-type") ?? "";
      expect({ kind, sent: sent.split(";")[0] }).toStrictEqual({ kind, sent: mediaType });
    }
  });

  it("leaves out `explode` exactly where the runtime's default is the same", () => {
    const list = ["a", "b"];
    const exploded = (pairs: string[]) => pairs.length > 1;
    const { collectionQuery: collection } = runtime;
    expect(exploded(serializeQueryParam("x", list, { collection }))).toBe(runtimeExplodes("query", undefined));
    for (const style of QUERY_STYLES.values()) {
      const queryStyle = values[style] as runtime.QueryStyle;
      expect({ style, exploded: exploded(serializeQueryParam("x", list, { style: queryStyle, collection })) }).toStrictEqual({ style, exploded: runtimeExplodes("query", style) });
    }
    const object = { r: 1, g: 2 };
    expect(serializePathParam("x", object).includes("=")).toBe(runtimeExplodes("path", undefined));
    for (const location of ["header", "cookie"] as const) expect(serializeSimpleValue(object)?.includes("=")).toBe(runtimeExplodes(location, undefined));
  });
});
