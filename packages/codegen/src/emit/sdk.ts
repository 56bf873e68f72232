import type { ApiModel, OperationModel } from "../model/model.js";
import { assignment, call, jsDocComment, moduleDeclaration, name, objectDoc, objectProperty, propertyKey, ref, signature, sourceFile, typeDoc } from "./code.js";
import { docText, paragraphs } from "./docs.js";
import type { GeneratedFile } from "./file.js";
import { hardline, indent, join, print, type Doc } from "./layout.js";
import type { SdkTemplate } from "./templates.js";

export interface TagDocs {
  readonly [tag: string]: string | undefined;
}

/**
 * `src/sdk.ts`: the API as one object, `new Diga(options).phones.list(params)`, each method the standalone function
 * bound to the instance's client (no second implementation). One object of operations per resource and one of all
 * operations, typed through a mapped type, so a thousand operations add little to type-checking; the JSDoc on the
 * objects' properties is what editors show for the methods. It lives in its own module, so importing one standalone
 * function never pulls it into a bundle.
 */
export function emitSdk(model: ApiModel, template: SdkTemplate, header: string, tagDocs: TagDocs): GeneratedFile {
  const resources = groupByResource(model.operations);
  // Module-level names must not collide with the imported operation functions.
  const taken = new Set(model.operations.map((operation) => operation.functionName.toLowerCase()));
  const local = (wanted: string) => {
    let unique = wanted;
    while (taken.has(unique.toLowerCase())) unique = `${unique}_`;
    taken.add(unique.toLowerCase());
    return unique;
  };
  const resourceObjects = new Map([...resources.keys()].map((resource) => [resource, local(`${resource}Operations`)]));
  const resourceObject = (resource: string) => resourceObjects.get(resource) ?? resource;
  const allOperations = local(template.operations.name);
  const instance = model.sdkClassName.charAt(0).toLowerCase() + model.sdkClassName.slice(1);
  const example = model.operations.find((operation) => operation.resource !== undefined) ?? model.operations[0];
  const exampleCall = example === undefined ? undefined : example.resource === undefined ? example.functionName : `${example.resource.property}.${example.resource.method}`;
  const credential = model.credentials[0];
  const bound = (object: string) => ref(template.bound, name(`typeof ${object}`));

  // Typed out member by member (isolatedDeclarations: declarations are emitted file by file); the members' JSDoc
  // is what editors show for the facade's methods.
  const operationsObject = (objectName: string, entries: readonly { key: string; operation: OperationModel }[]): Doc => [
    "const ",
    objectName,
    ": ",
    entries.length === 0
      ? "{}"
      : [
          "{",
          indent([
            hardline,
            join(
              hardline,
              entries.map(({ key, operation }) => [
                jsDocComment(`${summaryOf(operation)} Same as {@link ${operation.functionName}}.`),
                hardline,
                propertyKey(key),
                ": typeof ",
                operation.functionName,
                ";",
              ]),
            ),
          ]),
          hardline,
          "}",
        ],
    " = ",
    objectDoc(entries.map(({ key, operation }) => (key === operation.functionName ? key : objectProperty(key, operation.functionName, "fluid")))),
    ";",
  ];
  const properties: Doc[] = [
    [jsDocComment(template.client.doc), hardline, "readonly ", template.client.name, ": ", template.client.type, ";"],
    ...[...resources].map(([resource, operations]) => [
      jsDocComment(paragraphs(tagDocs[operations[0]?.tags[0] ?? ""] ?? `The ${operations[0]?.tags[0] ?? resource} operations.`) ?? ""),
      hardline,
      "readonly ",
      propertyKey(resource),
      ": ",
      typeDoc(bound(resourceObject(resource))),
      ";",
    ]),
  ];
  const constructorBody: Doc[] = [
    template.createClient,
    ...[...resources].map(([resource]) => assignment(`this.${resource}`, call(template.bind, [`this.${template.client.name}`, resourceObject(resource)]), ";")),
    ["Object.assign(this, ", call(template.bind, [`this.${template.client.name}`, allOperations]), ");"],
  ];
  const constructor = [
    "constructor",
    signature([{ name: template.parameter.name, type: name(template.parameter.type), initializer: template.parameter.initializer }]),
    " {",
    indent([hardline, join(hardline, constructorBody)]),
    hardline,
    "}",
  ];
  const classDoc = jsDocComment(
    paragraphs(
      `${model.title} ${model.version} as one object, operations grouped by tag${exampleCall === undefined ? "" : `: \`${instance}.${exampleCall}(…)\``}, and each also under its function name.`,
      "Each method is the standalone function with this instance's client bound. Import the standalone functions instead to keep bundles small.",
    ) ?? "",
    [
      {
        name: "example",
        text: `\n\`\`\`ts\nconst ${instance} = new ${model.sdkClassName}(${credential === undefined ? "" : `{ ${credential.name}: "<token>" }`});${exampleCall === undefined ? "" : `\nconst result = await ${instance}.${exampleCall}();`}\n\`\`\``,
      },
    ],
  );
  const runtimeImports = [{ name: template.bind }, { name: template.bound, typeOnly: true }, { name: template.client.type, typeOnly: true }];
  const statements = [
    { doc: header },
    { doc: moduleDeclaration("import", [{ name: "createClient" }, { name: template.parameter.type, typeOnly: true }], "./client.js"), group: "import" as const },
    ...model.operations.map((operation) => ({ doc: moduleDeclaration("import", [{ name: operation.functionName }], `./operations/${operation.fileName}.js`), group: "import" as const })),
    { doc: moduleDeclaration("import", runtimeImports, "./runtime/index.js"), group: "import" as const },
    ...[...resources].map(([resource, operations]) => ({
      doc: operationsObject(
        resourceObject(resource),
        operations.map((operation) => ({ key: operation.resource?.method ?? operation.functionName, operation })),
      ),
    })),
    {
      doc: operationsObject(
        allOperations,
        model.operations.map((operation) => ({ key: operation.functionName, operation })),
      ),
    },
    {
      doc: [
        jsDocComment(docText(template.operations.doc.replace(/sdk\.operationName/g, `${instance}.${model.operations[0]?.functionName ?? "operation"}`))),
        hardline,
        "export interface ",
        model.sdkClassName,
        " extends ",
        typeDoc(bound(allOperations)),
        " {}",
      ],
    },
    { doc: [classDoc, hardline, "export class ", model.sdkClassName, " {", indent([hardline, join(hardline, properties), hardline, hardline, constructor]), hardline, "}"] },
  ];
  return { path: "src/sdk.ts", contents: print(sourceFile(statements)) };
}

function summaryOf(operation: OperationModel): string {
  const summary = operation.docs.summary ?? `\`${operation.method} ${operation.path}\``;
  return docText(/[.!?]$/.test(summary) ? summary : `${summary}.`).replace(/\s+/g, " ");
}

function groupByResource(operations: readonly OperationModel[]): Map<string, OperationModel[]> {
  const resources = new Map<string, OperationModel[]>();
  for (const operation of operations) {
    if (operation.resource === undefined) continue;
    resources.set(operation.resource.property, [...(resources.get(operation.resource.property) ?? []), operation]);
  }
  return resources;
}
