#!/usr/bin/env node
import module from "node:module";

// Node 22+: cache the compiled code of every module this process loads (Node's default folder, under the OS's temp
// folder); Node 20 lacks it, and TypeScript, the one module where it matters most, gets our own cache there.
module.enableCompileCache?.();

const { main } = await import("../dist/cli/main.js");

// Ctrl-C ends `--watch` cleanly (watchers closed, exit code 0); elsewhere it interrupts as usual.
const stop = new AbortController();
process.once("SIGINT", () => stop.abort());
process.exitCode = await main(process.argv.slice(2), undefined, { signal: stop.signal });
