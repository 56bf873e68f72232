/** `pnpm build`'s last step: stores what ts-morph reads from the shipped templates (see template-cache.ts). */
import { writeTemplateCache } from "./template-cache.js";
import { readTemplateSources } from "./template-sources.js";

await writeTemplateCache(await readTemplateSources());
