import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../src/index.js";
import { fixtureCases, isSnapshotted } from "./support/fixtures.js";
import { fixturesDirectory, listFiles } from "./support/paths.js";

describe.each(fixtureCases)("fixture $name", ({ directory, input }) => {
  it("generates exactly the expected files", async () => {
    const { files } = await generate({ input });
    const expected = join(directory, "expected");
    for (const file of files.filter(isSnapshotted)) {
      await expect(file.contents, file.path).toMatchFileSnapshot(join(expected, file.path));
    }
    // A file the generator stopped producing, or that fixtures leave out, must not linger there.
    const produced = new Set(files.filter(isSnapshotted).map((file) => file.path));
    expect((await listFiles(expected)).filter((path) => !produced.has(path))).toStrictEqual([]);
  });

  it("copies the runtime verbatim below the header", async () => {
    const { files } = await generate({ input });
    const runtime = files.filter((file) => file.path.startsWith("src/runtime/"));
    expect(runtime.length).toBeGreaterThan(0);
    for (const file of runtime) {
      const template = await readFile(join(fixturesDirectory, "..", "templates", "runtime", file.path.slice("src/runtime/".length)), "utf8");
      expect(file.contents.endsWith(`\n\n${template}`), file.path).toBe(true);
    }
  });
});
