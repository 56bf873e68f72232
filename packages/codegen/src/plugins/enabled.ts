/**
 * TEMPORARY wiring of plugins into `generate()`, until the emitter registry of the seam (issue 11) replaces it: the
 * plugins by name, and how their package contributions reach the generated `package.json`. Kept to this file and a
 * few marked lines in generate.ts so the registry can take its place without touching the plugins.
 */
import type { Emitter, PackageContribution } from "../emit/emitter.js";
import type { GeneratedFile } from "../emit/file.js";
import { CodegenError } from "../errors.js";
import { mswPlugin } from "./msw/index.js";

const PLUGINS: readonly Emitter[] = [mswPlugin];

export function pluginsNamed(names: readonly string[] | undefined): Emitter[] {
  return (names ?? []).map(
    (pluginName) =>
      PLUGINS.find((plugin) => plugin.name === pluginName) ??
      (() => {
        throw new CodegenError("config", [{ message: `unknown plugin "${pluginName}"`, hint: `use one of: ${PLUGINS.map((plugin) => plugin.name).join(", ")}` }]);
      })(),
  );
}

/** `package.json` with the plugins' subpath exports (before `./package.json`) and optional peer dependencies. */
export function withContributions(file: GeneratedFile, contributions: readonly PackageContribution[]): GeneratedFile {
  if (contributions.length === 0) return file;
  const packageJson = JSON.parse(file.contents) as { exports: Record<string, unknown>; [key: string]: unknown };
  const entry = (path: string) => ({ types: `./dist/${path}.d.ts`, default: `./dist/${path}.js` });
  const { "./package.json": self, ...exports } = packageJson.exports;
  for (const contribution of contributions) for (const [subpath, module] of Object.entries(contribution.exports ?? {})) exports[subpath] = entry(module);
  const peers = Object.assign({}, ...contributions.map((contribution) => contribution.peerDependencies ?? {})) as Record<string, string>;
  const merged = {
    ...packageJson,
    exports: { ...exports, "./package.json": self },
    ...(Object.keys(peers).length === 0
      ? {}
      : { peerDependencies: peers, peerDependenciesMeta: Object.fromEntries(Object.keys(peers).map((peer) => [peer, { optional: true }])) }),
  };
  return { path: file.path, contents: `${JSON.stringify(merged, null, 2)}\n` };
}
