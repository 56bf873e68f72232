import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { requireWithCodeCache } from "./code-cache.js";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A CommonJS package `big` inside `<root>/node_modules`, and a `require` that resolves from `<root>`. */
function installedPackage(underNodeModules = true) {
  const root = mkdtempSync(join(tmpdir(), "code-cache-"));
  folders.push(root);
  const folder = underNodeModules ? join(root, "node_modules", "big") : join(root, "big");
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "package.json"), JSON.stringify({ name: "big", main: "index.js" }));
  // Requires a builtin and a sibling through the `require` it is given, and counts its own evaluations.
  writeFileSync(join(folder, "helper.js"), "exports.twice = (n) => 2 * n;\n");
  writeFileSync(join(folder, "index.js"), 'globalThis.__bigLoads = (globalThis.__bigLoads ?? 0) + 1;\nconst path = require("node:path");\nconst { twice } = require("./helper.js");\nmodule.exports = { answer: twice(21), file: path.basename(__filename), self: module.exports === exports };\n');
  const require = createRequire(join(root, "package.json"));
  const load = () => requireWithCodeCache(require, underNodeModules ? "big" : "./big/index.js");
  const cacheFiles = () => {
    try {
      return readdirSync(join(root, "node_modules", ".cache", "diga-codegen"));
    } catch {
      return [];
    }
  };
  /**
   * Whether V8 takes the cache for the module's source, as the next run would. Asked in a fresh process: within this
   * one, V8's in-memory compilation cache answers before it looks at the data.
   */
  const cacheFits = () => {
    const [name] = cacheFiles();
    if (name === undefined) return false;
    const check = `const { Script } = require("node:vm"); const { Module } = require("node:module"); const { readFileSync } = require("node:fs");
      const [filename, cache] = process.argv.slice(1);
      const script = new Script(Module.wrap(readFileSync(filename, "utf8")), { filename, cachedData: readFileSync(cache) });
      process.stdout.write(String(script.cachedDataRejected));`;
    const answer = spawnSync(process.execPath, ["-e", check, join(folder, "index.js"), join(root, "node_modules", ".cache", "diga-codegen", name)], { encoding: "utf8" });
    return answer.stdout === "false";
  };
  const forget = () => {
    for (const key of Object.keys(require.cache)) if (key.startsWith(root)) delete require.cache[key];
  };
  return { root, load, cacheFiles, cacheFits, forget };
}

describe("requireWithCodeCache", () => {
  it("loads a module as require does, and writes a code cache next to its node_modules", () => {
    const big = installedPackage();
    expect(big.load()).toStrictEqual({ answer: 42, file: "index.js", self: true });
    expect(big.cacheFiles()).toHaveLength(1);
    expect(big.cacheFits()).toBe(true);
  });

  it("loads from the cache on the next run, with the same result, and evaluates the module once per run", () => {
    const big = installedPackage();
    const loadsBefore = (globalThis as { __bigLoads?: number }).__bigLoads ?? 0;
    big.load();
    expect(big.load()).toStrictEqual({ answer: 42, file: "index.js", self: true }); // same run: the loaded module
    big.forget();
    expect(big.load()).toStrictEqual({ answer: 42, file: "index.js", self: true }); // next run: from the cache
    expect((globalThis as { __bigLoads?: number }).__bigLoads).toBe(loadsBefore + 2);
    expect(big.cacheFiles()).toHaveLength(1);
  });

  it("replaces a cache that no longer fits the file, as after an upgrade", () => {
    const big = installedPackage();
    big.load();
    writeFileSync(join(big.root, "node_modules", "big", "index.js"), "module.exports = { answer: 43 };\n");
    expect(big.cacheFits()).toBe(false);
    big.forget();
    expect(big.load()).toStrictEqual({ answer: 43 });
    expect(big.cacheFits()).toBe(true);
  });

  it("loads despite a corrupt cache", () => {
    const big = installedPackage();
    big.load();
    const [name] = big.cacheFiles();
    writeFileSync(join(big.root, "node_modules", ".cache", "diga-codegen", name ?? ""), "not a V8 code cache");
    expect(big.cacheFits()).toBe(false);
    big.forget();
    expect(big.load()).toStrictEqual({ answer: 42, file: "index.js", self: true });
  });

  it("uses no cache for a file outside node_modules", () => {
    const big = installedPackage(false);
    expect(big.load()).toStrictEqual({ answer: 42, file: "index.js", self: true });
    expect(big.cacheFiles()).toStrictEqual([]);
  });

  it("lets a module's error through, and does not keep the half-loaded module", () => {
    const big = installedPackage();
    writeFileSync(join(big.root, "node_modules", "big", "index.js"), 'throw new Error("broken package");\n');
    expect(() => big.load()).toThrow("broken package");
    expect(() => big.load()).toThrow("broken package");
  });
});
