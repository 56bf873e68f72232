import ts from "typescript";

/**
 * The compiler options a demanding user might have: everything `strict` plus the flags that catch the most
 * sloppy generated code. The generated client must compile under all of them.
 */
export const STRICTEST: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  types: [],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noPropertyAccessFromIndexSignature: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noFallthroughCasesInSwitch: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  noEmit: true,
  skipLibCheck: false,
};

export interface TypeDiagnostic {
  readonly file: string | undefined;
  readonly line: number;
  readonly column: number;
  readonly code: number;
  readonly message: string;
}

/** Lib files parsed once per process: parsing lib.dom.d.ts is a fair share of a small program's time. */
const libCache = new Map<string, ts.SourceFile>();

/** Every pre-emit diagnostic of one program over `rootNames`; lines and columns count from 1. */
export function diagnose(rootNames: readonly string[], options: ts.CompilerOptions = STRICTEST): TypeDiagnostic[] {
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  const libDirectory = ts.getDefaultLibFilePath(options).replace(/[\\/][^\\/]*$/, "");
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!fileName.startsWith(libDirectory)) return read(fileName, languageVersion, onError, shouldCreate);
    const key = `${fileName}|${typeof languageVersion === "object" ? languageVersion.languageVersion : languageVersion}`;
    const cached = libCache.get(key);
    if (cached !== undefined) return cached;
    const parsed = read(fileName, languageVersion, onError, shouldCreate);
    if (parsed !== undefined) libCache.set(key, parsed);
    return parsed;
  };
  const program = ts.createProgram({ rootNames, options, host });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const position = diagnostic.file === undefined || diagnostic.start === undefined ? undefined : diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return {
      file: position === undefined ? undefined : diagnostic.file?.fileName,
      line: (position?.line ?? -1) + 1,
      column: (position?.character ?? -1) + 1,
      code: diagnostic.code,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"),
    };
  });
}

/** Type-checks the given files; returns every diagnostic as `file:line: message`. */
export function typecheck(rootNames: readonly string[], options: ts.CompilerOptions = STRICTEST): string[] {
  return diagnose(rootNames, options).map(({ file, line, message }) => (file === undefined ? message : `${file}:${line}: ${message}`));
}
