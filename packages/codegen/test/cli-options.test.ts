import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { packageVersionOf } from "../src/emit/package-files.js";
import { PLUGINS } from "../src/plugins/index.js";
import { phoneSpec, repoRoot, temporaryDirectory } from "./support/paths.js";

async function run(argv: string[], cwd: string, signal?: AbortSignal) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { cwd, out: (line) => out.push(line), err: (line) => err.push(line) }, signal === undefined ? {} : { signal });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

interface DocumentedOption {
  readonly flags: string[];
  readonly value: boolean;
  readonly configKey: string | undefined;
  readonly example: string | undefined;
}

/** The option table of the README's generator section: what users are told they can pass. */
async function documentedOptions(): Promise<DocumentedOption[]> {
  const readme = await readFile(join(repoRoot, "README.md"), "utf8");
  const table = /\| flag \| config key \| example \| what it does \|\n\| --- .*\n((?:\|.*\n)+)/.exec(readme)?.[1];
  if (table === undefined) throw new Error("README.md has no option table");
  return table
    .trim()
    .split("\n")
    .map((row) => {
      const [flag = "", key = "", example = ""] = row
        .split("|")
        .slice(1)
        .map((cell) => cell.trim().replace(/^`|`$/g, ""));
      return {
        flags: flag.split(/,\s*/).map((spelled) => spelled.split(" ")[0] ?? ""),
        value: flag.includes("<"),
        configKey: key === "" ? undefined : key,
        example: example === "" ? undefined : example,
      };
    });
}

describe("every option the README documents is accepted where it says", () => {
  let project: string;
  let options: DocumentedOption[];

  beforeAll(async () => {
    project = await temporaryDirectory("codegen-options-");
    await copyFile(phoneSpec, join(project, "openapi.yaml"));
    options = await documentedOptions();
  });

  it("documents the generate command's options, each with an example where it takes a value", () => {
    expect(options.map((option) => option.flags.at(-1))).toStrictEqual([
      "--input",
      "--output",
      "--package-name",
      "--package-version",
      "--format",
      "--allow-remote-refs",
      "--plugin",
      "--config",
      "--check",
      "--force",
      "--strict",
      "--watch",
      "--quiet",
      "--verbose",
      "--debug",
    ]);
    for (const option of options) if (option.value) expect(option.example, option.flags.join(", ")).toBeDefined();
  });

  it("as flags, long and short", async () => {
    await writeFile(join(project, "codegen.config.json"), JSON.stringify({ clients: [{ input: "openapi.yaml", output: "from-config" }] }));
    for (const option of options) {
      for (const flag of option.flags) {
        // --check compares with an output generated before (by the -i row).
        const output = flag === "--check" ? "flag-i" : `flag-${flag.replace(/^-+/, "")}`;
        const base = flag === "--input" || flag === "-i" || flag === "--output" || flag === "-o" ? [] : ["-i", "openapi.yaml", "-o", output];
        const given =
          flag === "--input" || flag === "-i"
            ? [flag, "openapi.yaml", "-o", output]
            : flag === "--output" || flag === "-o"
              ? ["-i", "openapi.yaml", flag, output]
              : [flag, ...(option.value ? [option.example ?? ""] : [])];
        // --config names the clients, so it goes without -i/-o; --watch runs until stopped.
        const argv = flag === "--config" || flag === "-c" ? ["generate", ...given] : ["generate", ...base, ...given];
        const stop = new AbortController();
        if (flag === "--watch" || flag === "-w") setTimeout(() => stop.abort(), 3_000);
        const result = await run(argv, project, stop.signal);
        expect({ flag, code: result.code, err: result.err }).toStrictEqual({ flag, code: 0, err: "" });
      }
    }
  }, 120_000);

  it("as config keys", async () => {
    const keyed = options.filter((option) => option.configKey !== undefined);
    expect(keyed.map((option) => option.configKey)).toStrictEqual(["input", "output", "packageName", "packageVersion", "format", "allowRemoteRefs", "plugins"]);
    for (const option of keyed) {
      const key = option.configKey ?? "";
      const value = option.example === "true" ? true : key === "plugins" ? [option.example] : option.example;
      const client = { input: "openapi.yaml", output: `config-${key}`, ...(key === "input" || key === "output" ? {} : { [key]: value }) };
      await writeFile(join(project, `${key}.config.json`), JSON.stringify({ clients: [client] }));
      const result = await run(["generate", "-c", `${key}.config.json`], project);
      expect({ key, code: result.code, err: result.err }).toStrictEqual({ key, code: 0, err: "" });
    }
    const packageJson = JSON.parse(await readFile(join(project, "config-packageVersion", "package.json"), "utf8")) as { version: string };
    expect(packageJson.version).toBe("1.2.3");
  }, 120_000);
});

describe("flags and a config file", () => {
  it("-i and -o never take anything from a config in the folder, even one listing several clients", async () => {
    const project = await temporaryDirectory("codegen-flags-");
    await copyFile(phoneSpec, join(project, "openapi.yaml"));
    await writeFile(
      join(project, "codegen.config.json"),
      JSON.stringify({
        clients: [
          { input: "openapi.yaml", output: "a", packageName: "@unrelated/a", packageVersion: "9.9.9" },
          { input: "openapi.yaml", output: "b" },
        ],
      }),
    );
    const result = await run(["generate", "-i", "openapi.yaml", "-o", "mine"], project);
    expect(result).toMatchObject({ code: 0, err: "" });
    const packageJson = JSON.parse(await readFile(join(project, "mine", "package.json"), "utf8")) as { name: string; version: string };
    expect([packageJson.name, packageJson.version]).toStrictEqual(["diga-api-client", "0.1.0"]);
    const named = await run(["generate", "-i", "openapi.yaml", "-o", "named", "--package-name", "@acme/phones", "--package-version", "2.0.0-beta.1"], project);
    expect(named.code).toBe(0);
    expect(JSON.parse(await readFile(join(project, "named", "package.json"), "utf8"))).toMatchObject({ name: "@acme/phones", version: "2.0.0-beta.1" });
  });

  it.each([
    [["generate", "--fail-on-breaking"], "diga-codegen: --fail-on-breaking is not an option of generate (it belongs to diff)"],
    [["diff", "a.yaml", "b.yaml", "--check"], "diga-codegen: --check is not an option of diff (it belongs to generate)"],
    [["generate", "--format", "json"], 'diga-codegen: --format must be layout or prettier, not "json"'],
    [["generate", "-i", "openapi.yaml"], "diga-codegen: --input needs --output too (or neither, to generate the clients of codegen.config.json)"],
    [["generate", "extra"], 'diga-codegen: generate takes no arguments, not "extra"'],
    [["generate", "--plugin", "tanstack-query", "--plugin", "react-query"], `diga-codegen: --plugin must be ${pluginChoices()}, not "react-query"`],
  ])("%j is a usage error", async (argv, message) => {
    const result = await run(argv, await temporaryDirectory());
    expect({ code: result.code, first: result.err.split("\n")[0] }).toStrictEqual({ code: 2, first: message });
  });
});

/** `tanstack-query`, or `a, b or c`: the plugins as a usage error lists them. */
function pluginChoices(): string {
  const names = PLUGINS.map((plugin) => plugin.name);
  return names.length === 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} or ${names.at(-1) ?? ""}`;
}

describe("plugins", () => {
  it("an unknown plugin in the config names the config file, the place and the plugins there are", async () => {
    const project = await temporaryDirectory("codegen-plugins-");
    await copyFile(phoneSpec, join(project, "openapi.yaml"));
    await writeFile(join(project, "codegen.config.json"), JSON.stringify({ clients: [{ input: "openapi.yaml", output: "client", plugins: ["tanstack-query", "react-query"] }] }));
    const result = await run(["generate"], project);
    expect(result.code).toBe(2);
    const [first = "", hint = ""] = result.err.split("\n");
    expect(first).toBe(`diga-codegen: error: ${join(project, "codegen.config.json")}: unknown plugin "react-query" (at /clients/0/plugins/1)`);
    expect(hint).toBe(`  hint: the plugins are ${PLUGINS.map((plugin) => `"${plugin.name}"`).join(", ")}`);
  });
});

describe("package versions", () => {
  it.each([
    ["1.2.3", "1.2.3", false],
    ["1.0.0-rc.1+build.5", "1.0.0-rc.1+build.5", false],
    ["2.0", "2.0.0", true],
    ["v1", "1.0.0", true],
    ["v2.01.3", "2.1.3", true],
    ["latest", "0.0.0-latest", true],
    ["2021-03-01", "0.0.0-2021-03-01", true],
    ["1.0 (beta)", "0.0.0-1.0-beta", true],
    ["", "0.0.0", true],
  ])("info.version %j gives %j", (specVersion, version, changed) => {
    expect(packageVersionOf(specVersion)).toStrictEqual({ version, changed });
  });

  it("a spec version that is not semver still gives a publishable package, with a warning; an explicit invalid one is refused", async () => {
    const project = await temporaryDirectory("codegen-version-");
    await writeFile(join(project, "openapi.yaml"), (await readFile(phoneSpec, "utf8")).replace(/^  version: .*$/m, "  version: latest"));
    const result = await run(["generate", "-i", "openapi.yaml", "-o", "client"], project);
    expect(result.code).toBe(0);
    expect(result.err).toBe(
      'diga-codegen: warning: openapi.yaml: "latest" is not a valid package version; the package is 0.0.0-latest (set --package-version or packageVersion to choose) (at /info/version)',
    );
    expect(JSON.parse(await readFile(join(project, "client", "package.json"), "utf8"))).toMatchObject({ version: "0.0.0-latest" });
    const refused = await run(["generate", "-i", "openapi.yaml", "-o", "other", "--package-version", "2.0"], project);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('package version "2.0" is not valid semver');
  });
});

describe("an output folder that cannot be written", () => {
  it.skipIf(process.platform !== "linux").each(["/proc/diga-client", "/sys/kernel/diga-client"])("%s fails at once with the reason, before generating", async (output) => {
    const project = await temporaryDirectory("codegen-unwritable-");
    await copyFile(phoneSpec, join(project, "openapi.yaml"));
    const started = performance.now();
    const result = await Promise.race([
      run(["generate", "-i", "openapi.yaml", "-o", output], project),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("still running after 10 s")), 10_000)),
    ]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(new RegExp(`^diga-codegen: error: ${output}: cannot write the output: E[A-Z]+: `));
    expect(result.out).toBe("");
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("a path through a file is refused the same way", async () => {
    const project = await temporaryDirectory("codegen-unwritable-");
    await copyFile(phoneSpec, join(project, "openapi.yaml"));
    await mkdir(join(project, "taken"));
    await writeFile(join(project, "taken", "file"), "");
    const result = await run(["generate", "-i", "openapi.yaml", "-o", "taken/file/client"], project);
    expect(result.code).toBe(1);
    expect(result.err).toContain("cannot write the output: ENOTDIR");
  });
});
