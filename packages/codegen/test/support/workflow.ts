/**
 * Static checks of a GitHub Actions workflow. Each check is a plain function returning the problems it finds (none:
 * an empty list), so a test runs the same functions on the real workflow and on a deliberately broken one.
 *
 * The shell and expression readers below are deliberately small: enough for the `run:` scripts and `if:` conditions a
 * workflow of ours writes (no heredocs, no command substitution inside double quotes), and loud where they stop.
 */
import { parse } from "yaml";

export interface StepModel {
  /** `job check, step 3 (Install)`, for messages. */
  readonly where: string;
  readonly id: string | undefined;
  readonly if: string | undefined;
  readonly uses: string | undefined;
  readonly run: string | undefined;
  readonly with: Readonly<Record<string, unknown>>;
}

export interface JobModel {
  readonly id: string;
  readonly if: string | undefined;
  readonly permissions: unknown;
  /** A job calling a reusable workflow has `uses` and no steps. */
  readonly uses: string | undefined;
  readonly steps: readonly StepModel[];
}

export interface WorkflowModel {
  readonly source: string;
  /** `on`, with the string and list forms turned into a map of event → its configuration (or null). */
  readonly on: Readonly<Record<string, unknown>>;
  readonly permissions: unknown;
  readonly concurrency: unknown;
  readonly jobs: readonly JobModel[];
}

/** Parses a workflow's YAML and checks the shape the checks rely on; throws on anything else. */
export function loadWorkflow(source: string): WorkflowModel {
  const document: unknown = parse(source);
  if (!isRecord(document)) throw new Error("a workflow is a YAML mapping");
  const jobs = document["jobs"];
  if (!isRecord(jobs) || Object.keys(jobs).length === 0) throw new Error("a workflow needs a `jobs` mapping with at least one job");
  return {
    source,
    on: normaliseOn(document["on"]),
    permissions: document["permissions"],
    concurrency: document["concurrency"],
    jobs: Object.entries(jobs).map(([id, job]) => loadJob(id, job)),
  };
}

function loadJob(id: string, job: unknown): JobModel {
  if (!isRecord(job)) throw new Error(`job ${id} is not a mapping`);
  const steps = job["steps"] ?? [];
  if (!Array.isArray(steps)) throw new Error(`job ${id}: steps is not a list`);
  return {
    id,
    if: optionalText(job["if"]),
    permissions: job["permissions"],
    uses: optionalText(job["uses"]),
    steps: steps.map((step: unknown, index) => {
      if (!isRecord(step)) throw new Error(`job ${id}, step ${index + 1} is not a mapping`);
      const name = optionalText(step["name"]);
      const options = step["with"] ?? {};
      if (!isRecord(options)) throw new Error(`job ${id}, step ${index + 1}: with is not a mapping`);
      return {
        where: `job ${id}, step ${index + 1}${name === undefined ? "" : ` (${name})`}`,
        id: optionalText(step["id"]),
        if: optionalText(step["if"]),
        uses: optionalText(step["uses"]),
        run: optionalText(step["run"]),
        with: options,
      };
    }),
  };
}

function normaliseOn(on: unknown): Record<string, unknown> {
  if (typeof on === "string") return { [on]: null };
  if (Array.isArray(on)) return Object.fromEntries(on.map((event) => [String(event), null]));
  if (isRecord(on)) return on;
  throw new Error("a workflow needs `on`");
}

// ---------------------------------------------------------------------------------------------------------------------
// Actions pinned by commit SHA

export interface ActionUse {
  readonly where: string;
  readonly uses: string;
  /** The comment on the `uses:` line, without the `#`; undefined when there is none. */
  readonly comment: string | undefined;
}

/** Every `uses:` (job and step), with the comment that stands on its line in the source. */
export function actionUses(workflow: WorkflowModel): ActionUse[] {
  const comments = new Map<string, string | undefined>();
  for (const line of workflow.source.split("\n")) {
    const match = /^\s*(?:-\s+)?uses:\s*(["']?)([^\s"'#]+)\1\s*(?:#\s*(.*?))?\s*$/.exec(line);
    if (match?.[2] !== undefined && !comments.has(match[2])) comments.set(match[2], match[3]);
  }
  const found: ActionUse[] = [];
  for (const job of workflow.jobs) {
    if (job.uses !== undefined) found.push({ where: `job ${job.id}`, uses: job.uses, comment: comments.get(job.uses) });
    for (const step of job.steps) if (step.uses !== undefined) found.push({ where: step.where, uses: step.uses, comment: comments.get(step.uses) });
  }
  return found;
}

/**
 * A tag or branch can be moved to other code; a full commit SHA cannot. Each remote action must be pinned to one, with
 * a `# vX.Y.Z` comment saying which release it is (what Dependabot and Renovate read and update).
 */
export function pinProblems(workflow: WorkflowModel): string[] {
  const problems: string[] = [];
  for (const { where, uses, comment } of actionUses(workflow)) {
    if (uses.startsWith("./")) continue; // an action in this repository: pinned by the commit being run
    if (uses.startsWith("docker://")) {
      if (!/@sha256:[0-9a-f]{64}$/.test(uses)) problems.push(`${where}: ${uses} is not pinned to an image digest`);
      continue;
    }
    if (!/^[\w.-]+\/[\w.-]+(?:\/[^@]+)?@[0-9a-f]{40}$/.test(uses)) {
      problems.push(`${where}: ${uses} is not pinned to a full 40-character commit SHA`);
    } else if (comment === undefined || !/^v\d+\.\d+\.\d+$/.test(comment)) {
      problems.push(`${where}: ${uses} has no "# vX.Y.Z" comment naming its release`);
    }
  }
  return problems;
}

/** Each pinned action's SHA must be the one recorded for the release its comment names. */
export function pinMismatches(workflow: WorkflowModel, known: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  for (const { where, uses, comment } of actionUses(workflow)) {
    const [action, sha] = uses.split("@");
    if (action === undefined || sha === undefined || comment === undefined || uses.startsWith("./")) continue;
    const release = `${action}@${comment}`;
    const expected = known[release];
    if (expected === undefined) problems.push(`${where}: no SHA recorded for ${release}`);
    else if (expected !== sha) problems.push(`${where}: ${release} is ${expected}, not ${sha}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------------
// Triggers

export interface TriggerExpectation {
  /** Events the workflow must run on. */
  readonly events: readonly string[];
  /** Events whose `paths:` filter must exist and be checked against the two lists below. */
  readonly filteredEvents: readonly string[];
  /** Changed files that must start the workflow. */
  readonly mustTrigger: readonly string[];
  /** Changed files that must not. */
  readonly mustNotTrigger: readonly string[];
}

export function triggerProblems(workflow: WorkflowModel, expected: TriggerExpectation): string[] {
  const problems: string[] = [];
  for (const event of expected.events) if (!(event in workflow.on)) problems.push(`does not run on ${event}`);
  for (const event of expected.filteredEvents) {
    if (!(event in workflow.on)) continue;
    const configuration = workflow.on[event];
    const paths = isRecord(configuration) ? configuration["paths"] : undefined;
    if (!Array.isArray(paths) || !paths.every((path) => typeof path === "string")) {
      problems.push(`${event} has no paths filter`);
      continue;
    }
    for (const file of expected.mustTrigger) if (!matchesPathFilter(file, paths)) problems.push(`${event}: a change to ${file} does not start the workflow`);
    for (const file of expected.mustNotTrigger) if (matchesPathFilter(file, paths)) problems.push(`${event}: a change to ${file} starts the workflow`);
  }
  return problems;
}

/**
 * GitHub's `paths` filter: `*` is any characters but `/`, `**` any characters, a leading `!` excludes, and the last
 * pattern that matches decides. `?`, `+` and `[...]` are not supported here and throw.
 */
export function matchesPathFilter(file: string, patterns: readonly string[]): boolean {
  let included = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith("!");
    if (filterRegExp(negated ? pattern.slice(1) : pattern).test(file)) included = !negated;
  }
  return included;
}

function filterRegExp(pattern: string): RegExp {
  let source = "";
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index] ?? "";
    if (char === "*" && pattern[index + 1] === "*") {
      index++;
      if (pattern[index + 1] === "/") {
        index++;
        source += "(?:.*/)?";
      } else {
        source += ".*";
      }
    } else if (char === "*") {
      source += "[^/]*";
    } else if ("?+[]".includes(char)) {
      throw new Error(`the path filter reader does not support "${char}" (in ${pattern})`);
    } else {
      source += char.replace(/[.^$|(){}\\]/g, "\\$&");
    }
  }
  return new RegExp(`^${source}$`);
}

// ---------------------------------------------------------------------------------------------------------------------
// Permissions

/** Steps that write to the repository or a pull request with the GITHUB_TOKEN. */
const WRITING_ACTIONS = ["peter-evans/create-pull-request", "actions/github-script"];
const WRITING_COMMANDS = /\b(?:git\s+push|gh\s+(?:pr|issue|release|api)\b)/;

function writingStep(step: StepModel): boolean {
  const action = step.uses?.split("@")[0];
  return (action !== undefined && WRITING_ACTIONS.includes(action)) || (step.run !== undefined && WRITING_COMMANDS.test(step.run));
}

/** The scopes a permissions value grants write on; `undefined` when it is not a scope map (`write-all`, `read-all`). */
function writeScopes(permissions: unknown): string[] | undefined {
  if (!isRecord(permissions)) return undefined;
  return Object.entries(permissions)
    .filter(([, level]) => level === "write")
    .map(([scope]) => scope);
}

/**
 * The token is read-only unless a job says otherwise: top-level permissions are an explicit map of `read`/`none`, a
 * job whose steps write declares its own write scopes, and no job asks for write scopes it has no step to use.
 */
export function permissionProblems(workflow: WorkflowModel): string[] {
  const problems: string[] = [];
  const top = workflow.permissions;
  if (top === undefined) problems.push("no top-level permissions: the token gets the repository's default, which may be write-all");
  else if (!isRecord(top) || Object.values(top).some((level) => level !== "read" && level !== "none")) {
    problems.push(`top-level permissions are not read-only: ${JSON.stringify(top)}`);
  }
  for (const job of workflow.jobs) {
    const writers = job.steps.filter(writingStep);
    const scopes = job.permissions === undefined ? [] : writeScopes(job.permissions);
    if (scopes === undefined) {
      problems.push(`job ${job.id}: permissions ${JSON.stringify(job.permissions)} are not a map of scopes`);
      continue;
    }
    if (writers.length > 0 && scopes.length === 0) {
      problems.push(`job ${job.id} writes (${writers.map((step) => step.uses ?? "a run step").join(", ")}) but declares no write permission of its own`);
    }
    if (writers.length === 0 && scopes.length > 0) problems.push(`job ${job.id} asks to write ${scopes.join(", ")} but has no step that writes`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------------
// Concurrency

/**
 * One run at a time per workflow and ref, and a new push to a pull request cancels the run it supersedes.
 * `pullRequest` is the context of a pull_request event, to evaluate `cancel-in-progress` in.
 */
export function concurrencyProblems(workflow: WorkflowModel, pullRequest: ExpressionContext): string[] {
  const concurrency = workflow.concurrency;
  if (!isRecord(concurrency)) return ["no concurrency group (or only a bare string, which never cancels)"];
  const problems: string[] = [];
  const group = concurrency["group"];
  if (typeof group !== "string" || !group.includes("github.workflow") || !/github\.(?:ref|head_ref)\b|pull_request\.number/.test(group)) {
    problems.push(`the concurrency group ${JSON.stringify(group)} is not per workflow and ref`);
  }
  const cancel = concurrency["cancel-in-progress"];
  const cancelsPullRequests = typeof cancel === "string" ? truthy(evaluate(unwrapExpression(cancel), pullRequest)) : cancel === true;
  if (!cancelsPullRequests) problems.push("cancel-in-progress is not true for pull requests");
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------------
// Shell: the commands in `run:` scripts

/**
 * The simple commands of a shell script, as word lists: quotes removed, comments, redirections (and their targets)
 * dropped, split at newlines, `;`, `&&`, `||`, `|`, `&`, parentheses, backquotes and `$(`. Heredocs are not read.
 */
export function shellCommands(script: string): string[][] {
  if (/<<-?\s*['"]?\w/.test(script)) throw new Error("the shell reader does not read heredocs");
  const commands: string[][] = [];
  let words: string[] = [];
  let word = "";
  let inWord = false;
  let dropNextWord = false;
  const endWord = () => {
    if (inWord) {
      if (dropNextWord) dropNextWord = false;
      else words.push(word);
    }
    word = "";
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  for (let index = 0; index < script.length; index++) {
    const char = script[index] ?? "";
    const next = script[index + 1];
    if (char === "\\") {
      if (next !== "\n") {
        word += next ?? "";
        inWord = true;
      }
      index++;
    } else if (char === "'") {
      const end = script.indexOf("'", index + 1);
      if (end === -1) throw new Error("unterminated single quote");
      word += script.slice(index + 1, end);
      inWord = true;
      index = end;
    } else if (char === '"') {
      let end = index + 1;
      for (; end < script.length && script[end] !== '"'; end++) {
        if (script[end] === "\\") end++;
        word += script[end] ?? "";
      }
      if (end >= script.length) throw new Error("unterminated double quote");
      inWord = true;
      index = end;
    } else if (char === "#" && !inWord) {
      const end = script.indexOf("\n", index);
      index = end === -1 ? script.length : end - 1;
    } else if (char === " " || char === "\t") {
      endWord();
    } else if (char === "$" && next === "(") {
      endCommand();
      index++;
    } else if ("\n;&|()`".includes(char)) {
      endCommand();
    } else if (char === ">" || char === "<") {
      if (inWord && /^\d+$/.test(word)) {
        word = "";
        inWord = false;
      } else {
        endWord();
      }
      while (script[index + 1] === ">" || script[index + 1] === "&") index++;
      dropNextWord = true;
    } else {
      word += char;
      inWord = true;
    }
  }
  endCommand();
  return commands;
}

function runScripts(workflow: WorkflowModel): { where: string; run: string }[] {
  return workflow.jobs.flatMap((job) => job.steps.flatMap((step) => (step.run === undefined ? [] : [{ where: step.where, run: step.run }])));
}

// ---------------------------------------------------------------------------------------------------------------------
// pnpm scripts

/** Built-in pnpm commands the workflow may call besides the root package's scripts: an explicit list, not "any". */
export const PNPM_BUILTINS: ReadonlySet<string> = new Set(["install", "exec"]);
const PNPM_OPTIONS_WITH_VALUE = new Set(["--filter", "-F", "--dir", "-C"]);

/** What each `pnpm …` (or `npx pnpm@x …`) in a script runs: a built-in, or `run`'s script name. */
export function pnpmCalls(script: string): string[] {
  const calls: string[] = [];
  for (const words of shellCommands(script)) {
    const start = words.findIndex((word) => /^pnpm(?:@[\w.-]+)?$/.test(word));
    if (start === -1) continue;
    const rest = words.slice(start + 1);
    const operands: string[] = [];
    for (let index = 0; index < rest.length; index++) {
      const word = rest[index] ?? "";
      if (PNPM_OPTIONS_WITH_VALUE.has(word)) index++;
      else if (!word.startsWith("-")) operands.push(word);
    }
    const [command, name] = operands;
    if (command === "run" || command === "run-script") {
      if (name !== undefined) calls.push(name);
    } else if (command !== undefined) {
      calls.push(command);
    }
  }
  return calls;
}

/** Every `pnpm <name>` / `pnpm run <name>` names a script of the root package.json or an allowed built-in. */
export function scriptProblems(workflow: WorkflowModel, scripts: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  for (const { where, run } of runScripts(workflow)) {
    for (const name of pnpmCalls(run)) {
      if (!PNPM_BUILTINS.has(name) && !Object.hasOwn(scripts, name)) problems.push(`${where}: pnpm ${name}: no such script in package.json`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------------
// The diga-codegen CLI

export interface CliOption {
  readonly long: string;
  readonly short: string | undefined;
  readonly takesValue: boolean;
  /** `generate`, `diff`, or `common` (any command). */
  readonly section: string;
}

export interface CliUsage {
  /** Command name → how many positional arguments it takes. */
  readonly commands: ReadonlyMap<string, number>;
  readonly options: readonly CliOption[];
}

/**
 * Reads the commands and options the CLI's `--help` documents: the `Commands:` block (`diff <old> <new>` takes two
 * arguments) and each `<Name> options:` block (`--format <f>` takes a value).
 */
export function parseHelp(help: string): CliUsage {
  const commands = new Map<string, number>();
  const options: CliOption[] = [];
  let section: string | undefined;
  for (const line of help.split("\n")) {
    const header = /^(?:(Commands)|(\w+) options):$/.exec(line);
    if (header !== null) {
      section = header[1] === undefined ? (header[2] ?? "").toLowerCase() : "commands";
      continue;
    }
    if (!line.startsWith(" ")) {
      section = undefined;
      continue;
    }
    if (section === "commands") {
      const command = /^\s+([a-z][\w-]*)((?:\s<[^>]+>)*)\s{2,}\S/.exec(line);
      if (command?.[1] !== undefined) commands.set(command[1], (command[2] ?? "").match(/<[^>]+>/g)?.length ?? 0);
    } else if (section !== undefined) {
      const option = /^\s+(?:-([A-Za-z]),\s+)?--([a-z][a-z-]*)(\s+<[^>]+>)?/.exec(line);
      if (option?.[2] !== undefined) options.push({ long: option[2], short: option[1], takesValue: option[3] !== undefined, section });
    }
  }
  if (commands.size === 0 || options.length === 0) throw new Error("found no commands or no options in the --help text");
  return { commands, options };
}

/** The arguments of each `diga-codegen …` or `node …/bin/diga-codegen.js …` in a script. */
export function cliCalls(script: string): string[][] {
  const calls: string[][] = [];
  for (const words of shellCommands(script)) {
    const start = words.findIndex((word) => word === "diga-codegen" || word.endsWith("/.bin/diga-codegen") || word.endsWith("bin/diga-codegen.js"));
    if (start !== -1) calls.push(words.slice(start + 1));
  }
  return calls;
}

/** Problems with one call: an undocumented command or option, an option of another command, a wrong argument count. */
export function cliCallProblems(args: readonly string[], usage: CliUsage): string[] {
  const problems: string[] = [];
  const positionals: string[] = [];
  const used: CliOption[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? "";
    if (arg === "--") {
      positionals.push(...args.slice(index + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const [name = "", inline] = arg.split(/=(.*)/s);
    const option = name.startsWith("--") ? usage.options.find((candidate) => `--${candidate.long}` === name) : usage.options.find((candidate) => `-${candidate.short}` === name);
    if (option === undefined) {
      problems.push(`${name} is not an option --help documents`);
      continue;
    }
    used.push(option);
    if (option.takesValue && inline === undefined) {
      if (args[index + 1] === undefined) problems.push(`${name} needs a value`);
      index++;
    }
  }
  const [command, ...operands] = positionals;
  if (command === undefined) return [...problems, "no command"];
  const arity = usage.commands.get(command);
  if (arity === undefined) return [...problems, `"${command}" is not a command --help documents`];
  if (operands.length !== arity) problems.push(`${command} takes ${arity} argument${arity === 1 ? "" : "s"}, not ${operands.length}`);
  // An option may be documented for several commands (`--format`); it must be one of this command's, or common.
  const ofCommand = (option: CliOption) => usage.options.some((candidate) => candidate.long === option.long && (candidate.section === command || candidate.section === "common"));
  for (const option of used) if (!ofCommand(option)) problems.push(`--${option.long} is not an option of ${command}`);
  return problems;
}

export function cliProblems(workflow: WorkflowModel, usage: CliUsage): string[] {
  return runScripts(workflow).flatMap(({ where, run }) => cliCalls(run).flatMap((args) => cliCallProblems(args, usage).map((problem) => `${where}: diga-codegen ${args.join(" ")}: ${problem}`)));
}

// ---------------------------------------------------------------------------------------------------------------------
// Expressions: `if:` conditions and `${{ }}`

export type ExpressionContext = Readonly<Record<string, unknown>>;

/** The `github` context of an event, as the conditions of our workflow see it (default branch `main`). */
export function githubContext(event: string, ref: string, { fork = false }: { fork?: boolean } = {}): ExpressionContext {
  const repository = "diga/codegen";
  const pullRequest = {
    number: 7,
    base: { ref: "main", repo: { full_name: repository } },
    head: { ref: "feature", repo: { full_name: fork ? "someone/codegen" : repository, fork } },
  };
  return {
    github: {
      workflow: "codegen",
      event_name: event,
      ref,
      ref_name: ref.replace(/^refs\/(?:heads|tags)\//, ""),
      repository,
      actor: "someone",
      base_ref: event === "pull_request" ? "main" : "",
      head_ref: event === "pull_request" ? "feature" : "",
      event: { repository: { full_name: repository, default_branch: "main" }, ...(event === "pull_request" ? { pull_request: pullRequest } : {}) },
    },
  };
}

/** Whether a job or step with this `if:` runs (no `if:` runs, as GitHub's implied `success()`). */
export function runsWhen(condition: string | undefined, context: ExpressionContext): boolean {
  return condition === undefined || truthy(evaluate(unwrapExpression(condition), context));
}

function unwrapExpression(text: string): string {
  const match = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(text);
  return match?.[1] ?? text;
}

type Value = string | number | boolean | null | Readonly<Record<string, unknown>> | readonly unknown[];

/** Evaluates a GitHub Actions expression: literals, context paths, `! == != && ||`, parentheses and a few functions. */
export function evaluate(expression: string, context: ExpressionContext): Value {
  const tokens = tokenize(expression);
  let position = 0;
  const peek = () => tokens[position];
  const take = (expected?: string) => {
    const token = tokens[position++];
    if (token === undefined || (expected !== undefined && token.text !== expected)) throw new Error(`expected ${expected ?? "more"} in ${expression}`);
    return token;
  };
  const or = (): Value => {
    let value = and();
    while (peek()?.text === "||") {
      take();
      const right = and();
      value = truthy(value) ? value : right;
    }
    return value;
  };
  const and = (): Value => {
    let value = unary();
    while (peek()?.text === "&&") {
      take();
      const right = unary();
      value = truthy(value) ? right : value;
    }
    return value;
  };
  const unary = (): Value => {
    if (peek()?.text === "!") {
      take();
      return !truthy(unary());
    }
    return comparison();
  };
  const comparison = (): Value => {
    const left = primary();
    const operator = peek()?.text;
    if (operator !== "==" && operator !== "!=") return left;
    take();
    const equal = looselyEqual(left, primary());
    return operator === "==" ? equal : !equal;
  };
  const primary = (): Value => {
    const token = take();
    if (token.kind === "string" || token.kind === "number") return token.value;
    if (token.text === "(") {
      const value = or();
      take(")");
      return value;
    }
    if (token.kind !== "name") throw new Error(`unexpected ${token.text} in ${expression}`);
    if (peek()?.text === "(") {
      take("(");
      const args: Value[] = [];
      while (peek()?.text !== ")") {
        args.push(or());
        if (peek()?.text === ",") take(",");
      }
      take(")");
      return call(token.text, args);
    }
    if (token.text === "true" || token.text === "false") return token.text === "true";
    if (token.text === "null") return null;
    return lookUp(context, token.text);
  };
  const value = or();
  if (position !== tokens.length) throw new Error(`unexpected ${tokens[position]?.text} in ${expression}`);
  return value;
}

interface Token {
  readonly kind: "operator" | "string" | "number" | "name";
  readonly text: string;
  readonly value: Value;
}

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\|\||&&|==|!=|[()!,])|'((?:[^']|'')*)'|(\d+(?:\.\d+)?)|([A-Za-z_][\w-]*(?:\.[\w-]+)*))/y;
  while (pattern.lastIndex < expression.length) {
    if (/^\s*$/.test(expression.slice(pattern.lastIndex))) break;
    const match = pattern.exec(expression);
    if (match === null) throw new Error(`cannot read the expression ${expression}`);
    const [text, operator, string, number, name] = match;
    if (operator !== undefined) tokens.push({ kind: "operator", text: operator, value: null });
    else if (string !== undefined) tokens.push({ kind: "string", text: text.trim(), value: string.replaceAll("''", "'") });
    else if (number !== undefined) tokens.push({ kind: "number", text: number, value: Number(number) });
    else tokens.push({ kind: "name", text: name ?? "", value: null });
  }
  return tokens;
}

function call(name: string, args: readonly Value[]): Value {
  const text = (value: Value | undefined) => (value === null || value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : String(value));
  switch (name.toLowerCase()) {
    case "success":
    case "always":
      return true;
    case "failure":
    case "cancelled":
      return false;
    case "format":
      return text(args[0]).replace(/\{\{|\}\}|\{(\d+)\}/g, (match, index?: string) => (index === undefined ? (match[0] ?? "") : text(args[Number(index) + 1])));
    case "contains":
      return Array.isArray(args[0]) ? args[0].some((item) => looselyEqual(item as Value, args[1] ?? null)) : text(args[0]).toLowerCase().includes(text(args[1]).toLowerCase());
    case "startswith":
      return text(args[0]).toLowerCase().startsWith(text(args[1]).toLowerCase());
    case "endswith":
      return text(args[0]).toLowerCase().endsWith(text(args[1]).toLowerCase());
    default:
      throw new Error(`the expression reader does not know ${name}()`);
  }
}

function lookUp(context: ExpressionContext, path: string): Value {
  let value: unknown = context;
  for (const key of path.split(".")) value = isRecord(value) ? value[key] : undefined;
  return value === undefined ? null : (value as Value);
}

/** GitHub compares strings ignoring case, and other mixed types as numbers. */
function looselyEqual(left: Value, right: Value): boolean {
  if (typeof left === "string" && typeof right === "string") return left.toLowerCase() === right.toLowerCase();
  if (typeof left === typeof right) return left === right;
  return toNumber(left) === toNumber(right);
}

function toNumber(value: Value): number {
  if (value === null) return 0;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number") return value;
  if (typeof value === "string") return value.trim() === "" ? 0 : Number(value);
  return Number.NaN;
}

function truthy(value: Value): boolean {
  return !(value === false || value === null || value === 0 || value === "" || Number.isNaN(value));
}

// ---------------------------------------------------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function optionalText(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}
