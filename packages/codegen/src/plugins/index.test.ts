import { describe, expect, it } from "vitest";
import { BUILT_IN_EMITTERS } from "../emit/built-in.js";
import { mergeContributions } from "../emit/package-files.js";
import { CodegenError } from "../errors.js";
import { buildModel } from "../model/build-model.js";
import type { OpenApiDocument } from "../model/spec.js";
import { EMITTERS, enabledEmitters, PLUGINS } from "./index.js";

describe("the emitter registry", () => {
  it("runs the built-in emitters always and a plugin only when asked, in registry order", () => {
    expect(enabledEmitters([]).map((emitter) => emitter.name)).toStrictEqual(BUILT_IN_EMITTERS.map((emitter) => emitter.name));
    const everyPlugin = [...PLUGINS].reverse().map((plugin) => plugin.name);
    expect(enabledEmitters(everyPlugin).map((emitter) => emitter.name)).toStrictEqual(EMITTERS.map((emitter) => emitter.name));
  });

  it("names are unique and kebab-case; plugins are off unless enabled", () => {
    const names = EMITTERS.map((emitter) => emitter.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(PLUGINS.filter((plugin) => plugin.builtIn)).toStrictEqual([]);
  });

  it("refuses an unknown plugin, listing the known ones", () => {
    const refused = (() => {
      try {
        enabledEmitters(["react-query"]);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refused).toBeInstanceOf(CodegenError);
    expect((refused as CodegenError).problems).toStrictEqual([
      { message: 'GenerateOptions.plugins: unknown plugin "react-query"', hint: `the plugins are ${PLUGINS.map((plugin) => `"${plugin.name}"`).join(", ")}` },
    ]);
  });
});

describe("what emitters add to package.json", () => {
  it("merges exports and peer dependencies (sorted), and refuses two emitters claiming one differently", () => {
    expect(mergeContributions([{ exports: { "./a": "a/index" }, peerDependencies: { zod: "^3" } }, { peerDependencies: { "@tanstack/query-core": "^5.0.0", zod: "^3" } }])).toStrictEqual({
      exports: { "./a": "a/index" },
      peerDependencies: { "@tanstack/query-core": "^5.0.0", zod: "^3" },
    });
    expect(() => mergeContributions([{ exports: { "./a": "a/index" } }, { exports: { "./a": "b/index" } }])).toThrow("two emitters add the export ./a differently");
  });
});

describe("reserved names", () => {
  const document: OpenApiDocument = {
    openapi: "3.1.0",
    info: { title: "T", version: "1" },
    paths: { "/things": { get: { operationId: "queryOptionsFor", responses: { "200": { description: "ok" } } } } },
  } as OpenApiDocument;

  it("an operation does not take a name an enabled emitter declares next to it", () => {
    expect(buildModel(document).operations[0]?.functionName).toBe("queryOptionsFor");
    const reservedNames = enabledEmitters(["tanstack-query"]).flatMap((emitter) => emitter.reservedNames ?? []);
    expect(buildModel(document, { reservedNames }).operations[0]?.functionName).not.toBe("queryOptionsFor");
  });
});
