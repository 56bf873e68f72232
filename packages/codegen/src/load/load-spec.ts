import { readFile } from "node:fs/promises";
import { CodegenError } from "../errors.js";
import { parseSource, type SourceDocument } from "./source.js";

/** Reads a file as UTF-8 text; injectable so `generate()` can run on in-memory specs. */
export type ReadText = (file: string) => Promise<string>;

export const readTextFile: ReadText = (file) => readFile(file, "utf8");

/** The entry document of a spec, parsed, with the means to locate any JSON pointer in it. */
export interface LoadedSpec {
  readonly entry: SourceDocument;
}

/** Stage 1: read and parse. Syntax errors carry file:line:column; a missing file says which path was tried. */
export async function loadSpec(file: string, read: ReadText = readTextFile): Promise<LoadedSpec> {
  let text: string;
  try {
    text = await read(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    throw new CodegenError("load", [
      {
        file,
        message:
          code === "ENOENT"
            ? "spec file not found"
            : code === "EISDIR"
              ? "spec path is a folder, not a file"
              : `cannot read spec file: ${error instanceof Error ? error.message : String(error)}`,
        hint: "pass the OpenAPI document with --input <file.yaml|file.json>, or set `input` in codegen.config.json",
      },
    ]);
  }
  return { entry: parseSource(file, text) };
}
