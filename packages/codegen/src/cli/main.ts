import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CodegenError, formatProblem } from "../errors.js";
import { generate, settingsOf } from "../generate.js";
import { isFresh } from "../write/freshness.js";
import { hasChanges, planWrite, writeOutput, type WritePlan } from "../write/write-output.js";
import { CONFIG_FILE, readConfig, type ClientConfig } from "./config.js";

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

const HELP = `Usage: diga-codegen generate [options]

Generates a typed, dependency-free TypeScript client package from an OpenAPI 3.0/3.1 document.

Options:
  -i, --input <file>     OpenAPI document (YAML or JSON)
  -o, --output <dir>     folder of the generated package (diga-codegen owns the files it writes there)
  -c, --config <file>    config file (default: ./${CONFIG_FILE} if it exists)
      --package-name <n> name of the generated package
      --allow-remote-refs  fetch $refs to http(s) URLs (never done otherwise)
      --check            write nothing; exit 1 and list the files that differ from a fresh generation
      --force            generate even when the output is up to date with the spec and the generator
      --debug            print stack traces
  -h, --help             show this help
  -v, --version          print the version

Without --input/--output, the clients listed in ${CONFIG_FILE} are generated.

Examples:
  diga-codegen generate
  diga-codegen generate -i openapi.yaml -o packages/api-client --package-name @acme/api
  diga-codegen generate --check      # in CI: fail when the committed client drifted from the spec

Exit codes: 0 done, 1 invalid spec or drift (--check), 2 usage error.`;

export interface Io {
  readonly cwd: string;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const defaultIo: Io = { cwd: process.cwd(), out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };

class UsageError extends Error {}

/** Runs the CLI and returns its exit code; never calls `process.exit`, so tests run it in-process. */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  let debug = argv.includes("--debug");
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
        debug: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "v", default: false },
      },
    });
    debug = values.debug;
    if (values.help) {
      io.out(HELP);
      return EXIT.ok;
    }
    if (values.version) {
      io.out(version());
      return EXIT.ok;
    }
    const [command, ...rest] = positionals;
    if (command !== "generate" || rest.length > 0) {
      throw new UsageError(command === undefined ? "missing command: use `diga-codegen generate`" : `unknown command "${[command, ...rest].join(" ")}"`);
    }
    const jobs = (await resolveJobs(io.cwd, values)).map((job) => ({ ...job, allowRemoteRefs: values["allow-remote-refs"] || job.allowRemoteRefs === true }));
    let exitCode: number = EXIT.ok;
    for (const job of jobs) {
      const code = await runJob(job, { check: values.check, force: values.force }, io);
      if (code !== EXIT.ok) exitCode = code;
    }
    return exitCode;
  } catch (error) {
    return report(error, io, debug);
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

async function runJob(job: ClientConfig, { check, force }: { check: boolean; force: boolean }, io: Io): Promise<number> {
  const start = performance.now();
  // Relative to where the user stands, unless that means climbing out of it.
  const shown = (path: string) => {
    const fromCwd = relative(io.cwd, path);
    return fromCwd === "" ? "." : fromCwd.startsWith("..") ? path : fromCwd;
  };
  const options = {
    input: shown(job.input),
    cwd: io.cwd,
    allowRemoteRefs: job.allowRemoteRefs === true,
    ...(job.packageName === undefined ? {} : { packageName: job.packageName }),
    ...(job.packageVersion === undefined ? {} : { packageVersion: job.packageVersion }),
  };
  // An unchanged spec and generator: the manifest's digests prove the output current without generating.
  if (!force && (await isFresh(job.output, job.input, await settingsOf(options)))) {
    io.out(`diga-codegen: ${shown(job.output)} is up to date with ${shown(job.input)} (unchanged since the last generation) in ${Math.round(performance.now() - start)} ms`);
    return EXIT.ok;
  }
  const result = await generate(options);
  const operations = plural(result.model.operations.length, "operation");
  if (check) {
    const plan = await planWrite(job.output, result.files);
    const ms = Math.round(performance.now() - start);
    if (!hasChanges(plan)) {
      io.out(`diga-codegen: ${shown(job.output)} is up to date with ${shown(job.input)} (${operations}, ${plural(result.files.length, "file")}) in ${ms} ms`);
      return EXIT.ok;
    }
    io.err(`diga-codegen: ${shown(job.output)} is out of date with ${shown(job.input)}:`);
    for (const line of describePlan(plan)) io.err(`  ${line}`);
    io.err("run `diga-codegen generate` and commit the result");
    return EXIT.failure;
  }
  const plan = await writeOutput(job.output, result.files);
  const ms = Math.round(performance.now() - start);
  const written = plan.created.length + plan.updated.length;
  io.out(
    `diga-codegen: ${shown(job.input)} → ${shown(job.output)}: ${operations}, ${plural(result.files.length, "file")} (${written} written, ${plan.unchanged.length} unchanged, ${plan.removed.length} removed) in ${ms} ms`,
  );
  return EXIT.ok;
}

function describePlan(plan: WritePlan): string[] {
  return [
    ...plan.updated.map((path) => `changed  ${path}`),
    ...plan.created.map((path) => `missing  ${path}`),
    ...plan.removed.map((path) => `stale    ${path}`),
  ];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function report(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof UsageError) {
    io.err(`diga-codegen: ${error.message}`);
    io.err("run `diga-codegen --help` for usage");
    return EXIT.usage;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof Error && code?.startsWith("ERR_PARSE_ARGS") === true) {
    // Node's own text for an unknown option suggests `--`, which is no help here.
    const option = /'(-[^']*)'/.exec(error.message)?.[1];
    io.err(`diga-codegen: ${code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option !== undefined ? `unknown option ${option}` : error.message}`);
    io.err("run `diga-codegen --help` for usage");
    return EXIT.usage;
  }
  if (error instanceof CodegenError) {
    const shown = error.problems.slice(0, 50);
    for (const problem of shown) io.err(`diga-codegen: error: ${formatProblem(problem)}`);
    if (error.problems.length > shown.length) io.err(`diga-codegen: ... and ${error.problems.length - shown.length} more problems`);
    if (error.problems.length > 1) io.err(`diga-codegen: ${error.problems.length} problems; nothing was written`);
    if (debug) io.err(error.stack ?? "");
    return error.stage === "config" ? EXIT.usage : EXIT.failure;
  }
  io.err(`diga-codegen: internal error: ${error instanceof Error ? error.message : String(error)}`);
  io.err(debug ? String((error as Error | undefined)?.stack) : "this is a bug in diga-codegen; rerun with --debug for details and report it");
  return EXIT.failure;
}

function version(): string {
  const packageJson = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return packageJson.version;
}
