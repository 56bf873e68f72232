import { emitClient } from "./client.js";
import type { Emitter } from "./emitter.js";
import { emitOperation } from "./operations.js";
import { emitIndex, emitModels, emitPackageFiles, emitRuntime } from "./package-files.js";
import { emitReadme } from "./readme.js";
import { emitSdk } from "./sdk.js";

/**
 * The outputs every generated package has, as emitters: the same seam the plugins use, so `generate` knows no output
 * by name. The types (`src/schema.ts`, `src/types/`) are not among them: they are the types stage, run on its own thread.
 */
export const operationsEmitter: Emitter = {
  name: "operations",
  summary: "one module per operation (`src/operations/<name>.ts`)",
  builtIn: true,
  emit: ({ model, templates, header, onProgress }) =>
    model.operations.map((operation, index) => {
      onProgress?.(index + 1, model.operations.length);
      return emitOperation(operation, { template: templates.operation, header });
    }),
};

export const clientEmitter: Emitter = {
  name: "client",
  summary: "`createClient` and its options (`src/client.ts`)",
  builtIn: true,
  emit: ({ model, templates, header, package: options }) => [emitClient(model, templates.client, header, `${options.packageName}/${options.packageVersion}`)],
};

export const sdkEmitter: Emitter = {
  name: "sdk",
  summary: "the resource-style facade class (`src/sdk.ts`)",
  builtIn: true,
  emit: ({ model, templates, header, document }) => [emitSdk(model, templates.sdk, header, Object.fromEntries((document.tags ?? []).map((tag) => [tag.name, tag.description])))],
};

export const modelsEmitter: Emitter = {
  name: "models",
  summary: "a readable type name per component schema (`src/models.ts`)",
  builtIn: true,
  emit: ({ model, header }) => {
    const file = emitModels(model, header);
    return file === undefined ? [] : [file];
  },
};

export const indexEmitter: Emitter = {
  name: "index",
  summary: "the package's root module, every public name listed (`src/index.ts`)",
  builtIn: true,
  emit: ({ model, header }) => [emitIndex(model, header)],
};

export const runtimeEmitter: Emitter = {
  name: "runtime",
  summary: "the runtime, copied verbatim (`src/runtime/`)",
  builtIn: true,
  emit: ({ templateFiles, header }) => emitRuntime(templateFiles.runtime, header),
};

export const packageFilesEmitter: Emitter = {
  name: "package-files",
  summary: "`package.json`, `tsconfig.json` and `.gitattributes`",
  builtIn: true,
  emit: ({ model, package: options, contributions }) => [...emitPackageFiles(model, options, contributions), { path: ".gitattributes", contents: "* text=auto eol=lf\n" }],
};

export const readmeEmitter: Emitter = {
  name: "readme",
  summary: "the package's README.md",
  builtIn: true,
  emit: ({ model, package: options, contributions }) => [
    emitReadme(
      model,
      options,
      contributions.flatMap((contribution) => (contribution.readme === undefined ? [] : [contribution.readme])),
    ),
  ],
};

/** In the order their files were emitted before the seam (the order only matters for progress output). */
export const BUILT_IN_EMITTERS: readonly Emitter[] = [operationsEmitter, clientEmitter, sdkEmitter, indexEmitter, modelsEmitter, runtimeEmitter, packageFilesEmitter, readmeEmitter];
