/**
 * `pnpm build`'s last step, run from `dist/`: makes the built generator self-contained, so the published package
 * reads nothing outside itself. It copies the templates into `dist/templates/`, stores what ts-morph reads from
 * them (see template-cache.ts) and stores the generator's fingerprint (see fingerprint.ts).
 */
import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeTemplateCache } from "./emit/template-cache.js";
import { readTemplateSources, templateFileNames } from "./emit/template-sources.js";
import { computeFingerprint } from "./fingerprint.js";

const workspaceTemplates = fileURLToPath(new URL("../../../templates/", import.meta.url));
const shipped = fileURLToPath(new URL("./templates/", import.meta.url));

await rm(shipped, { recursive: true, force: true });
for (const name of await templateFileNames(workspaceTemplates)) {
  await mkdir(dirname(join(shipped, name)), { recursive: true });
  await copyFile(join(workspaceTemplates, name), join(shipped, name));
}
await writeTemplateCache(await readTemplateSources(shipped));
await writeFile(new URL("./fingerprint.txt", import.meta.url), `${await computeFingerprint()}\n`);
