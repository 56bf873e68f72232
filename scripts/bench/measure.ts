/**
 * Runs one command as a fresh process tree under GNU time and measures it.
 *
 * - Wall time: GNU time's %e (elapsed real time of the whole command, 10 ms resolution). The harness's own clock is
 *   kept too and used only when GNU time printed nothing (the run was killed).
 * - Peak memory: max(GNU time's %M, sampled sum of the tree's RSS) — see tree-rss-sampler.ts for why both.
 * - Timeout: the command runs in its own process group, so a timeout kills the whole tree, not just the top process.
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import { TreeRssSampler } from "./tree-rss-sampler.js";

const GNU_TIME = "/usr/bin/time";
/** `%e %M`: elapsed seconds and max resident set size in KiB, alone on the last line of the -o file. */
const TIME_FORMAT = "%e %M";

export interface MeasuredCommand {
  /** Arguments for `node` (the same Node as the harness runs on). */
  nodeArgs: string[];
  cwd: string;
  /** Files that receive the command's stdout, stderr and GNU time's report. */
  stdoutFile: string;
  stderrFile: string;
  timeFile: string;
  timeoutMs: number;
}

export interface Measurement {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** GNU time's %e when it reported, else the harness clock. */
  wallSeconds: number;
  /** The harness clock from spawn to exit (includes starting GNU time: ~1 ms). */
  harnessWallSeconds: number;
  /** GNU time's %M: kernel peak RSS of the largest single process in the tree, KiB. */
  kernelPeakRssKb: number | undefined;
  /** Largest sampled sum of RSS over the tree, KiB. */
  sampledTreePeakRssKb: number;
  /** max(kernelPeakRssKb, sampledTreePeakRssKb): the tighter lower bound on the tree's peak, KiB. */
  peakRssKb: number;
  maxProcesses: number;
}

/** Process groups still running, so Ctrl-C can end them instead of leaving orphans. */
const runningGroups = new Set<number>();

export function killRunningGroups(): void {
  for (const groupId of runningGroups) killGroup(groupId);
}

export function assertGnuTimeAvailable(): void {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} (GNU time) is required: apt-get install time`);
}

export async function runMeasured(command: MeasuredCommand): Promise<Measurement> {
  const stdoutFd = openSync(command.stdoutFile, "w");
  const stderrFd = openSync(command.stderrFile, "w");
  const startedAt = process.hrtime.bigint();
  const child = spawn(GNU_TIME, ["-f", TIME_FORMAT, "-o", command.timeFile, process.execPath, ...command.nodeArgs], {
    cwd: command.cwd,
    env: toolEnvironment(),
    detached: true, // own process group: the timeout and Ctrl-C kill the whole tree
    // Straight to files: the harness reads nothing while the tool runs, so it adds no work to the measurement.
    stdio: ["ignore", stdoutFd, stderrFd],
  });
  const groupId = child.pid;
  if (groupId === undefined) throw new Error(`could not start ${GNU_TIME}`);
  runningGroups.add(groupId);
  const sampler = new TreeRssSampler(groupId, groupId);

  let timedOut = false;
  const timeout = setTimeout(() => {
    timedOut = true;
    killGroup(groupId);
  }, command.timeoutMs);

  const { exitCode, signal } = await new Promise<{ exitCode: number | null; signal: string | null }>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, exitSignal) => resolve({ exitCode: code, signal: exitSignal }));
  });
  const harnessWallSeconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
  clearTimeout(timeout);
  const treeSample = sampler.stop();
  killGroup(groupId); // anything the tool left running in the background is not ours to keep
  runningGroups.delete(groupId);
  closeSync(stdoutFd);
  closeSync(stderrFd);

  const reported = readGnuTimeReport(command.timeFile);
  const kernelPeakRssKb = reported?.maxRssKb;
  return {
    exitCode,
    signal,
    timedOut,
    wallSeconds: reported?.elapsedSeconds ?? harnessWallSeconds,
    harnessWallSeconds,
    kernelPeakRssKb,
    sampledTreePeakRssKb: treeSample.peakTotalKb,
    peakRssKb: Math.max(kernelPeakRssKb ?? 0, treeSample.peakTotalKb),
    maxProcesses: treeSample.maxProcesses,
  };
}

/**
 * The harness's environment minus what would change how the tools run: NODE_OPTIONS (tsx or a debugger could put
 * a loader there) and colour (log files stay plain text).
 */
function toolEnvironment(): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" };
  delete environment["NODE_OPTIONS"];
  return environment;
}

function killGroup(groupId: number): void {
  try {
    process.kill(-groupId, "SIGKILL");
  } catch {
    // already gone
  }
}

interface GnuTimeReport {
  elapsedSeconds: number;
  maxRssKb: number;
}

/** GNU time may write "Command exited with non-zero status 1" first; the format line is the last matching one. */
function readGnuTimeReport(timeFile: string): GnuTimeReport | undefined {
  if (!existsSync(timeFile)) return undefined;
  const lines = readFileSync(timeFile, "utf8").trim().split("\n");
  for (const line of lines.reverse()) {
    const match = /^(\d+(?:\.\d+)?) (\d+)$/.exec(line.trim());
    if (match?.[1] !== undefined && match[2] !== undefined) {
      return { elapsedSeconds: Number(match[1]), maxRssKb: Number(match[2]) };
    }
  }
  return undefined;
}
