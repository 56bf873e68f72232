/** The benchmark's command line. */
import { parseArgs } from "node:util";
import { SPEC_IDS, type SpecId } from "./specs.js";
import { TOOL_IDS, type ToolId } from "./tools.js";

export interface BenchOptions {
  runs: number;
  specs: SpecId[];
  tools: ToolId[];
  timeoutSeconds: number;
  /** Skip output size, tsc and bundle checks (timings only). */
  checks: boolean;
}

export const USAGE = `Usage: pnpm bench [--runs N] [--spec ${SPEC_IDS.join("|")}[,…]] [--tools ${TOOL_IDS.join(",")}]
                  [--timeout SECONDS] [--no-checks]

  --runs N        interleaved rounds per spec (default 5)
  --spec          which specs (default: all)
  --tools         which tools, comma-separated (default: all; ratios need "ours")
  --timeout S     per-run timeout in seconds (default 180)
  --no-checks     timings only: skip output size, tsc --noEmit and bundle size`;

export class UsageError extends Error {}

export function parseBenchOptions(argv: string[]): BenchOptions | "help" {
  const { values } = parseArgs({
    // `pnpm bench -- --runs 3` passes the `--` on (npm and older pnpm drop it): accept both spellings.
    args: argv[0] === "--" ? argv.slice(1) : argv,
    strict: true,
    options: {
      runs: { type: "string" },
      spec: { type: "string" },
      tools: { type: "string" },
      timeout: { type: "string" },
      "no-checks": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help === true) return "help";
  return {
    runs: positiveInteger("--runs", values.runs ?? "5"),
    specs: pickFrom("--spec", values.spec, SPEC_IDS),
    tools: pickFrom("--tools", values.tools, TOOL_IDS),
    timeoutSeconds: positiveInteger("--timeout", values.timeout ?? "180"),
    checks: values["no-checks"] !== true,
  };
}

function positiveInteger(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${flag} must be a positive integer, got "${text}"`);
  return value;
}

/** A comma-separated subset of `allowed`, kept in `allowed`'s order; all of them when the flag is absent. */
function pickFrom<T extends string>(flag: string, text: string | undefined, allowed: readonly T[]): T[] {
  if (text === undefined) return [...allowed];
  const requested = text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  const unknown = requested.filter((item) => !(allowed as readonly string[]).includes(item));
  if (unknown.length > 0) throw new UsageError(`${flag}: unknown ${unknown.join(", ")} (choose from ${allowed.join(", ")})`);
  if (requested.length === 0) throw new UsageError(`${flag} needs at least one value`);
  return allowed.filter((item) => requested.includes(item));
}
