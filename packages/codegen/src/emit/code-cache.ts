import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire, Module } from "node:module";
import { dirname, join, sep } from "node:path";
import { Script } from "node:vm";

/**
 * `require` for one large CommonJS file, with a V8 code cache (what `module.enableCompileCache()` does on Node 22+,
 * which Node 20 lacks). Compiling TypeScript's 9 MB is about two thirds of the time it takes to load. The cache lives
 * in `node_modules/.cache/diga-codegen/` of the installation the file comes from: V8 checks it against the source, its
 * own version and its flags and compiles afresh when it does not fit, and a cache that cannot be read or written only
 * costs the speed-up.
 */
export function requireWithCodeCache(require: NodeJS.Require, specifier: string): unknown {
  const filename = require.resolve(specifier);
  const cacheFile = cacheFileFor(filename);
  if (require.cache[filename] !== undefined || cacheFile === undefined) return require(specifier);
  const cachedData = readIfPresent(cacheFile);
  const script = new Script(Module.wrap(readFileSync(filename, "utf8")), { filename, cachedData });
  const module = new Module(filename);
  module.filename = filename;
  require.cache[filename] = module;
  try {
    (script.runInThisContext() as ModuleWrapper).call(module.exports, module.exports, createRequire(filename), module, filename, dirname(filename));
  } catch (error) {
    delete require.cache[filename];
    throw error;
  }
  module.loaded = true;
  if (cachedData === undefined || script.cachedDataRejected === true) writeAtomically(cacheFile, script.createCachedData());
  return module.exports;
}

type ModuleWrapper = (this: unknown, exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;

/** One cache per file and Node build; undefined when the file is not inside a `node_modules` folder. */
function cacheFileFor(filename: string): string | undefined {
  const marker = `${sep}node_modules${sep}`;
  const at = filename.indexOf(marker);
  if (at === -1) return undefined;
  const key = createHash("sha256").update(`${filename}\0${process.version}\0${process.arch}`).digest("hex").slice(0, 16);
  return join(filename.slice(0, at + marker.length), ".cache", "diga-codegen", `${key}.v8-cache`);
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written under a unique name and renamed into place, so a concurrent run never reads half a cache. */
function writeAtomically(file: string, data: Buffer): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(partial, data);
    renameSync(partial, file);
  } catch {
    // A read-only installation: load without a cache next time too.
  }
}
