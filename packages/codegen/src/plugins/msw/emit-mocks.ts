import {
  assignment,
  Call,
  call,
  functionDeclaration,
  Identifier,
  jsDocComment,
  moduleDeclaration,
  name,
  ref,
  sortSpecifiers,
  sourceFile,
  valueDoc,
  type ImportSpecifier,
  type LiteralValue,
} from "../../emit/code.js";
import type { EmitContext } from "../../emit/emitter.js";
import type { GeneratedFile } from "../../emit/file.js";
import { hardline, print, type Doc } from "../../emit/layout.js";
import type { OperationModel } from "../../model/model.js";
import { PAGE_STYLES } from "../../model/pagination.js";
import { describeOperation, type MockTables } from "./describe.js";
import { MockExampleTable, MockSchemaTable } from "./mock-tables.js";

/** The folder of the mock runtime's template under `templates/`, and where it lands under the package's `src/`. */
export const MOCKS_FOLDER = "mocks";

/**
 * `src/mocks/index.ts` (one handler factory per operation, and `handlers`), `src/mocks/data.ts` (the schemas data
 * is generated from and the spec's shared examples) and `src/mocks/runtime.ts` (the template, copied verbatim).
 */
export function emitMocks(context: EmitContext): GeneratedFile[] {
  const tables: MockTables = { schemas: new MockSchemaTable(context.document), examples: new MockExampleTable(context.document) };
  const descriptions = context.model.operations.map((operation) => describeOperation(context.model, operation, context.document, tables));
  return [
    { path: "src/mocks/index.ts", contents: print(mocksModule(context, descriptions)) },
    { path: "src/mocks/data.ts", contents: print(dataModule(context.header, tables)) },
    ...mockRuntime(context),
  ];
}

/** The template's files (tests excluded), copied verbatim with the header. */
function mockRuntime({ templateFiles, header }: EmitContext): GeneratedFile[] {
  const files = templateFiles.plugins[MOCKS_FOLDER];
  if (files === undefined) throw new Error(`templates/${MOCKS_FOLDER}/ is missing`);
  return files.map(({ name, text }) => ({ path: `src/${MOCKS_FOLDER}/${name}`, contents: `${header}\n\n${text}` }));
}

function mocksModule(context: EmitContext, descriptions: readonly LiteralValue[]): Doc {
  const { model, header } = context;
  const styles = [...new Set(descriptions.flatMap(identifiersIn))];
  const lists = model.operations.some((operation) => operation.pagination !== undefined);
  const others = model.operations.some((operation) => operation.pagination === undefined);
  const runtime: ImportSpecifier[] = [{ name: "mockHandler" }, ...(lists ? [{ name: "ListMockAnswer", typeOnly: true }] : []), ...(others ? [{ name: "MockAnswer", typeOnly: true }] : [])];
  return sourceFile([
    { doc: header },
    { doc: moduleDeclaration("import", [{ name: "HttpHandler" }, { name: "RequestHandlerOptions" }], "msw", true), group: "import" as const },
    ...model.operations.map((operation) => ({ doc: moduleDeclaration("import", operationTypes(operation), `../operations/${operation.fileName}.js`, true), group: "import" as const })),
    ...(styles.length === 0 ? [] : [{ doc: moduleDeclaration("import", sortSpecifiers(styles.map((style) => ({ name: style }))), "../runtime/index.js"), group: "import" as const }]),
    { doc: moduleDeclaration("import", [{ name: MOCK_DATA }], "./data.js"), group: "import" as const },
    { doc: moduleDeclaration("import", sortSpecifiers(runtime), "./runtime.js"), group: "import" as const },
    ...model.operations.map((operation, index) => ({ doc: handlerFunction(operation, descriptions[index]) })),
    {
      doc: [
        jsDocComment("A handler for every operation, answering with the spec's examples or generated data: `setupServer(...handlers)`."),
        hardline,
        assignment("export const handlers: readonly HttpHandler[]", valueDoc(model.operations.map((operation) => new Call(new Identifier(operation.functionName), []))), ";"),
      ],
    },
  ]);
}

function operationTypes(operation: OperationModel): ImportSpecifier[] {
  const { response, item, error } = operation.typeNames;
  return sortSpecifiers((operation.pagination === undefined ? [response, error] : [item, error]).map((typeName) => ({ name: typeName })));
}

function handlerFunction(operation: OperationModel, description: LiteralValue): Doc {
  const { typeNames } = operation;
  const answer = operation.pagination === undefined ? ref("MockAnswer", name(typeNames.response), name(typeNames.error)) : ref("ListMockAnswer", name(typeNames.item), name(typeNames.error));
  const what = `\`${operation.method} ${operation.path}\``;
  const doc =
    operation.pagination === undefined
      ? `Answers ${what} (\`${operation.functionName}\`) with the spec's example, or data generated from its schema.\nPass \`{ body }\` to answer with your own, \`{ status }\` for a documented error.`
      : `Answers ${what} (\`${operation.functionName}\`) with a list served page by page, as the API pages it.\nPass \`{ items }\` to serve your own, \`{ count }\` to generate that many, \`{ status }\` for a documented error.`;
  const example = operation.pagination === undefined ? `server.use(${operation.functionName}({ status: ${firstErrorStatus(operation)} }));` : `server.use(${operation.functionName}({ count: 250 }));`;
  return functionDeclaration(
    operation.functionName,
    [
      { name: "answer", type: answer, optional: true },
      { name: "options", type: name("RequestHandlerOptions"), optional: true },
    ],
    name("HttpHandler"),
    [["return ", call("mockHandler", [MOCK_DATA, valueDoc(description), "answer", "options"]), ";"]],
    jsDocComment(doc, [{ name: "example", text: `\n\`\`\`ts\n${example}\n\`\`\`` }]),
  );
}

/** The first documented 4xx or 5xx status, for the example; 500 when none is documented (any status is then typed). */
function firstErrorStatus(operation: OperationModel): number {
  const status = operation.responses.find((response) => /^[45]\d\d$/.test(response.status))?.status;
  return status === undefined ? 500 : Number(status);
}

/** The module-scope name of the data in `src/mocks/index.ts`. */
export const MOCK_DATA = "mockData";

function dataModule(header: string, { schemas, examples }: MockTables): Doc {
  const shared = examples.table();
  const doc = "The response schemas mock data is generated from (reduced to what the generator reads), and the spec's shared examples (`#/components/examples/<name>`) that answers use, by name.";
  return sourceFile([
    { doc: header },
    { doc: moduleDeclaration("import", [{ name: "MockData" }], "./runtime.js", true), group: "import" as const },
    {
      doc: [
        jsDocComment(doc),
        hardline,
        assignment(`export const ${MOCK_DATA}: MockData`, valueDoc({ schemas: schemas.table(), examples: Object.keys(shared).length === 0 ? undefined : shared }), ";"),
      ],
    },
  ]);
}

const STYLE_EXPORTS: ReadonlySet<string> = new Set(Object.values(PAGE_STYLES));

/** The pagination styles a literal names (each a runtime import), in order of appearance. */
function identifiersIn(value: LiteralValue): string[] {
  if (value instanceof Identifier) return STYLE_EXPORTS.has(value.name) ? [value.name] : [];
  if (Array.isArray(value)) return value.flatMap(identifiersIn);
  if (typeof value === "object" && value !== null && !(value instanceof Call)) return Object.values(value).flatMap(identifiersIn);
  return [];
}
