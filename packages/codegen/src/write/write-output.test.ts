import { mkdir, readFile, readdir, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mkdtemp } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { CodegenError } from "../errors.js";
import { manifestFile } from "./manifest.js";
import { planWrite, writeOutput } from "./write-output.js";

const withManifest = (files: { path: string; contents: string }[]) => [...files, manifestFile(files, { sources: [""], digest: "sha256:test" })];

async function folder() {
  return mkdtemp(join(tmpdir(), "write-output-"));
}

describe("writeOutput", () => {
  it("creates the folder and files, then reports nothing to do", async () => {
    const output = join(await folder(), "out");
    const files = withManifest([{ path: "src/a.ts", contents: "a\n" }]);
    expect(await writeOutput(output, files)).toStrictEqual({ created: [".codegen-manifest.json", "src/a.ts"], updated: [], removed: [], unchanged: [] });
    expect(await planWrite(output, files)).toStrictEqual({ created: [], updated: [], removed: [], unchanged: [".codegen-manifest.json", "src/a.ts"] });
  });

  it("removes what it no longer produces, and the folders that leaves empty, but keeps files it never owned", async () => {
    const output = await folder();
    await writeOutput(
      output,
      withManifest([
        { path: "src/a.ts", contents: "a\n" },
        { path: "src/old/b.ts", contents: "b\n" },
      ]),
    );
    await mkdir(join(output, "node_modules"));
    await writeFile(join(output, "src/mine.test.ts"), "hand-written\n");
    const plan = await writeOutput(output, withManifest([{ path: "src/a.ts", contents: "a\n" }]));
    expect(plan.removed).toStrictEqual(["src/old/b.ts"]);
    expect((await readdir(join(output, "src"))).sort()).toStrictEqual(["a.ts", "mine.test.ts"]);
    expect((await readdir(output)).sort()).toStrictEqual([".codegen-manifest.json", "node_modules", "src"]);
  });

  it("never deletes outside the folder, whatever the manifest says", async () => {
    const parent = await folder();
    const output = join(parent, "out");
    await mkdir(output);
    await writeFile(join(parent, "precious.txt"), "keep\n");
    await writeFile(join(output, ".codegen-manifest.json"), JSON.stringify({ generator: "@diga/codegen", files: ["../precious.txt", "/etc/hosts"] }));
    await writeOutput(output, withManifest([{ path: "a.ts", contents: "a\n" }]));
    expect(await readFile(join(parent, "precious.txt"), "utf8")).toBe("keep\n");
  });

  it("leaves every existing file as it was when a write fails half-way", async () => {
    const output = await folder();
    await writeOutput(
      output,
      withManifest([
        { path: "a.ts", contents: "old a\n" },
        { path: "b.ts", contents: "old b\n" },
      ]),
    );
    const before = await stat(join(output, "a.ts"));
    // `blocked` is a file, so nothing can be written below it: the third write fails.
    await writeFile(join(output, "blocked"), "");
    const failing = writeOutput(
      output,
      withManifest([
        { path: "a.ts", contents: "new a\n" },
        { path: "b.ts", contents: "new b\n" },
        { path: "blocked/c.ts", contents: "c\n" },
      ]),
    );
    await expect(failing).rejects.toBeInstanceOf(CodegenError);
    expect(await readFile(join(output, "a.ts"), "utf8")).toBe("old a\n");
    expect(await readFile(join(output, "b.ts"), "utf8")).toBe("old b\n");
    expect((await stat(join(output, "a.ts"))).mtimeMs).toBe(before.mtimeMs);
    expect((await readdir(output)).filter((name) => name.includes(".tmp"))).toStrictEqual([]);
  });

  it("takes back the files and folders it created when a write fails half-way", async () => {
    const output = await folder();
    await writeOutput(output, withManifest([{ path: "a.ts", contents: "a\n" }]));
    const before = (await readdir(output, { recursive: true })).sort();
    // No file system takes a 300-byte name: the folder and the first new files are written before that one fails.
    const failing = writeOutput(
      output,
      withManifest([
        { path: "a.ts", contents: "a\n" },
        { path: "new/b.ts", contents: "b\n" },
        { path: "new/c.ts", contents: "c\n" },
        { path: `new/${"z".repeat(300)}.ts`, contents: "z\n" },
      ]),
    );
    await expect(failing).rejects.toBeInstanceOf(CodegenError);
    expect((await readdir(output, { recursive: true })).sort()).toStrictEqual(before);
  });

  it("refuses a manifest that is not ours", async () => {
    const output = await folder();
    await writeFile(join(output, ".codegen-manifest.json"), '{"generator":"someone-else","files":[]}');
    await expect(writeOutput(output, [])).rejects.toThrow("this file is not a diga-codegen manifest");
  });
});
