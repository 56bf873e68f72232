/** Every ```ts block of a README, in order. */
export function codeBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^(`{3,})ts\n([\s\S]*?)\n\1$/gm)].map(([, , code]) => code ?? "");
}

/**
 * A README block as a module of the package: imports of the package point at its source, and a block that uses
 * `client` without creating one gets the client the README created above it.
 */
export function asModule(block: string, packageName: string): string {
  const code = block.replaceAll(`from "${packageName}"`, 'from "./src/index.js"').replace(new RegExp(`from "${packageName.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}/([^"]+)"`, "g"), 'from "./src/$1.js"');
  const needsClient = /\bclient\b/.test(code) && !/\bconst client\b/.test(code);
  return `${needsClient ? 'import { createClient as createReadmeClient } from "./src/index.js";\nconst client = createReadmeClient();\n' : ""}${code}\nexport {};\n`;
}
