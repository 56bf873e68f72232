import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { digest } from "../digest.js";
import { CodegenError } from "../errors.js";
import { bundleSpec, type BundledSpec, type ReadText } from "./bundle.js";
import { parseSource } from "./source.js";

export type { ReadText };

export const readTextFile: ReadText = (file) => readFile(file, "utf8");

export interface LoadOptions {
  /** Resolves a relative `file`. */
  readonly cwd: string;
  readonly read: ReadText;
  readonly allowRemoteRefs: boolean;
}

/**
 * Stage 1: read, parse and bundle. Syntax errors carry file:line:column; a missing file says which path was tried;
 * `$ref`s to other files are brought into the one document the later stages read.
 */
export async function loadSpec(file: string, options: LoadOptions): Promise<BundledSpec> {
  const id = resolve(options.cwd, file);
  let text: string;
  try {
    text = await options.read(id);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    throw new CodegenError("load", [
      {
        file,
        message:
          code === "ENOENT" ? "spec file not found" : code === "EISDIR" ? "spec path is a folder, not a file" : `cannot read spec file: ${error instanceof Error ? error.message : String(error)}`,
        hint: "pass the OpenAPI document with --input <file.yaml|file.json>, or set `input` in codegen.config.json",
      },
    ]);
  }
  return bundleSpec(parseSource(file, text), id, digest(text), options, text);
}
