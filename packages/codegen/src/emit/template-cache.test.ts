import { describe, expect, it } from "vitest";
import { decodeTemplateCache, encodeTemplateCache } from "./template-cache.js";
import { readTemplateSources } from "./template-sources.js";
import { parseTemplates } from "./templates.js";

describe("the stored template model", () => {
  it("round-trips exactly what ts-morph reads, and is ignored for other template sources", async () => {
    const sources = await readTemplateSources();
    const parsed = parseTemplates(sources);
    const text = encodeTemplateCache(sources, parsed);
    // toEqual: JSON has no `undefined`, and a missing property reads the same as one set to `undefined`.
    expect(decodeTemplateCache(text, sources)).toEqual(parsed);
    expect(decodeTemplateCache(text, { ...sources, operation: `${sources.operation}\n// edited\n` })).toBeUndefined();
    expect(decodeTemplateCache("", sources)).toBeUndefined();
  });
});
