import { createHash } from "node:crypto";

/** `sha256:<hex>` of text: how manifests record what a generation read and wrote. */
export function digest(...parts: readonly string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return `sha256:${hash.digest("hex")}`;
}
