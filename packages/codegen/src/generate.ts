import { statSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import type { EmitContext } from "./emit/emitter.js";
import { generatedHeader, type GeneratedFile } from "./emit/file.js";
import { isSemver, packageVersionOf } from "./emit/package-files.js";
import { CodegenError } from "./errors.js";
import { loadParsedTemplates } from "./emit/template-cache.js";
import { readTemplateSources, type TemplateFiles } from "./emit/template-sources.js";
import { typesPlan } from "./emit/types.js";
import { startTypesJob } from "./emit/types-runner.js";
import { loadSpec, readTextFile, type ReadText } from "./load/load-spec.js";
import { buildModel } from "./model/build-model.js";
import type { ApiModel } from "./model/model.js";
import { compareStrings } from "./order.js";
import { inputsDigest, type OutputOptions } from "./write/freshness.js";
import { manifestFile, outputsDigest } from "./write/manifest.js";
import { validateSpec } from "./validate/validate-spec.js";
import { unusedCredentialWarnings } from "./model/warnings.js";
import { locatedIn } from "./load/located.js";
import { enabledEmitters } from "./plugins/index.js";

export interface GenerateOptions {
  /** Path of the OpenAPI 3.0/3.1 document, YAML or JSON; shown as given in messages. */
  readonly input: string;
  /** What a relative `input` is relative to. Default: the process's working folder. */
  readonly cwd?: string;
  /** Fetch `$ref`s to http(s) URLs. Default false: nothing is fetched unless asked. */
  readonly allowRemoteRefs?: boolean;
  /** The generated package's name. Default: derived from the spec title, e.g. `diga-api-client`. */
  readonly packageName?: string;
  /** The generated package's version. Default: the spec's `info.version`. */
  readonly packageVersion?: string;
  /**
   * Where the package is written, relative to the folder the generator runs in (`packages/diga-client`); only the
   * generated README's install command uses it. Default: `./<package name without scope>`.
   */
  readonly output?: string;
  /** How files are read; injectable for in-memory specs. */
  readonly read?: ReadText;
  /** Template sources, when not read from the templates package (tests of the templates themselves). */
  readonly templates?: TemplateFiles;
  /**
   * `"layout"` (default): the emitters print code as prettier lays it out, and schema.ts is openapi-typescript's
   * printer output. `"prettier"`: also run prettier over every file, for byte-exact prettier output (much slower on
   * big specs).
   */
  readonly format?: "layout" | "prettier";
  /** Run the types stage on a second thread (default true); false keeps everything on the calling thread. */
  readonly threads?: boolean;
  /**
   * Refuse what is otherwise generated with a warning (a path parameter without `required: true`, a schema that
   * contains itself…). Default false: be as lenient as the peers and say what was assumed.
   */
  readonly strict?: boolean;
  /** Called as operations are emitted, for progress output on big specs. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Plugins to run besides the built-in outputs, by name (`["tanstack-query"]`); see `plugins/index.ts`. */
  readonly plugins?: readonly string[];
}

export interface StageTimings {
  readonly [stage: string]: number;
}

export interface GenerateResult {
  /** Every file of the generated package, sorted by path; paths are relative with `/` separators. */
  readonly files: readonly GeneratedFile[];
  readonly model: ApiModel;
  /** Absolute paths of every file the spec was read from (external `$ref`s included); what watch mode watches. */
  readonly sources: readonly string[];
  /** Digest of every file but the manifest, as the manifest records it (`outputs`); what `--check` compares. */
  readonly outputsDigest: string;
  /** Milliseconds per stage. */
  readonly timings: StageTimings;
  /** What the generator assumed, adapted or left out, each with its JSON pointer; the CLI prints them. */
  readonly warnings: readonly GenerateWarning[];
}

/** A generation warning: where in the spec (JSON pointer) and what the generator did there. */
export interface GenerateWarning {
  /** Into the document; for a spec of several files, into the file named by `file`. */
  readonly pointer: string;
  readonly message: string;
  /**
   * For a spec of several files, the file the place is written in, and its line and column. A one-file spec's
   * warnings name only the pointer: finding a line means parsing the text again, seconds for a big JSON spec.
   */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

/**
 * The whole pipeline in memory: load → validate → model → emit types → emit operations → format → compile. Touches the disk
 * only to read the spec and the templates; writing is the caller's (see `writeOutput`). Throws `CodegenError` for
 * anything wrong with the input.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const timings: Record<string, number> = {};
  const time = async <T>(stage: string, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await run();
    } finally {
      timings[stage] = Math.round((performance.now() - start) * 10) / 10;
    }
  };

  // Checked before anything is read: an unknown plugin is a mistake in the call, whatever the spec.
  const emitters = enabledEmitters(options.plugins ?? []);
  // Started first, so the second core loads TypeScript and openapi-typescript while this one reads the spec.
  const types = startTypesJob(options.threads ?? true, options.read === undefined ? fileSize(resolve(options.cwd ?? process.cwd(), options.input)) : 0);
  try {
    const templatesPromise = options.templates === undefined ? readTemplateSources() : Promise.resolve(options.templates);
    const cwd = options.cwd ?? process.cwd();
    const loaded = await time("load", () => loadSpec(options.input, { cwd, read: options.read ?? readTextFile, allowRemoteRefs: options.allowRemoteRefs ?? false }));
    if (!loaded.bundled && options.read === undefined) types.parseFile(resolve(cwd, options.input), options.input);
    const validated = await time("validate", () => validateSpec(loaded, { strict: options.strict ?? false }));
    const document = validated.document;
    const model = await time("model", () => locatedIn(loaded, () => buildModel(document, { reservedNames: emitters.flatMap((emitter) => emitter.reservedNames ?? []) })));
    const header = generatedHeader(model.title, model.version);
    const version = resolvePackageVersion(options.packageVersion, model.version);
    const packageOptions = { packageName: options.packageName ?? defaultPackageName(model.title), packageVersion: version.version, installPath: installPathOf(options.output) };

    const typesStart = performance.now();
    const typeModules = types.emit(document, validated.edits, typesPlan(model), header).then((files) => {
      timings["types"] = Math.round((performance.now() - typesStart) * 10) / 10;
      return files;
    });
    // Awaited below, after the operations; until then a failure here must not count as an unhandled rejection,
    // which would end the CLI's process with a stack trace instead of our message.
    typeModules.catch(() => undefined);
    const templates = await templatesPromise;
    const parsed = await loadParsedTemplates(templates);
    const base = { model, document, header, templates: parsed, templateFiles: templates, package: packageOptions, onProgress: options.onProgress };
    const context: EmitContext = { ...base, contributions: emitters.flatMap((emitter) => (emitter.package === undefined ? [] : [emitter.package({ ...base, contributions: [] })])) };
    const emitted = await time("operations", () => emitters.flatMap((emitter) => emitter.emit(context)));
    // The runtime is copied verbatim, already laid out as prettier would.
    const isCode = (file: GeneratedFile) => file.path.endsWith(".ts") && !file.path.startsWith("src/runtime/");
    const code = [...(await typeModules), ...emitted.filter(isCode)];
    const formatted = options.format === "prettier" ? await time("format", async () => (await import("./format/format-files.js")).formatFiles(code)) : code;
    const typescript = [...formatted, ...emitted.filter((file) => file.path.endsWith(".ts") && !isCode(file))];
    const compiled = await time("compile", async () => (await import("./compile/compile-files.js")).compileFiles(typescript));
    const files = sortByPath([...typescript, ...compiled, ...emitted.filter((file) => !file.path.endsWith(".ts"))]);
    const inputs = inputsDigest(outputOptionsOf(options), loaded.sources);
    const outputs = outputsDigest(files);
    const manifest = manifestFile(files, { sources: loaded.sources.map((source) => source.path), digest: inputs, outputs });
    const entry = resolve(cwd, options.input);
    const sources = loaded.sources.map(({ path }) => (path === "" ? entry : /^https?:/i.test(path) ? path : resolve(dirname(entry), path)));
    const warnings = [...validated.warnings, ...(version.warning === undefined ? [] : [version.warning]), ...model.warnings, ...unusedCredentialWarnings(model)];
    return {
      files: sortByPath([...files, manifest]),
      model,
      sources,
      outputsDigest: outputs,
      timings,
      warnings: loaded.bundled ? warnings.map((warning) => ({ ...warning, ...loaded.locate(warning.pointer) })) : warnings,
    };
  } finally {
    types.cancel();
  }
}

/** What besides the spec and the generator decides the output: the options that change files. */
export function outputOptionsOf(options: GenerateOptions): OutputOptions {
  // Left out (so earlier manifests stay valid) unless plugins are enabled; sorted, since their order changes nothing.
  const plugins = [...new Set(options.plugins ?? [])].sort(compareStrings).join(",");
  return { packageName: options.packageName, packageVersion: options.packageVersion, format: options.format ?? "layout", output: options.output, plugins: plugins === "" ? undefined : plugins };
}

/**
 * The package's version: the one asked for, which must be valid semver (npm refuses anything else), or the spec's
 * `info.version` made valid, with a warning when it had to change.
 */
function resolvePackageVersion(asked: string | undefined, specVersion: string): { version: string; warning?: GenerateWarning } {
  if (asked !== undefined) {
    if (!isSemver(asked))
      throw new CodegenError("config", [{ message: `package version "${asked}" is not valid semver`, hint: "pass a version such as 1.2.3 or 1.2.3-beta.1 (--package-version or packageVersion)" }]);
    return { version: asked };
  }
  const { version, changed } = packageVersionOf(specVersion);
  if (!changed) return { version };
  return { version, warning: { pointer: "/info/version", message: `"${specVersion}" is not a valid package version; the package is ${version} (set --package-version or packageVersion to choose)` } };
}

/** `./packages/diga-client` for npm, which needs the `./` to read a path; nothing for a path outside the working folder. */
function installPathOf(output: string | undefined): string | undefined {
  if (output === undefined || isAbsolute(output)) return undefined;
  const path = output.split("\\").join("/").replace(/\/+$/, "");
  return path.startsWith(".") ? path : `./${path}`;
}

/** `Diga API` → `diga-api-client`. */
export function defaultPackageName(title: string): string {
  const base =
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "api";
  return base.endsWith("client") ? base : `${base}-client`;
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // the load stage reports a missing file, with its hint
  }
}

function sortByPath(files: readonly GeneratedFile[]): GeneratedFile[] {
  return [...files].sort((a, b) => compareStrings(a.path, b.path));
}
