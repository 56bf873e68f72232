import type { BodyKind } from "./model.js";

/** `application/json`, `application/problem+json`, `application/vnd.api+json; charset=utf-8`. */
export function isJsonMediaType(mediaType: string): boolean {
  const essence = mediaType.split(";")[0]?.trim().toLowerCase() ?? "";
  return essence === "application/json" || essence.endsWith("+json") || essence === "*/*";
}

/**
 * The media type a client reads or sends when the spec offers several: JSON first (what a typed client is for),
 * then text, then the first one listed.
 */
export function pickMediaType(mediaTypes: readonly string[]): string | undefined {
  return (
    mediaTypes.find((type) => type.split(";")[0]?.trim().toLowerCase() === "application/json") ??
    mediaTypes.find(isJsonMediaType) ??
    mediaTypes.find((type) => type.toLowerCase().startsWith("text/")) ??
    mediaTypes[0]
  );
}

export function classifyMediaType(mediaType: string | undefined): BodyKind {
  if (mediaType === undefined) return "empty";
  if (isJsonMediaType(mediaType)) return "json";
  return mediaType.toLowerCase().startsWith("text/") ? "text" : "binary";
}
