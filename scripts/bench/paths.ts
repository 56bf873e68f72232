/** Where the benchmark reads and writes. Everything it creates lives under `.bench/` (gitignored scratch). */
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The scratch folder: its own npm project with the pinned peers, outputs, logs and results. */
export const BENCH_DIR = path.join(REPO_ROOT, ".bench");
export const BENCH_NODE_MODULES = path.join(BENCH_DIR, "node_modules");
/** Generated outputs and per-run logs; wiped at the start of every benchmark so old runs cannot be mistaken for new ones. */
export const BENCH_OUT_DIR = path.join(BENCH_DIR, "out");

/** Our generator's CLI and the file whose absence means "not built yet". */
export const OUR_CLI = path.join(REPO_ROOT, "packages/codegen/bin/diga-codegen.js");
export const OUR_DIST_ENTRY = path.join(REPO_ROOT, "packages/codegen/dist/cli/main.js");
export const OUR_SRC_DIR = path.join(REPO_ROOT, "packages/codegen/src");

/** A file inside an installed scratch package, e.g. `benchPackageFile("typescript", "bin/tsc")`. */
export function benchPackageFile(packageName: string, relativePath: string): string {
  return path.join(BENCH_NODE_MODULES, packageName, relativePath);
}

/** Shows a path relative to the repo root when it is inside it (shorter tables and logs). */
export function displayPath(absolutePath: string): string {
  const relative = path.relative(REPO_ROOT, absolutePath);
  return relative.startsWith("..") ? absolutePath : relative;
}
