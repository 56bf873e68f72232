import type { ApiModel, CredentialModel } from "../model/model.js";
import { docText, jsDoc, paragraphs } from "./docs.js";
import type { GeneratedFile } from "./file.js";
import { propertyKey, toLiteral, type LiteralValue } from "./literal.js";
import { fillHoles, StructureKind, type ClientTemplate, type ImportDeclarationStructure, type TemplateEngine } from "./templates.js";

/** `src/client.ts`: `createClient` and its options, one property per credential the spec defines. */
export function emitClient(model: ApiModel, template: ClientTemplate, engine: TemplateEngine, header: string, userAgent: string): GeneratedFile {
  const usesBasic = model.credentials.some((credential) => credential.kind === "basic");
  const variables = model.server?.variables ?? [];
  const defaults: LiteralValue = {
    baseUrl: variables.length === 0 ? model.defaultBaseUrl : model.server?.url,
    serverVariables: variables.length === 0 ? undefined : Object.fromEntries(variables.map((variable) => [variable.name, variable.default])),
    userAgent,
    credentials: Object.fromEntries(model.credentials.map((credential) => [credential.name, credentialSpec(credential)])),
  };
  const statements = [
    header,
    ...template.imports.map((declaration) => credentialImports(declaration, model.credentials.length > 0, usesBasic)),
    {
      ...template.options,
      docs: [jsDoc(`Options of {@link createClient}: where requests go, how they are sent, and the credentials ${docText(model.title)} accepts.`)],
      properties: [
        ...model.credentials.map((credential) => ({
          name: credential.name,
          isReadonly: true,
          hasQuestionToken: true,
          type: credential.kind === "basic" ? "CredentialSource<BasicCredentials>" : "CredentialSource",
          docs: [jsDoc(credentialDoc(credential))],
        })),
        ...(variables.length === 0
          ? []
          : [
              {
                name: "serverVariables",
                isReadonly: true,
                hasQuestionToken: true,
                type: `{\n${variables
                  .map((variable) => `/** ${docText(paragraphs(variable.description, `Default: \`${variable.default}\`.`) ?? "").replace(/\n+/g, " ")} */\nreadonly ${propertyKey(variable.name)}?: ${variable.enum === undefined ? "string" : variable.enum.map((value) => JSON.stringify(value)).join(" | ")};`)
                  .join("\n")}\n}`,
                docs: [jsDoc(`Values for the \`{variables}\` of \`${model.server?.url ?? ""}\`; ignored when \`baseUrl\` is given.`)],
              },
            ]),
      ],
    },
    {
      ...template.function,
      docs: [
        {
          kind: StructureKind.JSDoc as const,
          description: `\n${paragraphs(
            `Creates a client for ${model.title} ${model.version}. Pass it to any operation function.`,
            model.defaultBaseUrl === undefined
              ? "The API names no server: pass `baseUrl`."
              : /^https?:\/\//i.test(model.defaultBaseUrl)
                ? `Requests go to \`${model.defaultBaseUrl}\` unless you pass \`baseUrl\`.`
                : `The API's server URL \`${model.defaultBaseUrl}\` is relative: in a browser it resolves against the page; elsewhere pass \`baseUrl\`.`,
          )}`,
          tags: [{ kind: StructureKind.JSDocTag as const, tagName: "example", text: `\n\`\`\`ts\n${exampleClient(model)}\n\`\`\`` }],
        },
      ],
      statements: [fillHoles(template.call, toLiteral(defaults))],
    },
  ];
  return { path: "src/client.ts", contents: engine.print(statements) };
}

/** The template imports `CredentialSource`; a spec without credentials does not use it, one with basic auth adds `BasicCredentials`. */
function credentialImports(declaration: ImportDeclarationStructure, hasCredentials: boolean, usesBasic: boolean): ImportDeclarationStructure {
  if (!Array.isArray(declaration.namedImports)) return declaration;
  const kept = declaration.namedImports.filter((specifier) => hasCredentials || typeof specifier !== "object" || specifier.name !== "CredentialSource");
  return { ...declaration, namedImports: usesBasic ? [...kept, { name: "BasicCredentials", isTypeOnly: true }] : kept };
}

function credentialSpec(credential: CredentialModel): LiteralValue {
  if (credential.kind !== "apiKey") return { kind: credential.kind };
  return { kind: "apiKey", in: credential.location ?? "header", name: credential.parameterName ?? credential.schemeName };
}

function credentialDoc(credential: CredentialModel): string {
  const how = {
    bearer: "Sent as `Authorization: Bearer <token>`",
    basic: "Sent as HTTP basic authentication (`Authorization: Basic ...`)",
    apiKey: `Sent as the \`${credential.parameterName ?? ""}\` ${credential.location ?? "header"}${credential.location === "query" ? " parameter" : ""}`,
  }[credential.kind];
  return (
    paragraphs(
      `${how} to the operations that require the \`${credential.schemeName}\` security scheme. A function is called before every request, so it can return a fresh token.`,
      credential.description,
    ) ?? ""
  );
}

function exampleClient(model: ApiModel): string {
  const first = model.credentials[0];
  if (first === undefined) return "const client = createClient();";
  const variable = `${model.title.toUpperCase().replace(/[^A-Z0-9]+/g, "_").replace(/^_|_$/g, "") || "API"}_TOKEN`;
  const value = first.kind === "basic" ? '{ username: "user", password: "secret" }' : `process.env.${variable}`;
  return `const client = createClient({ ${first.name}: ${value} });`;
}
