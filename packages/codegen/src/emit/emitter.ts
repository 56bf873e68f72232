import type { ApiModel } from "../model/model.js";
import type { OpenApiDocument } from "../model/spec.js";
import type { GeneratedFile } from "./file.js";
import type { PackageOptions } from "./package-files.js";
import type { ParsedTemplates } from "./templates.js";
import type { TemplateFiles } from "./template-sources.js";

/**
 * One output of the generator. The built-in outputs (operations, client, facade, models, index, README, package
 * files) and the plugins (TanStack Query, MSW mocks) are all emitters: `generate` runs the enabled ones over the same
 * model and merges what they return. An emitter reads the model, never raw OpenAPI, except for what the model does
 * not carry (a plugin that builds mock data reads the schemas from `document`).
 *
 * Adding an output is one folder (`src/plugins/<name>/`) plus one line in the registry.
 */
export interface Emitter {
  /** How users enable it: `--plugin <name>` and `"plugins": ["<name>"]` in the config. Kebab-case. */
  readonly name: string;
  /** One line for `--help` and the README. */
  readonly summary: string;
  /** On without being asked: the built-in outputs. Plugins are off until enabled. */
  readonly builtIn: boolean;
  /**
   * Names this emitter's files declare at module scope next to the operation functions they import (or that the
   * package index exports); the model renames operations that would collide (`queryOptions` → `queryOptions_`).
   */
  readonly reservedNames?: readonly string[];
  /** The files it writes, paths relative to the package (`src/tanstack-query.ts`). Pure: same context, same files. */
  emit(context: EmitContext): readonly GeneratedFile[];
  /** What it adds to the generated `package.json`. */
  readonly package?: (context: EmitContext) => PackageContribution;
}

/** Everything an emitter may read; decided once by the earlier stages. */
export interface EmitContext {
  readonly model: ApiModel;
  /** The validated document (after the lenient validator's edits), for what the model does not carry. */
  readonly document: OpenApiDocument;
  /** The first line of every generated source file. */
  readonly header: string;
  readonly templates: ParsedTemplates;
  /** The raw template sources, e.g. the runtime files copied verbatim. */
  readonly templateFiles: TemplateFiles;
  readonly package: PackageOptions;
  /**
   * What every enabled emitter adds to `package.json` (in registry order), for the emitters that write or describe
   * the package: the package files and the README.
   */
  readonly contributions: readonly PackageContribution[];
  /** Called as operations are emitted, for progress output on big specs. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

/** What an emitter adds to the generated `package.json`. */
export interface PackageContribution {
  /**
   * Subpath exports, subpath → module under `src/` without extension: `{ "./tanstack-query": "tanstack-query" }`
   * becomes `"./tanstack-query": { types: "./dist/tanstack-query.d.ts", default: "./dist/tanstack-query.js" }`.
   */
  readonly exports?: Readonly<Record<string, string>>;
  /**
   * Packages the emitted code imports (types or values) and the app provides: peer dependencies, optional, since
   * an app that never imports this subpath needs none of them. Exact ranges, e.g. `{ "@tanstack/query-core": "^5" }`.
   */
  readonly peerDependencies?: Readonly<Record<string, string>>;
  /** A section of the generated README (markdown starting with `## `), placed after the built-in sections. */
  readonly readme?: string;
}
