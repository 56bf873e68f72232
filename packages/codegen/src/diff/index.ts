/**
 * What changed in the generated SDK between two versions of a spec: per operation function and exported type,
 * classified breaking or not for a TypeScript caller, with the version bump that asks for.
 */
import { loadSpec, readTextFile, type ReadText } from "../load/load-spec.js";
import { buildModel } from "../model/build-model.js";
import { validateSpec } from "../validate/validate-spec.js";
import type { ApiDiff } from "./change.js";
import { diffSurfaces } from "./compare.js";
import { extractSurface, type ApiSurface } from "./surface.js";
import { locatedIn } from "../load/located.js";

export type { ApiDiff, Bump, Change, ChangeKind, ChangeSubject, DiffSummary, Severity } from "./change.js";
export type { ApiSurface } from "./surface.js";
export { diffSurfaces } from "./compare.js";
export { renderJson, renderMarkdown } from "./render.js";

export interface DiffOptions {
  /** How files are read; injectable for in-memory specs. Receives the path resolved against `cwd`. */
  readonly read?: ReadText;
  /** What relative inputs are relative to. Default: the process's working folder. */
  readonly cwd?: string;
  /** Fetch `$ref`s to http(s) URLs. Default false, as for `generate`. */
  readonly allowRemoteRefs?: boolean;
}

/**
 * The SDK-surface diff from the spec at `oldInput` to the one at `newInput`. Both go through the generator's own
 * load, validate and model stages, so a spec the generator rejects is rejected here with the same `CodegenError`.
 */
export async function diffSpecs(oldInput: string, newInput: string, options: DiffOptions = {}): Promise<ApiDiff> {
  const [before, after] = await Promise.all([loadSurface(oldInput, options), loadSurface(newInput, options)]);
  return diffSurfaces(before, after);
}

/** The surface of the SDK `generate` would emit for the spec at `input`. */
export async function loadSurface(input: string, options: DiffOptions = {}): Promise<ApiSurface> {
  const loaded = await loadSpec(input, { cwd: options.cwd ?? process.cwd(), read: options.read ?? readTextFile, allowRemoteRefs: options.allowRemoteRefs ?? false });
  const { document } = validateSpec(loaded);
  const model = locatedIn(loaded, () => buildModel(document));
  return extractSurface(document, model);
}
