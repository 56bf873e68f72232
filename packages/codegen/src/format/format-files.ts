import * as estreePlugin from "prettier/plugins/estree";
import * as typescriptPlugin from "prettier/plugins/typescript";
import type { Options } from "prettier";
import { format } from "prettier/standalone";
import { CodegenError } from "../errors.js";
import type { GeneratedFile } from "../emit/file.js";

/**
 * Stage 6: every `.ts` file through prettier. The standalone build with explicit options never reads a config file
 * or `.editorconfig` from the caller's folder, so the output is the same bytes on every machine.
 */
export const PRETTIER_OPTIONS: Readonly<Options> = Object.freeze({
  parser: "typescript",
  plugins: [estreePlugin, typescriptPlugin],
  printWidth: 100,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: false,
  quoteProps: "as-needed",
  trailingComma: "all",
  bracketSpacing: true,
  arrowParens: "always",
  endOfLine: "lf",
  proseWrap: "preserve",
});

export async function formatFiles(files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
  return Promise.all(files.map(formatFile));
}

async function formatFile(file: GeneratedFile): Promise<GeneratedFile> {
  if (!file.path.endsWith(".ts")) return file;
  try {
    return { path: file.path, contents: await format(file.contents, PRETTIER_OPTIONS) };
  } catch (error) {
    // Emitted code that does not parse is our bug, not the user's: say so, with the file.
    throw new CodegenError("format", [
      {
        file: file.path,
        message: `generated code does not parse: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
        hint: "this is a bug in diga-codegen; please report it with the spec that triggers it",
      },
    ]);
  }
}
