import { CodegenError } from "../errors.js";
import type { BundledSpec } from "./bundle.js";

/** Adds file and line:column to the problems of a stage that only knows JSON pointers (model, diff). */
export function locatedIn<T>(spec: Pick<BundledSpec, "locate">, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof CodegenError)) throw error;
    const problems = error.problems.map((problem) => (problem.file !== undefined || problem.pointer === undefined ? problem : { ...problem, ...spec.locate(problem.pointer) }));
    throw new CodegenError(error.stage, problems, { cause: error });
  }
}
