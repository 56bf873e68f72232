/**
 * How many bytes a user's bundle pays for the generated client: one list operation (with pagination, retries,
 * validation and errors), the whole runtime, and the whole package with the facade. esbuild, minified, then gzip.
 *
 *   npx -y pnpm@12.4.2 bundle-size
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
export async function bundleSize(name: string, entry: string): Promise<BundleSize & { code: string }> {
  const result = await build({
    stdin: { contents: entry, resolveDir: client, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.text ?? "";
  return { name, code, minified: Buffer.byteLength(code), gzipped: gzipSync(code, { level: 9 }).length };
}

export const BUNDLES = {
  "one list operation (listPhones + createClient)": 'export { createClient, listPhones } from "./index.js";',
  "the whole runtime": 'export * from "./runtime/index.js";',
  "the whole package (index, facade included)": 'export * from "./index.js";',
} as const;

async function main(): Promise<void> {
  console.log("bundle (esbuild --bundle --minify, ESM, then gzip -9)          minified     min+gzip");
  for (const [name, entry] of Object.entries(BUNDLES)) {
    const { minified, gzipped } = await bundleSize(name, entry);
    console.log(`${name.padEnd(60)} ${`${minified} B`.padStart(10)} ${`${gzipped} B`.padStart(12)}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
