import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { CodegenError, formatProblem } from "../errors.js";
import { COMMANDS, helpText, optionProblem, parseArgsOptions } from "./commands.js";
import { CONFIG_FILE, readConfig, type ClientConfig } from "./config.js";
import { EXIT, runJob, type JobOutcome } from "./generate-command.js";
import { createReporter, processIo, type Io, type Reporter, type Verbosity } from "./reporter.js";

export { EXIT } from "./generate-command.js";
export type { Io } from "./reporter.js";

class UsageError extends Error {}

export interface MainOptions {
  /** Ends `--watch`; the bin wires it to Ctrl-C. */
  readonly signal?: AbortSignal;
}

/** Runs the CLI and returns its exit code; never calls `process.exit`, so tests run it in-process. */
export async function main(argv: readonly string[], io: Io = processIo(), { signal }: MainOptions = {}): Promise<number> {
  let debug = argv.includes("--debug");
  let reporter = createReporter(io, "normal");
  try {
    const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: parseArgsOptions() });
    debug = values["debug"] === true;
    if (values["quiet"] === true && values["verbose"] === true) throw new UsageError("--quiet and --verbose contradict each other");
    const verbosity: Verbosity = values["quiet"] === true ? "quiet" : values["verbose"] === true ? "verbose" : "normal";
    reporter = createReporter(io, verbosity);
    if (values["help"] === true) {
      io.out(helpText());
      return EXIT.ok;
    }
    if (values["version"] === true) {
      io.out(version());
      return EXIT.ok;
    }
    const [name, ...args] = positionals;
    const command = COMMANDS.find((candidate) => candidate.name === name);
    if (command === undefined) throw new UsageError(name === undefined ? "missing command: use `diga-codegen generate` or `diga-codegen diff`" : `unknown command "${positionals.join(" ")}"`);
    if (args.length !== command.args.length) {
      throw new UsageError(
        command.args.length === 0
          ? `${command.name} takes no arguments, not "${args.join(" ")}"`
          : `${command.name} takes ${command.argsText ?? `${command.args.length} arguments`}: \`diga-codegen ${command.name} ${command.args.join(" ")}\``,
      );
    }
    const problem = optionProblem(command, values);
    if (problem !== undefined) throw new UsageError(problem);
    const flag = (long: string) => values[long] === true;
    const text = (long: string) => (typeof values[long] === "string" ? values[long] : undefined);
    if (command.name === "diff") {
      const [before = "", after = ""] = args;
      const { runDiff } = await import("./diff-command.js");
      const format = text("format") === "json" ? "json" : "markdown";
      return await runDiff({ before, after, format, failOnBreaking: flag("fail-on-breaking"), allowRemoteRefs: flag("allow-remote-refs") }, io).catch((error: unknown) =>
        report(error, reporter, debug, false),
      );
    }
    if (flag("watch") && flag("check")) throw new UsageError("--watch and --check do not go together: --check is for CI, --watch for editing");
    const plugins = Array.isArray(values["plugin"]) ? values["plugin"].filter((name) => typeof name === "string") : [];
    const jobs = (await resolveJobs(io.cwd, text, plugins)).map((job) => ({ ...job, allowRemoteRefs: flag("allow-remote-refs") || job.allowRemoteRefs === true }));
    const flags = { check: flag("check"), force: flag("force"), strict: flag("strict") };
    if (flag("watch")) {
      const { watchJobs } = await import("./watch.js");
      const run = (job: ClientConfig): Promise<JobOutcome> =>
        runJob(job, flags, io, reporter).catch((error: unknown) => {
          report(error, reporter, debug);
          return { code: EXIT.failure, sources: [] };
        });
      await watchJobs(jobs, { run, reporter, signal: signal ?? new AbortController().signal });
      return EXIT.ok;
    }
    let exitCode: number = EXIT.ok;
    for (const job of jobs) {
      const { code } = await runJob(job, flags, io, reporter);
      if (code !== EXIT.ok) exitCode = code;
    }
    return exitCode;
  } catch (error) {
    return report(error, reporter, debug);
  }
}

/**
 * The clients to generate. `--input` and `--output` together name one client completely, and no config is read: a
 * config in the folder must never lend a package name or anything else to an unrelated spec. Without them, every
 * client of the config; `--package-name`, `--package-version` and `--format` then apply to a config of one client,
 * and `--plugin` to every client.
 */
async function resolveJobs(cwd: string, text: (long: string) => string | undefined, plugins: readonly string[]): Promise<ClientConfig[]> {
  const input = text("input");
  const output = text("output");
  const packageName = text("package-name");
  const packageVersion = text("package-version");
  const format = text("format");
  const overrides = {
    ...(packageName === undefined ? {} : { packageName }),
    ...(packageVersion === undefined ? {} : { packageVersion }),
    ...(format === undefined ? {} : { format: format === "prettier" ? ("prettier" as const) : ("layout" as const) }),
  };
  if (input !== undefined && output !== undefined) {
    if (text("config") !== undefined) throw new UsageError("--config and --input/--output do not go together: the flags name the client, the config lists clients");
    return [{ input: resolve(cwd, input), output: resolve(cwd, output), ...overrides, ...(plugins.length === 0 ? {} : { plugins }) }];
  }
  if (input !== undefined || output !== undefined)
    throw new UsageError(`--${input === undefined ? "output" : "input"} needs --${input === undefined ? "input" : "output"} too (or neither, to generate the clients of ${CONFIG_FILE})`);
  const config = await readConfig(resolve(cwd, text("config") ?? CONFIG_FILE), text("config") !== undefined);
  const clients = config?.clients ?? [];
  if (clients.length === 0) throw new UsageError(`nothing to generate: pass --input and --output, or create ${CONFIG_FILE}`);
  if (Object.keys(overrides).length > 0 && clients.length > 1) {
    throw new UsageError(`${CONFIG_FILE} lists ${clients.length} clients; --package-name, --package-version and --format apply to one: pass --input and --output too`);
  }
  // `--plugin` adds to the plugins each client of the config enables.
  return clients.map((client) => {
    const enabled = [...new Set([...(client.plugins ?? []), ...plugins])];
    return { ...client, ...overrides, ...(enabled.length === 0 ? {} : { plugins: enabled }) };
  });
}

/** `writes`: whether the command would have written files, so the message can say none were. */
function report(error: unknown, reporter: Reporter, debug: boolean, writes = true): number {
  const { red } = reporter.paint;
  if (error instanceof UsageError) {
    reporter.error(`diga-codegen: ${error.message}`);
    reporter.error("run `diga-codegen --help` for usage");
    return EXIT.usage;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof Error && code?.startsWith("ERR_PARSE_ARGS") === true) {
    // Node's own text for an unknown option suggests `--`, which is no help here.
    const option = /'(-[^']*)'/.exec(error.message)?.[1];
    reporter.error(`diga-codegen: ${code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option !== undefined ? `unknown option ${option}` : error.message}`);
    reporter.error("run `diga-codegen --help` for usage");
    return EXIT.usage;
  }
  if (error instanceof CodegenError) {
    const shown = error.problems.slice(0, 50);
    for (const problem of shown) reporter.error(`diga-codegen: ${red("error")}: ${formatProblem(problem)}`);
    if (error.problems.length > shown.length) reporter.error(`diga-codegen: ... and ${error.problems.length - shown.length} more problems`);
    if (error.problems.length > 1) reporter.error(`diga-codegen: ${error.problems.length} problems${writes ? "; nothing was written" : ""}`);
    if (debug) reporter.error(error.stack ?? "");
    return error.stage === "config" ? EXIT.usage : EXIT.failure;
  }
  reporter.error(`diga-codegen: internal error: ${error instanceof Error ? error.message : String(error)}`);
  reporter.error(debug ? String((error as Error | undefined)?.stack) : "this is a bug in diga-codegen; rerun with --debug for details and report it");
  return EXIT.failure;
}

function version(): string {
  const packageJson = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return packageJson.version;
}
