/** Plain-text tables for the terminal. */
import { ratio, type SpecResult, type ToolChecks, type ToolSummary } from "./results.js";
import { TOOLS, type ToolId } from "./tools.js";

const OURS: ToolId = "ours";
const TYPES_ONLY_BASELINE: ToolId = "openapi-typescript";
/** Failure and compiler messages are cut here so one long line cannot wreck the table. */
const MAX_NOTE_LENGTH = 140;

export function formatSpecHeading(result: SpecResult, rounds: number): string {
  const operations = result.operations === undefined ? "" : `, ${result.operations} operations`;
  return `\n=== ${result.title}: ${result.source} (${formatBytes(result.bytes)}${operations}); ${rounds} interleaved round(s)`;
}

export function formatTimingTable(result: SpecResult): string {
  const ours = result.summaries.find((summary) => summary.tool === OURS);
  const rows = result.summaries.map((summary) => [
    TOOLS[summary.tool].label,
    `${summary.okRuns}/${summary.totalRuns}`,
    formatSeconds(summary.medianSeconds),
    formatRange(summary.minSeconds, summary.maxSeconds),
    formatMemory(summary.medianPeakRssKb),
    timeRatioCell(ours, summary),
    timingNote(summary),
  ]);
  const table = renderTable(["tool", "ok", "median", "min–max", "peak RSS (median)", "ours/tool time", "note"], rows, ["left", "right", "right", "right", "right", "right", "left"]);
  return `${table}\n${memoryRatioLine(result.summaries)}`;
}

function timeRatioCell(ours: ToolSummary | undefined, peer: ToolSummary): string {
  if (peer.tool === OURS) return "—";
  if (ours === undefined) return "n/a (ours not run)";
  if (ours.medianSeconds === undefined) return "n/a (ours failed)";
  const value = ratio(ours.medianSeconds, peer.medianSeconds);
  return value === undefined ? "n/a (tool failed)" : value.toFixed(2);
}

function timingNote(summary: ToolSummary): string {
  const notes: string[] = [];
  if (summary.maxProcesses > 1) notes.push(`runs as ${summary.maxProcesses} processes: peak RSS counts them all`);
  if (summary.firstFailure !== undefined) {
    const failedRuns = summary.totalRuns - summary.okRuns;
    const prefix = summary.okRuns === 0 ? "" : `${failedRuns} of ${summary.totalRuns} runs: `;
    notes.push(`${prefix}${summary.firstFailure}`);
  }
  return truncate(notes.join("; "));
}

function memoryRatioLine(summaries: readonly ToolSummary[]): string {
  const ours = summaries.find((summary) => summary.tool === OURS);
  const baseline = summaries.find((summary) => summary.tool === TYPES_ONLY_BASELINE);
  const label = `ours peak RSS / ${TYPES_ONLY_BASELINE} peak RSS (medians):`;
  if (ours === undefined || baseline === undefined) return `${label} n/a (both tools must be selected)`;
  const value = ratio(ours.medianPeakRssKb, baseline.medianPeakRssKb);
  if (value !== undefined) return `${label} ${value.toFixed(2)}`;
  return `${label} n/a (${ours.medianPeakRssKb === undefined ? "ours" : TYPES_ONLY_BASELINE} failed)`;
}

export function formatChecksTable(result: SpecResult): string {
  const rows = Object.entries(result.checks).map(([tool, checks]) => checksRow(tool as ToolId, checks));
  return renderTable(["tool", "files", "bytes", "tsc --noEmit", "tsc result", "list op (bundled export)", "min", "min+gzip", "note"], rows, [
    "left",
    "right",
    "right",
    "right",
    "left",
    "left",
    "right",
    "right",
    "left",
  ]);
}

function checksRow(tool: ToolId, checks: ToolChecks): string[] {
  const label = TOOLS[tool].label;
  if (checks.kind === "n/a") return [label, "—", "—", "—", "—", "—", "—", "—", truncate(checks.reason)];
  const { output, typeCheck, bundle } = checks;
  const notes: string[] = [];
  let tscResult: string;
  if (!typeCheck.completed) tscResult = "did not finish";
  else if (typeCheck.errorCount === 0) tscResult = "ok";
  else tscResult = `${typeCheck.errorCount} error${typeCheck.errorCount === 1 ? "" : "s"}`;
  if (typeCheck.firstProblem !== undefined) notes.push(`tsc: ${typeCheck.firstProblem}`);
  const bundleCells =
    bundle.kind === "bundled" ? [bundle.exportName + (bundle.note === undefined ? "" : " *"), formatBytes(bundle.minifiedBytes), formatBytes(bundle.gzipBytes)] : ["n/a", "n/a", "n/a"];
  if (bundle.kind === "n/a") notes.push(`bundle n/a: ${bundle.reason}`);
  else if (bundle.note !== undefined) notes.push(`* ${bundle.note}`);
  return [label, String(output.files), formatBytes(output.bytes), formatSeconds(typeCheck.wallSeconds), tscResult, ...bundleCells, truncate(notes.join("; "))];
}

type Alignment = "left" | "right";

function renderTable(headers: readonly string[], rows: readonly (readonly string[])[], alignments: readonly Alignment[]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)));
  const renderRow = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? cell.length;
        return alignments[column] === "right" ? cell.padStart(width) : cell.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [renderRow(headers), rule, ...rows.map(renderRow)].join("\n");
}

function formatSeconds(seconds: number | undefined): string {
  return seconds === undefined ? "—" : `${seconds.toFixed(2)} s`;
}

function formatRange(min: number | undefined, max: number | undefined): string {
  return min === undefined || max === undefined ? "—" : `${min.toFixed(2)}–${max.toFixed(2)} s`;
}

function formatMemory(kilobytes: number | undefined): string {
  return kilobytes === undefined ? "—" : `${Math.round(kilobytes / 1024)} MiB`;
}

/** Exact bytes with thousands separators (the JSON has the raw numbers). */
export function formatBytes(bytes: number): string {
  return `${bytes.toLocaleString("en-US")} B`;
}

function truncate(text: string): string {
  return text.length <= MAX_NOTE_LENGTH ? text : `${text.slice(0, MAX_NOTE_LENGTH - 1)}…`;
}
