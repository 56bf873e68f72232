/**
 * JSDoc text from spec prose. Specs are untrusted text: `*\/` would close the comment and let the rest run as
 * code, so it is broken up; everything else is kept as written, since descriptions are usually Markdown.
 */
export function docText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replaceAll("*/", "*\\/")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();
}

/** Joins paragraphs, dropping empty ones; `undefined` when nothing is left. */
export function paragraphs(...parts: (string | undefined | false)[]): string | undefined {
  const kept = parts.filter((part): part is string => typeof part === "string" && part.trim() !== "").map(docText);
  return kept.length === 0 ? undefined : kept.join("\n\n");
}

/** A JSDoc body for ts-morph: a leading newline makes it a block comment, which long or multi-line text needs. */
export function jsDoc(text: string): string {
  return text.length > 80 || text.includes("\n") ? `\n${text}` : text;
}
