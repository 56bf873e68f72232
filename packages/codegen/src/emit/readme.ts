/**
 * The generated package's README: install, authenticate, one example per operation, errors, pagination, retries.
 * Everything in it is derived from the model, so it stays true when the spec changes.
 */
import type { ApiModel, CredentialModel, OAuthFlowModel, OperationModel } from "../model/model.js";
import { exampleBlocker } from "../model/samples.js";
import { followsRedirectsByHand } from "./client.js";
import type { GeneratedFile } from "./file.js";
import { exampleCall, operationExample } from "./operations.js";
import type { PackageOptions } from "./package-files.js";

export function emitReadme(model: ApiModel, options: PackageOptions, extraSections: readonly string[] = []): GeneratedFile {
  // The sections' examples must compile: only operations whose example can be written.
  const exemplary = model.operations.filter((operation) => exampleBlocker(operation) === undefined);
  const first = exemplary[0];
  const paginated = exemplary.find((operation) => operation.pagination !== undefined);
  const documentedError = exemplary.find((operation) => operation.responses.some((response) => !response.isSuccess && /^[45]\d\d$/.test(response.status)));
  const large = model.operations.length > LARGE_API_OPERATIONS;
  const imports = importLines(model, options.packageName, large);
  const clientLine = createClientLine(model.credentials[0]);
  const sections = [
    [
      `# ${options.packageName}`,
      `TypeScript client for **${oneLine(model.title)}** ${oneLine(model.version)}, generated from its OpenAPI description by @diga/codegen. Do not edit: regenerate with \`diga-codegen generate\`.`,
      [
        "- Zero runtime dependencies: it uses the global `fetch` (Node 20+, Deno, Bun, browsers, edge runtimes), or the one you pass.",
        "- One function per operation, so bundlers keep only the operations you import.",
        "- Every parameter and response typed from the spec; parameters checked against it before sending.",
      ].join("\n"),
    ],
    ["## Install", installText(options)],
    [
      "## Authenticate",
      model.credentials.length === 0
        ? "The API declares no authentication."
        : [
            "Pass credentials to `createClient`; each is sent only to the operations whose spec asks for it. A credential may also be a function, called once per call before it is sent (for tokens that expire).",
            model.credentials.map((credential) => `- \`${credential.name}\`: ${credentialText(credential)}`).join("\n"),
            ...(followsRedirectsByHand(model.credentials)
              ? ["The client follows redirects itself, so a credential never reaches another origin through a redirect, whatever the runtime's `fetch` would do."]
              : []),
          ].join("\n\n"),
      fence("ts", [imports("createClient"), "", clientLine].join("\n")),
      defaultServerText(model),
      ...tokenSections(model.credentials, imports("createClient")),
    ],
    ...(first === undefined
      ? []
      : [
          [
            "## Operations",
            "Each function takes the client first, then the path parameters, then one object with the other parameters and the body, then per-call options. The object is there even when an operation has no parameters (leave it out, or pass `{}` to reach the options), so options stay in place when the API adds one.",
            ...model.operations.map((operation) => operationSection(operation, imports)),
          ],
        ]),
    ...(paginated === undefined
      ? []
      : [
          [
            "## Pagination",
            `List operations (${model.operations
              .filter((operation) => operation.pagination !== undefined)
              .map((operation) => `\`${operation.functionName}\``)
              .join(", ")}) return one page when awaited, and every item of every page when iterated; pages also have \`hasNextPage()\` and \`getNextPage()\`.`,
            fence(
              "ts",
              [
                imports(paginated.functionName),
                "",
                `const page = await ${exampleCall(paginated, true)};`,
                "if (page.hasNextPage()) {",
                "  const next = await page.getNextPage();",
                "}",
                `for await (const item of ${exampleCall(paginated, true)}) {`,
                "  // every item of every page, fetched as needed",
                "}",
              ].join("\n"),
            ),
          ],
        ]),
    ...(first === undefined
      ? []
      : [
          [
            "## One object for the whole API",
            `\`${model.sdkClassName}\` ${model.operations.some((operation) => operation.resource !== undefined) ? "groups the same functions by tag" : "has the same functions as methods"}, each bound to its own client. Importing it pulls every operation into a bundle; the standalone functions keep bundles small.`,
            ...(large
              ? [
                  `On an API this large it also makes TypeScript read all ${model.operations.length} operations, which takes minutes or more memory than \`tsc\` has: import the functions by path instead, as every example here does.`,
                ]
              : [
                  fence(
                    "ts",
                    [
                      imports(model.sdkClassName),
                      "",
                      `const api = new ${model.sdkClassName}(${clientLine.slice(clientLine.indexOf("(") + 1, clientLine.lastIndexOf(")"))});`,
                      `await api.${first.resource === undefined ? first.functionName : `${first.resource.property}.${first.resource.method}`}(${
                        operationExample(first)
                          .split("\n")[0]
                          ?.replace(/^.*?\(client,? ?/, "")
                          .replace(/\);$/, "") ?? ""
                      });`,
                    ].join("\n"),
                  ),
                ]),
          ],
        ]),
    ...(first === undefined ? [] : [importsSection(model, first, options.packageName, clientLine, large)]),
    [
      "## Errors",
      "A non-2xx answer rejects with an `ApiError` subclass per status (`BadRequestError`, `AuthenticationError`, `PermissionDeniedError`, `NotFoundError`, `ConflictError`, `UnprocessableEntityError`, `RateLimitError`, `InternalServerError`), carrying `status`, `headers`, the parsed `body` and `requestId`. A request that gets no answer rejects with `ConnectionError`, one that takes too long with `TimeoutError`, an aborted one with `AbortError`, and parameters that break the spec's rules with `RequestValidationError` before anything is sent. All extend `SdkError`.",
      ...(documentedError === undefined
        ? []
        : [
            `\`isApiError(error, ${documentedError.functionName})\` narrows an error to the ones the spec documents for that operation, with their typed bodies:`,
            fence(
              "ts",
              [
                imports("isApiError", documentedError.functionName),
                "",
                "try {",
                `  ${operationExample(documentedError).split("\n")[0] ?? ""}`,
                "} catch (error) {",
                `  if (isApiError(error, ${documentedError.functionName})) console.error(error.status, error.body, error.requestId);`,
                "  else throw error;",
                "}",
              ].join("\n"),
            ),
          ]),
    ],
    [
      "## Retries, timeouts, cancellation",
      "Connection errors, timeouts, 408, 409, 429 and 5xx are retried twice with exponential backoff and jitter, honouring `Retry-After`; only idempotent methods are retried unless you ask. Each attempt times out if no response arrives within 60 seconds; pass a `signal` to bound reading the body too. All of it can be set per client and per call:",
      fence("ts", `${imports("createClient")}\n\nconst client = createClient({ maxRetries: 4, timeout: 10_000 });`),
      "Per call, pass `{ maxRetries, timeout, signal, headers, fetch, idempotent, validate }` as the last argument (after the params object).",
      "Raw access: `.withResponse()` gives `{ data, response, requestId }`, `.asResponse()` the unread `Response`. `hooks` (`beforeRequest`, `afterResponse`, `onError`) see every attempt, for logging and tracing; credentials never appear in messages or logs.",
    ],
    // The plugins' sections, as their emitters wrote them.
    ...extraSections.map((section) => [section.trimEnd()]),
  ];
  return { path: "README.md", contents: `${sections.map((section) => section.join("\n\n")).join("\n\n")}\n` };
}

/**
 * Operations above which every example imports by path (`<package>/client`, `<package>/operations/x`): a root import
 * makes TypeScript read the whole API. GitHub's 1,100 operations cost an app about what openapi-fetch's one schema
 * file does; Microsoft Graph's 11,422 take minutes of `tsc`, and Graph beta's 22,361 exceed its 4 GB heap. An example
 * a user copies must stay usable at that size.
 */
export const LARGE_API_OPERATIONS = 2000;

/**
 * The import lines for some public names: from the root, or on a large API from the entry point that holds each
 * (an operation's own module; `<package>/client` for `createClient`, the errors and the runtime's types).
 */
function importLines(model: ApiModel, packageName: string, large: boolean): (...names: readonly (string | undefined)[]) => string {
  const modules = new Map(model.operations.map((operation) => [operation.functionName, `${packageName}/operations/${operation.fileName}`]));
  return (...names) => {
    const wanted = [...new Set(names.filter((name) => name !== undefined))];
    const from = (name: string) => (!large ? packageName : (modules.get(name) ?? (name === model.sdkClassName ? packageName : `${packageName}/client`)));
    const groups = new Map<string, string[]>();
    for (const name of wanted) groups.set(from(name), [...(groups.get(from(name)) ?? []), name]);
    return [...groups].map(([module, members]) => `import { ${members.join(", ")} } from "${module}";`).join("\n");
  };
}

function operationSection(operation: OperationModel, imports: (...names: readonly string[]) => string): string {
  const blocker = exampleBlocker(operation);
  const summary = operation.docs.summary ?? operation.docs.description?.split("\n")[0];
  return [
    `### \`${operation.functionName}\`${operation.docs.deprecated ? " (deprecated)" : ""}`,
    `\`${operation.method} ${operation.path}\`${summary === undefined ? "" : ` — ${oneLine(summary)}`}`,
    blocker === undefined
      ? fence("ts", `${imports(operation.functionName)}\n\n${operationExample(operation)}`)
      : `No example: no value fits the type the spec gives this request (\`${blocker.pointer}\`), so a call needs a cast.`,
  ].join("\n\n");
}

function createClientLine(credential: CredentialModel | undefined): string {
  if (credential === undefined) return "const client = createClient();";
  const value = credential.kind === "basic" ? '{ username: "user", password: "secret" }' : '"<token>"';
  return `const client = createClient({ ${credential.name}: ${value} });`;
}

function credentialText(credential: CredentialModel): string {
  const how =
    credential.kind === "bearer"
      ? "a token sent as `Authorization: Bearer …`"
      : credential.kind === "basic"
        ? "`{ username, password }`, sent as HTTP basic auth"
        : `an API key sent in the ${credential.location ?? "header"} \`${credential.parameterName ?? ""}\``;
  return `${how} (scheme \`${credential.schemeName}\`)${credential.description === undefined ? "" : `. ${oneLine(credential.description)}`}`;
}

/**
 * For each oauth2 / openIdConnect credential: what the client does with the token, and per declared flow what the
 * caller must do to get and refresh one; then one example of a token function that refreshes, for the first.
 */
function tokenSections(credentials: readonly CredentialModel[], importLine: string): string[] {
  const tokenBased = credentials.filter((credential) => credential.tokenSource !== undefined);
  const first = tokenBased[0];
  if (first === undefined) return [];
  return [
    "### Tokens from OAuth 2.0 and OpenID Connect",
    "The client does not sign anyone in. It sends the access token you give it as `Authorization: Bearer …` to the operations whose spec asks for that scheme, and calls a token function once per call, before the first attempt. Getting the token, storing the refresh token and refreshing before expiry are yours; a `401` is thrown as `AuthenticationError`, not retried.",
    ...tokenBased.map((credential) => `\`${credential.name}\` (scheme \`${credential.schemeName}\`):\n\n${flowLines(credential).join("\n")}`),
    "A token function that reuses the token until a minute before it expires, refreshes it once however many calls are waiting, and hands it to the client:",
    fence("ts", [importLine, "", tokenExample(first)].join("\n")),
  ];
}

function flowLines(credential: CredentialModel): string[] {
  const source = credential.tokenSource;
  if (source === undefined) return [];
  if (source.kind === "openIdConnect") {
    return [
      `- OpenID Connect: the discovery document${source.discoveryUrl === undefined ? "" : ` at <${source.discoveryUrl}>`} names the authorization and token endpoints. Sign the user in with an OpenID Connect library (authorization code with PKCE) and pass the **access token** (not the ID token); refresh it at the token endpoint with the refresh token.`,
    ];
  }
  if (source.flows.length === 0) return ["- The scheme declares no flows: get an access token as the API's documentation says."];
  return source.flows.map((flow) => `- ${flowText(flow)}${flow.scopes.length === 0 ? "" : ` Scopes: ${flow.scopes.map((scope) => `\`${scope}\``).join(", ")}.`}`);
}

function flowText({ flow, authorizationUrl, tokenUrl, refreshUrl }: OAuthFlowModel): string {
  const at = (url: string | undefined) => (url === undefined ? "" : ` at <${url}>`);
  const refresh = `refresh it with the refresh token${at(refreshUrl ?? tokenUrl)} (\`grant_type=refresh_token\`)`;
  switch (flow) {
    case "clientCredentials":
      return `Client credentials (server to server): exchange your client id and secret for a token${at(tokenUrl)} (\`grant_type=client_credentials\`); when it expires, ask for a new one the same way. Keep the secret on a server.`;
    case "authorizationCode":
      return `Authorization code: send the user to sign in${at(authorizationUrl)}, exchange the code they come back with for tokens${at(tokenUrl)} (with PKCE in a browser or app), and ${refresh}.`;
    case "password":
      return `Password (legacy): exchange the user's username and password for tokens${at(tokenUrl)} (\`grant_type=password\`), then ${refresh}.`;
    case "implicit":
      return `Implicit (deprecated by the OAuth 2.0 security best practice): the token comes back in the redirect from${at(authorizationUrl)}; there is no refresh token, so sign the user in again when it expires.`;
  }
}

/** A refresh with `client_credentials` where that is the only way to get a token, else with a refresh token. */
function tokenExample(credential: CredentialModel): string {
  const source = credential.tokenSource;
  const flows = source?.kind === "oauth2" ? source.flows : [];
  const clientCredentials =
    flows.length > 0 && flows.every((flow) => flow.flow === "clientCredentials" || flow.flow === "implicit") ? flows.find((flow) => flow.flow === "clientCredentials") : undefined;
  const refreshing = flows.find((flow) => flow.flow === "authorizationCode" || flow.flow === "password");
  const tokenUrl = clientCredentials?.tokenUrl ?? refreshing?.refreshUrl ?? refreshing?.tokenUrl ?? "https://auth.example.com/token";
  const grant =
    clientCredentials === undefined
      ? ['grant_type: "refresh_token"', "refresh_token: session.refreshToken", 'client_id: "<client id>"']
      : [
          'grant_type: "client_credentials"',
          'client_id: "<client id>"',
          'client_secret: "<client secret>"',
          ...(clientCredentials.scopes.length === 0 ? [] : [`scope: ${JSON.stringify(clientCredentials.scopes.join(" "))}`]),
        ];
  return [
    clientCredentials === undefined
      ? '// From your sign-in (see above); `expiresAt` in milliseconds since 1970.\nlet session = { accessToken: "<access token>", refreshToken: "<refresh token>", expiresAt: 0 };'
      : 'let session = { accessToken: "", expiresAt: 0 };',
    "let refreshing: Promise<string> | undefined;",
    "",
    "async function refresh(): Promise<string> {",
    `  const response = await fetch(${JSON.stringify(tokenUrl)}, {`,
    '    method: "POST",',
    "    body: new URLSearchParams({",
    ...grant.map((field) => `      ${field},`),
    "    }),",
    "  });",
    "  if (!response.ok) throw new Error(`token request failed: ${response.status}`);",
    "  const token = (await response.json()) as { access_token: string; refresh_token?: string; expires_in: number };",
    clientCredentials === undefined
      ? "  session = { accessToken: token.access_token, refreshToken: token.refresh_token ?? session.refreshToken, expiresAt: Date.now() + token.expires_in * 1000 };"
      : "  session = { accessToken: token.access_token, expiresAt: Date.now() + token.expires_in * 1000 };",
    "  return session.accessToken;",
    "}",
    "",
    "function accessToken(): string | Promise<string> {",
    "  if (Date.now() < session.expiresAt - 60_000) return session.accessToken;",
    "  refreshing ??= refresh().finally(() => (refreshing = undefined));",
    "  return refreshing;",
    "}",
    "",
    `const client = createClient({ ${credential.name}: accessToken });`,
  ].join("\n");
}

function defaultServerText(model: ApiModel): string {
  if (model.defaultBaseUrl === undefined) return "The spec names no server: pass `baseUrl` to `createClient`.";
  const variables = model.server?.variables ?? [];
  return `Requests go to \`${model.defaultBaseUrl}\` unless you pass \`baseUrl\`${variables.length === 0 ? "" : ` or \`serverVariables\` (${variables.map((variable) => `\`${variable.name}\``).join(", ")})`}.`;
}

/** A code block whose fence is longer than any run of backticks inside it, so spec text cannot end it early. */
function fence(language: string, code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map(([run]) => run.length));
  const marks = "`".repeat(longest + 1);
  return `${marks}${language}\n${code}\n${marks}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The package is written into the user's project, not published: it installs from its folder, as it is (`dist/` is
 * already built). The command is the one that works from where the generator ran.
 */
function installText({ packageName, installPath }: PackageOptions): string {
  const path = installPath ?? `./${packageName.replace(/^@[^/]+\//, "")}`;
  return [
    "This folder is the whole package, compiled (`dist/`) and ready: there is nothing to build. It is not on a registry; install it from its folder. From the folder `diga-codegen generate` ran in:",
    fence("sh", `npm install ${path}`),
    `With pnpm: \`pnpm add ${path}\`. In a workspace that includes this folder, depend on it instead: \`"${packageName}": "workspace:*"\` with pnpm, \`"${packageName}": "*"\` with npm. To share it through a registry, run \`npm publish\` here.`,
    "With Deno, link the folder as the npm package it is, in `deno.json` (a folder that npm links is read by Deno as plain files, and `deno check` then finds no declarations):",
    fence(
      "json",
      [
        "{",
        '  "nodeModulesDir": "auto",',
        `  "links": [${JSON.stringify(path)}],`,
        '  "imports": {',
        `    ${JSON.stringify(packageName)}: ${JSON.stringify(`npm:${packageName}`)},`,
        `    ${JSON.stringify(`${packageName}/`)}: ${JSON.stringify(`npm:/${packageName}/`)}`,
        "  }",
        "}",
      ].join("\n"),
    ),
  ].join("\n\n");
}

/**
 * Entry points by subpath: an app that imports `<package>/operations/x` makes TypeScript read only that operation's
 * declarations and the schemas it reaches, which on a large API is most of its type-check time.
 */
function importsSection(model: ApiModel, first: OperationModel, packageName: string, clientLine: string, large: boolean): string[] {
  const schema = model.schemas[0];
  return [
    "## Imports that keep type-checking fast",
    `${large ? "Every example here imports by path, since a root import makes TypeScript read the whole API." : "The root import is the easy way in."} Each operation is also an entry point of its own, and so is \`${packageName}/client\` (\`createClient\`, the errors and the shared types): importing them by path makes TypeScript read only the operations you call and the schemas they use, not the whole API (${model.operations.length} operation${model.operations.length === 1 ? "" : "s"} here), which keeps editors and \`tsc\` fast on a large API.`,
    fence(
      "ts",
      [
        `import { createClient } from "${packageName}/client";`,
        `import { ${first.functionName} } from "${packageName}/operations/${first.fileName}";`,
        "",
        clientLine,
        `await ${exampleCall(first, true)};`,
      ].join("\n"),
    ),
    `openapi-typescript's whole-API types (\`paths\`, \`components\`, \`operations\`), e.g. for openapi-fetch, are in \`${packageName}/schema\`${schema === undefined ? "" : `; each schema also has a readable name in the root (\`${schema.name}\`)`}.`,
  ];
}
