import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { CodegenError, formatProblem } from "../errors.js";
import { CONFIG_FILE, readConfig, type ClientConfig } from "./config.js";
import { EXIT, runJob, type JobOutcome } from "./generate-command.js";
import { createReporter, processIo, type Io, type Reporter, type Verbosity } from "./reporter.js";

export { EXIT } from "./generate-command.js";
export type { Io } from "./reporter.js";

const HELP = `Usage: diga-codegen <command> [options]

Commands:
  generate               generate a typed, dependency-free TypeScript client package from an OpenAPI 3.0/3.1 document
  diff <old> <new>       what changed in the generated SDK between two versions of a spec, breaking or not

Generate options:
  -i, --input <file>     OpenAPI document (YAML or JSON)
  -o, --output <dir>     folder of the generated package (diga-codegen owns the files it writes there)
  -c, --config <file>    config file (default: ./${CONFIG_FILE} if it exists)
      --package-name <n> name of the generated package
      --allow-remote-refs  fetch $refs to http(s) URLs (never done otherwise)
      --check            write nothing; exit 1 and list the files that differ from a fresh generation
      --force            generate even when the output is up to date with the spec and the generator
      --strict           refuse the spec for what is otherwise generated with a warning (e.g. a path parameter
                         without \`required: true\`)
  -w, --watch            regenerate whenever a spec file changes (a broken save is reported, then recovered from)

Diff options:
      --format <f>       markdown (default; fit for a pull-request comment) or json
      --fail-on-breaking exit 1 when a change is breaking for a TypeScript caller

Common options:
  -q, --quiet            print only errors
      --verbose          also print per-file changes
      --debug            print stack traces
  -h, --help             show this help
  -v, --version          print the version
Colour is used on terminals only; NO_COLOR=1 turns it off, FORCE_COLOR=1 on.

Without --input/--output, generate makes every client listed in ${CONFIG_FILE}.

Examples:
  diga-codegen generate
  diga-codegen generate -i openapi.yaml -o packages/api-client --package-name @acme/api
  diga-codegen generate --check      # in CI: fail when the committed client drifted from the spec
  diga-codegen generate --watch      # while editing the spec
  diga-codegen diff old/openapi.yaml openapi.yaml --fail-on-breaking

Exit codes: 0 done, 1 invalid spec, drift (--check) or breaking change (--fail-on-breaking), 2 usage error.`;

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
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        input: { type: "string", short: "i" },
        output: { type: "string", short: "o" },
        config: { type: "string", short: "c" },
        "package-name": { type: "string" },
        "allow-remote-refs": { type: "boolean", default: false },
        check: { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        strict: { type: "boolean", default: false },
        watch: { type: "boolean", short: "w", default: false },
        format: { type: "string" },
        "fail-on-breaking": { type: "boolean", default: false },
        quiet: { type: "boolean", short: "q", default: false },
        verbose: { type: "boolean", default: false },
        debug: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "v", default: false },
      },
    });
    debug = values.debug;
    if (values.quiet && values.verbose) throw new UsageError("--quiet and --verbose contradict each other");
    const verbosity: Verbosity = values.quiet ? "quiet" : values.verbose ? "verbose" : "normal";
    reporter = createReporter(io, verbosity);
    if (values.help) {
      io.out(HELP);
      return EXIT.ok;
    }
    if (values.version) {
      io.out(version());
      return EXIT.ok;
    }
    const [command, ...rest] = positionals;
    if (command === "diff") {
      const [before, after, ...extra] = rest;
      if (before === undefined || after === undefined || extra.length > 0) throw new UsageError("diff takes two specs: `diga-codegen diff <old> <new>`");
      const format = values.format ?? "markdown";
      if (format !== "markdown" && format !== "json") throw new UsageError(`--format must be markdown or json, not "${format}"`);
      const { runDiff } = await import("./diff-command.js");
      return await runDiff({ before, after, format, failOnBreaking: values["fail-on-breaking"], allowRemoteRefs: values["allow-remote-refs"] }, io).catch((error: unknown) => report(error, reporter, debug, false));
    }
    if (command !== "generate" || rest.length > 0) {
      throw new UsageError(command === undefined ? "missing command: use `diga-codegen generate` or `diga-codegen diff`" : `unknown command "${[command, ...rest].join(" ")}"`);
    }
    if (values.watch && values.check) throw new UsageError("--watch and --check do not go together: --check is for CI, --watch for editing");
    const jobs = (await resolveJobs(io.cwd, values)).map((job) => ({ ...job, allowRemoteRefs: values["allow-remote-refs"] || job.allowRemoteRefs === true }));
    const flags = { check: values.check, force: values.force, strict: values.strict };
    if (values.watch) {
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

async function resolveJobs(
  cwd: string,
  flags: { input?: string | undefined; output?: string | undefined; config?: string | undefined; "package-name"?: string | undefined },
): Promise<ClientConfig[]> {
  const config = await readConfig(resolve(cwd, flags.config ?? CONFIG_FILE), flags.config !== undefined);
  const fromFlags = {
    ...(flags.input === undefined ? {} : { input: resolve(cwd, flags.input) }),
    ...(flags.output === undefined ? {} : { output: resolve(cwd, flags.output) }),
    ...(flags["package-name"] === undefined ? {} : { packageName: flags["package-name"] }),
  };
  const clients = config?.clients ?? [];
  if (Object.keys(fromFlags).length === 0) {
    if (clients.length === 0) throw new UsageError(`nothing to generate: pass --input and --output, or create ${CONFIG_FILE}`);
    return [...clients];
  }
  if (clients.length > 1) throw new UsageError(`${CONFIG_FILE} lists ${clients.length} clients; flags can only override a config with one`);
  const merged = { ...clients[0], ...fromFlags };
  if (merged.input === undefined || merged.output === undefined) {
    throw new UsageError(`missing --${merged.input === undefined ? "input" : "output"} (or a ${CONFIG_FILE} that sets it)`);
  }
  return [{ ...merged, input: merged.input, output: merged.output }];
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
