import { format } from "prettier/standalone";
import { describe, expect, it } from "vitest";
import { isTypeModule } from "../src/emit/type-modules.js";
import { PRETTIER_OPTIONS } from "../src/format/format-files.js";
import { generate } from "../src/index.js";
import { PLUGINS } from "../src/plugins/index.js";
import { fixtureCases } from "./support/fixtures.js";

/**
 * The emitters lay code out themselves instead of running prettier over it (see src/emit/layout.ts); prettier is the
 * judge: on every fixture, formatting the generated code with prettier changes nothing. The types (schema.ts and
 * src/types/) are openapi-typescript's own printer output, and the runtime is copied verbatim: neither is ours to lay out.
 */
describe.each(fixtureCases)("fixture $name", ({ input }) => {
  it("is laid out exactly as prettier would, the plugins' output included", async () => {
    const { files } = await generate({ input, plugins: PLUGINS.map((plugin) => plugin.name) });
    const emitted = files.filter((file) => file.path.startsWith("src/") && file.path.endsWith(".ts") && !isTypeModule(file.path) && !file.path.startsWith("src/runtime/"));
    expect(emitted.length).toBeGreaterThan(3);
    for (const file of emitted) {
      expect(file.contents, file.path).toBe(await format(file.contents, PRETTIER_OPTIONS));
    }
  });
});
