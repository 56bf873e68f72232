import { watch, type FSWatcher } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import type { ClientConfig } from "./config.js";
import type { JobOutcome } from "./generate-command.js";
import type { Reporter } from "./reporter.js";

export interface WatchOptions {
  /** Runs one job and reports its result or its error; must not throw. */
  readonly run: (job: ClientConfig) => Promise<JobOutcome>;
  readonly reporter: Reporter;
  /** Ends watching; the CLI wires it to Ctrl-C. */
  readonly signal: AbortSignal;
  /** Quiet time after the last change before regenerating: editors save in several writes. */
  readonly debounceMs?: number;
}

/**
 * Regenerates each client when one of its spec files changes. Watches folders rather than files, because editors
 * save by writing a new file and renaming it over the old one, which ends a watch on the file itself. A failed run
 * (a half-typed spec) is reported and watching goes on; the next good save recovers.
 */
export async function watchJobs(jobs: readonly ClientConfig[], { run, reporter, signal, debounceMs = 150 }: WatchOptions): Promise<void> {
  const sourcesOf = new Map<ClientConfig, ReadonlySet<string>>();
  const watchers = new Map<string, FSWatcher>();
  const pending = new Set<ClientConfig>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const runAndTrack = async (job: ClientConfig) => {
    const outcome = await run(job);
    // A run that failed early knows no sources: keep watching the entry file and the files the spec had before.
    sourcesOf.set(job, new Set([resolve(job.input), ...(sourcesOf.get(job) ?? []), ...outcome.sources]));
    syncWatchers();
  };
  const syncWatchers = () => {
    const folders = new Set([...sourcesOf.values()].flatMap((files) => [...files].filter((file) => !/^https?:/i.test(file)).map((file) => dirname(file))));
    for (const folder of folders) {
      if (watchers.has(folder)) continue;
      const watcher = watch(folder, (_event, name) => onChange(folder, name === null ? undefined : String(name)));
      watcher.on("error", () => undefined); // a folder that disappears ends its watch; the entry's folder comes back on the next run
      watchers.set(folder, watcher);
    }
  };
  const onChange = (folder: string, name: string | undefined) => {
    for (const [job, files] of sourcesOf) {
      if ([...files].some((file) => dirname(file) === folder && (name === undefined || basename(file) === name))) pending.add(job);
    }
    if (pending.size === 0) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = [...pending];
      pending.clear();
      running = running.then(async () => {
        for (const job of batch) await runAndTrack(job);
        reporter.info(reporter.paint.dim("diga-codegen: watching for changes (Ctrl-C to stop)"));
      });
    }, debounceMs);
  };

  for (const job of jobs) await runAndTrack(job);
  reporter.info(reporter.paint.dim("diga-codegen: watching for changes (Ctrl-C to stop)"));
  await new Promise<void>((resolveStop) => {
    if (signal.aborted) resolveStop();
    signal.addEventListener("abort", () => resolveStop(), { once: true });
  });
  clearTimeout(timer);
  for (const watcher of watchers.values()) watcher.close();
  await running;
}
