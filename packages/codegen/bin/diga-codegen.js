#!/usr/bin/env node
import { main } from "../dist/cli/main.js";

// Ctrl-C ends `--watch` cleanly (watchers closed, exit code 0); elsewhere it interrupts as usual.
const stop = new AbortController();
process.once("SIGINT", () => stop.abort());
process.exitCode = await main(process.argv.slice(2), undefined, { signal: stop.signal });
