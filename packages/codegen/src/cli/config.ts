import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { CodegenError } from "../errors.js";
import { pluginNames } from "../plugins/index.js";

/** One spec → one package. Paths are relative to the config file. */
export interface ClientConfig {
  readonly input: string;
  readonly output: string;
  readonly packageName?: string;
  readonly packageVersion?: string;
  readonly allowRemoteRefs?: boolean;
  /** `layout` (default) or `prettier`: see `GenerateOptions.format`. */
  readonly format?: "layout" | "prettier";
  /** Plugins to run besides the built-in outputs, e.g. `["tanstack-query"]`. */
  readonly plugins?: readonly string[];
}

/**
 * `codegen.config.json`. JSON rather than `.ts`: it needs no loader, cannot run code at generation time, and
 * editors validate it; CLI flags override it.
 */
export interface Config {
  readonly clients: readonly ClientConfig[];
}

export const CONFIG_FILE = "codegen.config.json";

/** Every key a client entry takes; the README's option table lists the same. */
export const CLIENT_KEYS: readonly string[] = ["input", "output", "packageName", "packageVersion", "format", "allowRemoteRefs", "plugins"];

/** Reads and checks a config file; returns `undefined` when it does not exist and was not asked for explicitly. */
export async function readConfig(path: string, explicit: boolean): Promise<Config | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (!explicit && (error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new CodegenError("config", [{ file: path, message: "cannot read the config file", hint: "check the --config path" }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CodegenError("config", [{ file: path, message: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` }]);
  }
  return checkConfig(value, path);
}

/** `plugins` must list known plugin names; each unknown one is reported with the plugins there are. */
function pluginProblems(plugins: unknown, pointer: string): { pointer: string; message: string; hint?: string }[] {
  if (plugins === undefined) return [];
  const known = pluginNames();
  const hint = `the plugins are ${known.map((name) => `"${name}"`).join(", ")}`;
  if (!Array.isArray(plugins) || plugins.some((name) => typeof name !== "string")) return [{ pointer, message: "`plugins` must be a list of plugin names", hint }];
  return plugins.flatMap((name: string, index) => (known.includes(name) ? [] : [{ pointer: `${pointer}/${index}`, message: `unknown plugin "${name}"`, hint }]));
}

function checkConfig(value: unknown, path: string): Config {
  const problems: { pointer: string; message: string; hint?: string }[] = [];
  const clients = (value as { clients?: unknown } | null)?.clients;
  if (!Array.isArray(clients) || clients.length === 0) {
    problems.push({ pointer: "/clients", message: "`clients` must be a non-empty list of { input, output }" });
  } else {
    clients.forEach((client: unknown, index) => {
      const entry = (client ?? {}) as Record<string, unknown>;
      for (const field of ["input", "output"]) {
        if (typeof entry[field] !== "string" || entry[field] === "") problems.push({ pointer: `/clients/${index}/${field}`, message: `\`${field}\` must be a path` });
      }
      for (const field of ["packageName", "packageVersion"]) {
        if (entry[field] !== undefined && typeof entry[field] !== "string") problems.push({ pointer: `/clients/${index}/${field}`, message: `\`${field}\` must be a string` });
      }
      if (entry["allowRemoteRefs"] !== undefined && typeof entry["allowRemoteRefs"] !== "boolean")
        problems.push({ pointer: `/clients/${index}/allowRemoteRefs`, message: "`allowRemoteRefs` must be true or false" });
      if (entry["format"] !== undefined && entry["format"] !== "layout" && entry["format"] !== "prettier")
        problems.push({ pointer: `/clients/${index}/format`, message: '`format` must be "layout" or "prettier"' });
      problems.push(...pluginProblems(entry["plugins"], `/clients/${index}/plugins`));
      for (const field of Object.keys(entry)) {
        if (!CLIENT_KEYS.includes(field)) problems.push({ pointer: `/clients/${index}/${field}`, message: `unknown option \`${field}\``, hint: `a client takes ${CLIENT_KEYS.join(", ")}` });
      }
    });
  }
  if (problems.length > 0)
    throw new CodegenError(
      "config",
      problems.map((problem) => ({ ...problem, file: path })),
    );
  const base = dirname(path);
  return {
    clients: (clients as ClientConfig[]).map((client) => ({ ...client, input: resolve(base, client.input), output: resolve(base, client.output) })),
  };
}
