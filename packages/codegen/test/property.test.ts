import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { CodegenError, diffSpecs, type GeneratedFile } from "../src/index.js";
import { caseSource, fuzzCaseArbitrary, TOLERABLE_BREAKAGES, type FuzzCase } from "./support/arbitraries.js";
import { checkCases, failureSummary, isFailure, type BatchResult } from "./support/property-check.js";
import { repoRoot } from "./support/paths.js";

/**
 * The generator's central property, on random and deliberately odd or broken OpenAPI 3.0/3.1 documents (see
 * `support/arbitraries.ts`): `generate()` either throws `CodegenError` from a stage that judges the input, or returns
 * a package whose `src/**\/*.ts` type-checks under STRICTEST with zero diagnostics. Never another exception, never an
 * internal error (a `CodegenError` from the emit or format stage is our bug), never output that does not compile.
 *
 * A fixed number of documents from a fixed seed keeps CI bounded and repeatable; every output of the run is
 * type-checked in one TypeScript program. `PROPERTY_SEED=N` tries another sequence; `pnpm fuzz` is the long run and
 * shrinks what fails (`pnpm fuzz -- --seed N --replay INDEX` shrinks one document of this test's sequence).
 */
const SEED = Number(process.env["PROPERTY_SEED"] ?? 20251127);
const RUNS = 32;

describe("property: generate() throws CodegenError or emits code that type-checks", () => {
  let cases: FuzzCase[];
  let run: BatchResult;

  beforeAll(async () => {
    cases = fc.sample(fuzzCaseArbitrary(), { seed: SEED, numRuns: RUNS });
    run = await checkCases(cases);
  }, 180_000);

  it(`holds for ${RUNS} random documents (seed ${SEED})`, () => {
    const failures = run.verdicts.flatMap((verdict, index) => {
      if (!isFailure(verdict)) return [];
      const document = caseSource(cases[index] as FuzzCase).text;
      return [
        [
          `document #${index} (OpenAPI ${cases[index]?.version}, ${cases[index]?.format}, breakage: ${cases[index]?.broken ?? "none"}) fails: ${failureSummary(verdict)}`,
          `  shrink it: pnpm fuzz -- --seed ${SEED} --replay ${index}`,
          `  document: ${document.length > 1500 ? `${document.slice(0, 1500)}…` : document}`,
        ].join("\n"),
      ];
    });
    expect(failures.join("\n\n")).toBe("");
  });

  it("the SDK diff of every generated document against itself is empty, and never crashes", async () => {
    const generated = cases.filter((_fuzzCase, index) => run.verdicts[index]?.kind === "ok");
    expect(generated.length).toBeGreaterThan(5);
    for (const fuzzCase of generated) {
      const { input, text } = caseSource(fuzzCase);
      const diff = await diffSpecs(input, input, { read: async () => text });
      expect({ input: text.slice(0, 300), bump: diff.bump, changes: diff.changes }).toStrictEqual({ input: text.slice(0, 300), bump: "none", changes: [] });
    }
  });

  it("samples both versions and formats, valid and broken documents, and reaches both outcomes", () => {
    const kinds = new Set(run.verdicts.map((verdict) => verdict.kind));
    expect({
      versions: new Set(cases.map((fuzzCase) => fuzzCase.version)).size,
      formats: new Set(cases.map((fuzzCase) => fuzzCase.format)).size,
      broken: cases.some((fuzzCase) => fuzzCase.broken !== undefined),
      valid: cases.some((fuzzCase) => fuzzCase.broken === undefined),
      generated: kinds.has("ok") || kinds.has("type-errors"),
      rejected: kinds.has("rejected"),
    }).toStrictEqual({ versions: 2, formats: 2, broken: true, valid: true, generated: true, rejected: true });
    // A document broken in a way later stages depend on is rejected, never generated (the tolerable ones may be).
    const generatedBroken = run.verdicts.flatMap((verdict, index) => {
      const broken = cases[index]?.broken;
      return verdict.kind === "ok" && broken !== undefined && !TOLERABLE_BREAKAGES.has(broken) ? [broken] : [];
    });
    expect(generatedBroken).toStrictEqual([]);
  });
});

/**
 * Every document the fuzzer ever minimised from a failure (`pnpm fuzz` writes them to `.corpus/fuzz-failures/`; the
 * fixed ones are kept here): each crashed the generator or produced code that did not compile, and must not again.
 */
describe("property regressions: documents that once broke the generator", () => {
  const folder = `${repoRoot}/packages/codegen/test/fuzz-regressions`;
  const files = readdirSync(folder)
    .filter((file) => /\.(ya?ml|json)$/.test(file))
    .sort();

  it(`hold for all ${files.length} of them`, async () => {
    expect(files.length).toBeGreaterThan(20);
    const cases: FuzzCase[] = files.map((file) => ({
      version: "3.1",
      format: file.endsWith(".json") ? "json" : "yaml",
      broken: undefined,
      document: undefined,
      text: readFileSync(`${folder}/${file}`, "utf8"),
    }));
    const { verdicts } = await checkCases(cases);
    const failures = verdicts.flatMap((verdict, index) => (isFailure(verdict) ? [`${files[index]}: ${failureSummary(verdict)}`] : []));
    expect(failures).toStrictEqual([]);
    // Some of them are valid documents the generator now handles, some are invalid ones it now rejects clearly.
    expect(new Set(verdicts.map((verdict) => verdict.kind))).toStrictEqual(new Set(["ok", "rejected"]));
  }, 120_000);
});

/** The property can fail: the same checker on outputs known to be wrong. */
describe("property controls", () => {
  const control: FuzzCase = {
    version: "3.1",
    format: "yaml",
    broken: undefined,
    text: undefined,
    document: {
      openapi: "3.1.0",
      info: { title: "Control", version: "1.0.0" },
      paths: {
        "/things/{id}": {
          get: {
            operationId: "getThing",
            parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
            responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "object", properties: { name: { type: "string" } } } } } } },
          },
        },
      },
    },
  };

  it("catches a hand-broken output file, and passes the same output untouched", async () => {
    const breakIndex = (_index: number, files: readonly GeneratedFile[]) =>
      files.map((file) => (file.path === "src/index.ts" ? { ...file, contents: `${file.contents}\nexport const broken: number = "not a number";\n` } : file));
    const { verdicts } = await checkCases([control, control], { tamper: (index, files) => (index === 1 ? breakIndex(index, files) : files) });
    expect(verdicts[0]?.kind).toBe("ok");
    expect(verdicts[1]).toStrictEqual({ kind: "type-errors", diagnostics: [expect.stringMatching(/^src\/index\.ts:\d+:\d+: TS2322 Type 'string' is not assignable to type 'number'\.$/)] });
  });

  it("catches an exception that is not a CodegenError, and an internal CodegenError, but accepts a rejection", async () => {
    const throwing = (error: unknown) => async (): Promise<readonly GeneratedFile[]> => {
      throw error;
    };
    const [crash, internal, rejected] = await Promise.all([
      checkCases([control], { generateFiles: throwing(new TypeError("Cannot read properties of undefined")) }),
      checkCases([control], { generateFiles: throwing(new CodegenError("format", [{ message: "generated code does not parse" }])) }),
      checkCases([control], { generateFiles: throwing(new CodegenError("validate", [{ message: "`info` is missing" }])) }),
    ]);
    expect([crash, internal, rejected].map(({ verdicts }) => [verdicts[0]?.kind, verdicts.some(isFailure)])).toStrictEqual([
      ["crash", true],
      ["internal", true],
      ["rejected", false],
    ]);
  });
});
