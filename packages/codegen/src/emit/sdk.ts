import type { ApiModel, OperationModel } from "../model/model.js";
import { paragraphs } from "./docs.js";
import type { GeneratedFile } from "./file.js";
import { propertyKey } from "./literal.js";
import { fillHoles, StructureKind, type ImportDeclarationStructure, type SdkTemplate, type TemplateEngine } from "./templates.js";

export interface TagDocs {
  readonly [tag: string]: string | undefined;
}

/**
 * `src/sdk.ts`: the API as one object, `new Diga(options).phones.list(params)`, each method the standalone function
 * bound to the instance's client (no second implementation). It lives in its own module, so importing one
 * standalone function never pulls it into a bundle.
 */
export function emitSdk(model: ApiModel, template: SdkTemplate, engine: TemplateEngine, header: string, tagDocs: TagDocs): GeneratedFile {
  const resources = groupByResource(model.operations);
  const instance = model.sdkClassName.charAt(0).toLowerCase() + model.sdkClassName.slice(1);
  const example = model.operations.find((operation) => operation.resource !== undefined) ?? model.operations[0];
  const exampleCall = example === undefined ? undefined : example.resource === undefined ? example.functionName : `${example.resource.property}.${example.resource.method}`;
  const credential = model.credentials[0];

  const statements = [
    header,
    ...template.imports.flatMap((declaration) => outputImports(declaration, model.operations)),
    {
      ...template.class,
      name: model.sdkClassName,
      docs: [
        {
          kind: StructureKind.JSDoc as const,
          description: `\n${paragraphs(
            `${model.title} ${model.version} as one object, operations grouped by tag${exampleCall === undefined ? "" : `: \`${instance}.${exampleCall}(…)\``}.`,
            "Each method is the standalone function with this instance's client bound. Import the standalone functions instead to keep bundles small.",
          )}`,
          tags: [
            {
              kind: StructureKind.JSDocTag as const,
              tagName: "example",
              text: `\n\`\`\`ts\nconst ${instance} = new ${model.sdkClassName}(${credential === undefined ? "" : `{ ${credential.name}: "<token>" }`});${exampleCall === undefined ? "" : `\nconst result = await ${instance}.${exampleCall}();`}\n\`\`\``,
            },
          ],
        },
      ],
      properties: [
        template.clientProperty,
        ...[...resources].map(([property, operations]) => ({
          name: property,
          isReadonly: true,
          docs: [paragraphs(tagDocs[operations[0]?.tags[0] ?? ""] ?? `The ${operations[0]?.tags[0] ?? property} operations.`) ?? ""],
          type: `{\n${operations.map((operation) => `/** ${summaryOf(operation)} Same as {@link ${operation.functionName}}. */\nreadonly ${propertyKey(operation.resource?.method ?? operation.functionName)}: Bound<typeof ${operation.functionName}>;`).join("\n")}\n}`,
        })),
        ...model.operations.map((operation) => ({
          name: operation.functionName,
          isReadonly: true,
          docs: [`${summaryOf(operation)} Same as {@link ${operation.functionName}}.`],
          type: `Bound<typeof ${operation.functionName}>`,
        })),
      ],
      ctors: (template.class.ctors ?? []).map((ctor) => ({
        ...ctor,
        statements: [
          template.createClientStatement,
          ...model.operations.map((operation) => fillHoles(template.bindStatement, operation.functionName, operation.functionName)),
          ...[...resources].map(([property, operations]) =>
            fillHoles(template.resourceStatement, property, `{ ${operations.map((operation) => `${propertyKey(operation.resource?.method ?? operation.functionName)}: this.${operation.functionName}`).join(", ")} }`),
          ),
        ],
      })),
    },
  ];
  return { path: "src/sdk.ts", contents: engine.print(statements) };
}

function summaryOf(operation: OperationModel): string {
  const summary = operation.docs.summary ?? `\`${operation.method} ${operation.path}\``;
  return (/[.!?]$/.test(summary) ? summary : `${summary}.`).replaceAll("*/", "*\\/").replace(/\s+/g, " ");
}

function groupByResource(operations: readonly OperationModel[]): Map<string, OperationModel[]> {
  const resources = new Map<string, OperationModel[]>();
  for (const operation of operations) {
    if (operation.resource === undefined) continue;
    resources.set(operation.resource.property, [...(resources.get(operation.resource.property) ?? []), operation]);
  }
  return resources;
}

/** The template imports one operation from `./operation.js`; the output imports every operation from its file. */
function outputImports(declaration: ImportDeclarationStructure, operations: readonly OperationModel[]): ImportDeclarationStructure[] {
  if (declaration.moduleSpecifier !== "./operation.js") return [declaration];
  return operations.map((operation) => ({ ...declaration, moduleSpecifier: `./operations/${operation.fileName}.js`, namedImports: [operation.functionName] }));
}
