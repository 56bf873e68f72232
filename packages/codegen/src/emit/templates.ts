import {
  Node,
  Project,
  StructureKind,
  type FunctionDeclarationStructure,
  type ImportDeclarationStructure,
  type InterfaceDeclarationStructure,
  type OptionalKind,
  type ParameterDeclarationStructure,
  type SourceFile,
  type SourceFileStructure,
  type TypeAliasDeclarationStructure,
  type WriterFunction,
} from "ts-morph";

/**
 * Reads the templates under `templates/` into structures once per `generate()`. The templates are real
 * TypeScript; the pieces the generator varies are found by their AST nodes here, never by searching text.
 */

/** The text before and after a node inside a larger node: how a template marks the hole the generator fills. */
export interface Hole {
  readonly before: string;
  readonly after: string;
}

function holeAround(outer: Node, inner: Node): Hole {
  const text = outer.getText();
  const start = inner.getStart() - outer.getStart();
  const end = inner.getEnd() - outer.getStart();
  return { before: text.slice(0, start), after: text.slice(end) };
}

export function fillHole(hole: Hole, content: string): string {
  return `${hole.before}${content}${hole.after}`;
}

export interface OperationTemplate {
  /** The name the template's function has; replaced in doc text by each operation's function name. */
  readonly functionName: string;
  readonly imports: readonly ImportDeclarationStructure[];
  readonly operationAlias: TypeAliasDeclarationStructure;
  readonly paramsType: TypeAliasDeclarationStructure;
  /** `Params<<hole>>` */
  readonly paramsTypeHole: Hole;
  /** The runtime names only an operation with a params object uses. */
  readonly paramsImports: readonly string[];
  readonly responseType: TypeAliasDeclarationStructure;
  readonly errorType: TypeAliasDeclarationStructure;
  /** `const endpoint = <hole> as const satisfies Endpoint;` */
  readonly endpoint: Hole;
  readonly function: FunctionDeclarationStructure;
  readonly clientParameter: OptionalKind<ParameterDeclarationStructure>;
  readonly paramsParameter: OptionalKind<ParameterDeclarationStructure>;
  readonly optionsParameter: OptionalKind<ParameterDeclarationStructure>;
  /** `Promise<<hole>>` */
  readonly returnType: Hole;
  /** `return request(client, endpoint, <hole>, options);` */
  readonly call: Hole;
}

export interface ClientTemplate {
  readonly imports: readonly ImportDeclarationStructure[];
  readonly options: InterfaceDeclarationStructure;
  readonly function: FunctionDeclarationStructure;
  /** `return createRuntimeClient(options, <hole>);` */
  readonly call: Hole;
}

export interface TemplateSources {
  readonly operation: string;
  readonly client: string;
}

/** One ts-morph project per generate(): parses the templates and prints every output file. */
export class TemplateEngine {
  readonly #project = new Project({
    useInMemoryFileSystem: true,
    skipFileDependencyResolution: true,
    skipAddingFilesFromTsConfig: true,
  });
  #printed = 0;

  parseOperation(text: string): OperationTemplate {
    const file = this.#parse("operation.ts", text);
    const fn = only(file.getFunctions(), "operation.ts must export exactly one function");
    const structure = fn.getStructure() as FunctionDeclarationStructure;
    const [aliasNode, paramsNode, responseNode, errorNode] = file.getTypeAliases();
    if (!aliasNode || !paramsNode || !responseNode || !errorNode) throw new Error("operation.ts must declare the Operation alias and three exported types");
    const endpoint = only(file.getVariableDeclarations(), "operation.ts must declare one endpoint constant");
    const endpointObject = endpoint.getInitializerOrThrow().getFirstDescendantOrThrow(Node.isObjectLiteralExpression);
    const call = fn.getFirstDescendantOrThrow(Node.isCallExpression);
    const input = call.getArguments().find(Node.isObjectLiteralExpression);
    const returnType = fn.getReturnTypeNodeOrThrow();
    const innerReturnType = Node.isTypeReference(returnType) ? returnType.getTypeArguments()[0] : undefined;
    if (input === undefined || innerReturnType === undefined) throw new Error("operation.ts: the call needs an input object and the return type a type argument");
    const paramsTypeNode = paramsNode.getTypeNodeOrThrow();
    const paramsInner = Node.isTypeReference(paramsTypeNode) ? paramsTypeNode.getTypeArguments()[0] : undefined;
    if (paramsInner === undefined) throw new Error("operation.ts: OperationParams must wrap the parameter types in one generic");
    const parameter = (name: string) => {
      const found = structure.parameters?.find((candidate) => candidate.name === name);
      if (found === undefined) throw new Error(`operation.ts: the function needs a \`${name}\` parameter`);
      return found;
    };
    return {
      functionName: fn.getNameOrThrow(),
      imports: file.getImportDeclarations().map((declaration) => declaration.getStructure()),
      operationAlias: aliasNode.getStructure(),
      paramsType: paramsNode.getStructure(),
      paramsTypeHole: holeAround(paramsTypeNode, paramsInner),
      paramsImports: Node.isTypeReference(paramsTypeNode) ? [paramsTypeNode.getTypeName().getText()] : [],
      responseType: responseNode.getStructure(),
      errorType: errorNode.getStructure(),
      endpoint: holeAround(endpoint.getInitializerOrThrow(), endpointObject),
      function: structure,
      clientParameter: parameter("client"),
      paramsParameter: parameter("params"),
      optionsParameter: parameter("options"),
      returnType: holeAround(returnType, innerReturnType),
      call: holeAround(call.getParentOrThrow(), input),
    };
  }

  parseClient(text: string): ClientTemplate {
    const file = this.#parse("client.ts", text);
    const fn = only(file.getFunctions(), "client.ts must export exactly one function");
    const call = fn.getFirstDescendantOrThrow(Node.isCallExpression);
    const defaults = call.getArguments().find(Node.isObjectLiteralExpression);
    if (defaults === undefined) throw new Error("client.ts: createRuntimeClient needs a defaults object");
    return {
      imports: file.getImportDeclarations().map((declaration) => declaration.getStructure()),
      options: only(file.getInterfaces(), "client.ts must declare one options interface").getStructure(),
      function: fn.getStructure() as FunctionDeclarationStructure,
      call: holeAround(call.getParentOrThrow(), defaults),
    };
  }

  /**
   * Prints a file from structures in one pass (the ts-morph performance guide's advice over node edits), with a
   * blank line between statements except within a run of imports or of re-exports.
   */
  print(statements: readonly Statement[]): string {
    const spaced = statements.flatMap((statement, index) => {
      const previous = statements[index - 1];
      const sameGroup = previous !== undefined && groupOf(previous) !== "other" && groupOf(previous) === groupOf(statement);
      return index === 0 || sameGroup ? [statement] : [blankLine, statement];
    });
    const structure: SourceFileStructure = { kind: StructureKind.SourceFile, statements: spaced };
    const file = this.#project.createSourceFile(`/print/${this.#printed++}.ts`, structure);
    const text = file.getFullText();
    this.#project.removeSourceFile(file);
    return text;
  }

  #parse(name: string, text: string): SourceFile {
    return this.#project.createSourceFile(`/templates/${name}`, text, { overwrite: true });
  }
}

type Statement = Exclude<SourceFileStructure["statements"], string | WriterFunction | undefined>[number];

const blankLine: WriterFunction = (writer) => writer.blankLineIfLastNot();

function groupOf(statement: Statement): "import" | "export" | "other" {
  if (typeof statement !== "object") return "other";
  if (statement.kind === StructureKind.ImportDeclaration) return "import";
  return statement.kind === StructureKind.ExportDeclaration ? "export" : "other";
}

function only<T>(items: readonly T[], message: string): T {
  if (items.length !== 1 || items[0] === undefined) throw new Error(message);
  return items[0];
}

export { StructureKind };
export type { Statement, FunctionDeclarationStructure, ImportDeclarationStructure, InterfaceDeclarationStructure, OptionalKind, ParameterDeclarationStructure, SourceFileStructure, TypeAliasDeclarationStructure };
