import { createRequire } from "node:module";
import { CodegenError } from "../errors.js";
import { headerOf, type GeneratedFile } from "../emit/file.js";
import { isTypeModule } from "../emit/type-modules.js";
import { bundleRootDeclarations } from "./root-declarations.js";

/**
 * Stage 7: the package as apps consume it. Every `src/**.ts` file also becomes `dist/**.js` (types stripped) and
 * `dist/**.d.ts` (declarations), so the package works the moment it is written: plain Node imports it, bundlers
 * and TypeScript apps resolve it through `exports`, and no build step runs in the user's project. The sources stay
 * beside it for reading.
 *
 * oxc-transform does both per file: the generated code and the runtime are written for `isolatedDeclarations`
 * (every export's type is spelled out), so no type checker is needed. TypeScript's own per-file APIs took 14 s on
 * GitHub's 1,246 files, a whole-program emit 8 s; oxc takes 0.6 s.
 */
export function compileFiles(files: readonly GeneratedFile[]): GeneratedFile[] {
  return bundleRootDeclarations(compileEach(files));
}

function compileEach(files: readonly GeneratedFile[]): GeneratedFile[] {
  const oxc = loadOxc();
  return files
    .filter((file) => isSource(file.path))
    .flatMap((file) => {
      const base = `dist/${file.path.slice("src/".length, -".ts".length)}`;
      // The types stage's modules declare types and nothing else: they are their own declarations, and printing them
      // again would be most of this stage on a big API (Microsoft Graph's are 48 MB).
      if (isTypeModule(file.path)) return [{ path: `${base}.d.ts`, contents: file.contents }];
      // One parse gives both outputs: asking for the declarations separately parsed every file twice.
      const js = oxc.transformSync(file.path, file.contents, {
        target: "es2022",
        typescript: { onlyRemoveTypeImports: false, declaration: { stripInternal: false } },
      });
      // Generated code that cannot be compiled file by file is a generator bug, never the spec's fault.
      if (js.errors.length > 0) throw new Error(`${file.path} cannot be compiled on its own: ${js.errors.map((problem) => problem.message).join("; ")}`);
      const declarations = { path: `${base}.d.ts`, contents: ensureFinalNewline(withHeader(js.declaration ?? "", file.contents)) };
      // A module of types only (schema.ts, src/types/) is only ever imported with `import type`: no JavaScript.
      if (isTypesOnly(js.code)) return [declarations];
      return [{ path: `${base}.js`, contents: ensureFinalNewline(withHeader(js.code, file.contents)) }, declarations];
    });
}

function isTypesOnly(javascript: string): boolean {
  return javascript.replace(/^(\/\/[^\n]*\n|\s)+/, "").trim() === "export {};";
}

function isSource(path: string): boolean {
  return path.startsWith("src/") && path.endsWith(".ts") && !path.endsWith(".d.ts");
}

type Oxc = typeof import("oxc-transform");

/** Loaded on first use: `--help`, `--check` on fresh output and `diff` never pay for it. */
function loadOxc(): Oxc {
  oxc ??= requireOxc();
  return oxc;
}

/** oxc is a native addon: a runtime that may not load one (Deno without FFI) or a missing binding is the user's to fix. */
function requireOxc(): Oxc {
  try {
    return createRequire(import.meta.url)("oxc-transform") as Oxc;
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0]?.replace(/^Error: /, "");
    throw new CodegenError(
      "emit",
      [
        {
          message: `cannot load oxc-transform, the native compiler that writes dist/: ${reason}`,
          hint:
            "Deno" in globalThis
              ? "run Deno with --allow-ffi (and --allow-env --allow-read --allow-write)"
              : "reinstall @diga/codegen so that the package manager installs oxc-transform's binding for this platform",
        },
      ],
      { cause: error },
    );
  }
}

let oxc: Oxc | undefined;

/**
 * Both outputs may drop the leading line comments (declarations always; JavaScript with a type-only import they
 * were attached to): the "generated, do not edit" header belongs on every file.
 */
function withHeader(declarations: string, source: string): string {
  const header = headerOf(source);
  return header === "" || declarations.startsWith(header) ? declarations : `${header}\n${declarations}`;
}

function ensureFinalNewline(text: string): string {
  return text.endsWith("\n") ? text : `${text}\n`;
}
