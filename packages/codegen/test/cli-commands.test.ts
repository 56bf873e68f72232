import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main, type Io } from "../src/cli/main.js";
import { phoneSpec, repoRoot, temporaryDirectory } from "./support/paths.js";

interface Captured {
  readonly out: string[];
  readonly err: string[];
  readonly status: string[];
}

function captureIo(cwd: string, extra: Partial<Io> = {}): { io: Io; captured: Captured } {
  const captured: Captured = { out: [], err: [], status: [] };
  const io: Io = { cwd, out: (line) => captured.out.push(line), err: (line) => captured.err.push(line), status: (text) => captured.status.push(text), ...extra };
  return { io, captured };
}

async function copyOfPhoneSpec(): Promise<{ directory: string; spec: string; text: string }> {
  const directory = await temporaryDirectory();
  const spec = join(directory, "openapi.yaml");
  const text = await readFile(phoneSpec, "utf8");
  await writeFile(spec, text);
  return { directory, spec, text };
}

/** Resolves when `lines` gets a line matching `pattern`; fails the test after `ms`. */
async function waitForLine(lines: readonly string[], pattern: RegExp, from: number, ms = 20_000): Promise<number> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const index = lines.findIndex((line, at) => at >= from && pattern.test(line));
    if (index !== -1) return index;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no line matching ${String(pattern)} after ${ms} ms; got:\n${lines.slice(from).join("\n")}`);
}

describe("diga-codegen diff", () => {
  it("prints the SDK changes as Markdown, and exits 1 with --fail-on-breaking when one breaks callers", async () => {
    const { directory, text } = await copyOfPhoneSpec();
    const changed = join(directory, "changed.yaml");
    await writeFile(changed, text.replace(/        - finished\n/, ""));
    expect(text).not.toBe(await readFile(changed, "utf8"));

    const plain = captureIo(directory);
    expect(await main(["diff", "openapi.yaml", "changed.yaml"], plain.io)).toBe(0);
    const markdown = plain.captured.out.join("\n");
    expect(markdown).toMatch(/^## SDK changes: suggested major version bump/);
    expect(markdown).toContain("### Breaking changes");
    expect(markdown).toContain("**`PhoneRegisterStatus`** (type)\n- lost enum value `finished`");

    const strict = captureIo(directory);
    expect(await main(["diff", "openapi.yaml", "changed.yaml", "--fail-on-breaking"], strict.io)).toBe(1);
    const unchanged = captureIo(directory);
    expect(await main(["diff", "openapi.yaml", "openapi.yaml", "--fail-on-breaking"], unchanged.io)).toBe(0);
    expect(unchanged.captured.out.join("\n")).toContain("No changes to the SDK surface.");
  });

  it("prints JSON with --format json", async () => {
    const { directory, text } = await copyOfPhoneSpec();
    await writeFile(join(directory, "changed.yaml"), text.replace("  /v1/phone/:", "  /v1/phone/:\n    x-note: unchanged surface"));
    const { io, captured } = captureIo(directory);
    expect(await main(["diff", "openapi.yaml", "changed.yaml", "--format", "json"], io)).toBe(0);
    expect(JSON.parse(captured.out.join("\n"))).toStrictEqual({ bump: "none", summary: { total: 0, breaking: 0, major: 0, minor: 0, patch: 0 }, changes: [] });
  });

  it.each([
    { argv: ["diff", "only-one.yaml"], err: "diga-codegen: diff takes two specs: `diga-codegen diff <old> <new>`" },
    { argv: ["diff", "a.yaml", "b.yaml", "--format", "html"], err: 'diga-codegen: --format must be markdown or json, not "html"' },
    { argv: ["generate", "--watch", "--check"], err: "diga-codegen: --watch and --check do not go together: --check is for CI, --watch for editing" },
    { argv: ["generate", "--quiet", "--verbose"], err: "diga-codegen: --quiet and --verbose contradict each other" },
  ])("exits 2 on usage errors: $argv", async ({ argv, err }) => {
    const { io, captured } = captureIo(repoRoot);
    expect(await main(argv, io)).toBe(2);
    expect(captured.err[0]).toBe(err);
  });

  it("reports a broken spec like generate does: file:line:column, exit 1", async () => {
    const { directory } = await copyOfPhoneSpec();
    await writeFile(join(directory, "broken.yaml"), "openapi: 3.1.0\ninfo: [\n");
    const { io, captured } = captureIo(directory);
    expect(await main(["diff", "openapi.yaml", "broken.yaml"], io)).toBe(1);
    expect(captured.err[0]).toMatch(/^diga-codegen: error: broken\.yaml:\d+:\d+: /);
  });
});

describe("CLI manners", () => {
  it("--quiet prints nothing on success; --verbose lists the files written", async () => {
    const { directory } = await copyOfPhoneSpec();
    const quiet = captureIo(directory, { interactive: true }); // a terminal, where progress would otherwise show
    expect(await main(["generate", "-i", "openapi.yaml", "-o", "quiet", "--quiet"], quiet.io)).toBe(0);
    expect(quiet.captured).toStrictEqual({ out: [], err: [], status: [] });

    const verbose = captureIo(directory);
    expect(await main(["generate", "-i", "openapi.yaml", "-o", "verbose", "--verbose"], verbose.io)).toBe(0);
    expect(verbose.captured.out).toContain("  missing  src/operations/listPhones.ts");
  });

  it("colours errors on a terminal, and never when NO_COLOR is set or output is piped", async () => {
    const { directory } = await copyOfPhoneSpec();
    await writeFile(join(directory, "broken.yaml"), "openapi: 3.1.0\n");
    const argv = ["generate", "-i", "broken.yaml", "-o", "out"];
    const terminal = captureIo(directory, { interactive: true, env: {} });
    const noColor = captureIo(directory, { interactive: true, env: { NO_COLOR: "1" } });
    const piped = captureIo(directory, { interactive: false, env: {} });
    for (const { io } of [terminal, noColor, piped]) expect(await main(argv, io)).toBe(1);
    expect(terminal.captured.err[0]).toContain("\u001b[31merror\u001b[39m");
    expect(noColor.captured.err[0]).toBe(piped.captured.err[0]);
    expect(piped.captured.err[0]).not.toContain("\u001b[");
  });

  it("draws progress only on an interactive terminal, and clears it at the end", async () => {
    const { directory } = await copyOfPhoneSpec();
    const terminal = captureIo(directory, { interactive: true, env: { NO_COLOR: "1" } });
    expect(await main(["generate", "-i", "openapi.yaml", "-o", "out"], terminal.io)).toBe(0);
    expect(terminal.captured.status.at(-1)).toBe("");
    const piped = captureIo(directory, { interactive: false });
    expect(await main(["generate", "--force", "-i", "openapi.yaml", "-o", "out"], piped.io)).toBe(0);
    expect(piped.captured.status).toStrictEqual([]);
  });
});

describe("generate --watch", () => {
  it("regenerates on save, reports a broken save without stopping, and recovers on the next good save", async () => {
    const { directory, spec, text } = await copyOfPhoneSpec();
    const stop = new AbortController();
    const { io, captured } = captureIo(directory);
    const running = main(["generate", "--watch", "-i", "openapi.yaml", "-o", "client"], io, { signal: stop.signal });
    try {
      let seen = await waitForLine(captured.out, /watching for changes/, 0);
      expect(captured.out[0]).toMatch(/openapi\.yaml → client: 1 operation/);

      await writeFile(spec, "openapi: 3.1.0\ninfo: [\n");
      await waitForLine(captured.err, /^diga-codegen: error: openapi\.yaml:\d+:\d+: /, 0);
      seen = await waitForLine(captured.out, /watching for changes/, seen + 1);

      await writeFile(spec, text.replace("title: Diga API", "title: Diga Voice API"));
      await waitForLine(captured.out, /openapi\.yaml → client: 1 operation, \d+ files \([1-9]\d* written/, seen + 1);
      expect(await readFile(join(directory, "client/src/index.ts"), "utf8")).toContain("Diga Voice API");
    } finally {
      stop.abort();
    }
    expect(await running).toBe(0);
  }, 60_000);
});
