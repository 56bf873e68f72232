import { mkdir, stat } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * `mkdir -p`, one level at a time; returns the folders it created, outermost first. Node's own `mkdir(path, { recursive: true })` never returns on a virtual file
 * system such as /proc, where mkdir answers ENOENT although the parent exists: it retries forever. Here each level
 * is tried at most twice (before and after its parent), so every failure surfaces as an error.
 */
export async function makeDirectory(path: string): Promise<string[]> {
  try {
    await mkdir(path);
    return [path];
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST" && (await stat(path)).isDirectory()) return [];
    if (code !== "ENOENT" || dirname(path) === path) throw error;
    const parents = await makeDirectory(dirname(path));
    const made = await mkdir(path).then(
      () => true,
      async (again: NodeJS.ErrnoException) => {
        // Made meanwhile by a concurrent writer: fine.
        if (again.code !== "EEXIST" || !(await stat(path)).isDirectory()) throw again;
        return false;
      },
    );
    return made ? [...parents, path] : parents;
  }
}
