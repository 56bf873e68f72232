import { PLUGINS } from "../plugins/index.js";
import { CONFIG_FILE } from "./config.js";

/** One command-line option: how it is spelled, whether it takes a value, and its line in `--help`. */
export interface OptionSpec {
  readonly long: string;
  readonly short?: string;
  /** The value's placeholder in help (`<file>`); absent for a switch. */
  readonly value?: string;
  /** The values it accepts, checked before anything runs. */
  readonly choices?: readonly string[];
  /** Repeatable: `--plugin a --plugin b`. */
  readonly multiple?: boolean;
  readonly help: string;
}

/** One command: its arguments, its own options, and the text `--help` shows for it. */
export interface CommandSpec {
  readonly name: "generate" | "diff";
  /** Positional arguments as help shows them (`<old> <new>`); their count is checked. */
  readonly args: readonly string[];
  /** What the arguments are, for the message when their count is wrong (`two specs`). */
  readonly argsText?: string;
  readonly summary: string;
  readonly options: readonly OptionSpec[];
}

/**
 * Every command and option of the CLI, in one table: parsing, per-command checks and `--help` all read it, so an
 * option cannot be documented without being accepted, or accepted by a command it means nothing to.
 */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "generate",
    args: [],
    summary: "generate a typed, dependency-free TypeScript client package from an OpenAPI 3.0/3.1 document",
    options: [
      { long: "input", short: "i", value: "<file>", help: "OpenAPI document (YAML or JSON)" },
      { long: "output", short: "o", value: "<dir>", help: "folder of the generated package (diga-codegen owns the files it writes there)" },
      { long: "config", short: "c", value: "<file>", help: `config file (default: ./${CONFIG_FILE} if it exists; not read with --input and --output)` },
      { long: "package-name", value: "<name>", help: "name of the generated package (default: from the spec's title)" },
      { long: "package-version", value: "<version>", help: "version of the generated package (default: the spec's info.version, made valid semver)" },
      { long: "format", value: "<f>", choices: ["layout", "prettier"], help: "layout (default; prettier's layout, printed directly) or prettier (run prettier over every file)" },
      { long: "allow-remote-refs", help: "fetch $refs to http(s) URLs (never done otherwise)" },
      { long: "plugin", value: "<name>", multiple: true, choices: PLUGINS.map((plugin) => plugin.name), help: "also generate a plugin's output (repeatable; the plugins are listed below)" },
      { long: "check", help: "write nothing; exit 1 and list the files that differ from a fresh generation" },
      { long: "force", help: "generate even when the output is up to date with the spec and the generator" },
      { long: "strict", help: "refuse the spec for what is otherwise generated with a warning (e.g. a path parameter without `required: true`)" },
      { long: "watch", short: "w", help: "regenerate whenever a spec file changes (a broken save is reported, then recovered from)" },
    ],
  },
  {
    name: "diff",
    args: ["<old>", "<new>"],
    argsText: "two specs",
    summary: "what changed in the generated SDK between two versions of a spec, breaking or not",
    options: [
      { long: "format", value: "<f>", choices: ["markdown", "json"], help: "markdown (default; fit for a pull-request comment) or json" },
      { long: "fail-on-breaking", help: "exit 1 when a change is breaking for a TypeScript caller" },
      { long: "allow-remote-refs", help: "fetch $refs to http(s) URLs (never done otherwise)" },
    ],
  },
];

/** Options every command takes. */
export const COMMON_OPTIONS: readonly OptionSpec[] = [
  { long: "quiet", short: "q", help: "print only errors" },
  { long: "verbose", help: "also print per-file changes" },
  { long: "debug", help: "print stack traces" },
  { long: "help", short: "h", help: "show this help" },
  { long: "version", short: "v", help: "print the version" },
];

/** `--help`, written from the table. */
export function helpText(): string {
  const spell = (option: OptionSpec) => `${option.short === undefined ? "    " : `-${option.short}, `}--${option.long}${option.value === undefined ? "" : ` ${option.value}`}`;
  const width = Math.max(...[...COMMANDS.flatMap((command) => command.options), ...COMMON_OPTIONS].map((option) => spell(option).length)) + 2;
  const optionLine = (option: OptionSpec) => `  ${spell(option).padEnd(width)}${option.help}`;
  const title = (name: string) => `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  return [
    "Usage: diga-codegen <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((command) => {
      const spelled = [command.name, ...command.args].join(" ");
      return `  ${spelled.padEnd(width)}${command.summary}`;
    }),
    ...COMMANDS.flatMap((command) => ["", `${title(command.name)} options:`, ...command.options.map(optionLine)]),
    "",
    "Common options:",
    ...COMMON_OPTIONS.map(optionLine),
    "Colour is used on terminals only; NO_COLOR=1 turns it off, FORCE_COLOR=1 on.",
    "",
    'Plugins (--plugin <name>, or "plugins": ["<name>"] in the config):',
    ...PLUGINS.map((plugin) => `  ${plugin.name.padEnd(width)}${plugin.summary}`),
    "",
    `Without --input and --output, generate makes every client listed in ${CONFIG_FILE}; with both, it makes that one client and reads no config.`,
    "",
    "Examples:",
    "  diga-codegen generate",
    "  diga-codegen generate -i openapi.yaml -o packages/api-client --package-name @acme/api",
    "  diga-codegen generate --check      # in CI: fail when the committed client drifted from the spec",
    "  diga-codegen generate --watch      # while editing the spec",
    "  diga-codegen diff old/openapi.yaml openapi.yaml --fail-on-breaking",
    "",
    "Exit codes: 0 done, 1 invalid spec, drift (--check) or breaking change (--fail-on-breaking), 2 usage error.",
  ].join("\n");
}

/** What `node:util`'s `parseArgs` takes: every option of every command, so a misplaced one can be named, not just refused. */
export function parseArgsOptions(): Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> {
  const all = [...COMMANDS.flatMap((command) => command.options), ...COMMON_OPTIONS];
  return Object.fromEntries(
    all.map((option) => [
      option.long,
      { type: option.value === undefined ? "boolean" : "string", ...(option.short === undefined ? {} : { short: option.short }), ...(option.multiple === true ? { multiple: true } : {}) },
    ]),
  );
}

/** The problem with the options given to `command`, if any: one that belongs to another command, or a value it does not take. */
export function optionProblem(command: CommandSpec, given: Readonly<Record<string, unknown>>): string | undefined {
  for (const [long, value] of Object.entries(given)) {
    if (value === undefined) continue;
    const option = [...command.options, ...COMMON_OPTIONS].find((candidate) => candidate.long === long);
    if (option === undefined) {
      const owners = COMMANDS.filter((other) => other.options.some((candidate) => candidate.long === long)).map((other) => other.name);
      return `--${long} is not an option of ${command.name} (it belongs to ${owners.join(" and ")})`;
    }
    for (const each of Array.isArray(value) ? value : [value]) {
      if (option.choices === undefined || typeof each !== "string" || option.choices.includes(each)) continue;
      return option.choices.length === 1
        ? `--${long} must be ${option.choices[0] ?? ""}, not "${each}"`
        : `--${long} must be ${option.choices.slice(0, -1).join(", ")} or ${option.choices.at(-1) ?? ""}, not "${each}"`;
    }
  }
  return undefined;
}
