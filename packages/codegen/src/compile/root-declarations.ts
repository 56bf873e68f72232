import { posix } from "node:path";
import { headerOf, type GeneratedFile } from "../emit/file.js";

/**
 * The package root's declarations as one file. `import { reposGet } from "github-client"` makes TypeScript load
 * every module the root re-exports: on GitHub 3,750 declaration files, whose resolution and per-file work cost more
 * than their text (an app type-checked at 1.2× openapi-fetch's time). The same declarations in one file cost 0.7×.
 * Subpath imports (`github-client/operations/reposGet`) keep the per-file modules, which pull in only what they use.
 *
 * The modules stay as they are, text in text, so no parser runs: each is written at the top level as it stands,
 * `export` dropped (the root's own export list says what is public), and its names unchanged, so editors show
 * `FullRepository`. That needs every name to be unique in the bundle. A module that would clash, import under
 * another name, or take the place of a global some module means (a name mentioned without being declared or
 * imported there) stays out, and the root re-exports from its own file, as before; so does every module that
 * imports from one. On GitHub, none stays out.
 *
 * The runtime and `client` stay imports: their classes (`ApiError`) and `Client` must be the same declarations
 * whether an app imports from the root or a subpath. Types are structural, so a schema declared both here and in its
 * own module is one type to TypeScript.
 */
export function bundleRootDeclarations(files: readonly GeneratedFile[]): GeneratedFile[] {
  const declarations = new Map(files.filter((file) => file.path.endsWith(".d.ts")).map((file) => [file.path, file.contents]));
  const root = declarations.get(ROOT);
  if (root === undefined) return [...files];
  const bundled = bundle(root, declarations);
  return bundled === undefined ? [...files] : files.map((file) => (file.path === ROOT ? { path: ROOT, contents: bundled } : file));
}

const ROOT = "dist/index.d.ts";

/**
 * Above this much inlined text the root is not bundled: an API that large (Microsoft Graph, 48 MB of types) costs
 * minutes to type-check from its root either way, its README points apps at subpaths, and a second copy of every
 * type would cost the generator seconds and a file no editor opens.
 */
const MAX_INLINED_CHARACTERS = 16_000_000;

/** Shared with subpath imports, so they stay imports; see the module comment. */
function isShared(path: string): boolean {
  return path.startsWith("dist/runtime/") || path === "dist/client.d.ts";
}

interface Specifier {
  /** The name the target module exports. */
  readonly name: string;
  /** The name in the importing module (or, for a re-export, the name exported). */
  readonly local: string;
}

interface ModuleReference {
  readonly kind: "import" | "export";
  readonly typeOnly: boolean;
  readonly specifiers: readonly Specifier[];
  /** The target's path in the package, `dist/…d.ts`. */
  readonly target: string;
  /** The statement as written, for the root's references to shared modules, which stay as they are. */
  readonly line: string;
}

interface ParsedModule {
  readonly path: string;
  readonly references: readonly ModuleReference[];
  /** Everything but the header and the import and export statements. */
  readonly body: readonly string[];
  readonly declared: ReadonlySet<string>;
}

/** Where a name a module exports is declared: re-exports are followed to the declaring module. */
interface Declaration {
  readonly module: string;
  readonly name: string;
}

const REFERENCE = /^(import|export)( type)? \{([^}]*)\} from "([^"]+)";$/;
const DECLARATION = /^(?:export )?(?:declare )?(?:abstract )?(?:type|interface|function|const|let|var|class|enum|namespace) ([\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*)/u;
/**
 * Comments, strings and identifiers. An identifier right before `:` or `?:` is a key or a parameter's name and one
 * after `.` a member, never a reference to a declaration: the printers space the `:` of a conditional type.
 */
const TOKEN = /\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|(?<!\.)([\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*)(\??:)?/gu;

function bundle(rootText: string, declarations: ReadonlyMap<string, string>): string | undefined {
  const root = parseModule(ROOT, rootText);
  if (root === undefined) return undefined;
  const modules = inlinedModules(root, declarations);
  if (modules === undefined) return undefined;
  const exports = exportTables(modules);
  const resolve = (reference: ModuleReference, specifier: Specifier): Declaration | undefined =>
    isShared(reference.target) ? { module: reference.target, name: specifier.name } : exports.get(reference.target)?.get(specifier.name);
  for (const module of [root, ...modules.values()]) {
    for (const reference of module.references) for (const specifier of reference.specifiers) if (resolve(reference, specifier) === undefined) return undefined;
  }
  const layout = planLayout(root, modules, resolve);
  return `${headerOf(rootText)}\n${printBundle(root, modules, layout, resolve)}\n`;
}

/** The modules the root reaches, not counting shared ones, in the order it reaches them; undefined if one cannot be. */
function inlinedModules(root: ParsedModule, declarations: ReadonlyMap<string, string>): Map<string, ParsedModule> | undefined {
  const modules = new Map<string, ParsedModule>();
  const queue = [root];
  let characters = 0;
  for (let module = queue.shift(); module !== undefined; module = queue.shift()) {
    for (const { target } of module.references) {
      if (isShared(target) || modules.has(target)) continue;
      const text = declarations.get(target);
      characters += text?.length ?? 0;
      const parsed = text === undefined || characters > MAX_INLINED_CHARACTERS ? undefined : parseModule(target, text);
      if (parsed === undefined) return undefined;
      modules.set(target, parsed);
      queue.push(parsed);
    }
  }
  return modules;
}

/**
 * The generated declaration files' statements, which the generator itself printed: one per line at the start of a
 * line, imports and re-exports on one line each. A form outside that (`export *`, a local export list) leaves the
 * root as it was.
 */
function parseModule(path: string, text: string): ParsedModule | undefined {
  const references: ModuleReference[] = [];
  const body: string[] = [];
  const declared = new Set<string>();
  const lines = text.split("\n");
  let start = 0;
  while (start < lines.length && (lines[start]?.startsWith("//") === true || lines[start] === "")) start++;
  for (const line of lines.slice(start)) {
    const reference = REFERENCE.exec(line);
    if (reference !== null) {
      const [, kind, typeOnly, list = "", specifier = ""] = reference;
      references.push({ kind: kind === "export" ? "export" : "import", typeOnly: typeOnly !== undefined, specifiers: parseSpecifiers(list), target: resolveSpecifier(path, specifier), line });
      continue;
    }
    if (line === "export {};") continue;
    const name = DECLARATION.exec(line)?.[1];
    if (line.startsWith("import ") || (line.startsWith("export ") && name === undefined)) return undefined;
    if (name !== undefined) declared.add(name);
    body.push(line);
  }
  return { path, references, body, declared };
}

function parseSpecifiers(list: string): Specifier[] {
  return list
    .split(",")
    .map((part) => part.trim().replace(/^type /, ""))
    .filter((part) => part !== "")
    .map((part) => {
      const [name = "", local = name] = part.split(" as ");
      return { name, local };
    });
}

/** `../types/schemas/A.js` from `dist/operations/x.d.ts` → `dist/types/schemas/A.d.ts`. */
function resolveSpecifier(from: string, specifier: string): string {
  return `${posix.join(posix.dirname(from), specifier).replace(/\.js$/, "")}.d.ts`;
}

/** Identifiers written outside comments and strings: references, keys and keywords alike. */
function identifiersIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(TOKEN)) if (match[1] !== undefined && match[2] === undefined) names.add(match[1]);
  return names;
}

/** Each inlined module's exports, re-exports followed to where the name is declared. */
function exportTables(modules: ReadonlyMap<string, ParsedModule>): Map<string, Map<string, Declaration>> {
  const tables = new Map<string, Map<string, Declaration>>();
  const tableOf = (path: string, visiting: Set<string>): Map<string, Declaration> => {
    const known = tables.get(path);
    if (known !== undefined) return known;
    const table = new Map<string, Declaration>();
    const module = modules.get(path);
    if (module === undefined || visiting.has(path)) return table;
    visiting.add(path);
    for (const name of module.declared) table.set(name, { module: path, name });
    for (const reference of module.references) {
      if (reference.kind !== "export") continue;
      for (const { name, local } of reference.specifiers) {
        const declaration = isShared(reference.target) ? { module: reference.target, name } : tableOf(reference.target, visiting).get(name);
        if (declaration !== undefined) table.set(local, declaration);
      }
    }
    tables.set(path, table);
    return table;
  };
  for (const path of modules.keys()) tableOf(path, new Set());
  return tables;
}

type Resolve = (reference: ModuleReference, specifier: Specifier) => Declaration | undefined;

interface Layout {
  /** The modules written into the bundle. */
  readonly inlined: ReadonlySet<string>;
  /** Names of shared modules imported once at the top, by module. */
  readonly hoisted: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Which modules the bundle takes. Starts from all and drops, until nothing changes, a module that declares a name
 * another one, a hoisted import or the root has, or that some module mentions without declaring or importing it (it
 * may mean a global there); or that imports a name under another name or from a dropped module. Dropping only ever
 * makes the set smaller, so the loop ends. What the root exports from a dropped module it re-exports from that
 * module's own file, as before.
 */
function planLayout(root: ParsedModule, modules: ReadonlyMap<string, ParsedModule>, resolve: Resolve): Layout {
  const all = [root, ...modules.values()];
  const localsOf = (module: ParsedModule) =>
    new Set([...module.declared, ...module.references.filter((reference) => reference.kind === "import").flatMap((reference) => reference.specifiers.map((specifier) => specifier.local))]);
  const unbound = new Set<string>();
  for (const module of all) {
    const locals = localsOf(module);
    for (const name of identifiersIn(module.body.join("\n"))) if (!locals.has(name)) unbound.add(name);
  }
  const rootLocals = localsOf(root);
  const taken = new Set([...unbound, ...rootLocals]);

  const hoisted = new Map<string, Set<string>>();
  const notHoisted = new Set<string>();
  for (const module of modules.values()) {
    for (const reference of module.references) {
      if (!isShared(reference.target) || reference.kind !== "import") continue;
      for (const { name, local } of reference.specifiers) {
        const names = hoisted.get(reference.target) ?? new Set<string>();
        hoisted.set(reference.target, names);
        if (name === local && !taken.has(name)) names.add(name);
        else notHoisted.add(`${reference.target}\u0000${name}`);
      }
    }
  }
  // A name one importer takes under another name stays out of reach for all: the bundle binds each name once.
  for (const [target, names] of hoisted) for (const name of names) if (notHoisted.has(`${target}\u0000${name}`)) names.delete(name);
  const hoistedNames = [...hoisted.values()].flatMap((names) => [...names]);

  const inlined = new Set(modules.keys());
  for (let changed = true; changed;) {
    changed = false;
    const counts = new Map<string, number>();
    for (const name of [...rootLocals, ...hoistedNames]) counts.set(name, (counts.get(name) ?? 0) + 1);
    for (const path of inlined) for (const name of modules.get(path)?.declared ?? []) counts.set(name, (counts.get(name) ?? 0) + 1);
    for (const path of inlined) {
      const module = modules.get(path);
      if (module === undefined) continue;
      const clashes = [...module.declared].some((name) => (counts.get(name) ?? 0) > 1 || taken.has(name));
      const unreachable = module.references.some(
        (reference) => reference.kind === "import" && reference.specifiers.some((specifier) => !inReach(resolve(reference, specifier), specifier, { inlined, hoisted })),
      );
      if (clashes || unreachable) {
        inlined.delete(path);
        changed = true;
      }
    }
  }
  return { inlined, hoisted };
}

/** Whether an imported name is bound at the bundle's top level under the name the importer uses. */
function inReach(declaration: Declaration | undefined, specifier: Specifier, layout: Layout): boolean {
  if (declaration === undefined || declaration.name !== specifier.local) return false;
  return isShared(declaration.module) ? layout.hoisted.get(declaration.module)?.has(declaration.name) === true : layout.inlined.has(declaration.module);
}

function printBundle(root: ParsedModule, modules: ReadonlyMap<string, ParsedModule>, layout: Layout, resolve: Resolve): string {
  const rootLines = root.references.flatMap((reference) => {
    if (isShared(reference.target)) return [reference.line];
    const inBundle: string[] = [];
    const elsewhere = new Map<string, string[]>();
    for (const specifier of reference.specifiers) {
      const declaration = resolve(reference, specifier);
      if (declaration === undefined || (reference.kind === "import" && inReach(declaration, specifier, layout))) continue;
      const text = declaration.name === specifier.local ? specifier.local : `${declaration.name} as ${specifier.local}`;
      if (layout.inlined.has(declaration.module)) inBundle.push(text);
      else elsewhere.set(declaration.module, [...(elsewhere.get(declaration.module) ?? []), text]);
    }
    const statement = (names: readonly string[], from: string) => `${reference.kind} ${reference.typeOnly ? "type " : ""}{ ${names.join(", ")} }${from};`;
    return [
      ...(inBundle.length === 0 || reference.kind === "import" ? [] : [statement(inBundle, "")]),
      ...[...elsewhere].map(([module, names]) => statement(names, ` from "${specifierFromRoot(module)}"`)),
    ];
  });
  const inlined = [...modules.values()].filter((module) => layout.inlined.has(module.path));
  // Only what the inlined modules import: a module left out may have wanted more.
  const used = new Set(inlined.flatMap((module) => module.references.flatMap((reference) => reference.specifiers.map((specifier) => `${reference.target}\u0000${specifier.name}`))));
  const hoistedLines = [...layout.hoisted].flatMap(([path, names]) => {
    const wanted = [...names].filter((name) => used.has(`${path}\u0000${name}`)).sort();
    return wanted.length === 0 ? [] : [`import type { ${wanted.join(", ")} } from "${specifierFromRoot(path)}";`];
  });
  const sections = inlined.map((module) => module.body.map(withoutExport).join("\n"));
  const head = [...hoistedLines, ...rootLines, ...root.body];
  const imports = head.filter((line) => line.startsWith("import "));
  // A blank line after the imports, and between modules, as between the files they were.
  return [imports.join("\n"), head.filter((line) => !line.startsWith("import ")).join("\n"), ...sections]
    .map((section) => section.trim())
    .filter((section) => section !== "")
    .join("\n\n");
}

function specifierFromRoot(path: string): string {
  return `./${path.slice("dist/".length, -".d.ts".length)}.js`;
}

/** A top-level declaration of an inlined module, no longer exported: the root's export list says what is. */
function withoutExport(line: string): string {
  return line.startsWith("export ") && DECLARATION.test(line) ? line.slice("export ".length) : line;
}
