import { RUNTIME_TYPE_EXPORTS, RUNTIME_VALUE_EXPORTS } from "../model/build-model.js";
import type { ApiModel } from "../model/model.js";
import { indexed, moduleDeclaration, name, sourceFile, typeAlias } from "./code.js";
import { paragraphs } from "./docs.js";
import type { GeneratedFile } from "./file.js";
import { print } from "./layout.js";

/** `src/index.ts`: every public name, listed explicitly so the package reads like a table of contents. */
export function emitIndex(model: ApiModel, header: string): GeneratedFile {
  const exportFrom = (from: string, names: readonly string[], typeOnly = false) => ({
    doc: moduleDeclaration("export", names.map((exported) => ({ name: exported })), from, typeOnly),
    group: "export" as const,
  });
  const statements = [
    { doc: header },
    exportFrom("./client.js", ["createClient"]),
    exportFrom("./client.js", ["ClientOptions"], true),
    exportFrom("./sdk.js", [model.sdkClassName]),
    exportFrom("./runtime/index.js", RUNTIME_VALUE_EXPORTS),
    exportFrom("./runtime/index.js", RUNTIME_TYPE_EXPORTS, true),
    exportFrom("./schema.js", ["components", "operations", "paths"], true),
    ...(model.schemas.length === 0 ? [] : [exportFrom("./models.js", model.schemas.map((schema) => schema.name), true)]),
    ...model.operations.flatMap((operation) => {
      const module = `./operations/${operation.fileName}.js`;
      const { params, body, response, error, item, page } = operation.typeNames;
      const hasParams = operation.parameters.length > 0 || operation.requestBody !== undefined;
      const types = [hasParams && params, operation.requestBody !== undefined && body, response, operation.pagination !== undefined && item, operation.pagination !== undefined && page, error].filter((typeName) => typeof typeName === "string");
      return [exportFrom(module, [operation.functionName]), exportFrom(module, types, true)];
    }),
  ];
  return { path: "src/index.ts", contents: print(sourceFile(statements)) };
}

/** `src/models.ts`: a readable name for every component schema, e.g. `PhoneRegisterStatus`. */
export function emitModels(model: ApiModel, header: string): GeneratedFile | undefined {
  if (model.schemas.length === 0) return undefined;
  const statements = [
    { doc: header },
    { doc: moduleDeclaration("import", [{ name: "components" }], "./schema.js", true), group: "import" as const },
    ...model.schemas.map((schema) => ({
      doc: typeAlias(schema.name, indexed(name("components"), "schemas", schema.componentName), {
        doc: paragraphs(schema.description ?? `The \`${schema.componentName}\` schema.`, schema.deprecated && "@deprecated") ?? "",
      }),
    })),
  ];
  return { path: "src/models.ts", contents: print(sourceFile(statements)) };
}

/** The runtime, copied verbatim (plus the header) so the generated package has no runtime dependency. */
export function emitRuntime(sources: readonly { name: string; text: string }[], header: string): GeneratedFile[] {
  return sources.map(({ name, text }) => ({ path: `src/runtime/${name}`, contents: `${header}\n\n${text}` }));
}

export interface PackageOptions {
  readonly packageName: string;
  readonly packageVersion: string | undefined;
  /** The package folder as `npm install` takes it from where the generator ran (`./packages/diga-client`). */
  readonly installPath?: string | undefined;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * `package.json` and `tsconfig.json` of the generated package: ESM, typed, side-effect free, zero dependencies of
 * any kind, and no build step: `dist/` is written by the generator (see compile-files.ts). Each operation is also
 * its own entry point (`<package>/operations/listPhones`), for apps that want to import exactly one.
 */
export function emitPackageFiles(model: ApiModel, options: PackageOptions): GeneratedFile[] {
  const entry = (path: string) => ({ types: `./dist/${path}.d.ts`, default: `./dist/${path}.js` });
  const packageJson = {
    name: options.packageName,
    version: options.packageVersion ?? model.version,
    description: `TypeScript client for ${model.title}, generated from its OpenAPI description by @diga/codegen.`,
    type: "module",
    sideEffects: false,
    // Global fetch, ReadableStream and Blob without flags; Node 18 has reached its end of life.
    engines: { node: ">=20" },
    exports: { ".": entry("index"), "./operations/*": entry("operations/*"), "./package.json": "./package.json" },
    main: "./dist/index.js",
    types: "./dist/index.d.ts",
    files: ["dist", "src"],
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

/** `README.md`: install, authenticate, and one example per operation, derived from the spec so it stays true. */
