import { readFile, writeFile } from "node:fs/promises";
import { digest } from "../digest.js";
import type { ParsedTemplates, TemplateSources } from "./templates.js";

/**
 * What ts-morph reads from the templates, computed when the generator is built and stored next to it, because
 * loading ts-morph (and the TypeScript it bundles) costs about 0.6 s and 90 MB per run, a quarter of generating a
 * small spec. The stored result is used only while the templates are byte for byte the ones it was computed from;
 * otherwise (other templates, or running from sources) ts-morph reads them as before.
 */
const CACHE_FILE = new URL("../templates.parsed.json", import.meta.url);

export async function loadParsedTemplates(sources: TemplateSources): Promise<ParsedTemplates> {
  const cached = decodeTemplateCache(await readFile(CACHE_FILE, "utf8").catch(() => ""), sources);
  if (cached !== undefined) return cached;
  const { parseTemplates } = await import("./templates.js");
  return parseTemplates(sources);
}

/** Run by `pnpm build`: parses the shipped templates with ts-morph and stores the result. */
export async function writeTemplateCache(sources: TemplateSources): Promise<void> {
  const { parseTemplates } = await import("./templates.js");
  await writeFile(CACHE_FILE, encodeTemplateCache(sources, parseTemplates(sources)));
}

export function encodeTemplateCache(sources: TemplateSources, templates: ParsedTemplates): string {
  const replacer = (_key: string, value: unknown) => (value instanceof Set ? { $set: [...value] } : value);
  return `${JSON.stringify({ digest: templatesDigest(sources), templates }, replacer)}\n`;
}

/** The stored templates, or `undefined` when there are none or they were read from other template sources. */
export function decodeTemplateCache(text: string, sources: TemplateSources): ParsedTemplates | undefined {
  if (text === "") return undefined;
  // JSON writes the `undefined` slots of a list (where a call's input object goes) as `null`; the templates have no nulls.
  const reviver = (_key: string, value: unknown) =>
    Array.isArray(value) ? value.map((item: unknown) => item ?? undefined) : typeof value === "object" && value !== null && "$set" in value ? new Set((value as { $set: string[] }).$set) : value;
  const file = JSON.parse(text, reviver) as { digest?: unknown; templates?: ParsedTemplates };
  return file.digest === templatesDigest(sources) ? file.templates : undefined;
}

function templatesDigest(sources: TemplateSources): string {
  return digest(sources.operation, sources.client, sources.sdk, sources.runtimeIndex);
}
