/** The pipeline stage a problem was found in; tells the user whether to fix the spec, the config or the output folder. */
export type Stage = "config" | "load" | "validate" | "model" | "emit" | "format" | "write";

/** One thing wrong with the input, located as precisely as the stage can. */
export interface Problem {
  readonly message: string;
  /** JSON pointer into the document, e.g. `/paths/~1v1~1phone~1/get`. */
  readonly pointer?: string;
  readonly file?: string;
  /** 1-based, where the parser knows it. */
  readonly line?: number;
  readonly column?: number;
  /** What to do about it. */
  readonly hint?: string;
}

/**
 * Everything the generator rejects on purpose. Library code throws it; only the CLI prints it and picks an exit
 * code, so a user mistake never surfaces as a stack trace.
 */
export class CodegenError extends Error {
  override readonly name = "CodegenError";

  constructor(
    readonly stage: Stage,
    readonly problems: readonly Problem[],
    options?: { cause?: unknown },
  ) {
    super(problems.map(formatProblem).join("\n"), options);
  }
}

/** `file:line:column: message (at /json/pointer)` followed by the hint, in the order an editor can jump to. */
export function formatProblem(problem: Problem): string {
  const place = [problem.file, problem.line, problem.line === undefined ? undefined : problem.column].filter((part) => part !== undefined).join(":");
  const pointer = problem.pointer === undefined ? "" : ` (at ${problem.pointer === "" ? "/" : problem.pointer})`;
  const hint = problem.hint === undefined ? "" : `\n  hint: ${problem.hint}`;
  return `${place === "" ? "" : `${place}: `}${problem.message}${pointer}${hint}`;
}

export function isCodegenError(error: unknown): error is CodegenError {
  return error instanceof CodegenError;
}
