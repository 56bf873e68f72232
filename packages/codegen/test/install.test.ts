import { execFile, spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { copyFile, cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeDiga, type FakeDiga } from "../../../fixtures/diga-phones/server.js";
import { generate } from "../src/index.js";
import { nodeBinary, OTHER_RUNTIMES, quietNpm, runtimeCommand, workerdBinary } from "./support/node-versions.js";
import { listFiles, phoneSpec, repoRoot, temporaryDirectory } from "./support/paths.js";

const run = promisify(execFile);
const codegenDirectory = join(repoRoot, "packages", "codegen");
const githubSpec = join(repoRoot, "node_modules", "@octokit", "openapi", "generated", "api.github.com.json");
const pnpm = ["-y", "pnpm@12.4.2"];
const binariesFromNpm = process.platform === "linux" && process.arch === "x64";

/**
 * The generator exactly as a user meets it: the packed tarball, installed into an empty project by npm (and pnpm)
 * from the tarball alone, run through its installed bin with `npx`; then the package it writes, used by a plain
 * app with the app's own tsconfig, with no step in between. On Node 20, 22 and 24.
 */
describe("@diga/codegen installed from its tarball", () => {
  let work: string;
  let project: string;
  let tarball: string;
  let packedFiles: string[];
  let server: FakeDiga;

  beforeAll(async () => {
    work = await temporaryDirectory("codegen-install-");
    const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", work], { cwd: codegenDirectory, env: quietNpm() });
    const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
    if (packed === undefined) throw new Error(`npm pack reported no tarball: ${stdout}`);
    tarball = join(work, packed.filename);
    packedFiles = packed.files.map((file) => file.path);
    project = join(work, "app");
    await mkdir(project);
    await writeFile(join(project, "package.json"), `${JSON.stringify({ name: "app", private: true, type: "module" }, null, 2)}\n`);
    // The tarball alone for our package; its dependencies, and the app's own @types/node, from the registry.
    await run("npm", ["install", tarball, "@types/node@20.19.43"], { cwd: project, env: quietNpm() });
    await copyFile(phoneSpec, join(project, "openapi.yaml"));
    server = await startFakeDiga();
  }, 600_000);
  afterAll(async () => {
    await server?.close();
    if (work !== undefined) await rm(work, { recursive: true, force: true });
  });

  it("ships its templates and build inside itself, and depends on no unpublished package", async () => {
    expect(packedFiles).toEqual(
      expect.arrayContaining([
        "bin/diga-codegen.js",
        "dist/cli/main.js",
        "dist/templates/operation.ts",
        "dist/templates/runtime/request.ts",
        "dist/templates/mocks/runtime.ts",
        "dist/templates.parsed.json",
        "dist/fingerprint.txt",
      ]),
    );
    expect(packedFiles.filter((path) => path.startsWith("src/") || path.endsWith(".test.ts") || path.endsWith(".test.js"))).toStrictEqual([]);
    const manifest = JSON.parse(await readFile(join(project, "node_modules", "@diga", "codegen", "package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(Object.entries(manifest.dependencies).filter(([name, version]) => name.startsWith("@diga/") || version.startsWith("workspace:"))).toStrictEqual([]);
  });

  it("`npx diga-codegen generate` writes the phone client byte for byte as the workspace's generator does", async () => {
    await run("npx", ["diga-codegen", "generate", "-i", "openapi.yaml", "-o", "diga-client", "--package-name", "@diga/client"], { cwd: project, env: quietNpm() });
    await expectSameFiles(join(project, "diga-client"), await generate({ input: "openapi.yaml", cwd: project, output: "diga-client", packageName: "@diga/client" }));
  }, 120_000);

  it("and GitHub's 1,223 operations the same", async () => {
    await copyFile(githubSpec, join(project, "github.json"));
    await run("npx", ["diga-codegen", "generate", "-i", "github.json", "-o", "github-client", "--package-name", "github-client"], { cwd: project, env: quietNpm() });
    await expectSameFiles(join(project, "github-client"), await generate({ input: "github.json", cwd: project, output: "github-client", packageName: "github-client" }));
  }, 240_000);

  describe("the package it writes, as an app uses it", () => {
    beforeAll(async () => {
      // Exactly the install command the generated README gives, run where the README says.
      const readme = await readFile(join(project, "diga-client", "README.md"), "utf8");
      const install = /## Install[\s\S]*?```sh\n(npm install [^\n]+)\n```/.exec(readme)?.[1];
      expect(install).toBe("npm install ./diga-client");
      await run("sh", ["-c", install ?? "false"], { cwd: project, env: quietNpm() });
      await writeFile(join(project, "main.mjs"), MAIN_JS);
      await writeFile(join(project, "app.ts"), APP_TS);
    }, 120_000);

    it("plain Node imports it and lists phones over HTTP", async () => {
      expect(await runMain([process.execPath])).toStrictEqual(expectedMainOutput(server));
    });

    it.each([
      ["nodenext", "nodenext"],
      ["bundler", "esnext"],
    ])(
      "a Node-only TypeScript app type-checks against it (moduleResolution %s, lib ES2022, types node, skipLibCheck false)",
      async (moduleResolution, module) => {
        const tsconfig = { compilerOptions: { target: "ES2022", module, moduleResolution, lib: ["ES2022"], types: ["node"], strict: true, skipLibCheck: false, noEmit: true }, files: ["app.ts"] };
        await writeFile(join(project, `tsconfig.${moduleResolution}.json`), JSON.stringify(tsconfig));
        const typescript = join(project, "node_modules", "typescript", "bin", "tsc");
        const result = await run(process.execPath, [typescript, "-p", `tsconfig.${moduleResolution}.json`], { cwd: project }).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
        expect(result.stdout).toBe("");
      },
      120_000,
    );

    it("esbuild bundles it, and the bundle runs the same", async () => {
      const { build } = await import("esbuild");
      await build({ entryPoints: [join(project, "main.mjs")], bundle: true, platform: "node", format: "esm", outfile: join(project, "bundle.mjs"), absWorkingDir: project, logLevel: "silent" });
      server.requests.length = 0;
      const { stdout } = await run(process.execPath, ["bundle.mjs"], { cwd: project, env: { ...process.env, DIGA_URL: server.url, DIGA_TOKEN: server.token } });
      expect(JSON.parse(stdout)).toStrictEqual(expectedMainOutput(server));
    });

    it.each([
      ["pnpm", "workspace:*"],
      ["npm", "*"],
    ])(
      "works as a dependency in a %s workspace, with no build step",
      async (manager, range) => {
        const workspace = join(work, `${manager}-workspace`);
        await mkdir(join(workspace, "app"), { recursive: true });
        await cp(join(project, "diga-client"), join(workspace, "diga-client"), { recursive: true });
        await writeFile(join(workspace, "app", "package.json"), JSON.stringify({ name: "app", private: true, type: "module", dependencies: { "@diga/client": range } }));
        await copyFile(join(project, "main.mjs"), join(workspace, "app", "main.mjs"));
        if (manager === "pnpm") {
          await writeFile(join(workspace, "package.json"), JSON.stringify({ name: "root", private: true }));
          await writeFile(join(workspace, "pnpm-workspace.yaml"), "packages:\n  - app\n  - diga-client\n");
          await run("npx", [...pnpm, "install", "--no-frozen-lockfile"], { cwd: workspace, env: quietNpm() });
        } else {
          await writeFile(join(workspace, "package.json"), JSON.stringify({ name: "root", private: true, workspaces: ["app", "diga-client"] }));
          await run("npm", ["install"], { cwd: workspace, env: quietNpm() });
        }
        server.requests.length = 0;
        const { stdout } = await run(process.execPath, ["main.mjs"], { cwd: join(workspace, "app"), env: { ...process.env, DIGA_URL: server.url, DIGA_TOKEN: server.token } });
        expect(JSON.parse(stdout)).toStrictEqual(expectedMainOutput(server));
      },
      120_000,
    );

    it.skipIf(!binariesFromNpm).each([22, 24])(
      "on Node %i the installed generator writes the same bytes, and the client lists phones",
      async (major) => {
        const node = await nodeBinary(major);
        const folder = await folderWithPhoneSpec(`node-${major}`);
        const bin = installedBin();
        const { stdout } = await run(node, [bin, "generate", "-i", "openapi.yaml", "-o", "diga-client", "--package-name", "@diga/client"], { cwd: folder });
        expect(stdout).toMatch(/→ diga-client: 1 operation/);
        await expectSameFolders(join(folder, "diga-client"), join(project, "diga-client"));
        expect(await runMain([node])).toStrictEqual(expectedMainOutput(server));
      },
      240_000,
    );

    // The README says Bun and Deno; their fetch is their own. Where a redirect leaves the origin, the client leaves
    // `Authorization` to fetch to drop (see "Redirects" in the README), so that is checked on each runtime too.
    it.skipIf(!binariesFromNpm).each(Object.keys(OTHER_RUNTIMES) as (keyof typeof OTHER_RUNTIMES)[])(
      "on %s the installed generator writes the same bytes, the client lists phones, and a redirect to another origin does not carry the token",
      async (name) => {
        const folder = await folderWithPhoneSpec(name);
        const [runtime = "", ...generatorArgs] = await runtimeCommand(name, "generator");
        const bin = installedBin();
        const generated = await run(runtime, [...generatorArgs, bin, "generate", "-i", "openapi.yaml", "-o", "diga-client", "--package-name", "@diga/client"], { cwd: folder });
        expect(generated.stdout).toMatch(/→ diga-client: 1 operation/);
        await expectSameFolders(join(folder, "diga-client"), join(project, "diga-client"));

        const command = await runtimeCommand(name, "client");
        expect(await runMain(command)).toStrictEqual(expectedMainOutput(server));
        const other = await startFakeDiga();
        try {
          await writeFile(join(project, "redirects.mjs"), REDIRECTS_JS);
          server.requests.length = 0;
          server.inject({ kind: "redirect", status: 307, location: `${other.url}/v1/phone/?limit=1` }, { kind: "redirect", status: 308, location: "/v1/phone/?limit=2" });
          const [executable = "", ...args] = command;
          const { stdout } = await run(executable, [...args, "redirects.mjs"], { cwd: project, env: { ...process.env, DIGA_URL: server.url, DIGA_TOKEN: server.token } });
          // The other origin saw the request without the token and refused it; the same origin kept it and answered.
          expect(JSON.parse(stdout)).toStrictEqual([403, 2]);
          expect(other.requests.map((request) => request.headers["authorization"])).toStrictEqual([undefined]);
          expect(server.requests.map((request) => [request.url, request.headers["authorization"]])).toStrictEqual([
            ["/v1/phone/", `Bearer ${server.token}`],
            ["/v1/phone/", `Bearer ${server.token}`],
            ["/v1/phone/?limit=2", `Bearer ${server.token}`],
          ]);
        } finally {
          await other.close();
        }
      },
      240_000,
    );

    it.skipIf(!binariesFromNpm)(
      "on Cloudflare's workerd, the client bundled into a worker lists phones",
      async () => {
        const folder = join(work, "worker");
        await mkdir(folder, { recursive: true });
        await writeFile(join(project, "worker-main.mjs"), WORKER_JS);
        const { build } = await import("esbuild");
        await build({
          entryPoints: [join(project, "worker-main.mjs")],
          bundle: true,
          platform: "neutral",
          format: "esm",
          outfile: join(folder, "worker.js"),
          absWorkingDir: project,
          logLevel: "silent",
        });
        await writeFile(join(folder, "config.capnp"), WORKERD_CONFIG);
        const port = await freePort();
        const workerd = spawn(await workerdBinary(), ["serve", "config.capnp", `--socket-addr=http=127.0.0.1:${port}`], { cwd: folder, stdio: ["ignore", "ignore", "pipe"] });
        let stderr = "";
        workerd.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        try {
          const url = `http://127.0.0.1:${port}/?${new URLSearchParams({ base: server.url, token: server.token })}`;
          const response = await untilAnswered(url, () => stderr);
          expect(await response.json()).toStrictEqual(expectedMainOutput(server));
          // workerd's own fetch carries Authorization to another origin before its 2025-08 compatibility date (the
          // config's is 2025-01-01) and cookies after it; the client's follower drops them.
          const other = await startFakeDiga();
          try {
            server.requests.length = 0;
            server.inject({ kind: "redirect", status: 307, location: `${other.url}/v1/phone/?limit=1` }, { kind: "redirect", status: 308, location: "/v1/phone/?limit=2" });
            const redirected = await fetch(`${url}&redirects`);
            expect(await redirected.json()).toStrictEqual([403, 2]);
            expect(other.requests.map((request) => request.headers["authorization"])).toStrictEqual([undefined]);
            expect(server.requests.map((request) => request.headers["authorization"])).toStrictEqual(Array(3).fill(`Bearer ${server.token}`));
          } finally {
            await other.close();
          }
        } finally {
          workerd.kill();
        }
      },
      120_000,
    );
  });

  it.skipIf(!binariesFromNpm)(
    "on Deno, the README's deno.json links the package: `deno check` passes and the app lists phones",
    async () => {
      const folder = join(work, "deno-project");
      await mkdir(folder, { recursive: true });
      await cp(join(project, "diga-client"), join(folder, "diga-client"), { recursive: true });
      const readme = await readFile(join(folder, "diga-client", "README.md"), "utf8");
      const denoJson = /With Deno[^\n]*\n\n```json\n([\s\S]*?)\n```/.exec(readme)?.[1];
      expect(denoJson).toContain('"links": ["./diga-client"]');
      await writeFile(join(folder, "deno.json"), denoJson ?? "");
      await writeFile(join(folder, "app.ts"), APP_TS.replace('process.env["DIGA_TOKEN"]', 'Deno.env.get("DIGA_TOKEN")'));
      await writeFile(join(folder, "main.mjs"), MAIN_JS);
      const [deno = "", ...args] = await runtimeCommand("deno", "client");
      const checked = await run(deno, ["check", "app.ts"], { cwd: folder }).catch((error: { stderr: string }) => ({ stderr: error.stderr }));
      expect(checked.stderr).not.toMatch(/error/i);
      server.requests.length = 0;
      const { stdout } = await run(deno, [...args, "main.mjs"], { cwd: folder, env: { ...process.env, DIGA_URL: server.url, DIGA_TOKEN: server.token } });
      expect(JSON.parse(stdout)).toStrictEqual(expectedMainOutput(server));
    },
    120_000,
  );

  it.skipIf(!binariesFromNpm)(
    "on Deno without FFI, generate says which permission to grant and writes nothing",
    async () => {
      const folder = await folderWithPhoneSpec("deno-no-ffi");
      const [deno = "", ...args] = await runtimeCommand("deno", "generator");
      const bin = installedBin();
      const failed = await run(deno, [...args.filter((flag) => flag !== "--allow-ffi"), bin, "generate", "-i", "openapi.yaml", "-o", "diga-client"], { cwd: folder }).then(
        () => undefined,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toMatch(/^diga-codegen: error: cannot load oxc-transform, the native compiler that writes dist\/: .+\n  hint: run Deno with --allow-ffi/);
      expect(failed?.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(await listFiles(folder)).toStrictEqual(["openapi.yaml"]);
    },
    120_000,
  );

  it("installs with pnpm too, and its bin writes the same bytes", async () => {
    const pnpmProject = join(work, "pnpm-app");
    await mkdir(pnpmProject);
    await writeFile(join(pnpmProject, "package.json"), `${JSON.stringify({ name: "pnpm-app", private: true, type: "module" }, null, 2)}\n`);
    await copyFile(phoneSpec, join(pnpmProject, "openapi.yaml"));
    await run("npx", [...pnpm, "add", tarball], { cwd: pnpmProject, env: quietNpm() });
    await run("npx", [...pnpm, "exec", "diga-codegen", "generate", "-i", "openapi.yaml", "-o", "diga-client", "--package-name", "@diga/client"], { cwd: pnpmProject, env: quietNpm() });
    await expectSameFolders(join(pnpmProject, "diga-client"), join(project, "diga-client"));
  }, 300_000);

  /** A new folder in the app with the phone spec as `openapi.yaml`, to run the installed generator in. */
  async function folderWithPhoneSpec(name: string): Promise<string> {
    const folder = join(project, name);
    await mkdir(folder, { recursive: true });
    await copyFile(phoneSpec, join(folder, "openapi.yaml"));
    return folder;
  }

  /** The generator's bin as npm installed it into the app. */
  function installedBin(): string {
    return join(project, "node_modules", "@diga", "codegen", "bin", "diga-codegen.js");
  }

  async function runMain([executable = "", ...args]: readonly string[]): Promise<unknown> {
    server.requests.length = 0;
    const { stdout } = await run(executable, [...args, "main.mjs"], { cwd: project, env: { ...process.env, DIGA_URL: server.url, DIGA_TOKEN: server.token } });
    return JSON.parse(stdout);
  }
});

const MAIN_JS = `import { createClient, listPhones, PermissionDeniedError } from "@diga/client";
const client = createClient({ baseUrl: process.env.DIGA_URL, bearerToken: process.env.DIGA_TOKEN });
const page = await listPhones(client, { limit: 2, order: "asc" });
let count = 0;
for await (const phone of listPhones(client, { limit: 100 })) if (phone.id) count += 1;
let denied;
try {
  await listPhones(createClient({ baseUrl: process.env.DIGA_URL, bearerToken: "wrong" }), {}, { maxRetries: 0 });
} catch (error) {
  denied = [error instanceof PermissionDeniedError, error.status];
}
console.log(JSON.stringify({ ids: page.data.map((phone) => phone.id), count, denied }));
`;

/** MAIN_JS as a Worker: the base URL and token come with the request, the answer is the same JSON. */
const WORKER_JS = `import { createClient, listPhones, PermissionDeniedError } from "@diga/client";
export default {
  async fetch(request) {
    const query = new URL(request.url).searchParams;
    const client = createClient({ baseUrl: query.get("base"), bearerToken: query.get("token") });
    if (query.has("redirects")) {
      const outcome = (call) => call.then((page) => page.data.length, (error) => error.status);
      return Response.json([await outcome(listPhones(client, {}, { maxRetries: 0 })), await outcome(listPhones(client, {}, { maxRetries: 0 }))]);
    }
    const page = await listPhones(client, { limit: 2, order: "asc" });
    let count = 0;
    for await (const phone of listPhones(client, { limit: 100 })) if (phone.id) count += 1;
    let denied;
    try {
      await listPhones(createClient({ baseUrl: query.get("base"), bearerToken: "wrong" }), {}, { maxRetries: 0 });
    } catch (error) {
      denied = [error instanceof PermissionDeniedError, error.status];
    }
    return Response.json({ ids: page.data.map((phone) => phone.id), count, denied });
  },
};
`;

/** One worker whose outbound fetch may reach loopback, where the fake server listens. */
const WORKERD_CONFIG = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed "worker.js")],
  compatibilityDate = "2025-01-01",
  globalOutbound = "internet",
);
`;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The first answer from a server that is starting up; its log on failure. */
async function untilAnswered(url: string, log: () => string): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(url);
    } catch (error) {
      if (attempt >= 100) throw new Error(`no answer from ${url}: ${String(error)}\n${log()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Two calls that the server redirects: the first to another origin, the second to its own. Each prints its status or its count. */
const REDIRECTS_JS = `import { createClient, listPhones } from "@diga/client";
const client = createClient({ baseUrl: process.env.DIGA_URL, bearerToken: process.env.DIGA_TOKEN });
const outcome = (call) => call.then((page) => page.data.length, (error) => error.status);
console.log(JSON.stringify([await outcome(listPhones(client, {}, { maxRetries: 0 })), await outcome(listPhones(client, {}, { maxRetries: 0 }))]));
`;

/** What a TypeScript user writes: typed params, a typed page, an error narrowed to the operation's own. */
const APP_TS = `import { createClient, isApiError, listPhones, type ListPhonesItem, type ListPhonesParams } from "@diga/client";
import { listPhones as listPhonesAlone } from "@diga/client/operations/listPhones";

const client = createClient({ bearerToken: process.env["DIGA_TOKEN"] });
const params: ListPhonesParams = { limit: 20, status: "assigned", start_assigned_at: new Date("2025-01-01") };

export async function numbers(): Promise<string[]> {
  try {
    const page = await listPhonesAlone(client, params);
    const first: ListPhonesItem | undefined = page.data[0];
    const all: string[] = first === undefined ? [] : [first.number];
    for await (const phone of listPhones(client, { limit: 100 })) all.push(phone.number);
    return all;
  } catch (error) {
    if (isApiError(error, listPhones) && error.status === 422) return [String(error.body.error_code)];
    throw error;
  }
}
`;

function expectedMainOutput(server: FakeDiga): unknown {
  return { ids: server.phones.slice(0, 2).map((phone) => phone.id), count: server.phones.length, denied: [true, 403] };
}

async function expectSameFiles(directory: string, expected: { files: readonly { path: string; contents: string }[] }): Promise<void> {
  expect(await listFiles(directory)).toStrictEqual(expected.files.map((file) => file.path).sort());
  for (const file of expected.files) expect(await readFile(join(directory, file.path), "utf8"), file.path).toBe(file.contents);
}

async function expectSameFolders(actual: string, expected: string): Promise<void> {
  const files = await listFiles(expected);
  expect(await listFiles(actual)).toStrictEqual(files);
  for (const file of files) expect(await readFile(join(actual, file), "utf8"), file).toBe(await readFile(join(expected, file), "utf8"));
}
