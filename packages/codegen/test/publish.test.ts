import { execFile } from "node:child_process";
import { cp, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { checkPackage, createPackageFromTarballData, type CheckResult } from "@arethetypeswrong/core";
import { filterProblems } from "@arethetypeswrong/core/problems";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeDiga, type FakeDiga } from "../../../fixtures/diga-phones/server.js";
import { digaClientDirectory, listFiles, temporaryDirectory } from "./support/paths.js";

const run = promisify(execFile);

/**
 * The committed @diga/client as it would be published: packed with `npm pack` from a temporary copy, then checked by publint and @arethetypeswrong/core, and imported from plain Node
 * out of the unpacked tarball, so the built `dist/` is what gets exercised, not the source.
 */
describe("publishing @diga/client", () => {
  let work: string;
  let tarball: Buffer;
  let packedFiles: string[];

  beforeAll(async () => {
    work = await temporaryDirectory("diga-client-publish-");
    const copy = join(work, "package");
    // As committed: dist/ is generated output, never built by hand.
    await cp(digaClientDirectory, copy, { recursive: true, filter: (source) => !/[\\/]node_modules$/.test(source) });
    const { stdout } = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], {
      cwd: copy,
      env: { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false" },
    });
    const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
    if (packed === undefined) throw new Error(`npm pack reported no tarball: ${stdout}`);
    tarball = await readFile(join(work, packed.filename));
    packedFiles = packed.files.map((file) => file.path).sort();
  });
  afterAll(async () => {
    if (work !== undefined) await rm(work, { recursive: true, force: true });
  });

  it("packs dist/ (a .d.ts for every module, a .js for every module with code) and the sources, nothing else", async () => {
    const sources = (await listFiles(join(digaClientDirectory, "src"))).filter((file) => file.endsWith(".ts"));
    expect(sources).toContain("index.ts");
    const withCode = await Promise.all(sources.map(async (file) => /^export (?!type |interface )/m.test(await readFile(join(digaClientDirectory, "src", file), "utf8"))));
    expect(withCode.filter((code) => !code).length, "schema.ts, models.ts and src/types/ are types only").toBeGreaterThan(2);
    const expected = [
      "README.md",
      "package.json",
      ...sources.flatMap((file, index) => {
        const base = file.replace(/\.ts$/, "");
        return [`dist/${base}.d.ts`, ...(withCode[index] === true ? [`dist/${base}.js`] : []), `src/${file}`];
      }),
    ].sort();
    expect(packedFiles).toStrictEqual(expected);
  });

  it("has no publint errors or warnings", async () => {
    const { messages, pkg } = await publint({ pack: { tarball: toArrayBuffer(tarball) }, level: "warning" });
    expect(messages.map((message) => `${message.type} ${message.code}: ${formatMessage(message, pkg, { color: false })}`)).toStrictEqual([]);
  });

  it("has correct types for ESM under node16 and bundler resolution (attw); only a CommonJS require is flagged", async () => {
    // The `./operations/*` pattern is checked through one of its subpaths, as an app imports it.
    const analysis: CheckResult = await checkPackage(createPackageFromTarballData(new Uint8Array(tarball)), {
      entrypoints: [".", "./operations/listPhones"],
    });
    if (analysis.types === false) throw new Error("attw found no types in the package");

    expect(analysis.types).toStrictEqual({ kind: "included" });
    expect(Object.keys(analysis.entrypoints)).toStrictEqual([".", "./operations/listPhones"]);
    // Every resolution mode finds the same built files: types and implementation side by side.
    for (const [entrypoint, module] of [
      [".", "index"],
      ["./operations/listPhones", "operations/listPhones"],
    ] as const) {
      for (const resolution of Object.values(analysis.entrypoints[entrypoint]?.resolutions ?? {})) {
        if (resolution.resolutionKind === "node10" && entrypoint !== ".") continue; // node10 ignores `exports`: no subpaths.
        expect([resolution.resolutionKind, resolution.resolution?.fileName, resolution.implementationResolution?.fileName]).toStrictEqual([
          resolution.resolutionKind,
          `/node_modules/@diga/client/dist/${module}.d.ts`,
          `/node_modules/@diga/client/dist/${module}.js`,
        ]);
      }
    }
    expect(filterProblems(analysis, { resolutionKind: "node16-esm" })).toStrictEqual([]);
    expect(filterProblems(analysis, { resolutionKind: "bundler" })).toStrictEqual([]);
    // The package is ESM-only on purpose (`"type": "module"`, one `default` export condition, no CommonJS build):
    // every runtime it targets has global fetch and loads ES modules, and Node >= 20.19 can even `require()` it.
    // attw still reports what TypeScript says to a CommonJS project compiled with `module: node16`: `require` of
    // an ES module. That report (per entry point) is expected. `node10` (TypeScript's legacy resolution, which
    // ignores `exports`) finds the root's types through the top-level `types` field, but no subpath: apps on it
    // import from the root. Nothing else.
    expect(analysis.problems).toStrictEqual([
      { kind: "CJSResolvesToESM", entrypoint: ".", resolutionKind: "node16-cjs" },
      { kind: "NoResolution", entrypoint: "./operations/listPhones", resolutionKind: "node10" },
      { kind: "CJSResolvesToESM", entrypoint: "./operations/listPhones", resolutionKind: "node16-cjs" },
    ]);
  });

  describe("unpacked into a project and imported from plain Node", () => {
    let server: FakeDiga;

    beforeAll(async () => {
      server = await startFakeDiga();
    });
    afterAll(() => server?.close());

    it("resolves to dist/index.js, exports what the source exports, and lists phones over HTTP", async () => {
      const project = join(work, "consumer");
      await mkdir(join(project, "node_modules", "@diga"), { recursive: true });
      await writeFile(join(work, "client.tgz"), tarball);
      await run("tar", ["-xzf", join(work, "client.tgz"), "-C", join(project, "node_modules", "@diga")]);
      await rename(join(project, "node_modules", "@diga", "package"), join(project, "node_modules", "@diga", "client"));
      await writeFile(join(project, "package.json"), `${JSON.stringify({ name: "consumer", private: true, type: "module" })}\n`);
      await writeFile(
        join(project, "main.js"),
        [
          'import * as sdk from "@diga/client";',
          "const client = sdk.createClient({ baseUrl: process.env.DIGA_URL, bearerToken: process.env.DIGA_TOKEN });",
          'const { data: page, requestId } = await sdk.listPhones(client, { limit: 3, order: "asc" }).withResponse();',
          "let error;",
          "try { await sdk.listPhones(client, { limit: 0 }); } catch (caught) { error = [caught.name, caught instanceof sdk.RequestValidationError]; }",
          "console.log(JSON.stringify({",
          '  resolved: import.meta.resolve("@diga/client"),',
          "  exports: Object.keys(sdk).sort(),",
          "  ids: page.data.map((phone) => phone.id),",
          "  hasMore: page.has_more,",
          "  requestId,",
          "  error,",
          "}));",
          "",
        ].join("\n"),
      );

      const { stdout } = await run(process.execPath, ["main.js"], { cwd: project, env: { ...process.env, DIGA_URL: server.url, DIGA_TOKEN: server.token } });

      const source = await import("../../diga-client/src/index.js");
      const { version } = JSON.parse(await readFile(join(digaClientDirectory, "package.json"), "utf8")) as { version: string };
      expect(JSON.parse(stdout)).toStrictEqual({
        resolved: pathToFileURL(join(project, "node_modules", "@diga", "client", "dist", "index.js")).href,
        exports: Object.keys(source).sort(),
        ids: server.phones.slice(0, 3).map((phone) => phone.id),
        hasMore: true,
        requestId: "req_0001",
        error: ["RequestValidationError", true],
      });
      // One request: the invalid limit was refused before sending. Outside a browser the client names itself.
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]).toMatchObject({
        method: "GET",
        url: "/v1/phone/?limit=3&order=asc",
        headers: { authorization: `Bearer ${server.token}`, accept: "application/json", "user-agent": `@diga/client/${version}` },
      });
      expect(server.requests[0]?.headers["x-retry-count"]).toBeUndefined();
    });
  });
});

function toArrayBuffer(buffer: Buffer): ArrayBuffer {
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}
