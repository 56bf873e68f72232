import type { BodyKind, RequestBodyKind } from "./model.js";

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

const REQUEST_KIND_ORDER: readonly RequestBodyKind[] = ["json", "form", "multipart", "text", "binary"];

export function classifyRequestMediaType(mediaType: string): RequestBodyKind {
  const essence = mediaType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (essence !== "*/*" && isJsonMediaType(essence)) return "json";
  if (essence === "application/x-www-form-urlencoded") return "form";
  if (essence.startsWith("multipart/")) return "multipart";
  if (essence.startsWith("text/")) return "text";
  return "binary";
}

/** The media type a client sends when a request body offers several: JSON, form, multipart, text, then binary. */
export function pickRequestMediaType(mediaTypes: readonly string[]): string | undefined {
  const rank = (type: string) => REQUEST_KIND_ORDER.indexOf(classifyRequestMediaType(type)) * 2 + (type.split(";")[0]?.trim().toLowerCase() === "application/json" ? 0 : 1);
  return [...mediaTypes].sort((a, b) => rank(a) - rank(b))[0];
}
