import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { loadWithCodeCache } from "./code-cache.js";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const codeCacheModule = fileURLToPath(new URL("./code-cache.ts", import.meta.url));

/** A CommonJS package `big` inside `<root>/node_modules` (or beside it), with a sibling file and a builtin to require. */
function installedPackage(underNodeModules = true) {
  // Real path: require.cache keys are real paths, and a temp folder may sit behind a symlink (macOS's /var).
  const root = realpathSync(mkdtempSync(join(tmpdir(), "code-cache-")));
  folders.push(root);
  const folder = underNodeModules ? join(root, "node_modules", "big") : join(root, "big");
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "package.json"), JSON.stringify({ name: "big", main: "index.js" }));
  writeFileSync(join(folder, "helper.js"), "exports.twice = (n) => 2 * n;\n");
  const write = (body: string) => writeFileSync(join(folder, "index.js"), body);
  write('const path = require("node:path");\nconst { twice } = require("./helper.js");\nmodule.exports = { answer: twice(21), file: path.basename(__filename), self: module.exports === exports };\n');
  const specifier = underNodeModules ? "big" : "./big/index.js";
  const cacheFiles = () => {
    try {
      return readdirSync(join(root, "node_modules", ".cache", "diga-codegen"));
    } catch {
      return [];
    }
  };
  /** Loads the package in a fresh process, as the next run of the generator would (V8 keeps no memory of this one). */
  const loadInNewProcess = (): { exports: unknown; cache: string } => {
    const script = `const { loadWithCodeCache } = await import(${JSON.stringify(codeCacheModule)});
      const { createRequire } = await import("node:module");
      process.stdout.write(JSON.stringify(loadWithCodeCache(createRequire(${JSON.stringify(join(root, "package.json"))}), ${JSON.stringify(specifier)})));`;
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(child.stderr);
    return JSON.parse(child.stdout) as { exports: unknown; cache: string };
  };
  return { root, folder, write, specifier, cacheFiles, loadInNewProcess };
}

describe("loadWithCodeCache", () => {
  it("loads a module as require does, writes a cache next to its node_modules, and the next run uses it", () => {
    const big = installedPackage();
    expect(big.loadInNewProcess()).toStrictEqual({ exports: { answer: 42, file: "index.js", self: true }, cache: "written" });
    expect(big.cacheFiles()).toHaveLength(1);
    expect(big.loadInNewProcess()).toStrictEqual({ exports: { answer: 42, file: "index.js", self: true }, cache: "used" });
  });

  it("never runs an old cache for an edited file, even one of the same length", () => {
    const big = installedPackage();
    big.write('module.exports = "AAAA";\n');
    expect(big.loadInNewProcess()).toStrictEqual({ exports: "AAAA", cache: "written" });
    big.write('module.exports = "BBBB";\n');
    expect(big.loadInNewProcess()).toStrictEqual({ exports: "BBBB", cache: "written" });
    expect(big.cacheFiles()).toHaveLength(1); // the old version's cache is gone
    expect(big.loadInNewProcess()).toStrictEqual({ exports: "BBBB", cache: "used" });
  });

  it("replaces a corrupt cache", () => {
    const big = installedPackage();
    big.loadInNewProcess();
    const [name] = big.cacheFiles();
    writeFileSync(join(big.root, "node_modules", ".cache", "diga-codegen", name ?? ""), "not a V8 code cache");
    expect(big.loadInNewProcess()).toStrictEqual({ exports: { answer: 42, file: "index.js", self: true }, cache: "written" });
    expect(big.loadInNewProcess().cache).toBe("used");
  });

  it("uses no cache for a file outside node_modules", () => {
    const big = installedPackage(false);
    expect(big.loadInNewProcess()).toStrictEqual({ exports: { answer: 42, file: "index.js", self: true }, cache: "none" });
    expect(big.cacheFiles()).toStrictEqual([]);
  });

  it("returns the loaded module on a second load in the same process, and keeps no half-loaded module", () => {
    const big = installedPackage();
    const require = createRequire(join(big.root, "package.json"));
    const first = loadWithCodeCache(require, big.specifier);
    expect(loadWithCodeCache(require, big.specifier)).toStrictEqual({ exports: first.exports, cache: "none" });
    const broken = installedPackage();
    broken.write('throw new Error("broken package");\n');
    const brokenRequire = createRequire(join(broken.root, "package.json"));
    expect(() => loadWithCodeCache(brokenRequire, broken.specifier)).toThrow("broken package");
    expect(() => loadWithCodeCache(brokenRequire, broken.specifier)).toThrow("broken package");
  });
});
