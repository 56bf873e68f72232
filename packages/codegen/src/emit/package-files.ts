import { RUNTIME_TYPE_EXPORTS, RUNTIME_VALUE_EXPORTS } from "../model/build-model.js";
import type { ApiModel } from "../model/model.js";
import { exportFrom, sourceFile } from "./code.js";
import type { PackageContribution } from "./emitter.js";
import type { GeneratedFile } from "./file.js";
import { print } from "./layout.js";
import { schemaModule } from "./type-modules.js";

/** `src/index.ts`: every public name, listed explicitly so the package reads like a table of contents. */
export function emitIndex(model: ApiModel, header: string): GeneratedFile {
  const statements = [
    { doc: header },
    exportFrom("./client.js", ["createClient"]),
    exportFrom("./client.js", ["ClientOptions"], true),
    exportFrom("./sdk.js", [model.sdkClassName]),
    exportFrom("./runtime/index.js", RUNTIME_VALUE_EXPORTS),
    exportFrom("./runtime/index.js", RUNTIME_TYPE_EXPORTS, true),
    ...(model.schemas.length === 0
      ? []
      : [
          exportFrom(
            "./models.js",
            model.schemas.map((schema) => schema.name),
            true,
          ),
        ]),
    ...model.operations.flatMap((operation) => {
      const module = `./operations/${operation.fileName}.js`;
      const { params, body, response, error, item, page } = operation.typeNames;
      const hasParams = operation.parameters.length > 0 || operation.requestBody !== undefined;
      const types = [hasParams && params, operation.requestBody !== undefined && body, response, operation.pagination !== undefined && item, operation.pagination !== undefined && page, error].filter(
        (typeName) => typeof typeName === "string",
      );
      return [exportFrom(module, [operation.functionName]), exportFrom(module, types, true)];
    }),
  ];
  return { path: "src/index.ts", contents: print(sourceFile(statements)) };
}

/**
 * `src/models.ts`: a readable name for every component schema, e.g. `PhoneRegisterStatus`, re-exported from the
 * schema's own module (see type-modules.ts), whose JSDoc is the schema's.
 */
export function emitModels(model: ApiModel, header: string): GeneratedFile | undefined {
  if (model.schemas.length === 0) return undefined;
  const statements = [{ doc: header }, ...model.schemas.map((schema) => exportFrom(`./${schemaModule(schema.name)}.js`, [schema.name], true))];
  return { path: "src/models.ts", contents: print(sourceFile(statements)) };
}

/** The runtime, copied verbatim (plus the header) so the generated package has no runtime dependency. */
export function emitRuntime(sources: readonly { name: string; text: string }[], header: string): GeneratedFile[] {
  return sources.map(({ name, text }) => ({ path: `src/runtime/${name}`, contents: `${header}\n\n${text}` }));
}

export interface PackageOptions {
  readonly packageName: string;
  /** Valid semver: see `packageVersionOf`. */
  readonly packageVersion: string;
  /** The package folder as `npm install` takes it from where the generator ran (`./packages/diga-client`). */
  readonly installPath?: string | undefined;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export function isSemver(version: string): boolean {
  return SEMVER.test(version);
}

/**
 * A version npm accepts, from the spec's `info.version`, which is often not semver (`2.0`, `v1`, `latest`,
 * `2021-03-01`): `v` dropped, missing parts filled with zeros (`2.0` → `2.0.0`), numbers with leading zeros read as
 * numbers; anything else becomes a prerelease of 0.0.0 (`latest` → `0.0.0-latest`), which sorts below every real
 * release. `changed` says whether the spec's text had to be adapted, so the caller can warn.
 */
export function packageVersionOf(specVersion: string): { version: string; changed: boolean } {
  const text = specVersion.trim();
  if (isSemver(text)) return { version: text, changed: false };
  const numeric = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/i.exec(text);
  if (numeric !== null)
    return {
      version: numeric
        .slice(1, 4)
        .map((part) => String(Number(part ?? "0")))
        .join("."),
      changed: true,
    };
  const label = text
    .replace(/[^0-9A-Za-z.-]+/g, "-")
    .replace(/\.{2,}/g, ".")
    .replace(/^[.-]+|[.-]+$/g, "")
    .split(".")
    .map((part) => (/^\d+$/.test(part) ? String(Number(part)) : part))
    .join(".");
  return { version: label === "" ? "0.0.0" : `0.0.0-${label}`, changed: true };
}

/**
 * `package.json` and `tsconfig.json` of the generated package: ESM, typed, side-effect free, zero dependencies of
 * any kind, and no build step: `dist/` is written by the generator (see compile-files.ts). `createClient` and each
 * operation are also entry points of their own (`<package>/client`, `<package>/operations/listPhones`): an app that
 * imports only those never makes TypeScript read the declarations of every other operation. openapi-typescript's
 * whole-API types (`paths`, `components`, `operations`) are `<package>/schema`, types only, and not in the root:
 * on a big API they are megabytes every importer of the root would parse.
 */
export function emitPackageFiles(model: ApiModel, options: PackageOptions, contributions: readonly PackageContribution[] = []): GeneratedFile[] {
  const entry = (path: string) => ({ types: `./dist/${path}.d.ts`, default: `./dist/${path}.js` });
  const added = mergeContributions(contributions);
  const peers = Object.keys(added.peerDependencies);
  const packageJson = {
    name: options.packageName,
    version: options.packageVersion,
    description: `TypeScript client for ${model.title}, generated from its OpenAPI description by @diga/codegen.`,
    type: "module",
    sideEffects: false,
    // Global fetch, ReadableStream and Blob without flags; Node 18 has reached its end of life.
    engines: { node: ">=20" },
    exports: {
      ".": entry("index"),
      "./client": entry("client"),
      "./operations/*": entry("operations/*"),
      "./schema": { types: "./dist/schema.d.ts" },
      ...Object.fromEntries(Object.entries(added.exports).map(([subpath, module]) => [subpath, entry(module)])),
      "./package.json": "./package.json",
    },
    main: "./dist/index.js",
    types: "./dist/index.d.ts",
    files: ["dist", "src"],
    // Only what a plugin's subpath imports, and optional: an app that never imports that subpath installs nothing.
    ...(peers.length === 0 ? {} : { peerDependencies: added.peerDependencies, peerDependenciesMeta: Object.fromEntries(peers.map((peer) => [peer, { optional: true }])) }),
  };
  // For editors and `tsc --noEmit` over the sources; nothing is built from it.
  const tsconfig = {
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      lib: ["ES2022", "DOM", "DOM.Iterable"],
      types: [],
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noImplicitOverride: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      isolatedDeclarations: true,
      declaration: true,
      noEmit: true,
      newLine: "lf",
    },
    include: ["src"],
  };
  return [
    { path: "package.json", contents: json(packageJson) },
    { path: "tsconfig.json", contents: json(tsconfig) },
  ];
}

/** The emitters' additions to package.json, merged; two emitters claiming one subpath or one peer differently is a bug in them. */
export function mergeContributions(contributions: readonly PackageContribution[]): { exports: Record<string, string>; peerDependencies: Record<string, string> } {
  const exports: Record<string, string> = {};
  const peerDependencies: Record<string, string> = {};
  const put = (target: Record<string, string>, key: string, value: string, what: string) => {
    if (target[key] !== undefined && target[key] !== value) throw new Error(`two emitters add ${what} ${key} differently (${target[key]}, ${value})`);
    target[key] = value;
  };
  for (const contribution of contributions) {
    for (const [subpath, module] of Object.entries(contribution.exports ?? {})) put(exports, subpath, module, "the export");
    for (const [peer, range] of Object.entries(contribution.peerDependencies ?? {})) put(peerDependencies, peer, range, "the peer dependency");
  }
  return { exports, peerDependencies: Object.fromEntries(Object.entries(peerDependencies).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}

/** `README.md`: install, authenticate, and one example per operation, derived from the spec so it stays true. */
