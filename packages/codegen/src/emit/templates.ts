import { Node, Project, type FunctionDeclaration, type JSDocableNode, type SourceFile } from "ts-morph";

/**
 * Reads the templates under `templates/` once per `generate()`. They are real TypeScript, type-checked against the
 * runtime; this module takes from their syntax trees what the emitters reproduce for every operation: names,
 * JSDoc, parameter lists, the runtime call and the runtime names they may import. The only module that imports
 * ts-morph.
 */

export interface FunctionTemplate {
  readonly client: { readonly name: string; readonly type: string };
  readonly params: { readonly name: string };
  readonly options: { readonly name: string; readonly type: string };
  /** `ApiPromise` or `PagePromise`. */
  readonly returnType: string;
  /** `request` or `paginate`. */
  readonly callee: string;
  /** The call's arguments as written, with `undefined` where the input object goes. */
  readonly callArguments: readonly (string | undefined)[];
}

export interface OperationTemplate {
  /** The template's function names, replaced in JSDoc by each operation's name. */
  readonly functionNames: readonly string[];
  /** The names the runtime exports: generated files may import no others. */
  readonly runtimeNames: ReadonlySet<string>;
  /** JSDoc of the exported type aliases, by suffix: `Params`, `Body`, `Response`, `Item`, `Error`. */
  readonly docs: Readonly<Record<string, string>>;
  /** `const endpoint: Endpoint = …;` */
  readonly endpoint: { readonly name: string; readonly type: string };
  readonly request: FunctionTemplate;
  readonly list: FunctionTemplate;
}

export interface ClientTemplate {
  readonly runtimeNames: ReadonlySet<string>;
  readonly interfaceName: string;
  readonly extendsName: string;
  readonly functionName: string;
  readonly parameter: { readonly name: string; readonly initializer: string | undefined };
  readonly returnType: string;
  readonly callee: string;
}

export interface SdkTemplate {
  readonly runtimeNames: ReadonlySet<string>;
  readonly client: { readonly name: string; readonly type: string; readonly doc: string };
  readonly parameter: { readonly name: string; readonly type: string; readonly initializer: string | undefined };
  /** `this.client = createClient(options);` */
  readonly createClient: string;
  /** `bindOperations` and `BoundOperations`, as the template spells them. */
  readonly bind: string;
  readonly bound: string;
  /** The name of the object holding every operation, and the JSDoc of the interface that exposes them. */
  readonly operations: { readonly name: string; readonly doc: string };
}

export interface TemplateSources {
  readonly operation: string;
  readonly client: string;
  readonly sdk: string;
  /** The runtime's `index.ts`: generated code may import only what it exports. */
  readonly runtimeIndex: string;
}

export interface ParsedTemplates {
  readonly operation: OperationTemplate;
  readonly client: ClientTemplate;
  readonly sdk: SdkTemplate;
}

export function parseTemplates(sources: TemplateSources): ParsedTemplates {
  const project = new Project({ useInMemoryFileSystem: true, skipFileDependencyResolution: true, skipAddingFilesFromTsConfig: true });
  const parse = (fileName: string, text: string) => project.createSourceFile(`/templates/${fileName}`, text);
  const exported = new Set(
    parse("runtime/index.ts", sources.runtimeIndex)
      .getExportDeclarations()
      .flatMap((declaration) => declaration.getNamedExports().map((specifier) => specifier.getName())),
  );
  return {
    operation: parseOperation(parse("operation.ts", sources.operation), exported),
    client: parseClient(parse("client.ts", sources.client), exported),
    sdk: parseSdk(parse("sdk.ts", sources.sdk), exported),
  };
}

function fail(file: SourceFile, message: string): never {
  throw new Error(`templates/${file.getBaseName()}: ${message}`);
}

function docOf(node: JSDocableNode): string {
  return node.getJsDocs()[0]?.getDescription().trim() ?? "";
}

function parseOperation(file: SourceFile, runtimeNames: ReadonlySet<string>): OperationTemplate {
  // The params type is an interface (a type of its own, so editors name it); the others are aliases.
  const alias = (aliasName: string) => file.getTypeAlias(aliasName) ?? file.getInterface(aliasName) ?? fail(file, `missing type ${aliasName}`);
  const endpoint = file.getVariableDeclarations()[0] ?? fail(file, "missing the endpoint constant");
  return {
    functionNames: file.getFunctions().map((fn) => fn.getNameOrThrow()),
    runtimeNames,
    docs: Object.fromEntries(["Params", "Body", "Response", "Item", "Page", "Error"].map((suffix) => [suffix, docOf(alias(`Operation${suffix}`))])),
    endpoint: { name: endpoint.getName(), type: endpoint.getTypeNode()?.getText() ?? fail(file, "the endpoint constant needs a type annotation") },
    request: functionTemplate(file, file.getFunction("operationName") ?? fail(file, "missing operationName")),
    list: functionTemplate(file, file.getFunction("listOperationName") ?? fail(file, "missing listOperationName")),
  };
}

function functionTemplate(file: SourceFile, fn: FunctionDeclaration): FunctionTemplate {
  const parameter = (parameterName: string) => fn.getParameter(parameterName) ?? fail(file, `${fn.getName() ?? ""} needs a \`${parameterName}\` parameter`);
  const returnType = fn.getReturnTypeNode();
  const callExpression = fn.getFirstDescendant(Node.isCallExpression);
  if (!Node.isTypeReference(returnType) || callExpression === undefined) fail(file, `${fn.getName() ?? ""} needs a generic return type and a runtime call`);
  return {
    client: { name: parameter("client").getName(), type: parameter("client").getTypeNodeOrThrow().getText() },
    params: { name: parameter("params").getName() },
    options: { name: parameter("options").getName(), type: parameter("options").getTypeNodeOrThrow().getText() },
    returnType: returnType.getTypeName().getText(),
    callee: callExpression.getExpression().getText(),
    callArguments: callExpression.getArguments().map((argument) => (Node.isObjectLiteralExpression(argument) ? undefined : argument.getText())),
  };
}

function parseClient(file: SourceFile, runtimeNames: ReadonlySet<string>): ClientTemplate {
  const options = file.getInterfaces()[0] ?? fail(file, "missing the options interface");
  const fn = file.getFunctions()[0] ?? fail(file, "missing createClient");
  const parameter = fn.getParameters()[0] ?? fail(file, "createClient needs an options parameter");
  const callExpression = fn.getFirstDescendant(Node.isCallExpression) ?? fail(file, "createClient must call the runtime");
  return {
    runtimeNames,
    interfaceName: options.getName(),
    extendsName: options.getExtends()[0]?.getText() ?? fail(file, "the options interface must extend the runtime's"),
    functionName: fn.getNameOrThrow(),
    parameter: { name: parameter.getName(), initializer: parameter.getInitializer()?.getText() },
    returnType: fn.getReturnTypeNodeOrThrow().getText(),
    callee: callExpression.getExpression().getText(),
  };
}

function parseSdk(file: SourceFile, runtimeNames: ReadonlySet<string>): SdkTemplate {
  const declaration = file.getClasses()[0] ?? fail(file, "missing the class");
  const merged = file.getInterfaces()[0] ?? fail(file, "missing the interface that exposes every operation");
  const client = declaration.getProperty("client") ?? fail(file, "the class needs a client property");
  const constructor = declaration.getConstructors()[0] ?? fail(file, "the class needs a constructor");
  const parameter = constructor.getParameters()[0] ?? fail(file, "the constructor needs an options parameter");
  const [createStatement, bindStatement] = constructor.getStatements();
  const bindCall = bindStatement?.getFirstDescendant(Node.isCallExpression);
  const boundType = merged.getExtends()[0]?.getExpression().getText();
  const operationsObject = file.getVariableDeclarations().at(-1)?.getName();
  if (createStatement === undefined || bindCall === undefined || boundType === undefined || operationsObject === undefined) {
    fail(file, "the constructor must create the client and bind the operations");
  }
  return {
    runtimeNames,
    client: { name: client.getName(), type: client.getTypeNodeOrThrow().getText(), doc: docOf(client) },
    parameter: { name: parameter.getName(), type: parameter.getTypeNodeOrThrow().getText(), initializer: parameter.getInitializer()?.getText() },
    createClient: createStatement.getText(),
    bind: bindCall.getExpression().getText(),
    bound: boundType,
    operations: { name: operationsObject, doc: docOf(merged) },
  };
}
