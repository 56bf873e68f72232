/** The raw results (also written as JSON) and the summaries derived from them. */
import type { BundleResult, OutputSize, TypeCheckResult } from "./checks.js";
import type { Measurement } from "./measure.js";
import type { SpecId } from "./specs.js";
import type { ToolId } from "./tools.js";

export interface RunRecord {
  tool: ToolId;
  /** 1-based round number. */
  round: number;
  /** 1-based position of this run within its round (the order rotates every round). */
  positionInRound: number;
  outDir: string;
  ok: boolean;
  /** "failed: exit 1, <first line of stderr>", "timed out after 180 s", … */
  failure: string | undefined;
  measurement: Measurement;
}

export type ToolChecks = { kind: "checked"; outDir: string; output: OutputSize; typeCheck: TypeCheckResult; bundle: BundleResult } | { kind: "n/a"; reason: string };

export interface SpecResult {
  spec: SpecId;
  title: string;
  file: string;
  source: string;
  bytes: number;
  operations: number | undefined;
  runs: RunRecord[];
  summaries: ToolSummary[];
  checks: Partial<Record<ToolId, ToolChecks>>;
}

export interface ToolSummary {
  tool: ToolId;
  okRuns: number;
  totalRuns: number;
  /** Over successful runs only; undefined when none succeeded. */
  medianSeconds: number | undefined;
  minSeconds: number | undefined;
  maxSeconds: number | undefined;
  medianPeakRssKb: number | undefined;
  /** Most processes seen at once in any successful run's tree (more than 1: peak RSS may be a sampled sum). */
  maxProcesses: number;
  /** The first failure, if any run failed. */
  firstFailure: string | undefined;
}

export function summarizeTool(tool: ToolId, runs: readonly RunRecord[]): ToolSummary {
  const own = runs.filter((run) => run.tool === tool);
  const succeeded = own.filter((run) => run.ok);
  const seconds = succeeded.map((run) => run.measurement.wallSeconds);
  return {
    tool,
    okRuns: succeeded.length,
    totalRuns: own.length,
    medianSeconds: median(seconds),
    minSeconds: seconds.length === 0 ? undefined : Math.min(...seconds),
    maxSeconds: seconds.length === 0 ? undefined : Math.max(...seconds),
    medianPeakRssKb: median(succeeded.map((run) => run.measurement.peakRssKb)),
    maxProcesses: Math.max(0, ...succeeded.map((run) => run.measurement.maxProcesses)),
    firstFailure: own.find((run) => !run.ok)?.failure,
  };
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

/** ours/peer; undefined when either side has no successful run. */
export function ratio(ours: number | undefined, peer: number | undefined): number | undefined {
  if (ours === undefined || peer === undefined || peer === 0) return undefined;
  return ours / peer;
}
