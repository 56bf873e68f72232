/** Every ```ts block of a README, in order. */
export function codeBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^(`{3,})ts\n([\s\S]*?)\n\1$/gm)].map(([, , code]) => code ?? "");
}

/**
 * A README block as a module of the package: imports of the package point at its source, and a block that uses
 * `client` without creating one gets a client as the README created it above.
 */
export function asModule(block: string, packageName: string, exports: Readonly<Record<string, unknown>> = {}): string {
  const escaped = packageName.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const code = block.replaceAll(`from "${packageName}"`, 'from "./src/index.js"').replace(new RegExp(`from "${escaped}/([^"]+)"`, "g"), (_, subpath: string) => `from "${sourceOf(exports, subpath)}"`);
  const needsClient = /\bclient\b/.test(code) && !/\bconst client\b/.test(code);
  // From the client's own module, not the root: on a large API the root is every operation, more than tsc can hold.
  return `${needsClient ? 'import { createClient as createReadmeClient } from "./src/client.js";\nconst client = createReadmeClient();\n' : ""}${code}\nexport {};\n`;
}

/**
 * The source module a subpath import reaches, through the package's `exports` as Node resolves it (an exact key, or
 * a `*` pattern): `operations/listPhones` → `./src/operations/listPhones.js`, `tanstack-query` →
 * `./src/tanstack-query/index.js`.
 */
function sourceOf(exports: Readonly<Record<string, unknown>>, subpath: string): string {
  const wanted = `./${subpath}`;
  for (const [key, target] of Object.entries(exports)) {
    const star = key.indexOf("*");
    const match =
      star === -1
        ? key === wanted
          ? ""
          : undefined
        : wanted.startsWith(key.slice(0, star)) && wanted.endsWith(key.slice(star + 1))
          ? wanted.slice(star, wanted.length - (key.length - star - 1))
          : undefined;
    const types = typeof target === "object" && target !== null ? (target as { types?: unknown }).types : undefined;
    if (match !== undefined && typeof types === "string")
      return types
        .replace("*", match)
        .replace(/^\.\/dist\//, "./src/")
        .replace(/\.d\.ts$/, ".js");
  }
  return `./src/${subpath}.js`;
}
