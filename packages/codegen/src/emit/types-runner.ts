import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { DocumentEdit } from "../pointer.js";
import type { GeneratedFile } from "./file.js";
import type { TypesPlan } from "./types.js";
import type { TypesReply, TypesRequest } from "./types-worker.js";

/** Runs the types stage, on a worker thread when the compiled worker exists (not under vitest, which runs sources). */
export interface TypesJob {
  /** The spec is one file on disk: the worker may read and parse it itself, now. */
  parseFile(file: string, display: string): void;
  /**
   * Emits the type modules (schema.ts and src/types/); `document` is needed unless `parseFile` was called. `edits` are the validate stage's, already
   * applied to `document`; the worker applies them to the copy it parsed itself.
   */
  emit(document: unknown, edits: readonly DocumentEdit[], plan: TypesPlan, header: string): Promise<readonly GeneratedFile[]>;
  cancel(): void;
}

/** `specBytes`: the spec file's size, when it is one file on disk; it sizes the worker's young generation. */
export function startTypesJob(threads: boolean, specBytes = 0): TypesJob {
  const script = new URL("./types-worker.js", import.meta.url);
  if (!threads || !existsSync(fileURLToPath(script))) return inProcessJob();
  const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb(specBytes) } });
  let parsing = false;
  return {
    parseFile(file, display) {
      parsing = true;
      worker.postMessage({ kind: "parse", file, display } satisfies TypesRequest);
    },
    emit(document, edits, plan, header) {
      return new Promise<readonly GeneratedFile[]>((resolve, reject) => {
        worker.once("message", (reply: TypesReply) => {
          void worker.terminate();
          if (reply.kind === "done") resolve(reply.files);
          else reject(Object.assign(new Error(reply.message), { stack: reply.stack }));
        });
        worker.once("error", reject);
        worker.postMessage({ kind: "emit", document: parsing ? undefined : document, edits: parsing ? edits : [], plan, header } satisfies TypesRequest);
      });
    },
    cancel() {
      void worker.terminate();
    },
  };
}

/**
 * A smaller young generation than V8's default for most specs: the worker's garbage is short-lived AST, and the cap
 * keeps two heaps (this thread's and the worker's) within openapi-typescript's own footprint (Stripe: 262 → 245 MB
 * peak). On a huge spec nearly all of that AST lives until it is printed, and a small young generation copies it over
 * and over: Microsoft Graph beta (47 MB) spent 9.5 s of the worker's time in scavenges at 16 MB, 6.6 s at 96 MB.
 */
function youngGenerationMb(specBytes: number): number {
  return specBytes > 10_000_000 ? 96 : 16;
}

function inProcessJob(): TypesJob {
  return {
    parseFile() {},
    async emit(document, _edits, plan, header) {
      const { emitTypes, loadOpenapiTypescript } = await import("./types.js");
      return emitTypes(await loadOpenapiTypescript(), structuredClone(document), plan, header);
    },
    cancel() {},
  };
}
