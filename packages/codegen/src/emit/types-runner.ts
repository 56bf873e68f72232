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

export function startTypesJob(threads: boolean): TypesJob {
  const script = new URL("./types-worker.js", import.meta.url);
  if (!threads || !existsSync(fileURLToPath(script))) return inProcessJob();
  // A smaller young generation than V8's default: the worker's garbage is short-lived AST, and the cap keeps two
  // heaps (this thread's and the worker's) within openapi-typescript's own footprint (Stripe: 262 → 245 MB peak).
  const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 16 } });
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
