/**
 * The TanStack Query v5 plugin: per operation a query key, `queryOptions` for reads, `mutationOptions` for writes and,
 * for list operations, `infiniteQueryOptions` paged by the pagination the model detected. The logic lives in
 * `templates/tanstack-query/options.ts`, copied verbatim; the generated module per operation
 * (`tanstack-query/operations/<operation>.ts`) only calls it, and `tanstack-query/index.ts` re-exports them all.
 */
import { functionDeclaration, indexed, jsDocComment, moduleDeclaration, name, ref, sortSpecifiers, sourceFile, stringLiteral, typeDoc, union, type ParameterExpr } from "../../emit/code.js";
import type { Emitter, EmitContext } from "../../emit/emitter.js";
import type { GeneratedFile } from "../../emit/file.js";
import { group, hardline, indent, join, line, print, softline, ifBreak, type Doc } from "../../emit/layout.js";
import { exampleCall, parameterSample } from "../../emit/operations.js";
import type { OperationModel } from "../../model/model.js";
import { exampleBlocker } from "../../model/samples.js";

const FOLDER = "tanstack-query";
/** The template module's helpers, as the generated index imports them. */
const HELPERS = ["operationKey", "queryOptionsFor", "infiniteQueryOptionsFor", "mutationOptionsFor"];

export const tanstackQuery: Emitter = {
  name: "tanstack-query",
  summary: "TanStack Query v5 query, infinite-query and mutation options per operation, at <package>/tanstack-query",
  builtIn: false,
  reservedNames: HELPERS,
  emit: (context) => [...copiedTemplates(context), emitIndex(context), ...context.model.operations.map((operation) => emitOperationFile(operation, context.header))],
  package: (context) => ({
    exports: { "./tanstack-query": `${FOLDER}/index`, "./tanstack-query/*": `${FOLDER}/operations/*` },
    peerDependencies: { "@tanstack/query-core": "^5.0.0" },
    readme: readmeSection(context),
  }),
};

/** The generated README's section: what the subpath holds, and one example that compiles against the package. */
function readmeSection({ model, package: { packageName } }: EmitContext): string {
  const read = model.operations.find((operation) => isRead(operation) && exampleBlocker(operation) === undefined);
  const list = model.operations.find((operation) => operation.pagination !== undefined && exampleBlocker(operation) === undefined);
  const write = model.operations.find((operation) => !isRead(operation));
  const call = (operation: OperationModel, suffix: string) => exampleCall(operation, true).replace(`${operation.functionName}(`, `${operation.functionName}${suffix}(`);
  const lines = [
    `import { QueryClient } from "@tanstack/query-core";`,
    `import { createClient } from "${packageName}";`,
    `import { ${[read && `${read.functionName}QueryKey`, read && `${read.functionName}QueryOptions`, list && `${list.functionName}InfiniteQueryOptions`, write && `${write.functionName}MutationOptions`].filter((value) => typeof value === "string").join(", ")} } from "${packageName}/tanstack-query";`,
    "",
    "const queryClient = new QueryClient();",
    "const client = createClient();",
    ...(read === undefined ? [] : [`const data = await queryClient.fetchQuery(${call(read, "QueryOptions")});`]),
    ...(list === undefined ? [] : [`const pages = await queryClient.fetchInfiniteQuery({ ...${call(list, "InfiniteQueryOptions")}, pages: 3 });`]),
    ...(write === undefined ? [] : [`const mutation = ${write.functionName}MutationOptions(client);`]),
    ...(read === undefined ? [] : [`await queryClient.invalidateQueries({ queryKey: ${read.functionName}QueryKey(${read.pathParameters.map(parameterSample).join(", ")}) });`]),
  ];
  const keyExample =
    read === undefined
      ? ""
      : ` (\`${read.method} ${read.path}\` is \`[${[
          ...read.path
            .split("/")
            .filter((segment) => segment !== "")
            .map((segment) => (/^\{[^}]+\}$/.test(segment) ? segment.slice(1, -1) : JSON.stringify(segment))),
          "params",
        ].join(", ")}]\`)`;
  const text = `\`${packageName}/tanstack-query\` has TanStack Query v5 options for every operation (\`${packageName}/tanstack-query/<operation>\` has one operation's, for apps that type-check only what they use): \`<operation>QueryOptions\` for reads, \`<operation>MutationOptions\` for writes and, for list operations, \`<operation>InfiniteQueryOptions\` that page by the API's own pagination. They are plain objects for \`useQuery\`, \`useInfiniteQuery\` and \`useMutation\` of React, Vue, Solid, Svelte or Angular Query, or for \`QueryClient\`; this package imports only types from \`@tanstack/query-core\` (an optional peer dependency). Query keys follow the path${keyExample}, so a key without params is the prefix of every query below that path, for \`invalidateQueries\`.`;
  return `## TanStack Query\n\n${text}\n\n\`\`\`ts\n${lines.join("\n")}\n\`\`\`\n`;
}

function copiedTemplates({ templateFiles, header }: EmitContext): GeneratedFile[] {
  const files = templateFiles.plugins[FOLDER];
  if (files === undefined) throw new Error(`templates/${FOLDER}/ is missing`);
  return files.map(({ name: fileName, text }) => ({ path: `src/${FOLDER}/${fileName}`, contents: `${header}\n\n${text}` }));
}

/** GET and HEAD read; everything else changes something. */
function isRead(operation: OperationModel): boolean {
  return operation.method === "GET" || operation.method === "HEAD";
}

/** `tanstack-query/operations/<operation>.ts`: one operation's options, so an app can import them alone. */
function emitOperationFile(operation: OperationModel, header: string): GeneratedFile {
  const names = operation.typeNames;
  const hasParams = operation.parameters.length > 0 || operation.requestBody !== undefined;
  const types = [hasParams && names.params, names.response, names.error, operation.pagination !== undefined && names.page].filter((typeName) => typeof typeName === "string");
  const { docs, helpers, optionTypes } = operationDeclarations(operation, hasParams ? names.params : "NoParams");
  const runtime = ["Client", ...(hasParams ? [] : ["NoParams"]), "RequestOptions", "SdkError"];
  const statements: { doc: Doc; group?: "import" }[] = [
    { doc: header },
    { doc: moduleDeclaration("import", [{ name: "QueryKey" }], "@tanstack/query-core", true), group: "import" },
    {
      doc: moduleDeclaration("import", [{ name: operation.functionName }, ...types.map((typeName) => ({ name: typeName, typeOnly: true }))], `../../operations/${operation.fileName}.js`),
      group: "import",
    },
    { doc: moduleDeclaration("import", sortSpecifiers(runtime.map((runtimeName) => ({ name: runtimeName }))), "../../runtime/index.js", true), group: "import" },
    {
      doc: moduleDeclaration("import", sortSpecifiers([...helpers.map((helper) => ({ name: helper })), ...optionTypes.map((typeName) => ({ name: typeName, typeOnly: true }))]), "../options.js"),
      group: "import",
    },
    ...docs.map((doc) => ({ doc })),
  ];
  return { path: `src/${FOLDER}/operations/${operation.fileName}.ts`, contents: print(sourceFile(statements)) };
}

/** `tanstack-query/index.ts`: every operation's options, and the option types, listed like the package's root index. */
function emitIndex({ model, header }: EmitContext): GeneratedFile {
  const statements: { doc: Doc; group?: "export" }[] = [
    { doc: header },
    {
      doc: moduleDeclaration(
        "export",
        ["OperationInfiniteQueryOptions", "OperationMutationOptions", "OperationQueryOptions", "PageLink"].map((typeName) => ({ name: typeName })),
        "./options.js",
        true,
      ),
      group: "export",
    },
    ...model.operations.map((operation) => ({
      doc: moduleDeclaration(
        "export",
        exportedNames(operation).map((exported) => ({ name: exported })),
        `./operations/${operation.fileName}.js`,
      ),
      group: "export" as const,
    })),
  ];
  return { path: `src/${FOLDER}/index.ts`, contents: print(sourceFile(statements)) };
}

/** The functions the plugin declares for an operation, in the order its module declares them. */
function exportedNames(operation: OperationModel): string[] {
  const fn = operation.functionName;
  return [
    `${fn}QueryKey`,
    ...(isRead(operation) ? [`${fn}QueryOptions`] : []),
    ...(operation.pagination === undefined ? [] : [`${fn}InfiniteQueryOptions`]),
    ...(isRead(operation) ? [] : [`${fn}MutationOptions`]),
  ];
}

/**
 * The key's path: static segments as strings, a segment that is one path parameter as that argument, a segment that
 * mixes both (`{name}.json`) as a template literal.
 */
function keyPath(operation: OperationModel): Doc {
  const argumentOf = new Map(operation.pathParameters.map((parameter) => [parameter.name, parameter.argumentName]));
  const segments = operation.path.split("/").filter((segment) => segment !== "");
  const docs = segments.map((segment) => {
    const whole = /^\{([^}]+)\}$/.exec(segment)?.[1];
    if (whole !== undefined && argumentOf.has(whole)) return argumentOf.get(whole) ?? "";
    if (!/\{[^}]+\}/.test(segment)) return stringLiteral(segment);
    const text = segment
      .replace(/[`\\$]/g, (character) => `\\${character}`)
      .replace(/\\\$\{([^}]+)\}|\{([^}]+)\}/g, (match, _escaped: string | undefined, parameter: string | undefined) => {
        const argument = parameter === undefined ? undefined : argumentOf.get(parameter);
        return argument === undefined ? match : `\${${argument}}`;
      });
    return `\`${text}\``;
  });
  return group(["[", indent([softline, join([",", line], docs)]), ifBreak(","), softline, "]"]);
}

/** `return helper(first, (request) => body);`, broken after the arrow as prettier does when it does not fit. */
function returnCall(helper: string, first: Doc, parameter: string, body: Doc): Doc {
  return group(["return ", helper, "(", first, ", (", parameter, ") =>", indent([line, body]), ifBreak([",", softline]), ");"]);
}

function operationDeclarations(operation: OperationModel, paramsType: string): { docs: Doc[]; helpers: string[]; optionTypes: string[] } {
  const fn = operation.functionName;
  const names = operation.typeNames;
  const paramsRequired = operation.parameters.some((parameter) => parameter.required) || operation.requestBody?.required === true;
  const pathParameters: ParameterExpr[] = operation.pathParameters.map((parameter, index) => ({ name: parameter.argumentName, type: indexed(ref("Parameters", name(`typeof ${fn}`)), index + 1) }));
  const pathArguments = operation.pathParameters.map((parameter) => parameter.argumentName);
  const params: ParameterExpr = { name: "params", type: name(paramsType), optional: !paramsRequired };
  const options: ParameterExpr = { name: "options", type: name("RequestOptions"), optional: true };
  const client: ParameterExpr = { name: "client", type: name("Client") };
  const error = union([name(names.error), name("SdkError")]);
  const callWith = (paramsArgument: string, optionsArgument: Doc) => [fn, "(", join(", ", ["client", ...pathArguments, paramsArgument, optionsArgument]), ")"];
  const see = `{@link ${fn}}`;
  const docs: Doc[] = [];
  const helpers = ["operationKey"];
  const keyName = `${fn}QueryKey`;
  docs.push(
    functionDeclaration(
      keyName,
      [...pathParameters, { name: "params", type: name(paramsType), optional: true }],
      name("QueryKey"),
      [["return operationKey(", keyPath(operation), ", params);"]],
      jsDocComment(
        `The query key of ${see}: its path${pathArguments.length === 0 ? "" : " with the path parameters filled in"}, then its params. Without params it is the prefix of every query below this path, for \`invalidateQueries\`.`,
      ),
    ),
  );
  const keyCall = `${keyName}(${[...pathArguments, "params ?? {}"].join(", ")})`;
  if (isRead(operation)) {
    helpers.push("queryOptionsFor");
    docs.push(
      functionDeclaration(
        `${fn}QueryOptions`,
        [client, ...pathParameters, params, options],
        ref("OperationQueryOptions", name(names.response), error),
        [returnCall("queryOptionsFor", keyCall, "request", callWith("params", "{ ...options, ...request }"))],
        jsDocComment(`${see} as a query, for \`useQuery\` or \`queryClient.fetchQuery\`; TanStack's signal cancels the request.`, [
          { name: "example", text: `\n\`\`\`ts\nconst { data, error } = useQuery(${fn}QueryOptions(${["client", ...pathArguments].join(", ")}));\n\`\`\`` },
        ]),
      ),
    );
  }
  if (operation.pagination !== undefined) {
    helpers.push("infiniteQueryOptionsFor");
    docs.push(
      functionDeclaration(
        `${fn}InfiniteQueryOptions`,
        [client, ...pathParameters, params, options],
        ref("OperationInfiniteQueryOptions", name(names.page), error),
        [returnCall("infiniteQueryOptionsFor", keyCall, "request", callWith("params", "{ ...options, ...request }"))],
        jsDocComment(`${see} as an infinite query, for \`useInfiniteQuery\` or \`queryClient.fetchInfiniteQuery\`: \`fetchNextPage()\` and \`fetchPreviousPage()\` follow the API's own pagination.`, [
          { name: "example", text: `\n\`\`\`ts\nconst { data, fetchNextPage, hasNextPage } = useInfiniteQuery(${fn}InfiniteQueryOptions(${["client", ...pathArguments].join(", ")}));\n\`\`\`` },
        ]),
      ),
    );
  }
  if (!isRead(operation)) {
    helpers.push("mutationOptionsFor");
    const members = [
      ...operation.pathParameters.map((parameter, index) => [parameter.argumentName, ": ", typeDoc(indexed(ref("Parameters", name(`typeof ${fn}`)), index + 1))]),
      ["params", paramsRequired ? "" : "?", ": ", paramsType],
    ];
    const optionalVariables = pathArguments.length === 0 && !paramsRequired;
    const variablesType: Doc = [
      group([
        "{",
        indent([
          line,
          join(
            [";", line],
            members.map((member) => ["readonly ", member]),
          ),
        ]),
        ifBreak(";"),
        line,
        "}",
      ]),
      optionalVariables ? " | void" : "",
    ];
    const variables = optionalVariables ? "variables ? variables.params : undefined" : "variables.params";
    docs.push([
      jsDocComment(`${see} as a mutation, for \`useMutation\`: \`mutate(${pathArguments.length === 0 ? "{ params }" : `{ ${pathArguments.join(", ")}, params }`})\` calls it.`),
      hardline,
      "export function ",
      `${fn}MutationOptions`,
      group(["(", indent([softline, join([",", line], ["client: Client", "options?: RequestOptions"])]), ifBreak(","), softline, ")"]),
      ": ",
      group(["OperationMutationOptions<", indent([softline, join([",", line], [names.response, typeDoc(error), variablesType])]), softline, ">"]),
      " {",
      indent([
        hardline,
        returnCall("mutationOptionsFor", `[${stringLiteral(fn)}]`, "variables", [
          fn,
          "(",
          join(", ", ["client", ...pathArguments.map((argument) => `variables.${argument}`), variables, "options"]),
          ")",
        ]),
      ]),
      hardline,
      "}",
    ]);
  }
  const optionTypes = [
    ...(isRead(operation) ? ["OperationQueryOptions"] : []),
    ...(operation.pagination === undefined ? [] : ["OperationInfiniteQueryOptions"]),
    ...(isRead(operation) ? [] : ["OperationMutationOptions"]),
  ];
  return { docs, helpers, optionTypes };
}
