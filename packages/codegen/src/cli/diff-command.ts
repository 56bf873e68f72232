import { diffSpecs, renderJson, renderMarkdown } from "../diff/index.js";
import { EXIT } from "./generate-command.js";
import type { Io } from "./reporter.js";

export interface DiffRequest {
  readonly before: string;
  readonly after: string;
  readonly format: "markdown" | "json";
  readonly failOnBreaking: boolean;
  readonly allowRemoteRefs: boolean;
}

/** `diga-codegen diff old.yaml new.yaml`: the report on stdout (so it can be redirected into a PR comment). */
export async function runDiff({ before, after, format, failOnBreaking, allowRemoteRefs }: DiffRequest, io: Io): Promise<number> {
  const diff = await diffSpecs(before, after, { cwd: io.cwd, allowRemoteRefs });
  const text = format === "json" ? renderJson(diff) : renderMarkdown(diff);
  io.out(text.endsWith("\n") ? text.slice(0, -1) : text);
  return failOnBreaking && diff.summary.breaking > 0 ? EXIT.failure : EXIT.ok;
}
