import type { ApiModel, CredentialModel } from "../model/model.js";
import { REDIRECT_FOLLOWER, RUNTIME_TYPE_EXPORTS, RUNTIME_VALUE_EXPORTS, SERVER_URL } from "../model/runtime-contract.js";
import {
  call,
  Call,
  exportFrom,
  functionDeclaration,
  Identifier,
  jsDocComment,
  moduleDeclaration,
  name,
  objectType,
  propertyKey,
  sortSpecifiers,
  sourceFile,
  stringLiteral,
  typeDoc,
  union,
  valueDoc,
  type LiteralValue,
  type MemberExpr,
} from "./code.js";
import { docText, paragraphs } from "./docs.js";
import type { GeneratedFile } from "./file.js";
import { hardline, indent, join, print, type Doc } from "./layout.js";
import type { ClientTemplate } from "./templates.js";

/** `src/client.ts`: `createClient` and its options, one property per credential the spec defines. */
export function emitClient(model: ApiModel, template: ClientTemplate, header: string, userAgent: string): GeneratedFile {
  const variables = model.server?.variables ?? [];
  const usesBasic = model.credentials.some((credential) => credential.kind === "basic");
  const baseUrl = variables.length === 0 ? model.defaultBaseUrl : model.server?.url;
  // A server with `{variables}`, or relative to the page, is worked out by the runtime's `serverUrl`, bundled only then.
  const resolved = baseUrl !== undefined && (variables.length > 0 || !/^https?:\/\//i.test(baseUrl));
  const followsRedirects = followsRedirectsByHand(model.credentials);
  const defaults: LiteralValue = {
    baseUrl: resolved
      ? new Call(new Identifier(SERVER_URL), variables.length === 0 ? [baseUrl] : [baseUrl, Object.fromEntries(variables.map((variable) => [variable.name, variable.default]))])
      : baseUrl,
    userAgent,
    credentials: Object.fromEntries(model.credentials.map((credential) => [credential.name, credentialScheme(credential)])),
    ...(followsRedirects ? { followRedirects: new Identifier(REDIRECT_FOLLOWER) } : {}),
  };
  const members: MemberExpr[] = [
    ...model.credentials.map((credential) => ({
      name: credential.name,
      readonly: true,
      optional: true,
      // `| undefined`, so `{ bearerToken: process.env.TOKEN }` compiles under exactOptionalPropertyTypes.
      type: union([name(credential.kind === "basic" ? "CredentialSource<BasicCredentials>" : "CredentialSource"), name("undefined")]),
      doc: credentialDoc(credential),
    })),
    ...(variables.length === 0
      ? []
      : [
          {
            name: "serverVariables",
            readonly: true,
            optional: true,
            doc: docText(`Values for the \`{variables}\` of \`${model.server?.url ?? ""}\`; ignored when \`baseUrl\` is given.`),
            type: objectType(
              variables.map((variable) => ({
                name: variable.name,
                readonly: true,
                optional: true,
                doc: (paragraphs(variable.description, `Default: \`${variable.default}\`.`) ?? "").replace(/\n+/g, " "),
                type: variable.enum === undefined ? name("string") : union(variable.enum.map((value) => name(stringLiteral(value)))),
              })),
              true,
            ),
          },
        ]),
  ];
  const runtime = sortSpecifiers([
    { name: template.callee },
    ...(resolved ? [{ name: SERVER_URL }] : []),
    ...(followsRedirects ? [{ name: REDIRECT_FOLLOWER }] : []),
    ...[...new Set(model.credentials.map((credential) => CREDENTIAL_SCHEMES[credential.kind]))].map((scheme) => ({ name: scheme })),
    ...[template.extendsName, template.returnType, ...(model.credentials.length > 0 ? ["CredentialSource"] : []), ...(usesBasic ? ["BasicCredentials"] : [])].map((typeName) => ({
      name: typeName,
      typeOnly: true,
    })),
  ]);

  const description = paragraphs(
    `Creates a client for ${model.title} ${model.version}. Pass it to any operation function.`,
    model.defaultBaseUrl === undefined
      ? "The API names no server: pass `baseUrl`."
      : /^https?:\/\//i.test(model.defaultBaseUrl)
        ? `Requests go to \`${model.defaultBaseUrl}\` unless you pass \`baseUrl\`.`
        : `The API's server URL \`${model.defaultBaseUrl}\` is relative: in a browser it resolves against the page; elsewhere pass \`baseUrl\`.`,
  );
  const statements = [
    { doc: header },
    { doc: moduleDeclaration("import", runtime, "./runtime/index.js"), group: "import" as const },
    // Everything an app needs besides the operations, so one that imports operations by path (`<package>/operations/x`,
    // to keep TypeScript from reading the whole API) never needs the root for an error class or a type.
    exportFrom("./runtime/index.js", RUNTIME_VALUE_EXPORTS),
    exportFrom("./runtime/index.js", RUNTIME_TYPE_EXPORTS, true),
    {
      doc: [
        jsDocComment(docText(`Options of {@link ${template.functionName}}: where requests go, how they are sent, and the credentials ${model.title} accepts.`)),
        hardline,
        interfaceDeclaration(template.interfaceName, template.extendsName, members),
      ],
    },
    {
      doc: functionDeclaration(
        template.functionName,
        [{ name: template.parameter.name, type: name(template.interfaceName), initializer: template.parameter.initializer }],
        name(template.returnType),
        [["return ", call(template.callee, [template.parameter.name, valueDoc(defaults)], true), ";"]],
        jsDocComment(description ?? "", [{ name: "example", text: `\n\`\`\`ts\n${exampleClient(model)}\n\`\`\`` }]),
      ),
    },
  ];
  return { path: "src/client.ts", contents: print(sourceFile(statements)) };
}

function interfaceDeclaration(interfaceName: string, extendsName: string, members: readonly MemberExpr[]): Doc {
  const body = members.map((member) => [
    member.doc === undefined ? "" : [jsDocComment(member.doc), hardline],
    member.readonly === true ? "readonly " : "",
    propertyKey(member.name),
    member.optional === true ? "?" : "",
    ": ",
    typeDoc(member.type),
    ";",
  ]);
  return ["export interface ", interfaceName, " extends ", extendsName, " ", body.length === 0 ? "{}" : ["{", indent([hardline, join(hardline, body)]), hardline, "}"]];
}

/** The runtime's sender of each kind of credential; `createClient` imports only those its spec uses. */
const CREDENTIAL_SCHEMES: Readonly<Record<CredentialModel["kind"], string>> = { bearer: "bearerAuth", basic: "basicAuth", apiKey: "apiKeyAuth" };

function credentialScheme(credential: CredentialModel): LiteralValue {
  const scheme = new Identifier(CREDENTIAL_SCHEMES[credential.kind]);
  if (credential.kind !== "apiKey") return scheme;
  return new Call(scheme, [keyLocation(credential), credential.parameterName ?? credential.schemeName]);
}

/**
 * Credentials in a header or a cookie must not follow a redirect to another origin, and not every fetch drops them
 * (workerd keeps cookies, and Authorization before its 2025-08 compatibility date; none drops `X-Api-Key`): such a
 * client follows redirects itself. One whose credentials travel in the query, or that has none, leaves them to fetch.
 */
export function followsRedirectsByHand(credentials: readonly CredentialModel[]): boolean {
  return credentials.some((credential) => !(credential.kind === "apiKey" && keyLocation(credential) === "query"));
}

/** Where an API key goes; a header unless the scheme says otherwise. */
function keyLocation(credential: CredentialModel): NonNullable<CredentialModel["location"]> {
  return credential.location ?? "header";
}

function credentialDoc(credential: CredentialModel): string {
  const how = {
    bearer: "Sent as `Authorization: Bearer <token>`",
    basic: "Sent as HTTP basic authentication (`Authorization: Basic ...`)",
    apiKey: `Sent as the \`${credential.parameterName ?? ""}\` ${keyLocation(credential)}${credential.location === "query" ? " parameter" : ""}`,
  }[credential.kind];
  return (
    paragraphs(
      `${how} to the operations that require the \`${credential.schemeName}\` security scheme. A function is called once per call, before it is sent, so it can return a fresh token.`,
      credential.description,
    ) ?? ""
  );
}

function exampleClient(model: ApiModel): string {
  const first = model.credentials[0];
  if (first === undefined) return "const client = createClient();";
  const variable = `${
    model.title
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, "_")
      .replace(/^_|_$/g, "") || "API"
  }_TOKEN`;
  const value = first.kind === "basic" ? '{ username: "user", password: "secret" }' : `process.env.${variable}`;
  return `const client = createClient({ ${first.name}: ${value} });`;
}
