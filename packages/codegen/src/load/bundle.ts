import { basename, dirname, extname, join, relative, resolve } from "node:path";
import { digest } from "../digest.js";
import { CodegenError, type Problem } from "../errors.js";
import { compareStrings } from "../order.js";
import { appendPointer, getAtPointer } from "../pointer.js";
import { childContext, componentSection, type Context } from "./contexts.js";
import { parseSource, type Position, type SourceDocument } from "./source.js";

/** Reads a spec file (or, when allowed, a URL) as text. */
export type ReadText = (file: string) => Promise<string>;

export interface BundleOptions {
  readonly read: ReadText;
  /** Fetch `$ref`s to http(s) URLs. Off by default: a spec never makes the generator go online silently. */
  readonly allowRemoteRefs: boolean;
}

export interface SourceDigest {
  readonly path: string;
  readonly digest: string;
}

/** A place in one of the spec's files. */
export interface Location extends Partial<Position> {
  readonly file: string;
  /** The place as a pointer into that file, when it is not the entry file (whose pointers are the document's). */
  readonly pointer?: string;
}

/** The spec as one document whose `$ref`s are all local, and the way back to the file a part came from. */
export interface BundledSpec {
  readonly document: unknown;
  readonly entry: SourceDocument;
  /** Whether parts of other files were brought in (then the document differs from the entry file's). */
  readonly bundled: boolean;
  /** Every file read, as a path relative to the entry file's folder (`""` for the entry) and a digest of its text. */
  readonly sources: readonly SourceDigest[];
  locate(pointer: string): Location;
}

interface Origin {
  /** Pointer in the bundled document where the copied part starts. */
  readonly prefix: string;
  readonly source: SourceDocument;
  /** Pointer of the same part in its own file. */
  readonly pointer: string;
}

interface LoadedFile {
  readonly id: string;
  readonly source: SourceDocument;
}

const REMOTE = /^https?:\/\//i;

/**
 * Brings `$ref`s to other files (relative paths, YAML or JSON, and URLs when allowed) into the entry document:
 * each referenced schema, parameter, response, … is copied once into the matching `components` section and every
 * reference to it rewritten to a local one, so cycles across files stay cycles; path items, which have no
 * components section in 3.0, are copied in place. Later stages and openapi-typescript then see one self-contained
 * document. Every unreadable file or unresolvable reference is reported, with the file and line it is written at.
 */
/** A one-file spec as a bundle (nothing to bring in). */
export function singleFileSpec(entry: SourceDocument, entryDigest = ""): BundledSpec {
  return { document: entry.value, entry, bundled: false, sources: [{ path: "", digest: entryDigest }], locate: (pointer) => ({ file: entry.file, ...entry.locate(pointer) }) };
}

export async function bundleSpec(entry: SourceDocument, entryId: string, entryDigest: string, options: BundleOptions, entryText?: string): Promise<BundledSpec> {
  const origins: Origin[] = [];
  const locate = (pointer: string): Location => {
    const origin = origins.find((candidate) => pointer === candidate.prefix || pointer.startsWith(`${candidate.prefix}/`));
    if (origin === undefined) return { file: entry.file, ...entry.locate(pointer) };
    const local = origin.pointer + pointer.slice(origin.prefix.length);
    return { file: origin.source.file, pointer: local, ...origin.source.locate(local) };
  };
  // Most specs are one file; a look at the text (every `$ref` value starts with `#`) saves walking the whole tree.
  const mayHaveExternalRef = entryText === undefined || /\$ref["']?\s*:\s*(?!["']?#)/.test(entryText);
  if (!mayHaveExternalRef || !hasExternalRef(entry.value)) return singleFileSpec(entry, entryDigest);
  const sources: SourceDigest[] = [{ path: "", digest: entryDigest }];

  const root = entry.value as Record<string, unknown>;
  const files = new Map<string, Promise<LoadedFile | undefined>>([[entryId, Promise.resolve({ id: entryId, source: entry })]]);
  const hoisted = new Map<string, string>();
  const inlining = new Set<string>();
  const problems: Problem[] = [];

  const display = (id: string) => (REMOTE.test(id) || REMOTE.test(entryId) ? id : join(dirname(entry.file), relative(dirname(entryId), id)));
  const load = (id: string, site: Location): Promise<LoadedFile | undefined> => {
    let loaded = files.get(id);
    if (loaded === undefined) {
      loaded = readFile(id, site);
      files.set(id, loaded);
    }
    return loaded;
  };
  const readFile = async (id: string, site: Location): Promise<LoadedFile | undefined> => {
    if (REMOTE.test(id) && !options.allowRemoteRefs) {
      problems.push({ ...site, message: `$ref to ${id} is not fetched: remote references are off`, hint: "download the file and refer to it by path, or pass --allow-remote-refs" });
      return undefined;
    }
    let text: string;
    try {
      text = REMOTE.test(id) ? await fetchText(id) : await options.read(id);
    } catch (error) {
      problems.push({
        ...site,
        message: `cannot read the file a $ref points to: ${display(id)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        hint: "fix the path; it is relative to the file that contains the $ref",
      });
      return undefined;
    }
    sources.push({ path: REMOTE.test(id) ? id : relative(dirname(entryId), id).split("\\").join("/"), digest: digest(text) });
    try {
      return { id, source: parseSource(display(id), text) };
    } catch (error) {
      if (error instanceof CodegenError) problems.push(...error.problems);
      else throw error;
      return undefined;
    }
  };

  const visit = async (node: unknown, context: Context, file: LoadedFile, filePointer: string, bundlePointer: string): Promise<void> => {
    if (typeof node !== "object" || node === null || context === "literal") return;
    if (Array.isArray(node)) {
      for (const [index, child] of node.entries()) await visit(child, childContext(context, String(index)), file, appendPointer(filePointer, index), appendPointer(bundlePointer, index));
      return;
    }
    const record = node as Record<string, unknown>;
    // A reference's siblings are only summary and description; what it points to is visited by `rewrite`.
    if (typeof record["$ref"] === "string") return rewrite(record, context, file, filePointer, bundlePointer);
    for (const [key, child] of Object.entries(record)) {
      await visit(child, childContext(context, key), file, appendPointer(filePointer, key), appendPointer(bundlePointer, key));
    }
  };

  const rewrite = async (record: Record<string, unknown>, context: Context, file: LoadedFile, filePointer: string, bundlePointer: string): Promise<void> => {
    const ref = record["$ref"] as string;
    const site: Location = { file: file.source.file, ...file.source.locate(appendPointer(filePointer, "$ref")) };
    let target: string;
    let fragment: string;
    try {
      [target, fragment] = splitRef(ref, file.id);
    } catch {
      problems.push({ ...site, message: `$ref "${ref}" is not a valid reference`, hint: "use a relative path, a URL, or #/a/json/pointer" });
      return;
    }
    if (target === entryId) {
      if (file.id !== entryId) record["$ref"] = `#${fragment}`;
      return;
    }
    const loaded = await load(target, site);
    if (loaded === undefined) return;
    const value = getAtPointer(loaded.source.value, decodeFragment(fragment));
    if (value === undefined) {
      problems.push({ ...site, message: `cannot resolve $ref "${ref}": ${loaded.source.file} has nothing at ${decodeFragment(fragment) || "/"}`, hint: "fix the reference or define the target" });
      return;
    }
    const key = `${target}#${decodeFragment(fragment)}`;
    const known = hoisted.get(key);
    if (known !== undefined) {
      record["$ref"] = known;
      return;
    }
    const section = componentSection(context);
    if (section === undefined) {
      // No components section to hoist into (a path item in 3.0): copy it in place.
      if (inlining.has(key)) {
        problems.push({ ...site, message: `$ref "${ref}" is part of a cycle of path items, which cannot be bundled` });
        return;
      }
      inlining.add(key);
      delete record["$ref"];
      Object.assign(record, structuredClone(value), { ...record });
      origins.unshift({ prefix: bundlePointer, source: loaded.source, pointer: decodeFragment(fragment) });
      await visit(record, context, loaded, decodeFragment(fragment), bundlePointer);
      inlining.delete(key);
      return;
    }
    const components = (root["components"] ??= {}) as Record<string, Record<string, unknown>>;
    const entries = (components[section] ??= {});
    const name = uniqueName(componentName(target, decodeFragment(fragment)), entries);
    const local = `#/components/${section}/${name}`;
    hoisted.set(key, local);
    record["$ref"] = local;
    const copy = structuredClone(value);
    entries[name] = copy;
    const prefix = appendPointer("/components", section, name);
    origins.unshift({ prefix, source: loaded.source, pointer: decodeFragment(fragment) });
    await visit(copy, context, loaded, decodeFragment(fragment), prefix);
  };

  await visit(root, "root", { id: entryId, source: entry }, "", "");
  if (problems.length > 0) throw new CodegenError("load", problems);
  return { document: root, entry, bundled: true, sources: [...sources].sort((a, b) => compareStrings(a.path, b.path)), locate };
}

function hasExternalRef(node: unknown): boolean {
  if (typeof node !== "object" || node === null) return false;
  if (Array.isArray(node)) return node.some(hasExternalRef);
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string" && !value.startsWith("#")) return true;
    if (hasExternalRef(value)) return true;
  }
  return false;
}

/** `common.yaml#/components/schemas/Pet` seen from `/specs/api.yaml` → [`/specs/common.yaml`, `/components/schemas/Pet`]. */
function splitRef(ref: string, from: string): [string, string] {
  const hash = ref.indexOf("#");
  const address = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? "" : ref.slice(hash + 1);
  if (address === "") return [from, fragment];
  if (REMOTE.test(address)) return [new URL(address).href, fragment];
  if (REMOTE.test(from)) return [new URL(address, from).href, fragment];
  return [resolve(dirname(from), decodeURIComponent(address)), fragment];
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** `/components/schemas/Pet` → `Pet`; a whole file `pet.yaml` → `pet`; other pointers → their last segment. */
function componentName(file: string, pointer: string): string {
  const last = pointer
    .split("/")
    .filter((segment) => segment !== "")
    .at(-1)
    ?.replaceAll("~1", "/")
    .replaceAll("~0", "~");
  const base = last ?? basename(file, extname(file));
  return base.replace(/[^A-Za-z0-9._-]/g, "_") || "Component";
}

function uniqueName(name: string, taken: Readonly<Record<string, unknown>>): string {
  let unique = name;
  for (let n = 2; Object.hasOwn(taken, unique); n++) unique = `${name}${n}`;
  return unique;
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}
