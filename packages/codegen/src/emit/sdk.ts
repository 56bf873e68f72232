import type { ApiModel, OperationModel } from "../model/model.js";
import { assignment, call, jsDocComment, moduleDeclaration, name, objectDoc, objectProperty, objectType, propertyKey, ref, signature, sourceFile, typeDoc, type TypeExpr } from "./code.js";
import { docText, paragraphs } from "./docs.js";
import type { GeneratedFile } from "./file.js";
import { hardline, indent, join, print, type Doc } from "./layout.js";
import type { SdkTemplate } from "./templates.js";

export interface TagDocs {
  readonly [tag: string]: string | undefined;
}

/**
 * `src/sdk.ts`: the API as one object, `new Diga(options).phones.list(params)`, each method the standalone function
 * bound to the instance's client (no second implementation). It lives in its own module, so importing one
 * standalone function never pulls it into a bundle.
 */
export function emitSdk(model: ApiModel, template: SdkTemplate, header: string, tagDocs: TagDocs): GeneratedFile {
  const resources = groupByResource(model.operations);
  const instance = model.sdkClassName.charAt(0).toLowerCase() + model.sdkClassName.slice(1);
  const example = model.operations.find((operation) => operation.resource !== undefined) ?? model.operations[0];
  const exampleCall = example === undefined ? undefined : example.resource === undefined ? example.functionName : `${example.resource.property}.${example.resource.method}`;
  const credential = model.credentials[0];
  const bound = (operation: OperationModel): TypeExpr => ref(template.bound, name(`typeof ${operation.functionName}`));

  const properties: Doc[] = [
    property(template.client.name, name(template.client.type), template.client.doc),
    ...[...resources].map(([resource, operations]) =>
      property(
        resource,
        objectType(
          operations.map((operation) => ({ name: operation.resource?.method ?? operation.functionName, readonly: true, type: bound(operation), doc: `${summaryOf(operation)} Same as {@link ${operation.functionName}}.` })),
          true,
        ),
        paragraphs(tagDocs[operations[0]?.tags[0] ?? ""] ?? `The ${operations[0]?.tags[0] ?? resource} operations.`) ?? "",
      ),
    ),
    ...model.operations.map((operation) => property(operation.functionName, bound(operation), `${summaryOf(operation)} Same as {@link ${operation.functionName}}.`)),
  ];
  const constructorBody: Doc[] = [
    template.createClient,
    ...model.operations.map((operation) => assignment(`this.${operation.functionName}`, call(template.bind, [`this.${template.client.name}`, operation.functionName]), ";")),
    ...[...resources].map(([resource, operations]) =>
      assignment(
        `this.${resource}`,
        objectDoc(operations.map((operation) => objectProperty(operation.resource?.method ?? operation.functionName, `this.${operation.functionName}`, "breakAfterColon"))),
        ";",
      ),
    ),
  ];
  const constructor = ["constructor", signature([{ name: template.parameter.name, type: name(template.parameter.type), initializer: template.parameter.initializer }]), " {", indent([hardline, join(hardline, constructorBody)]), hardline, "}"];
  const classDoc = jsDocComment(
    paragraphs(
      `${model.title} ${model.version} as one object, operations grouped by tag${exampleCall === undefined ? "" : `: \`${instance}.${exampleCall}(…)\``}.`,
      "Each method is the standalone function with this instance's client bound. Import the standalone functions instead to keep bundles small.",
    ) ?? "",
    [
      {
        name: "example",
        text: `\n\`\`\`ts\nconst ${instance} = new ${model.sdkClassName}(${credential === undefined ? "" : `{ ${credential.name}: "<token>" }`});${exampleCall === undefined ? "" : `\nconst result = await ${instance}.${exampleCall}();`}\n\`\`\``,
      },
    ],
  );
  const statements = [
    { doc: header },
    { doc: moduleDeclaration("import", [{ name: "createClient" }, { name: template.parameter.type, typeOnly: true }], "./client.js"), group: "import" as const },
    ...model.operations.map((operation) => ({ doc: moduleDeclaration("import", [{ name: operation.functionName }], `./operations/${operation.fileName}.js`), group: "import" as const })),
    { doc: moduleDeclaration("import", [{ name: template.bind }, { name: template.bound, typeOnly: true }, { name: template.client.type, typeOnly: true }], "./runtime/index.js"), group: "import" as const },
    { doc: [classDoc, hardline, "export class ", model.sdkClassName, " {", indent([hardline, join(hardline, properties), hardline, hardline, constructor]), hardline, "}"] },
  ];
  return { path: "src/sdk.ts", contents: print(sourceFile(statements)) };
}

function property(propertyName: string, type: TypeExpr, doc: string): Doc {
  return [jsDocComment(doc), hardline, "readonly ", propertyKey(propertyName), ": ", typeDoc(type), ";"];
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
