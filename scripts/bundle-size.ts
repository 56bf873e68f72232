/**
 * How many bytes a user's bundle pays for the generated client: one list operation (with pagination, retries,
 * validation and errors), the whole runtime, and the whole package with the facade. esbuild, minified, then gzip.
 *
 *   npx -y pnpm@12.4.2 bundle-size              the three bundles
 *   npx -y pnpm@12.4.2 bundle-size --modules    also the minified bytes each module adds to them
 */
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const client = fileURLToPath(new URL("../packages/diga-client/src/", import.meta.url));

export interface BundleSize {
  readonly name: string;
  readonly minified: number;
  readonly gzipped: number;
}

/** Bundles `entry` (source text resolved inside the client package) the way an application bundler would. */
export async function bundleSize(name: string, entry: string): Promise<BundleSize & { code: string; modules: [module: string, bytes: number][] }> {
  const result = await build({
    stdin: { contents: entry, resolveDir: client, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.text ?? "";
  const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
  const modules = Object.entries(inputs)
    .map(([path, { bytesInOutput }]): [string, number] => [path.replace(/^.*?src\//, ""), bytesInOutput])
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1]);
  return { name, code, modules, minified: Buffer.byteLength(code), gzipped: gzipSync(code, { level: 9 }).length };
}

export const BUNDLES = {
  "one list operation (listPhones + createClient)": 'export { createClient, listPhones } from "./index.js";',
  "the whole runtime": 'export * from "./runtime/index.js";',
  "the whole package (index, facade included)": 'export * from "./index.js";',
} as const;

async function main(): Promise<void> {
  console.log("bundle (esbuild --bundle --minify, ESM, then gzip -9)          minified     min+gzip");
  for (const [name, entry] of Object.entries(BUNDLES)) {
    const { minified, gzipped, modules } = await bundleSize(name, entry);
    console.log(`${name.padEnd(60)} ${`${minified} B`.padStart(10)} ${`${gzipped} B`.padStart(12)}`);
    if (process.argv.includes("--modules")) for (const [module, bytes] of modules) console.log(`  ${module.padEnd(58)} ${`${bytes} B`.padStart(10)}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
