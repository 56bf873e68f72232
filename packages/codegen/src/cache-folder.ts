import { join, sep } from "node:path";

/**
 * `node_modules/.cache/diga-codegen/` of the installation a file belongs to, where the generator keeps what it may
 * lose (code caches, records of earlier runs); undefined when the file is not inside a `node_modules` folder
 * (nowhere conventional to keep a cache).
 */
export function cacheFolderFor(filename: string): string | undefined {
  const marker = `${sep}node_modules${sep}`;
  const at = filename.indexOf(marker);
  return at === -1 ? undefined : join(filename.slice(0, at + marker.length), ".cache", "diga-codegen");
}
