/**
 * The registry of outputs: the built-in emitters, then the plugins, one line each. Adding an output is its folder
 * under `plugins/` plus one line here; `generate`, the config, the CLI and the model read this list.
 */
import { BUILT_IN_EMITTERS } from "../emit/built-in.js";
import type { Emitter } from "../emit/emitter.js";
import { CodegenError } from "../errors.js";
import { mswPlugin } from "./msw/index.js";
import { tanstackQuery } from "./tanstack-query/index.js";

export const PLUGINS: readonly Emitter[] = [tanstackQuery, mswPlugin];

export const EMITTERS: readonly Emitter[] = [...BUILT_IN_EMITTERS, ...PLUGINS];

/** The plugins' names, for messages and `--help`. */
export function pluginNames(): string[] {
  return PLUGINS.map((plugin) => plugin.name);
}

/**
 * The built-in emitters plus the plugins asked for, in registry order (so the output does not depend on the order
 * they were listed in). An unknown name is a config error listing every known plugin (the CLI checks its flags and
 * the config file before, naming the file).
 */
export function enabledEmitters(plugins: readonly string[]): Emitter[] {
  const unknown = plugins.filter((name) => !PLUGINS.some((plugin) => plugin.name === name));
  if (unknown.length > 0) {
    const known = pluginNames();
    throw new CodegenError(
      "config",
      unknown.map((name) => ({
        message: `GenerateOptions.plugins: unknown plugin "${name}"`,
        hint: known.length === 0 ? "this generator has no plugins" : `the plugins are ${known.map((known) => `"${known}"`).join(", ")}`,
      })),
    );
  }
  return EMITTERS.filter((emitter) => emitter.builtIn || plugins.includes(emitter.name));
}
