import { readFile } from "node:fs/promises";
import { parentPort } from "node:worker_threads";
import { parseSource } from "../load/source.js";
import { applyEdits, type DocumentEdit } from "../pointer.js";
import type { GeneratedFile } from "./file.js";
import { emitTypes, loadOpenapiTypescript, type TypesPlan } from "./types.js";

/**
 * The types stage on its own thread: the slowest stage (loading TypeScript, openapi-typescript's transform and
 * printer) runs on the second core while the main thread validates, models and emits the operations. For a one-file
 * spec it reads and parses the file itself, so the document never has to be copied between threads.
 */
export type TypesRequest =
  | { readonly kind: "parse"; readonly file: string; readonly display: string }
  | { readonly kind: "emit"; readonly document: unknown; readonly edits: readonly DocumentEdit[]; readonly plan: TypesPlan; readonly header: string };

export type TypesReply = { readonly kind: "done"; readonly files: readonly GeneratedFile[] } | { readonly kind: "failed"; readonly message: string; readonly stack: string | undefined };

const port = parentPort;
if (port !== null) {
  const modules = loadOpenapiTypescript();
  let parsed: Promise<unknown> | undefined;
  port.on("message", (request: TypesRequest) => {
    if (request.kind === "parse") {
      parsed = readFile(request.file, "utf8").then((text) => parseSource(request.display, text).value);
      parsed.catch(() => undefined);
      return;
    }
    Promise.all([modules, request.document !== undefined ? request.document : parsed])
      .then(([ots, document]) => {
        // The document this thread parsed has not seen the validate stage's edits; one sent over has.
        if (request.document === undefined) applyEdits(document, request.edits);
        port.postMessage({ kind: "done", files: emitTypes(ots, document, request.plan, request.header) } satisfies TypesReply);
      })
      .catch((error: unknown) =>
        port.postMessage({ kind: "failed", message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined } satisfies TypesReply),
      );
  });
}
