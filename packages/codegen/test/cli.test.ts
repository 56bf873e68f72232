import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { recordFile } from "../src/write/freshness.js";
import { listFiles, phoneSpec, repoRoot, temporaryDirectory } from "./support/paths.js";

async function run(argv: string[], cwd = repoRoot) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { cwd, out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Every file's bytes, to prove an output folder was left untouched. */
async function snapshotFolder(directory: string): Promise<Record<string, string>> {
  const files = await listFiles(directory);
  return Object.fromEntries(await Promise.all(files.map(async (path) => [path, await readFile(join(directory, path), "utf8")] as const)));
}

describe("diga-codegen CLI", () => {
  it.each([
    { argv: ["--help"], code: 0, out: /^Usage: diga-codegen <command> \[options\][\s\S]*diff <old> <new>[\s\S]*NO_COLOR[\s\S]*Examples:/ },
    { argv: ["--version"], code: 0, out: /^\d+\.\d+\.\d+$/ },
  ])("$argv", async ({ argv, code, out }) => {
    const result = await run(argv);
    expect(result.code).toBe(code);
    expect(result.out).toMatch(out);
  });

  it.each([
    { argv: [], err: "diga-codegen: missing command: use `diga-codegen generate` or `diga-codegen diff`" },
    { argv: ["build"], err: 'diga-codegen: unknown command "build"' },
    { argv: ["generate", "--bogus"], err: "diga-codegen: unknown option --bogus" },
    { argv: ["generate", "-i"], err: "diga-codegen: Option '-i, --input <value>' argument missing" },
  ])("exits 2 on usage errors: $argv", async ({ argv, err }) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.err.split("\n")[0]).toBe(err);
  });

  it("exits 2 when there is nothing to generate", async () => {
    const empty = await temporaryDirectory();
    const result = await run(["generate"], empty);
    expect(result).toMatchObject({ code: 2, err: expect.stringContaining("nothing to generate: pass --input and --output, or create codegen.config.json") });
  });

  describe("generate and --check", () => {
    let output: string;

    beforeAll(async () => {
      output = join(await temporaryDirectory(), "client");
    });

    it("writes the package and prints one summary line", async () => {
      const result = await run(["generate", "-i", phoneSpec, "-o", output]);
      expect(result.code).toBe(0);
      expect(result.out).toMatch(
        /^diga-codegen: .*openapi\.yaml → .*client: 1 operation, \d+ files \(\d+ written, 0 unchanged, 0 removed\) in \d+ ms \(load \d+ · validate \d+ · model \d+ · types \d+ · operations \d+ · compile \d+ · write \d+ ms\)$/,
      );
      expect(await listFiles(output)).toContain("src/operations/listPhones.ts");
    });

    it("prints each generation warning on stderr with its JSON pointer, and still writes the package", async () => {
      const spec = join(repoRoot, "fixtures", "fastapi-shapes", "openapi.yaml");
      const result = await run(["generate", "-i", spec, "-o", join(await temporaryDirectory(), "fastapi"), "--package-name", "fastapi-client"]);
      expect(result.code).toBe(0);
      expect(result.err).toBe(
        "diga-codegen: warning: fixtures/fastapi-shapes/openapi.yaml: GET cannot carry a request body (fetch refuses to send one), so the generated function leaves it out; the API should take these values as query parameters or on a POST (at /paths/~1v1~1calls~1batch/get/requestBody)",
      );
      expect(result.out).toMatch(/: 12 operations, /);
    });

    it("recognises an unchanged spec without generating, and leaves the files untouched", async () => {
      const before = await stat(join(output, "src/schema.ts"));
      const result = await run(["generate", "-i", phoneSpec, "-o", output]);
      expect(result.out).toMatch(/is up to date with .*openapi\.yaml \(unchanged since the last generation\) in \d+ ms$/);
      expect((await stat(join(output, "src/schema.ts"))).mtimeMs).toBe(before.mtimeMs);
    });

    it("with --force generates anyway, still writing no unchanged file", async () => {
      const before = await stat(join(output, "src/schema.ts"));
      const result = await run(["generate", "--force", "-i", phoneSpec, "-o", output]);
      expect(result.out).toMatch(/\(0 written, \d+ unchanged, 0 removed\)/);
      expect((await stat(join(output, "src/schema.ts"))).mtimeMs).toBe(before.mtimeMs);
    });

    it("--check passes on a fresh output and writes nothing, with or without the fast path", async () => {
      for (const argv of [
        ["generate", "--check"],
        ["generate", "--check", "--force"],
      ]) {
        const result = await run([...argv, "-i", phoneSpec, "-o", output]);
        expect(result.code).toBe(0);
        expect(result.out).toMatch(/is up to date with .*openapi\.yaml \((unchanged since the last generation|1 operation, \d+ files)\)/);
      }
    });

    it("judges the output, not the generator: another generator build that writes the same bytes passes --check", async () => {
      const record = recordFile(output);
      if (record === undefined) throw new Error("the workspace's TypeScript is not inside node_modules");
      const manifest = await readFile(join(output, ".codegen-manifest.json"), "utf8");
      // What an upgraded (or edited) generator finds: no record that it wrote this output.
      await writeFile(record, `${JSON.stringify({ generator: "sha256:another-build", outputs: "sha256:whatever" })}\n`);
      const check = await run(["generate", "--check", "-i", phoneSpec, "-o", output]);
      expect(check.code).toBe(0);
      expect(check.out).toMatch(/is up to date with .*openapi\.yaml \(1 operation, \d+ files\)/);
      expect(await readFile(join(output, ".codegen-manifest.json"), "utf8")).toBe(manifest);
      // Having proven the bytes, the check records this build, so the next run takes the fast path again.
      expect((await run(["generate", "--check", "-i", phoneSpec, "-o", output])).out).toMatch(/unchanged since the last generation/);
    });

    it("does not trust the manifest once a spec or generated file changed", async () => {
      const directory = await temporaryDirectory();
      const spec = join(directory, "spec.yaml");
      await writeFile(spec, await readFile(phoneSpec, "utf8"));
      const out = join(directory, "out");
      await run(["generate", "-i", spec, "-o", out]);
      await writeFile(spec, (await readFile(spec, "utf8")).replace("title: Diga API", "title: Diga API v2"));
      expect((await run(["generate", "--check", "-i", spec, "-o", out])).code).toBe(1);
      await run(["generate", "-i", spec, "-o", out]);
      expect((await run(["generate", "--check", "-i", spec, "-o", out])).out).toMatch(/unchanged since the last generation/);
      await writeFile(join(out, "src/index.ts"), "// hand edit\n");
      const drift = await run(["generate", "--check", "-i", spec, "-o", out]);
      expect(drift.code).toBe(1);
      expect(drift.err).toContain("changed  src/index.ts");
    });

    it("--check exits 1 and lists drifted, missing and stale files, writing nothing", async () => {
      await writeFile(join(output, "src/client.ts"), "// edited by hand\n");
      await writeFile(join(output, "src/operations/gone.ts"), "// left over\n");
      const manifestPath = join(output, ".codegen-manifest.json");
      const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as { files: string[] };
      await writeFile(manifestPath, `${JSON.stringify({ ...manifest, files: [...manifest.files, "src/operations/gone.ts"] }, null, 2)}\n`);
      const before = await snapshotFolder(output);

      const result = await run(["generate", "--check", "-i", phoneSpec, "-o", output]);
      expect(result.code).toBe(1);
      expect(result.err.split("\n").slice(1, -1)).toStrictEqual(["  changed  .codegen-manifest.json", "  changed  src/client.ts", "  stale    src/operations/gone.ts"]);
      expect(await snapshotFolder(output)).toStrictEqual(before);
    });

    it("generate repairs drift and removes the files it no longer produces", async () => {
      const result = await run(["generate", "-i", phoneSpec, "-o", output]);
      expect(result.out).toMatch(/\(2 written, \d+ unchanged, 1 removed\)/);
      expect(existsSync(join(output, "src/operations/gone.ts"))).toBe(false);
      expect((await run(["generate", "--check", "-i", phoneSpec, "-o", output])).code).toBe(0);
    });

    it("refuses to write into a folder it does not own", async () => {
      const foreign = await temporaryDirectory();
      await writeFile(join(foreign, "index.ts"), "export const mine = 1;\n");
      const result = await run(["generate", "-i", phoneSpec, "-o", foreign]);
      expect(result.code).toBe(1);
      expect(result.err).toContain("output folder is not empty and was not generated by diga-codegen (it has index.ts)");
      expect(await listFiles(foreign)).toStrictEqual(["index.ts"]);
    });
  });

  describe("bad input: a clear message, exit 1, no stack trace, output untouched", () => {
    const cases = [
      {
        name: "malformed YAML",
        file: "spec.yaml",
        text: "openapi: 3.1.0\ninfo:\n  title: x\n version: 1\n",
        want: "diga-codegen: error: spec.yaml:4:1: invalid YAML: All mapping items must start at the same column",
      },
      {
        name: "malformed JSON",
        file: "spec.json",
        text: '{\n  "openapi": "3.1.0",\n  "info": {,\n}',
        want: "diga-codegen: error: spec.json:3:12: invalid JSON: expected a property name in double quotes",
      },
      {
        name: "a document that is not OpenAPI",
        file: "spec.yaml",
        text: "name: my-app\nversion: 1.0.0\n",
        want: "diga-codegen: error: spec.yaml:1:1: not an OpenAPI document: the `openapi` version field is missing (at /)",
      },
      {
        name: "an unresolvable $ref",
        file: "spec.yaml",
        text: "openapi: 3.1.0\ninfo: { title: x, version: '1' }\npaths:\n  /x:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/Phone'\n",
        want: 'diga-codegen: error: spec.yaml:12:23: cannot resolve $ref "#/components/schemas/Phone": nothing is defined at /components/schemas/Phone (at /paths/~1x/get/responses/200/content/application~1json/schema/$ref)',
      },
      {
        name: "a missing file",
        file: "does-not-exist.yaml",
        text: undefined,
        want: "diga-codegen: error: does-not-exist.yaml: spec file not found",
      },
    ];

    it.each(cases)("$name", async ({ file, text, want }) => {
      const directory = await temporaryDirectory();
      if (text !== undefined) await writeFile(join(directory, file), text);
      const output = join(directory, "out");
      await mkdir(output);
      await writeFile(join(output, ".codegen-manifest.json"), '{ "generator": "@diga/codegen", "files": ["keep.ts"] }\n');
      await writeFile(join(output, "keep.ts"), "export {};\n");
      const before = await snapshotFolder(output);

      const result = await run(["generate", "-i", file, "-o", "out"], directory);
      expect(result.code).toBe(1);
      expect(result.err.split("\n")[0]).toBe(want);
      expect(result.err).not.toMatch(/^\s+at /m);
      expect(await snapshotFolder(output)).toStrictEqual(before);
    });

    it("the installed bin behaves the same: exit code 1, the message, no stack trace", async () => {
      const bin = join(repoRoot, "packages/codegen/bin/diga-codegen.js");
      expect(existsSync(join(repoRoot, "packages/codegen/dist/cli/main.js")), "run `pnpm build` first").toBe(true);
      const directory = await temporaryDirectory();
      await writeFile(join(directory, "spec.yaml"), "openapi: 3.1.0\ninfo:\n  title: x\n version: 1\n");
      const error = await promisify(execFile)(process.execPath, [bin, "generate", "-i", "spec.yaml", "-o", "out"], { cwd: directory }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 1, stdout: "" });
      const stderr = (error as { stderr: string }).stderr;
      expect(stderr).toBe(
        "diga-codegen: error: spec.yaml:4:1: invalid YAML: All mapping items must start at the same column\n  hint: fix the syntax error at this position (indentation, an unclosed quote or bracket, a tab)\n",
      );
      expect(existsSync(join(directory, "out"))).toBe(false);
    });
  });
});

describe("a generator edit that leaves the output unchanged", () => {
  it("is no drift: another build of the generator passes --check on the committed client", async () => {
    // A copy of the built generator whose fingerprint differs, as after any edit to its sources or an upgrade.
    const copy = join(await temporaryDirectory("codegen-edited-"), "codegen");
    await cp(join(repoRoot, "packages", "codegen", "dist"), join(copy, "dist"), { recursive: true });
    await cp(join(repoRoot, "packages", "codegen", "bin"), join(copy, "bin"), { recursive: true });
    await cp(join(repoRoot, "packages", "codegen", "package.json"), join(copy, "package.json"));
    await symlink(join(repoRoot, "packages", "codegen", "node_modules"), join(copy, "node_modules"));
    // Unique per run: a record left by an earlier run of this test must not vouch for this one.
    await writeFile(join(copy, "dist", "fingerprint.txt"), `sha256:an-edited-generator-${process.pid}-${Date.now()}\n`);

    const result = await promisify(execFile)(process.execPath, [join(copy, "bin", "diga-codegen.js"), "generate", "--check"], { cwd: repoRoot }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^diga-codegen: packages\/diga-client is up to date with fixtures\/diga-phones\/openapi\.yaml \(1 operation, \d+ files\)/);
  });
});
