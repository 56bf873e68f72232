import {
  Node,
  Project,
  StructureKind,
  type ClassDeclarationStructure,
  type FunctionDeclaration,
  type PropertyDeclarationStructure,
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

/** A template's text split around the nodes the generator replaces: `parts[0] hole parts[1] hole … parts[n]`. */
export interface Holes {
  readonly parts: readonly string[];
}

/** The text of `outer` with holes where `inners` are (in source order). */
function holesIn(outer: Node, inners: readonly Node[]): Holes {
  const text = outer.getText();
  const parts: string[] = [];
  let from = 0;
  for (const inner of [...inners].sort((a, b) => a.getStart() - b.getStart())) {
    parts.push(text.slice(from, inner.getStart() - outer.getStart()));
    from = inner.getEnd() - outer.getStart();
  }
  parts.push(text.slice(from));
  return { parts };
}

export function fillHoles({ parts }: Holes, ...contents: readonly string[]): string {
  if (contents.length !== parts.length - 1) throw new Error(`template expects ${parts.length - 1} values, got ${contents.length}`);
  return parts.map((part, index) => `${part}${contents[index] ?? ""}`).join("");
}

/** One of the template's operation functions: its structure, and the holes in its return type and call. */
export interface FunctionTemplate {
  readonly structure: FunctionDeclarationStructure;
  readonly clientParameter: OptionalKind<ParameterDeclarationStructure>;
  readonly paramsParameter: OptionalKind<ParameterDeclarationStructure>;
  readonly optionsParameter: OptionalKind<ParameterDeclarationStructure>;
  /** `ApiPromise<<hole>, <hole>>` and the like, one hole per type argument. */
  readonly returnType: Holes;
  /** `return request(client, endpoint, <hole>, options);` */
  readonly call: Holes;
}

export interface OperationTemplate {
  /** The names the template's functions have; replaced in doc text by each operation's function name. */
  readonly functionNames: readonly string[];
  readonly imports: readonly ImportDeclarationStructure[];
  readonly operationAlias: TypeAliasDeclarationStructure;
  readonly paramsType: TypeAliasDeclarationStructure;
  /** `Params<<hole>>` */
  readonly paramsTypeHole: Holes;
  readonly bodyType: TypeAliasDeclarationStructure;
  /** `NonNullable<Operation["requestBody"]>["content"][<hole>]` */
  readonly bodyTypeHole: Holes;
  readonly responseType: TypeAliasDeclarationStructure;
  readonly itemType: TypeAliasDeclarationStructure;
  readonly errorType: TypeAliasDeclarationStructure;
  /** `const endpoint = <hole> as const satisfies Endpoint;` */
  readonly endpoint: Holes;
  readonly request: FunctionTemplate;
  readonly list: FunctionTemplate;
}

export interface ClientTemplate {
  readonly imports: readonly ImportDeclarationStructure[];
  readonly options: InterfaceDeclarationStructure;
  readonly function: FunctionDeclarationStructure;
  /** `return createRuntimeClient(options, <hole>);` */
  readonly call: Holes;
}

export interface SdkTemplate {
  readonly imports: readonly ImportDeclarationStructure[];
  readonly class: ClassDeclarationStructure;
  readonly clientProperty: PropertyDeclarationStructure;
  /** `this.client = createClient(options);` */
  readonly createClientStatement: string;
  /** `this.<hole> = bindClient(this.client, <hole>);` */
  readonly bindStatement: Holes;
  /** `this.<hole> = <hole>;` */
  readonly resourceStatement: Holes;
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
    const alias = (name: string) => file.getTypeAliasOrThrow(name);
    const bodyNode = alias("OperationBody").getTypeNodeOrThrow();
    if (!Node.isIndexedAccessTypeNode(bodyNode)) throw new Error('operation.ts: OperationBody must be …["content"]["<media type>"]');
    const paramsIntersection = alias("OperationParams").getTypeNodeOrThrow();
    const paramsNode = Node.isIntersectionTypeNode(paramsIntersection) ? paramsIntersection.getTypeNodes()[0] : paramsIntersection;
    if (!Node.isTypeReference(paramsNode) || paramsNode.getTypeArguments()[0] === undefined || !Node.isIntersectionTypeNode(paramsIntersection)) {
      throw new Error("operation.ts: OperationParams must be Params<…> & { body?: … }");
    }
    const endpoint = only(file.getVariableDeclarations(), "operation.ts must declare one endpoint constant");
    return {
      functionNames: file.getFunctions().map((fn) => fn.getNameOrThrow()),
      imports: file.getImportDeclarations().map((declaration) => declaration.getStructure()),
      operationAlias: alias("Operation").getStructure(),
      paramsType: alias("OperationParams").getStructure(),
      paramsTypeHole: holesIn(paramsNode, paramsNode.getTypeArguments()),
      bodyType: alias("OperationBody").getStructure(),
      bodyTypeHole: holesIn(bodyNode, [bodyNode.getIndexTypeNode()]),
      responseType: alias("OperationResponse").getStructure(),
      itemType: alias("OperationItem").getStructure(),
      errorType: alias("OperationError").getStructure(),
      endpoint: holesIn(endpoint.getInitializerOrThrow(), [endpoint.getInitializerOrThrow().getFirstDescendantOrThrow(Node.isObjectLiteralExpression)]),
      request: functionTemplate(file.getFunctionOrThrow("operationName")),
      list: functionTemplate(file.getFunctionOrThrow("listOperationName")),
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
      call: holesIn(call.getParentOrThrow(), [defaults]),
    };
  }

  parseSdk(text: string): SdkTemplate {
    const file = this.#parse("sdk.ts", text);
    const declaration = only(file.getClasses(), "sdk.ts must declare one class");
    const [createStatement, bindStatement, resourceStatement] = declaration.getConstructors()[0]?.getStatements() ?? [];
    const assignment = (statement: Node | undefined) => statement?.getFirstDescendant(Node.isBinaryExpression);
    const bind = assignment(bindStatement);
    const resource = assignment(resourceStatement);
    const bindTarget = bind?.getLeft();
    const bindArgument = bind?.getFirstDescendant(Node.isCallExpression)?.getArguments()[1];
    const resourceTarget = resource?.getLeft();
    if (createStatement === undefined || bindStatement === undefined || resourceStatement === undefined || !Node.isPropertyAccessExpression(bindTarget) || !Node.isPropertyAccessExpression(resourceTarget) || bindArgument === undefined || resource === undefined) {
      throw new Error("sdk.ts: the constructor must create the client, bind one operation and assign one resource");
    }
    return {
      imports: file.getImportDeclarations().map((importDeclaration) => importDeclaration.getStructure()),
      class: declaration.getStructure() as ClassDeclarationStructure,
      clientProperty: declaration.getPropertyOrThrow("client").getStructure(),
      createClientStatement: createStatement.getText(),
      bindStatement: holesIn(bindStatement, [bindTarget.getNameNode(), bindArgument]),
      resourceStatement: holesIn(resourceStatement, [resourceTarget.getNameNode(), resource.getRight()]),
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

function functionTemplate(fn: FunctionDeclaration): FunctionTemplate {
  const structure = fn.getStructure() as FunctionDeclarationStructure;
  const call = fn.getFirstDescendantOrThrow(Node.isCallExpression);
  const input = call.getArguments().find(Node.isObjectLiteralExpression);
  const returnType = fn.getReturnTypeNodeOrThrow();
  if (input === undefined || !Node.isTypeReference(returnType)) throw new Error(`operation.ts: ${fn.getName() ?? ""} needs an input object and a generic return type`);
  const parameter = (name: string) => {
    const found = structure.parameters?.find((candidate) => candidate.name === name);
    if (found === undefined) throw new Error(`operation.ts: ${fn.getName() ?? ""} needs a \`${name}\` parameter`);
    return found;
  };
  return {
    structure,
    clientParameter: parameter("client"),
    paramsParameter: parameter("params"),
    optionsParameter: parameter("options"),
    returnType: holesIn(returnType, returnType.getTypeArguments()),
    call: holesIn(call.getParentOrThrow(), [input]),
  };
}

function only<T>(items: readonly T[], message: string): T {
  if (items.length !== 1 || items[0] === undefined) throw new Error(message);
  return items[0];
}

export { StructureKind };
export type { Statement, ClassDeclarationStructure, PropertyDeclarationStructure, FunctionDeclarationStructure, ImportDeclarationStructure, InterfaceDeclarationStructure, OptionalKind, ParameterDeclarationStructure, SourceFileStructure, TypeAliasDeclarationStructure };
