/**
 * Every identifier the generator emits is made here, so a name is decided once and used the same way at its
 * declaration and at every use site. Each kind of name has one function:
 *
 * - operation functions (`listPhones`), from the operationId or, without one, from method + path;
 * - type names (`ListPhonesParams`), from a function name and a suffix;
 * - schema aliases (`PhoneRegisterResponseSchema`), from a component name;
 * - file names, equal to the function name (kept unique ignoring case, for case-insensitive file systems).
 *
 * Rules shared by all of them: words are split on anything that is not a letter or digit and on camelCase
 * boundaries; JavaScript reserved words and names the runtime exports get a trailing `_`; a leading digit gets
 * a leading `_`; clashes are resolved by {@link assignUniqueNames}.
 */

const RESERVED_WORDS = new Set([
  // ECMAScript reserved words, strict-mode and module reserved words.
  "arguments",
  "await",
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "enum",
  "eval",
  "export",
  "extends",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "implements",
  "import",
  "in",
  "instanceof",
  "interface",
  "let",
  "new",
  "null",
  "package",
  "private",
  "protected",
  "public",
  "return",
  "static",
  "super",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "var",
  "void",
  "while",
  "with",
  "yield",
  // Globals that a declaration would shadow confusingly.
  "undefined",
  "NaN",
  "Infinity",
  "globalThis",
]);

/** TypeScript's own type keywords cannot name a type alias. */
const RESERVED_TYPE_NAMES = new Set([
  "any",
  "bigint",
  "boolean",
  "never",
  "number",
  "object",
  "string",
  "symbol",
  "unknown",
  "void",
  "undefined",
  "Array",
  "Date",
  "Error",
  "Function",
  "Map",
  "Object",
  "Promise",
  "Record",
  "Response",
  "Request",
  "Set",
  "Headers",
  "Blob",
  "File",
  "FormData",
  "URL",
  "URLSearchParams",
]);

/**
 * The same names are split again and again (Microsoft Graph: 154,000 calls for 61,000 distinct texts), and its
 * Unicode-aware patterns are among the model stage's costliest lines.
 */
const splitWordsCache = new Map<string, readonly string[]>();
const SPLIT_WORDS_CACHE_SIZE = 200_000;

/** Splits text into words on separators and camelCase / letter-digit boundaries: `list_phonesV1` → list, phones, V1. */
export function splitWords(text: string): readonly string[] {
  let words = splitWordsCache.get(text);
  if (words === undefined) {
    // Bounded so a long watch session cannot grow it without end.
    if (splitWordsCache.size >= SPLIT_WORDS_CACHE_SIZE) splitWordsCache.clear();
    words = splitWordsUncached(text);
    splitWordsCache.set(text, words);
  }
  return words;
}

function splitWordsUncached(text: string): readonly string[] {
  return (
    text
      // Only decimal digits: other numbers (`⒅`, `½`) are not identifier characters.
      .split(/[^\p{L}\p{Nd}]+/u)
      .flatMap((chunk) =>
        chunk
          // lowerUpper: "listPhones" → "list Phones"; UPPERUpperlower: "HTTPServer" → "HTTP Server"
          .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
          .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2")
          .split(" "),
      )
      .filter((word) => word !== "")
  );
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function camelCase(text: string): string {
  return splitWords(text)
    .map((word, index) => (index === 0 ? word.toLowerCase() : capitalize(word.toLowerCase())))
    .join("");
}

export function pascalCase(text: string): string {
  return capitalize(camelCase(text));
}

/** Makes `name` usable as a value identifier: reserved words get a trailing `_`, a leading digit a leading `_`. */
export function safeIdentifier(name: string, reserved: ReadonlySet<string> = RESERVED_WORDS): string {
  const identifier = /^\p{N}/u.test(name) ? `_${name}` : name;
  return reserved.has(identifier) || RESERVED_WORDS.has(identifier) ? `${identifier}_` : identifier;
}

/** Whether `name` can be written as a bare property key or identifier. */
export function isIdentifier(name: string): boolean {
  return /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u.test(name) && !RESERVED_WORDS.has(name);
}

/**
 * FastAPI's default operationId is `<route name><route path with non-word characters as _>_<method>`, e.g.
 * `list_phones_v1_phone__get` for `GET /v1/phone/`. The suffix repeats what method and path already say, so it is
 * dropped: `list_phones`. It is recognised by its shape, not by equality with the spec's path: the route may name a
 * path parameter differently from the document (`release_phone_number_v1_phone__id__delete` on
 * `/v1/phone/{phone_id}`) or differ by a trailing slash. The literal segments and the method must match, in order,
 * and each `{parameter}` may be any word; anything else is returned unchanged, so ids from other generators keep
 * every word (they never end in `_<path>_<method>`).
 */
export function stripFastApiSuffix(operationId: string, method: string, path: string): string {
  // Most ids are not FastAPI's: skip building a pattern for each (22,000 of them on Microsoft Graph).
  if (!operationId.endsWith(`_${method.toLowerCase()}`)) return operationId;
  const match = fastApiSuffix(path, method).exec(operationId);
  return match?.[1] === undefined ? operationId : match[1];
}

function fastApiSuffix(path: string, method: string): RegExp {
  // Python's `re.sub(r"\W", "_", …)`: what is left are word characters, none of them special in a RegExp.
  const asFastApiWrites = (text: string) => text.replace(/\W/g, "_");
  // Each `{name}`, which FastAPI writes `_name_`, may be any run of word characters; a trailing slash is optional.
  // (The root path `/` keeps its slash: `story_get` is no FastAPI id for `GET /`, `story__get` is.)
  const pathPattern = (path.replace(/\/+$/, "") || "/")
    .split(/\{[^}]*\}/)
    .map(asFastApiWrites)
    .join("_\\w+_");
  // The longest name that leaves such a suffix (the name keeps every word it can): at least one word character, then
  // any underscores of its own (`Get_default_voice_settings_` + `_v1_voices_…`).
  return new RegExp(`^(.*[^_]_*?)${pathPattern}_?_${asFastApiWrites(method.toLowerCase())}$`);
}

/** `GET /v1/phone/{phone_id}` → `getV1PhoneByPhoneId`: method, literal segments, then `By` + each parameter. */
export function nameFromMethodAndPath(method: string, path: string): string {
  const segments = path.split("/").filter((segment) => segment !== "");
  const literal = segments.filter((segment) => !segment.includes("{")).join(" ");
  const params = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? "");
  const byParams = params.length === 0 ? "" : ` by ${params.join(" and ")}`;
  return camelCase(`${method} ${literal}${byParams}`);
}

export interface OperationNameInput {
  readonly operationId: string | undefined;
  readonly method: string;
  readonly path: string;
}

export interface NameCandidates {
  /** The name we want: the cleaned-up operationId. */
  readonly preferred: string;
  /** Used for every member of a group whose preferred names clash, when it differs: the full operationId. */
  readonly fallback: string;
}

/** The candidate function names of one operation, before clashes with other operations are resolved. */
export function operationNameCandidates({ operationId, method, path }: OperationNameInput): NameCandidates {
  const fromPath = nameFromMethodAndPath(method, path);
  if (operationId === undefined) return { preferred: fromPath, fallback: fromPath };
  const full = camelCase(operationId) || fromPath;
  const stripped = camelCase(stripFastApiSuffix(operationId, method, path)) || full;
  return { preferred: stripped, fallback: full };
}

/**
 * Microsoft Graph's operationIds carry their tag path: `users.user.calendars.calendar.events.event.cancel`. The path
 * is what the facade already expresses (`sdk.users…`), and as one camelCase name it runs past 200 characters. Such a
 * dotted id is named by its shortest tail of segments that no other operation's name shares (ignoring case), and
 * at least two words long, since a lone verb says nothing: `users.ListUser` → `listUser`, `pets.list` → `petsList`,
 * and `…event.cancel` → `eventCancel`, or `eventsEventCancel` if a `…event.cancel` of another resource exists. A name
 * that still clashes is settled by {@link assignUniqueNames}; ids without a dot keep {@link operationNameCandidates}.
 */
export function operationNamesCandidates(inputs: readonly OperationNameInput[]): NameCandidates[] {
  const candidates = inputs.map(operationNameCandidates);
  // Graph's ids repeat a few thousand segments (`users`, `user`, `calendars`…) 200,000 times.
  const hasWords = new Map<string, boolean>();
  const wordy = (part: string) => hasWords.get(part) ?? hasWords.set(part, camelCase(part) !== "").get(part) === true;
  const segments = inputs.map(({ operationId }) => {
    const parts = operationId?.split(".").filter(wordy) ?? [];
    return parts.length > 1 ? parts : undefined;
  });
  const depth = segments.map((parts): number => (parts === undefined || splitWords(parts.at(-1) ?? "").length > 1 ? 1 : 2));
  const nameAt = (index: number) => {
    const parts = segments[index];
    return parts === undefined ? (candidates[index]?.preferred ?? "") : camelCase(parts.slice(-(depth[index] ?? 1)).join(" "));
  };
  // Each round lengthens the clashing names only; the others are not named again (Graph: 22,000 ids, ten rounds).
  const names = inputs.map((_, index) => nameAt(index));
  for (let changed = true; changed;) {
    changed = false;
    const counts = new Map<string, number>();
    const keys = names.map((name) => name.toLowerCase());
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    keys.forEach((key, index) => {
      const parts = segments[index];
      if (parts === undefined || (counts.get(key) ?? 0) < 2 || (depth[index] ?? 1) >= parts.length) return;
      depth[index] = (depth[index] ?? 1) + 1;
      names[index] = nameAt(index);
      changed = true;
    });
  }
  return candidates.map((candidate, index) => {
    if (segments[index] === undefined) return { preferred: boundedName(candidate.preferred), fallback: boundedName(candidate.fallback) };
    const name = boundedName(names[index] ?? "");
    return { preferred: name, fallback: name };
  });
}

/** The longest operation name we give: longer ones read as noise in an editor and crowd a file system's limits. */
export const MAX_NAME_LENGTH = 80;

/**
 * A name within {@link MAX_NAME_LENGTH}: a longer one keeps its start and ends in a short hash of the whole name,
 * so two long names that share a start stay apart, and the same name always gives the same result.
 */
export function boundedName(name: string, limit = MAX_NAME_LENGTH): string {
  if (name.length <= limit) return name;
  const hash = fnv1a(name).toString(36);
  return `${name.slice(0, limit - hash.length - 1).replace(/_+$/, "")}_${hash}`;
}

function fnv1a(text: string): number {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619) >>> 0;
  return hash;
}

/**
 * Resolves clashes deterministically, in input order:
 * 1. names are compared ignoring case (they are file names too);
 * 2. every member of a clashing group switches to its fallback, where that differs (so `list_phones_v1_phone__get`
 *    and `list_phones_v2_phone__get` become `listPhonesV1PhoneGet` and `listPhonesV2PhoneGet`, not `listPhones`
 *    and `listPhones2`);
 * 3. reserved words and names in `taken` get a trailing `_`;
 * 4. what still clashes gets a numeric suffix, starting at 2, the first occurrence keeping its name.
 */
export function assignUniqueNames(candidates: readonly NameCandidates[], taken: ReadonlySet<string> = new Set()): string[] {
  const key = (name: string) => name.toLowerCase();
  const counts = new Map<string, number>();
  for (const { preferred } of candidates) counts.set(key(preferred), (counts.get(key(preferred)) ?? 0) + 1);
  const wanted = candidates.map(({ preferred, fallback }) => ((counts.get(key(preferred)) ?? 0) > 1 ? fallback : preferred));

  const used = new Set([...taken].map(key));
  return wanted.map((name) => {
    const base = safeIdentifier(name, taken);
    let unique = base;
    for (let n = 2; used.has(key(unique)); n++) unique = `${base}${n}`;
    used.add(key(unique));
    return unique;
  });
}

/** `listPhones` + `Params` → `ListPhonesParams`. */
export function operationTypeName(functionName: string, suffix: string): string {
  const name = `${capitalize(functionName.replace(/^_+|_+$/g, ""))}${suffix}`;
  return /^\p{N}/u.test(name) ? `_${name}` : name;
}

/** `PaginatedResponse_PhoneRegisterResponseSchema_` → `PaginatedResponsePhoneRegisterResponseSchema`. */
export function schemaTypeName(componentName: string): string {
  const name = splitWords(componentName).map(capitalize).join("");
  if (name === "") return "Schema";
  const safe = /^\p{N}/u.test(name) ? `Schema${name}` : name;
  return RESERVED_TYPE_NAMES.has(safe) ? `${safe}Schema` : safe;
}

/**
 * The file (without extension) that holds one operation: the function name, with any character outside ASCII
 * letters, digits, `_` and `$` spelled as `_x<hex>` so file names survive every file system and archive format.
 */
export function operationFileName(functionName: string): string {
  // Spelling out non-ASCII letters can make a name of 80 characters 600 long; file systems allow 255 bytes.
  return boundedName(
    functionName.replace(/[^A-Za-z0-9_$]/gu, (char) => `_x${char.codePointAt(0)?.toString(16) ?? ""}`),
    MAX_FILE_NAME_LENGTH,
  );
}

/** A file name's stem, leaving room within the 255 bytes every file system allows for `.ts` and a test suffix. */
const MAX_FILE_NAME_LENGTH = 200;

const API_WORDS = new Set(["api", "apis", "openapi", "official", "rest", "http", "service", "services", "spec", "specification", "the", "v1", "v2", "v3"]);

/**
 * The facade class: the spec title without the words every API title has, `Diga API` → `Diga`. A possessive and
 * what follows a ` + ` describe the document, not the API: `GitHub's official OpenAPI spec + Octokit extension` →
 * `GitHub`.
 */
export function sdkClassName(title: string): string {
  const subject = title.split(" + ")[0] ?? title;
  const words = splitWords(subject.replace(/['’]s\b/g, "").replace(/openapi|\bapis?\b/gi, " ")).filter((word) => !API_WORDS.has(word.toLowerCase()));
  const name = words.map((word) => capitalize(word.toLowerCase())).join("");
  return name === "" || /^\p{N}/u.test(name) ? `Api${name}` : name;
}

function singular(word: string): string {
  return word
    .toLowerCase()
    .replace(/ies$/, "y")
    .replace(/(ss|x|z|ch|sh)es$/, "$1")
    .replace(/([^s])s$/, "$1");
}

/** A tag as a facade property: `Phone Numbers` → `phoneNumbers`. */
export function resourcePropertyName(tag: string): string {
  // Also names a module-level constant (`phonesOperations`), so it must be an identifier: `2fa` → `_2fa`.
  const name = camelCase(tag) || "default";
  return /^\p{N}/u.test(name) ? `_${name}` : name;
}

/**
 * An operation's method name on its tag's resource. The tag's words are dropped from the function name only where
 * they are the name's namespace or its object, so what is left still says what the operation does:
 *
 * - at the start, GitHub's `<tag>/<verb>` ids: `reposGetBranch` under `repos` → `getBranch`;
 * - right after the verb: `listPhones` under `Phones` → `list`, `getPhoneNumber` → `getNumber`,
 *   `applyAgentTemplate` under `Agent Templates` → `apply`;
 * - split between the two, as Microsoft Graph writes them: `policiesDeleteAuthenticationStrengthPolicies` under
 *   `policies.authenticationStrengthPolicy` → `delete`.
 *
 * All of the tag's words, in order (singular or plural), or nothing. Anywhere else they qualify another noun or are
 * qualified by one, and dropping them would name a different operation (`getCallLogs` under `Logs` would become
 * `getCall`; `getUsersAccountsById` under `accounts`, `getUsersById`), so the function name is kept. It is kept too
 * when nothing would be left or the name would be unsafe as an object key. Two operations of one resource that
 * would get the same method both keep their function names (see the model's `assignResources`).
 */
export function resourceMethodName(functionName: string, tag: string): string {
  const tagWords = splitWords(tag).map(singular);
  const words = splitWords(functionName);
  const matches = (from: number, tagFrom: number, tagTo: number) => tagWords.slice(tagFrom, tagTo).every((word, offset) => singular(words[from + offset] ?? "") === word);
  // The first `split` tag words lead the name; the rest follow its verb (the word after them).
  const split = tagWords.length === 0 ? undefined : [...tagWords.keys(), tagWords.length].reverse().find((count) => matches(0, 0, count) && matches(count + 1, count, tagWords.length));
  // An object key may be a reserved word: `delete_` is `delete` here.
  const kept = split === undefined ? words : split === tagWords.length ? words.slice(split) : [...words.slice(split, split + 1), ...words.slice(tagWords.length + 1)];
  const name = camelCase(kept.join(" "));
  return name === "" || UNSAFE_KEYS.has(name) || /^\p{N}/u.test(name) ? functionName : name;
}

/**
 * What every object already has (`constructor`, `toString`, `__proto__`…). A facade method, an options property or
 * a params key of such a name fights the built-in one, so the generator names nothing after them.
 */
export const OBJECT_MEMBER_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

const UNSAFE_KEYS = new Set([...OBJECT_MEMBER_NAMES, "prototype"]);
