export { generate, defaultPackageName } from "./generate.js";
export type { GenerateOptions, GenerateResult, StageTimings } from "./generate.js";
export { CodegenError, formatProblem, isCodegenError } from "./errors.js";
export type { Problem, Stage } from "./errors.js";
export type { GeneratedFile } from "./emit/file.js";
export { planWrite, writeOutput, hasChanges } from "./write/write-output.js";
export type { WritePlan } from "./write/write-output.js";
export type { ApiModel, OperationModel } from "./model/model.js";
