/**
 * The generated package's README: install, authenticate, one example per operation, errors, pagination, retries.
 * Everything in it is derived from the model, so it stays true when the spec changes.
 */
import type { ApiModel, CredentialModel, OperationModel } from "../model/model.js";
import type { GeneratedFile } from "./file.js";
import { exampleCall, operationExample } from "./operations.js";
import type { PackageOptions } from "./package-files.js";

export function emitReadme(model: ApiModel, options: PackageOptions): GeneratedFile {
  const first = model.operations[0];
  const paginated = model.operations.find((operation) => operation.pagination !== undefined);
  const documentedError = model.operations.find((operation) => operation.responses.some((response) => !response.isSuccess && /^[45]\d\d$/.test(response.status)));
  const imports = (...names: readonly (string | undefined)[]) => `import { ${[...new Set(names.filter((name) => name !== undefined))].join(", ")} } from "${options.packageName}";`;
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
    ["## Install", fence("sh", `npm install ${options.packageName}`)],
    [
      "## Authenticate",
      model.credentials.length === 0
        ? "The API declares no authentication."
        : [
            "Pass credentials to `createClient`; each is sent only to the operations whose spec asks for it. A credential may also be a function, called before every request (for tokens that expire).",
            model.credentials.map((credential) => `- \`${credential.name}\`: ${credentialText(credential)}`).join("\n"),
          ].join("\n\n"),
      fence("ts", [imports("createClient"), "", clientLine].join("\n")),
      defaultServerText(model),
    ],
    ...(first === undefined
      ? []
      : [
          [
            "## Operations",
            "Each function takes the client first, then the path parameters, then one object with the other parameters, then per-call options.",
            ...model.operations.map((operation) => operationSection(operation, options.packageName)),
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
            fence("ts", [imports(paginated.functionName), "", `const page = await ${exampleCall(paginated, true)};`, "if (page.hasNextPage()) {", "  const next = await page.getNextPage();", "}", `for await (const item of ${exampleCall(paginated, true)}) {`, "  // every item of every page, fetched as needed", "}"].join("\n")),
          ],
        ]),
    ...(first === undefined
      ? []
      : [
          [
            "## One object for the whole API",
            `\`${model.sdkClassName}\` groups the same functions by tag, each bound to its own client. Importing it pulls every operation into a bundle; the standalone functions keep bundles small.`,
            fence(
              "ts",
              [
                imports(model.sdkClassName),
                "",
                `const api = new ${model.sdkClassName}(${clientLine.slice(clientLine.indexOf("(") + 1, clientLine.lastIndexOf(")"))});`,
                `await api.${first.resource === undefined ? first.functionName : `${first.resource.property}.${first.resource.method}`}(${operationExample(first).split("\n")[0]?.replace(/^.*?\(client,? ?/, "").replace(/\);$/, "") ?? ""});`,
              ].join("\n"),
            ),
          ],
        ]),
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
      "Connection errors, timeouts, 408, 409, 429 and 5xx are retried twice with exponential backoff and jitter, honouring `Retry-After`; only idempotent methods are retried unless you ask. Each attempt times out after 60 seconds. All of it can be set per client and per call:",
      fence("ts", `${imports("createClient")}\n\nconst client = createClient({ maxRetries: 4, timeout: 10_000 });`),
      "Per call, pass `{ maxRetries, timeout, signal, headers, fetch, idempotent, validate }` as the last argument (after the params object).",
      "Raw access: `.withResponse()` gives `{ data, response, requestId }`, `.asResponse()` the unread `Response`. `hooks` (`beforeRequest`, `afterResponse`, `onError`) see every attempt, for logging and tracing; credentials never appear in messages or logs.",
    ],
  ];
  return { path: "README.md", contents: `${sections.map((section) => section.join("\n\n")).join("\n\n")}\n` };
}

function operationSection(operation: OperationModel, packageName: string): string {
  const summary = operation.docs.summary ?? operation.docs.description?.split("\n")[0];
  return [
    `### \`${operation.functionName}\`${operation.docs.deprecated ? " (deprecated)" : ""}`,
    `\`${operation.method} ${operation.path}\`${summary === undefined ? "" : ` — ${oneLine(summary)}`}`,
    fence("ts", `import { ${operation.functionName} } from "${packageName}";\n\n${operationExample(operation)}`),
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
