import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { generate, planWrite } from "../src/index.js";
import { readConfig } from "../src/cli/config.js";
import { digaClientDirectory, listFiles, phoneSpec, repoRoot, temporaryDirectory } from "./support/paths.js";

describe("same input, same bytes", () => {
  it("twice in one process", async () => {
    const first = await generate({ input: phoneSpec });
    const second = await generate({ input: phoneSpec });
    expect(second.files).toStrictEqual(first.files);
  });

  it("from another folder, time zone and locale, in another process", async () => {
    const directory = await temporaryDirectory();
    // The CLI names the output folder as seen from where it runs (the README's install command uses it).
    const inProcess = await generate({ input: phoneSpec, output: "client" });
    const output = join(directory, "client");
    await promisify(execFile)(process.execPath, [join(repoRoot, "packages/codegen/bin/diga-codegen.js"), "generate", "-i", phoneSpec, "-o", output], {
      cwd: directory,
      env: { ...process.env, TZ: "Pacific/Chatham", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8" },
    });
    expect(await listFiles(output)).toStrictEqual(inProcess.files.map((file) => file.path));
    for (const file of inProcess.files) {
      expect(await readFile(join(output, file.path), "utf8"), file.path).toBe(file.contents);
    }
  });

  it("uses LF line endings, ends every file with a newline, and embeds no paths or dates", async () => {
    const { files } = await generate({ input: phoneSpec });
    for (const file of files) {
      expect(file.contents, file.path).not.toContain("\r");
      expect(file.contents.endsWith("\n"), file.path).toBe(true);
      expect(file.contents, file.path).not.toContain(repoRoot);
      expect(file.contents, file.path).not.toMatch(/20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(?!Z")/);
    }
  });
});

describe("the committed Diga client", () => {
  it("is exactly what the generator produces from the committed spec (what --check verifies)", async () => {
    const config = await readConfig(join(repoRoot, "codegen.config.json"), true);
    const client = config?.clients.find((entry) => entry.output === digaClientDirectory.replace(/\/$/, ""));
    expect(client?.input).toBe(phoneSpec);
    const { files } = await generate({
      input: phoneSpec,
      output: "packages/diga-client",
      ...(client?.packageName === undefined ? {} : { packageName: client.packageName }),
      ...(client?.plugins === undefined ? {} : { plugins: client.plugins }),
    });
    const plan = await planWrite(digaClientDirectory, files);
    expect({ created: plan.created, updated: plan.updated, removed: plan.removed }).toStrictEqual({ created: [], updated: [], removed: [] });
  });
});
