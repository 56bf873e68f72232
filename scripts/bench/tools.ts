/**
 * The generators under test: ours and each peer in its closest-to-default fetch-client setup, configured by CLI
 * flags only (no config files), all run with `node <their bin script>` so no npx/npm wrapper is timed.
 */
import path from "node:path";
import { benchPackageFile, OUR_CLI } from "./paths.js";
import type { BenchSpec, SpecId } from "./specs.js";

export const TOOL_IDS = ["ours", "openapi-typescript", "hey-api", "orval", "oazapfts", "swagger-typescript-api"] as const;
export type ToolId = (typeof TOOL_IDS)[number];

/** What to bundle to measure the cost of calling one list operation. */
export type ListOperationEntry = { kind: "entry"; file: string; exportName: string; note?: string } | { kind: "n/a"; reason: string };

export interface BenchTool {
  id: ToolId;
  label: string;
  /** Exactly how it is invoked and configured, for the report. */
  configuration: string;
  /** Arguments for `node` that generate from `specFile` into `outDir` (which exists and is empty). */
  nodeArgs(specFile: string, outDir: string): string[];
  /** The module settings under which its output is meant to compile. */
  moduleResolution: "NodeNext" | "Bundler";
  /** The file a user would import the list operation from, and its export name. */
  listOperationEntry(spec: BenchSpec, outDir: string): ListOperationEntry;
}

/** hey-api, orval and oazapfts all camelCase the operationId. */
const PEER_LIST_FUNCTION: Readonly<Record<SpecId, string>> = {
  github: "issuesListForRepo",
  stripe: "getCustomers",
  phone: "listPhonesV1PhoneGet",
};

/** Ours camelCases the operationId too, but drops FastAPI's `_v1_phone__get` suffix. */
const OUR_LIST_FUNCTION: Readonly<Record<SpecId, string>> = {
  github: "issuesListForRepo",
  stripe: "getCustomers",
  phone: "listPhones",
};

const ours: BenchTool = {
  id: "ours",
  label: "ours (@diga/codegen)",
  configuration: "node packages/codegen/bin/diga-codegen.js generate -i <spec> -o <out> --package-name bench-client",
  nodeArgs: (specFile, outDir) => [OUR_CLI, "generate", "-i", specFile, "-o", outDir, "--package-name", "bench-client"],
  moduleResolution: "NodeNext", // the generated package is "type": "module" with .js import specifiers
  listOperationEntry: (spec, outDir) => ({
    kind: "entry",
    file: path.join(outDir, "src/index.ts"),
    exportName: OUR_LIST_FUNCTION[spec.id],
  }),
};

const openapiTypescript: BenchTool = {
  id: "openapi-typescript",
  label: "openapi-typescript",
  configuration: "openapi-typescript <spec> -o <out>/schema.ts (types only, default options)",
  nodeArgs: (specFile, outDir) => [benchPackageFile("openapi-typescript", "bin/cli.js"), specFile, "-o", path.join(outDir, "schema.ts")],
  moduleResolution: "Bundler",
  listOperationEntry: () => ({ kind: "n/a", reason: "types only: no function to call" }),
};

const heyApi: BenchTool = {
  id: "hey-api",
  label: "@hey-api/openapi-ts",
  configuration: "openapi-ts -i <spec> -o <out> (defaults: @hey-api/typescript + @hey-api/sdk + @hey-api/client-fetch, bundled into the output)",
  nodeArgs: (specFile, outDir) => [benchPackageFile("@hey-api/openapi-ts", "bin/run.js"), "-i", specFile, "-o", outDir],
  moduleResolution: "Bundler", // extensionless relative imports
  listOperationEntry: (spec, outDir) => ({
    kind: "entry",
    file: path.join(outDir, "index.ts"),
    exportName: PEER_LIST_FUNCTION[spec.id],
  }),
};

const orval: BenchTool = {
  id: "orval",
  label: "orval",
  configuration: "orval -i <spec> -o <out>/api.ts --client fetch (default mode: single file)",
  nodeArgs: (specFile, outDir) => [benchPackageFile("orval", "dist/bin/orval.mjs"), "-i", specFile, "-o", path.join(outDir, "api.ts"), "--client", "fetch"],
  moduleResolution: "Bundler",
  listOperationEntry: (spec, outDir) => ({
    kind: "entry",
    file: path.join(outDir, "api.ts"),
    exportName: PEER_LIST_FUNCTION[spec.id],
  }),
};

const oazapfts: BenchTool = {
  id: "oazapfts",
  label: "oazapfts",
  configuration: "oazapfts <spec> <out>/api.ts (defaults; output imports @oazapfts/runtime)",
  nodeArgs: (specFile, outDir) => [benchPackageFile("oazapfts", "dist/cli.js"), specFile, path.join(outDir, "api.ts")],
  moduleResolution: "Bundler",
  listOperationEntry: (spec, outDir) => ({
    kind: "entry",
    file: path.join(outDir, "api.ts"),
    exportName: PEER_LIST_FUNCTION[spec.id],
  }),
};

const swaggerTypescriptApi: BenchTool = {
  id: "swagger-typescript-api",
  label: "swagger-typescript-api",
  // No --http-client flag: fetch is the default, and in 13.13.0 `--http-client fetch` selects axios
  // (dist/cli.mjs: `args["http-client"] || args.axios ? AXIOS : FETCH`).
  configuration: "swagger-typescript-api generate -p <spec> -o <out> (defaults: fetch HttpClient, one Api.ts)",
  nodeArgs: (specFile, outDir) => [benchPackageFile("swagger-typescript-api", "dist/cli.mjs"), "generate", "-p", specFile, "-o", outDir],
  moduleResolution: "Bundler",
  // Operations are arrow-function properties of the generated `Api` class, so the smallest importable unit that
  // contains the list operation is the whole class: that is what a user of one operation ships.
  listOperationEntry: (_spec, outDir) => ({
    kind: "entry",
    file: path.join(outDir, "Api.ts"),
    exportName: "Api",
    note: "whole Api class (methods are not tree-shakeable)",
  }),
};

export const TOOLS: Readonly<Record<ToolId, BenchTool>> = {
  ours,
  "openapi-typescript": openapiTypescript,
  "hey-api": heyApi,
  orval,
  oazapfts,
  "swagger-typescript-api": swaggerTypescriptApi,
};
