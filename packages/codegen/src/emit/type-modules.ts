import type TypeScript from "typescript";
import type { OperationTypeRoot } from "../model/model.js";
import { operationFileName, schemaTypeName } from "../model/naming.js";
import type { GeneratedFile } from "./file.js";

/**
 * openapi-typescript's output, cut into one module per component and per operation, so that what TypeScript reads
 * grows with what an app imports, not with the size of the API. It writes one file in which every type is reached
 * through `components["schemas"]["Phone"]`, so an app that calls one GitHub operation makes TypeScript parse 6.5 MB
 * of types. Here each reference becomes an import of the module that declares it:
 *
 * - `src/types/schemas/Phone.ts` (and `responses/`, `parameters/`, `request-bodies/`, `headers/`, `path-items/`):
 *   one component each, `export type Phone = …`, importing the components it refers to;
 * - `src/types/operations/<file>.ts`: one operation's types, `export type ListPhonesOperation = { parameters,
 *   requestBody, responses }`, which the operation's function module imports;
 * - `src/types/helpers.ts`: openapi-typescript's helper types (`WithRequired`);
 * - `src/schema.ts`: openapi-typescript's `paths`, `webhooks`, `components`, `$defs` and `operations`, as before,
 *   now made of references to those modules, for users of the whole-API types.
 *
 * The types are the same; only where they are declared changes. Names: a schema takes the name `models.ts` gives it
 * (`Phone`), other components a suffix of their kind (`NotFoundResponse`), unique in the whole package (and per folder
 * ignoring case: they are file names too); an import that would clash with a name in the importing module gets a
 * numeric suffix.
 */
export interface TypeModulePlan {
  /** The model's operations: which of openapi-typescript's operation types each function module imports. */
  readonly operations: readonly { readonly root: OperationTypeRoot; readonly fileName: string; readonly typeName: string }[];
  /** The readable name of each component schema, by component name (the names of `models.ts`). */
  readonly schemaNames: Readonly<Record<string, string>>;
  /**
   * Names the package's other modules declare (operation functions and their types, the SDK class, the runtime's
   * exports). Other components do not take them, so every name is unique across the package and the root's
   * declarations can be one file (compile/root-declarations.ts).
   */
  readonly reservedNames: readonly string[];
}

/** Where a type is declared: its module (under `src/`, without extension) and exported name. */
interface Declaration {
  readonly module: string;
  readonly name: string;
}

const ROOTS = new Set(["paths", "webhooks", "components", "$defs", "operations"]);

/** Folder and name suffix per kind of component; a kind not listed uses its own name as the folder. */
const COMPONENT_KINDS: Readonly<Record<string, { readonly folder: string; readonly suffix: string }>> = {
  schemas: { folder: "schemas", suffix: "" },
  responses: { folder: "responses", suffix: "Response" },
  parameters: { folder: "parameters", suffix: "Parameter" },
  requestBodies: { folder: "request-bodies", suffix: "RequestBody" },
  headers: { folder: "headers", suffix: "Header" },
  pathItems: { folder: "path-items", suffix: "PathItem" },
};

const HELPERS_MODULE = "types/helpers";
const SCHEMA_MODULE = "schema";

export function splitTypeModules(ts: typeof TypeScript, statements: readonly TypeScript.Statement[], plan: TypeModulePlan, header: string): GeneratedFile[] {
  const roots = new Map<string, TypeScript.Statement>();
  const helpers: TypeScript.TypeAliasDeclaration[] = [];
  for (const statement of statements) {
    const name = (statement as { name?: TypeScript.Identifier }).name?.text;
    if (name !== undefined && ROOTS.has(name)) roots.set(name, statement);
    else if (ts.isTypeAliasDeclaration(statement)) helpers.push(statement);
  }
  const helperNames = new Set(helpers.map((helper) => helper.name.text));
  const components = componentDeclarations(ts, roots.get("components"), plan.schemaNames, plan.reservedNames);
  const operations = operationDeclarations(ts, roots, plan.operations);

  /** The declaration a type node refers to, if it is a reference this split replaces. */
  const declarationOf = (node: TypeScript.Node): Declaration | undefined => {
    if (!ts.isIndexedAccessTypeNode(node)) return undefined;
    const key = literalText(ts, node.indexType);
    if (key === undefined) return undefined;
    if (rootName(ts, node.objectType) === "operations") return operations.byId.get(key);
    if (!ts.isIndexedAccessTypeNode(node.objectType) || rootName(ts, node.objectType.objectType) !== "components") return undefined;
    const kind = literalText(ts, node.objectType.indexType);
    return kind === undefined ? undefined : components.byKey.get(componentKey(kind, key));
  };

  /**
   * Rewrites one module's types: every replaced reference becomes an imported name, and what stays a reference to
   * a root (a webhook's operation, `$defs`) is imported from schema.ts. `replace` swaps whole nodes first.
   */
  const rewriter = (module: string, imports: ImportSet, replace?: (node: TypeScript.Node) => TypeScript.Node | undefined) => {
    const visit = (node: TypeScript.Node): TypeScript.Node => {
      const replaced = replace?.(node);
      if (replaced !== undefined) return replaced;
      // schema.ts declares the roots, so its references to them stay as openapi-typescript wrote them.
      const declaration = module === SCHEMA_MODULE ? undefined : declarationOf(node);
      if (declaration !== undefined) return ts.factory.createTypeReferenceNode(declaration.module === module ? declaration.name : imports.local(declaration));
      if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
        const name = node.typeName.text;
        const home = helperNames.has(name) ? HELPERS_MODULE : ROOTS.has(name) ? SCHEMA_MODULE : undefined;
        if (home !== undefined && home !== module) {
          const local = imports.local({ module: home, name });
          const typeArguments = node.typeArguments === undefined ? undefined : ts.factory.createNodeArray(node.typeArguments.map((argument) => visit(argument) as TypeScript.TypeNode));
          return ts.factory.updateTypeReferenceNode(node, ts.factory.createIdentifier(local), typeArguments);
        }
      }
      return ts.visitEachChild(node, visit, noContext(ts));
    };
    return <T extends TypeScript.Node>(node: T): T => visit(node) as T;
  };

  const print = printer(ts);
  const printModule = (module: string, declarations: readonly TypeScript.Statement[], imports: ImportSet): GeneratedFile => {
    const importLines = imports.lines(module);
    return { path: `src/${module}.ts`, contents: `${header}\n\n${importLines.length === 0 ? "" : `${importLines.join("\n")}\n\n`}${print(declarations)}` };
  };

  const files: GeneratedFile[] = [];
  for (const component of components.list) {
    const imports = new ImportSet([component.name]);
    const rewrite = rewriter(component.module, imports);
    files.push(printModule(component.module, [exportedAlias(ts, component.name, rewrite(component.type), component.member)], imports));
  }
  for (const operation of operations.list) {
    const imports = new ImportSet([operation.name]);
    const rewrite = rewriter(operation.module, imports);
    files.push(printModule(operation.module, [exportedAlias(ts, operation.name, rewrite(operation.type), undefined)], imports));
  }
  if (helpers.length > 0) {
    const imports = new ImportSet(helperNames);
    const rewrite = rewriter(HELPERS_MODULE, imports);
    files.push(
      printModule(
        HELPERS_MODULE,
        helpers.map((helper) => rewrite(withExport(ts, helper))),
        imports,
      ),
    );
  }

  // schema.ts: the roots as openapi-typescript writes them, each member that moved a reference to its module.
  const imports = new ImportSet(ROOTS);
  const moved = new Map<TypeScript.Node, Declaration>([...components.memberDeclarations, ...operations.memberDeclarations]);
  const rewrite = rewriter(SCHEMA_MODULE, imports, (node) => {
    const declaration = moved.get(node);
    if (declaration === undefined || !ts.isPropertySignature(node)) return undefined;
    const reference = ts.factory.createPropertySignature(node.modifiers, node.name, node.questionToken, ts.factory.createTypeReferenceNode(imports.local(declaration)));
    // A component's JSDoc went with it to its module. An operation's (its summary, on a method of `paths`) stays
    // here, where openapi-typescript writes it for every operation with an operationId too.
    const comments = operations.memberDeclarations.has(node) ? ts.getSyntheticLeadingComments(node) : undefined;
    return comments === undefined ? reference : ts.setSyntheticLeadingComments(reference, comments);
  });
  const rootStatements = statements.filter((statement) => !(ts.isTypeAliasDeclaration(statement) && helperNames.has(statement.name.text)));
  files.push(printModule(SCHEMA_MODULE, rootStatements.map(rewrite), imports));
  return files;
}

interface ComponentDeclaration extends Declaration {
  readonly type: TypeScript.TypeNode;
  readonly member: TypeScript.PropertySignature;
}

/** Every member of `components`' kinds (`schemas`, `responses`, …), named and placed in its module. */
function componentDeclarations(ts: typeof TypeScript, root: TypeScript.Statement | undefined, schemaNames: Readonly<Record<string, string>>, reservedNames: readonly string[]) {
  const list: ComponentDeclaration[] = [];
  const byKey = new Map<string, Declaration>();
  const memberDeclarations = new Map<TypeScript.Node, Declaration>();
  if (root === undefined || !ts.isInterfaceDeclaration(root)) return { list, byKey, memberDeclarations };
  // Unique across kinds too: a response `ServerError` is `ServerErrorResponse2` beside a schema of that name.
  const names = new Set([...reservedNames, ...Object.values(schemaNames)]);
  for (const kindMember of root.members) {
    const kind = propertyName(ts, kindMember);
    if (kind === undefined || !ts.isPropertySignature(kindMember) || kindMember.type === undefined || !ts.isTypeLiteralNode(kindMember.type)) continue;
    const { folder, suffix } = COMPONENT_KINDS[kind] ?? { folder: kind.replace(/[^A-Za-z0-9_-]/g, "_"), suffix: "" };
    // The model's schemas keep the names and files models.ts re-exports them from (unique already); schemas the
    // types stage added itself (see rewriteForOpenapiTypescript) and other kinds take what is left.
    const planned = kind === "schemas" ? schemaNames : {};
    const files = new UniqueFiles(Object.values(planned).map(schemaModuleFile), names);
    for (const member of kindMember.type.members) {
      const key = propertyName(ts, member);
      if (key === undefined || !ts.isPropertySignature(member) || member.type === undefined) continue;
      const plannedName = Object.hasOwn(planned, key) ? planned[key] : undefined;
      const { name, file } = plannedName !== undefined ? { name: plannedName, file: schemaModuleFile(plannedName) } : files.claim(`${schemaTypeName(key)}${suffix}`);
      const declaration = { module: `types/${folder}/${file}`, name };
      list.push({ ...declaration, type: member.type, member });
      byKey.set(componentKey(kind, key), declaration);
      memberDeclarations.set(member, declaration);
    }
  }
  return { list, byKey, memberDeclarations };
}

interface OperationDeclaration extends Declaration {
  readonly type: TypeScript.TypeNode;
}

/** The model's operations, found where openapi-typescript wrote them: in `operations`, or inline in `paths`. */
function operationDeclarations(ts: typeof TypeScript, roots: ReadonlyMap<string, TypeScript.Statement>, planned: TypeModulePlan["operations"]) {
  const byId = new Map<string, Declaration>();
  const list: OperationDeclaration[] = [];
  const memberDeclarations = new Map<TypeScript.Node, Declaration>();
  const byRoot = new Map(
    planned.map((operation) => [operation.root.kind === "operations" ? `operations ${operation.root.operationId}` : `paths ${operation.root.path} ${operation.root.method}`, operation]),
  );
  const claim = (key: string, member: TypeScript.TypeElement): Declaration | undefined => {
    const operation = byRoot.get(key);
    if (operation === undefined || !ts.isPropertySignature(member) || member.type === undefined) return undefined;
    const declaration = { module: `types/operations/${operation.fileName}`, name: operation.typeName };
    list.push({ ...declaration, type: member.type });
    memberDeclarations.set(member, declaration);
    return declaration;
  };
  const operations = roots.get("operations");
  if (operations !== undefined && ts.isInterfaceDeclaration(operations)) {
    for (const member of operations.members) {
      const id = propertyName(ts, member);
      const declaration = id === undefined ? undefined : claim(`operations ${id}`, member);
      if (id !== undefined && declaration !== undefined) byId.set(id, declaration);
    }
  }
  const paths = roots.get("paths");
  if (paths !== undefined && ts.isInterfaceDeclaration(paths)) {
    for (const pathMember of paths.members) {
      const path = propertyName(ts, pathMember);
      if (path === undefined || !ts.isPropertySignature(pathMember) || pathMember.type === undefined || !ts.isTypeLiteralNode(pathMember.type)) continue;
      for (const methodMember of pathMember.type.members) {
        const method = propertyName(ts, methodMember);
        // An operation with an operationId is a reference here (`operations["id"]`), claimed above.
        if (method !== undefined && ts.isPropertySignature(methodMember) && methodMember.type !== undefined && ts.isTypeLiteralNode(methodMember.type)) claim(`paths ${path} ${method}`, methodMember);
      }
    }
  }
  return { list, byId, memberDeclarations };
}

/** Files unique within one folder, ignoring case (two files may not differ only by case), and names unique in all. */
class UniqueFiles {
  readonly #used: Set<string>;
  readonly #names: Set<string>;

  constructor(taken: readonly string[], names: Set<string>) {
    this.#used = new Set(taken.map((file) => file.toLowerCase()));
    this.#names = names;
  }

  claim(preferred: string): { name: string; file: string } {
    for (let n = 1; ; n++) {
      const name = n === 1 ? preferred : `${preferred}${n}`;
      const file = schemaModuleFile(name);
      if (this.#used.has(file.toLowerCase()) || this.#names.has(name)) continue;
      this.#used.add(file.toLowerCase());
      this.#names.add(name);
      return { name, file };
    }
  }
}

/** The imports of one module; a name that clashes with one already in the module is imported under an alias. */
class ImportSet {
  readonly #taken: Set<string>;
  readonly #locals = new Map<string, string>();
  readonly #byModule = new Map<string, Map<string, string>>();

  constructor(declared: Iterable<string>) {
    this.#taken = new Set(declared);
  }

  local({ module, name }: Declaration): string {
    const key = `${module}\u0000${name}`;
    const known = this.#locals.get(key);
    if (known !== undefined) return known;
    let local = name;
    for (let n = 2; this.#taken.has(local); n++) local = `${name}${n}`;
    this.#taken.add(local);
    this.#locals.set(key, local);
    const names = this.#byModule.get(module) ?? new Map<string, string>();
    names.set(name, local);
    this.#byModule.set(module, names);
    return local;
  }

  /** `import type { A, B as B2 } from "../schemas/A.js";`, sorted by specifier and name, so output is stable. */
  lines(from: string): string[] {
    return [...this.#byModule]
      .map(([module, names]) => ({ specifier: relativeSpecifier(from, module), names }))
      .sort((a, b) => (a.specifier < b.specifier ? -1 : a.specifier > b.specifier ? 1 : 0))
      .map(({ specifier, names }) => {
        const specifiers = [...names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, local]) => (name === local ? name : `${name} as ${local}`));
        return `import type { ${specifiers.join(", ")} } from "${specifier}";`;
      });
  }
}

/** Whether a generated file is one of this stage's modules: types only, never imported at run time. */
export function isTypeModule(path: string): boolean {
  return path === `src/${SCHEMA_MODULE}.ts` || path.startsWith("src/types/");
}

/** The module of the model's schema `name`, under `src/` without extension; models.ts re-exports from it. */
export function schemaModule(name: string): string {
  return `types/schemas/${schemaModuleFile(name)}`;
}

/** A type's file name: as an operation's, ASCII only and bounded, so it survives every file system. */
function schemaModuleFile(name: string): string {
  return operationFileName(name);
}

/** `types/schemas/A` from `types/operations/b` → `../schemas/A.js`. */
export function relativeSpecifier(from: string, to: string): string {
  const fromParts = from.split("/").slice(0, -1);
  const toParts = to.split("/");
  let common = 0;
  while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common]) common++;
  const up = fromParts.length - common;
  return `${up === 0 ? "./" : "../".repeat(up)}${toParts.slice(common).join("/")}.js`;
}

function componentKey(kind: string, key: string): string {
  return `${kind}\u0000${key}`;
}

function literalText(ts: typeof TypeScript, node: TypeScript.TypeNode): string | undefined {
  if (!ts.isLiteralTypeNode(node)) return undefined;
  return ts.isStringLiteral(node.literal) || ts.isNumericLiteral(node.literal) ? node.literal.text : undefined;
}

function propertyName(ts: typeof TypeScript, member: TypeScript.TypeElement): string | undefined {
  const name = member.name;
  if (name === undefined) return undefined;
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}

/** `export type Name = type;`, carrying the JSDoc openapi-typescript attached to the member it came from. */
function exportedAlias(ts: typeof TypeScript, name: string, type: TypeScript.TypeNode, documented: TypeScript.Node | undefined): TypeScript.TypeAliasDeclaration {
  const alias = ts.factory.createTypeAliasDeclaration([ts.factory.createModifier(ts.SyntaxKind.ExportKeyword)], name, undefined, type);
  const comments = documented === undefined ? undefined : ts.getSyntheticLeadingComments(documented);
  if (comments !== undefined) ts.setSyntheticLeadingComments(alias, comments);
  return alias;
}

function withExport(ts: typeof TypeScript, helper: TypeScript.TypeAliasDeclaration): TypeScript.TypeAliasDeclaration {
  if (helper.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return helper;
  return ts.factory.updateTypeAliasDeclaration(helper, [ts.factory.createModifier(ts.SyntaxKind.ExportKeyword), ...(helper.modifiers ?? [])], helper.name, helper.typeParameters, helper.type);
}

/** As openapi-typescript's `astToString` prints, so the text of each type is what it would have written. */
function printer(ts: typeof TypeScript): (statements: readonly TypeScript.Statement[]) => string {
  const file = ts.createSourceFile("types.ts", "", ts.ScriptTarget.ESNext, false, ts.ScriptKind.TS);
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, removeComments: false });
  return (statements) => printer.printFile(ts.factory.updateSourceFile(file, statements));
}

/**
 * `visitEachChild` needs a transformation context only for what declares scopes (functions, blocks), which type
 * declarations do not contain; TypeScript's own no-op context serves. Internal, hence the cast: TypeScript is pinned.
 */
function noContext(ts: typeof TypeScript): TypeScript.TransformationContext {
  return (ts as unknown as { nullTransformationContext: TypeScript.TransformationContext }).nullTransformationContext;
}

function rootName(ts: typeof TypeScript, node: TypeScript.TypeNode): string | undefined {
  return ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) ? node.typeName.text : undefined;
}
