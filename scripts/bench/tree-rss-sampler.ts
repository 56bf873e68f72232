/**
 * Samples the summed resident memory of every process in one process group, from /proc.
 *
 * Why: GNU time's %M is the kernel's ru_maxrss, which for a waited-for child is the peak of the *largest single*
 * process in the tree, not the sum. Most generators are one node process, but some (hey-api's bin, for one) start a
 * launcher process that spawns the real one; both are alive at the peak. Sampling the group's total catches that.
 * Sampling can miss a short spike, so the harness reports max(kernel peak, sampled total): both are lower bounds on
 * the tree's true peak, the larger one is the tighter.
 */
import { readdirSync, readFileSync } from "node:fs";

/** Every 200 ms: one scan of /proc costs ~3 ms here, so the sampler takes ~1.5% of one core. */
const SAMPLE_INTERVAL_MS = 200;

export interface TreeRssSample {
  /** Largest sum of VmRSS over the group's processes seen in one sample, in KiB. */
  peakTotalKb: number;
  /** Most processes seen in the group at once (the measured command and its children, not GNU time itself). */
  maxProcesses: number;
}

export class TreeRssSampler {
  private peakTotalKb = 0;
  private maxProcesses = 0;
  private readonly timer: NodeJS.Timeout;

  /**
   * @param groupId the process group to watch (the detached child's pid)
   * @param excludedPid a member not to count: GNU time itself, which is measurement overhead, not the tool
   */
  constructor(
    private readonly groupId: number,
    private readonly excludedPid: number,
  ) {
    this.timer = setInterval(() => this.sample(), SAMPLE_INTERVAL_MS);
  }

  stop(): TreeRssSample {
    clearInterval(this.timer);
    return { peakTotalKb: this.peakTotalKb, maxProcesses: this.maxProcesses };
  }

  private sample(): void {
    let totalKb = 0;
    let processes = 0;
    for (const pid of processIdsInGroup(this.groupId)) {
      if (pid === this.excludedPid) continue;
      const rssKb = residentKb(pid);
      if (rssKb === undefined) continue; // exited between the scan and the read
      totalKb += rssKb;
      processes += 1;
    }
    this.peakTotalKb = Math.max(this.peakTotalKb, totalKb);
    this.maxProcesses = Math.max(this.maxProcesses, processes);
  }
}

function processIdsInGroup(groupId: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readOrUndefined(`/proc/${entry}/stat`);
    if (stat === undefined) continue;
    // Fields after the command name, which is in parentheses and may itself contain spaces or parentheses:
    // state ppid pgrp ...
    const afterCommand = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(afterCommand[2]) === groupId) members.push(Number(entry));
  }
  return members;
}

function residentKb(pid: number): number | undefined {
  const status = readOrUndefined(`/proc/${pid}/status`);
  const match = status?.match(/^VmRSS:\s+(\d+) kB$/m);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
