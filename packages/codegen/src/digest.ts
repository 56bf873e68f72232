import { createHash } from "node:crypto";

/** `sha256:<hex>` of text: how manifests record what a generation read and wrote. */
export function digest(...parts: readonly string[]): string {
  return digestOf(parts);
}

/**
 * `digest` of a list of any length: spreading Microsoft Graph's 60,000 file paths and contents into arguments
 * overflows the call stack.
 */
export function digestOf(parts: Iterable<string>): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return `sha256:${hash.digest("hex")}`;
}
