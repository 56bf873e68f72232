import { compareStrings } from "../order.js";
import { OBJECT_MEMBER_NAMES } from "../model/naming.js";
import { fill, group, hardline, ifBreak, indent, indentIfBreak, join, line, softline, type Doc } from "./layout.js";

/**
 * Documents for the TypeScript the generator writes, each laid out the way prettier lays out that construct
 * (its printer's rules for type arguments, unions, objects, arrays, calls, assignments and parameter lists).
 */

// ─── Types ───────────────────────────────────────────────────────────────────────────────────────────────────

export type TypeExpr =
  | { readonly kind: "name"; readonly text: string }
  | { readonly kind: "ref"; readonly name: string; readonly args: readonly TypeExpr[] }
  | { readonly kind: "index"; readonly object: TypeExpr; readonly index: TypeExpr }
  | { readonly kind: "union"; readonly members: readonly TypeExpr[] }
  | { readonly kind: "intersection"; readonly members: readonly TypeExpr[] }
  | { readonly kind: "object"; readonly members: readonly MemberExpr[]; readonly expanded: boolean };

export interface MemberExpr {
  readonly name: string;
  readonly type: TypeExpr;
  readonly optional?: boolean;
  readonly readonly?: boolean;
  readonly doc?: string | undefined;
}

/** A type name, keyword or `typeof x`. */
export const name = (text: string): TypeExpr => ({ kind: "name", text });
/** A string literal type, quoted as prettier quotes it. */
export const literal = (value: string): TypeExpr => ({ kind: "name", text: stringLiteral(value) });
export const ref = (refName: string, ...args: TypeExpr[]): TypeExpr => ({ kind: "ref", name: refName, args });
/** `object["a"]["b"]…`; numeric segments stay numbers. */
export const indexed = (object: TypeExpr, ...segments: readonly (string | number)[]): TypeExpr =>
  segments.reduce<TypeExpr>((inner, segment) => ({ kind: "index", object: inner, index: typeof segment === "number" ? name(String(segment)) : literal(segment) }), object);
export const union = (members: readonly TypeExpr[]): TypeExpr => {
  // Structural equality through each member's JSON, computed once per member (comparing pairs was quadratic).
  const seen = new Set<string>();
  const unique = members.filter((member) => {
    const key = JSON.stringify(member);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.length === 1 && unique[0] !== undefined ? unique[0] : { kind: "union", members: unique };
};
export const intersection = (members: readonly TypeExpr[]): TypeExpr => (members.length === 1 && members[0] !== undefined ? members[0] : { kind: "intersection", members });
export const objectType = (members: readonly MemberExpr[], expanded = false): TypeExpr => ({ kind: "object", members, expanded });

/** Simple types are hugged as a lone type argument: `Array<string>`, not broken across lines. */
function isSimple(type: TypeExpr): boolean {
  return (type.kind === "name" && /^[A-Za-z_$][\w$]*$/.test(type.text)) || (type.kind === "ref" && type.args.length === 0);
}

const VOID_OR_NULL = new Set(["void", "null"]);

/** A type reference or object type whose other members are only `null`/`void`: prettier keeps it on one line. */
function isHuggedUnion(type: TypeExpr): boolean {
  if (type.kind !== "union") return false;
  const isReference = (member: TypeExpr) => member.kind === "ref" || member.kind === "object" || (member.kind === "name" && /^[A-Za-z_$][\w$]*$/.test(member.text) && !KEYWORDS.has(member.text));
  const reference = type.members.find(isReference);
  return reference !== undefined && type.members.every((member) => member === reference || (member.kind === "name" && VOID_OR_NULL.has(member.text)));
}

const KEYWORDS = new Set(["any", "bigint", "boolean", "never", "null", "number", "object", "string", "symbol", "undefined", "unknown", "void"]);

export type TypeContext = "alias" | "argument" | "other";

export function typeDoc(type: TypeExpr, context: TypeContext = "other"): Doc {
  switch (type.kind) {
    case "name":
      return type.text;
    case "ref": {
      if (type.args.length === 0) return type.name;
      const [only] = type.args;
      if (type.args.length === 1 && only !== undefined && (isSimple(only) || only.kind === "object" || isHuggedUnion(only))) return [type.name, "<", typeDoc(only, "argument"), ">"];
      return group([
        type.name,
        "<",
        indent([
          softline,
          join(
            [",", line],
            type.args.map((arg) => typeDoc(arg, "argument")),
          ),
        ]),
        softline,
        ">",
      ]);
    }
    case "index":
      return [typeDoc(type.object), "[", typeDoc(type.index), "]"];
    case "union": {
      const members = type.members.map((member) => typeDoc(member));
      if (isHuggedUnion(type)) return join(" | ", members);
      // Broken, each member goes on its own line led by `|`; the assignment or type argument around it indents it.
      const broken = group([ifBreak("| "), join([line, "| "], members)]);
      return context === "other" ? group(indent([softline, broken])) : broken;
    }
    case "intersection":
      return group(
        type.members.map((member, index) => {
          const previous = type.members[index - 1];
          if (previous === undefined) return typeDoc(member);
          if (previous.kind !== "object" && member.kind !== "object") return indent([" &", line, typeDoc(member)]);
          return [" & ", typeDoc(member)];
        }),
      );
    case "object": {
      if (type.members.length === 0) return "{}";
      const members = type.members.map((member) => [
        member.doc === undefined ? "" : [jsDocComment(member.doc), hardline],
        member.readonly === true ? "readonly " : "",
        propertyKey(member.name),
        member.optional === true ? "?" : "",
        ": ",
        typeDoc(member.type),
      ]);
      return group(["{", indent([line, join([ifBreak(";", ";"), line], members)]), ifBreak(";"), line, "}"], { broken: type.expanded });
    }
  }
}

// ─── Values ──────────────────────────────────────────────────────────────────────────────────────────────────

/** Plain data written as source; `Identifier` values are bare names the file imports, `Call`s call one of them. */
export type LiteralValue = string | number | boolean | null | undefined | Identifier | Call | readonly LiteralValue[] | { readonly [key: string]: LiteralValue };

/** A reference to a binding the generated file imports, written as a bare name. Never built from spec text. */
export class Identifier {
  constructor(readonly name: string) {
    // Unicode letters too: operation names keep the spec's (`listarLlamadasÚltimas`).
    if (!/^[\p{ID_Start}_$][\p{ID_Continue}$\u200C\u200D]*$/u.test(name)) throw new Error(`not an identifier: ${name}`);
  }
}

/** `callee(…args)`, e.g. a runtime factory configured with values from the spec. */
export class Call {
  constructor(
    readonly callee: Identifier,
    readonly args: readonly LiteralValue[],
  ) {}
}

/**
 * A string as prettier writes it: double quotes unless the text holds more double than single quotes. Every
 * string goes through `JSON.stringify` first, so no spec text can end a literal early or inject code.
 */
export function stringLiteral(value: string): string {
  const escaped = JSON.stringify(value).slice(1, -1);
  const doubles = (value.match(/"/g) ?? []).length;
  const singles = (value.match(/'/g) ?? []).length;
  if (doubles <= singles) return `"${escaped}"`;
  return `'${escaped.replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** `key` when it is an identifier, else a quoted string. */
export function propertyKey(key: string): string {
  return /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u.test(key) ? key : stringLiteral(key);
}

function numberLiteral(value: number): string {
  return Number.isFinite(value) ? String(value).replace("e+", "e") : "undefined";
}

/** `undefined` properties are left out, so optional model fields never appear as `key: undefined`. */
export function valueDoc(value: LiteralValue): Doc {
  if (value === undefined) return "undefined";
  if (value === null || typeof value === "boolean") return String(value);
  if (typeof value === "number") return numberLiteral(value);
  if (typeof value === "string") return stringLiteral(value);
  if (value instanceof Identifier) return value.name;
  if (value instanceof Call) return call(value.callee.name, value.args.map(valueDoc), isObjectLiteral(value.args[value.args.length - 1]));
  if (Array.isArray(value)) return arrayDoc(value as readonly LiteralValue[]);
  const entries = Object.entries(value as { readonly [key: string]: LiteralValue }).filter(([, inner]) => inner !== undefined);
  return objectDoc(entries.map(([key, inner]) => valueProperty(key, inner)));
}

/** A plain object literal: prettier hugs one that is a call's last argument (`f("x", {` … `})`). */
function isObjectLiteral(value: LiteralValue): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Identifier) && !(value instanceof Call);
}

function valueProperty(key: string, value: LiteralValue): Doc {
  // `__proto__: x` in an object literal sets the prototype; only a computed key makes it an ordinary property.
  if (key === "__proto__") return ['["__proto__"]: ', valueDoc(value)];
  if (value instanceof Identifier && value.name === key) return key;
  // Under a key that every object has (`valueOf`, `toString`…) TypeScript types an object literal against that
  // built-in member instead of the index signature, widening its string literals; `as const` keeps them literal.
  const printed = OBJECT_MEMBER_NAMES.has(key) && isObjectLiteral(value) ? [valueDoc(value), " as const"] : valueDoc(value);
  return objectProperty(key, printed, typeof value === "string" ? "breakAfterColon" : "fluid");
}

/**
 * `key: value` with prettier's assignment layouts: a string or a member chain (`this.x`) moves below a long key;
 * other values break inside themselves; keys shorter than five characters never break.
 */
export function objectProperty(key: string, value: Doc, layout: "breakAfterColon" | "fluid"): Doc {
  const printedKey = propertyKey(key);
  if (printedKey.length < 5) return [printedKey, ": ", value];
  if (layout === "breakAfterColon") return group([printedKey, ":", group(indent([line, value]))]);
  const id = Symbol("property");
  return group([printedKey, ":", group(indent(line), { id }), indentIfBreak(value, id)]);
}

export function objectDoc(properties: readonly Doc[]): Doc {
  if (properties.length === 0) return "{}";
  return group(["{", indent([line, join([",", line], properties)]), ifBreak(","), line, "}"]);
}

function arrayDoc(items: readonly LiteralValue[]): Doc {
  if (items.length === 0) return "[]";
  const docs = items.map(valueDoc);
  if (items.every((item) => typeof item === "number")) {
    // prettier fills arrays of numbers: as many per line as fit.
    return group(["[", indent([softline, fill(docs.flatMap((doc, index) => (index === 0 ? [doc] : [[",", line], doc])))]), ifBreak(","), softline, "]"]);
  }
  // …and puts each element on its own line when all are objects or arrays with more than one entry.
  const sizeOf = (item: LiteralValue) =>
    Array.isArray(item) ? item.length : item !== null && typeof item === "object" && !(item instanceof Identifier) && !(item instanceof Call) ? Object.keys(item).length : 0;
  const broken = items.length > 1 && items.every((item) => sizeOf(item) > 1) && items.every((item) => Array.isArray(item) === Array.isArray(items[0]));
  return group(["[", indent([softline, join([",", line], docs)]), ifBreak(","), softline, "]"], { broken });
}

// ─── Declarations and statements ─────────────────────────────────────────────────────────────────────────────

/** `/** text *\/` on one line when short and single-line, else a block; text must already be comment-safe. */
export function jsDocComment(rawText: string, tags: readonly { readonly name: string; readonly text?: string }[] = []): Doc {
  // The last line of defence: whatever reaches a comment (spec text, sample values) can never close it early.
  const text = closeProof(rawText);
  const tagLines = tags.flatMap((tag) => {
    const [first = "", ...rest] = closeProof(tag.text ?? "").split("\n");
    return [`@${tag.name}${first === "" ? "" : ` ${first}`}`, ...rest];
  });
  if (tagLines.length === 0 && !text.includes("\n") && text.length <= 80) return `/** ${text} */`;
  const lines = [...(text === "" ? [] : text.split("\n")), ...tagLines];
  return ["/**", ...lines.map((content) => [hardline, content === "" ? " *" : ` * ${content}`]), hardline, " */"];
}

function closeProof(text: string): string {
  return text.replaceAll("*/", "*\\/");
}

function documented(doc: string | undefined, declaration: Doc): Doc {
  return doc === undefined ? declaration : [jsDocComment(doc), hardline, declaration];
}

export interface ImportSpecifier {
  readonly name: string;
  readonly typeOnly?: boolean;
}

/** Values first, then types, each in code-unit order. */
export function sortSpecifiers(specifiers: readonly ImportSpecifier[]): ImportSpecifier[] {
  const byName = (a: ImportSpecifier, b: ImportSpecifier) => compareStrings(a.name, b.name);
  return [...specifiers.filter((specifier) => specifier.typeOnly !== true).sort(byName), ...specifiers.filter((specifier) => specifier.typeOnly === true).sort(byName)];
}

/** `import { a, type B } from "m";` or `export { … } from "m";`, broken one name per line when too long. */
export function moduleDeclaration(keyword: "import" | "export", specifiers: readonly ImportSpecifier[], from: string, typeOnly = false): Doc {
  const names = specifiers.map((specifier) => `${specifier.typeOnly === true ? "type " : ""}${specifier.name}`);
  const head = [keyword, typeOnly ? " type" : ""];
  // prettier never breaks a lone specifier, however long the line.
  if (names.length === 1) return [head, " { ", names[0] ?? "", " } from ", stringLiteral(from), ";"];
  return group([head, " {", indent([line, join([",", line], names)]), ifBreak(","), line, "} from ", stringLiteral(from), ";"]);
}

/** `export { a, b } from "…";` as a statement of the export group (see `sourceFile`). */
export function exportFrom(from: string, names: readonly string[], typeOnly = false): { doc: Doc; group: "export" } {
  return {
    doc: moduleDeclaration(
      "export",
      names.map((exported) => ({ name: exported })),
      from,
      typeOnly,
    ),
    group: "export",
  };
}

/**
 * `export type Name = Type;` with prettier's assignment layouts: a union breaks after `=` (then each member on its
 * own line if it still does not fit); anything else stays on the `=` line when it can break itself ("fluid").
 */
export function typeAlias(aliasName: string, type: TypeExpr, options: { exported?: boolean; doc?: string | undefined } = {}): Doc {
  const left = [options.exported === false ? "" : "export ", "type ", aliasName];
  const declaration = type.kind === "union" && !isHuggedUnion(type) ? [group([group(left), " =", group(indent([line, typeDoc(type, "alias")]))]), ";"] : assignment(left, typeDoc(type, "alias"), ";");
  return documented(options.doc, declaration);
}

/**
 * `export interface Name extends Base {…}`: where an alias of `Base & {…}` would be printed as `Base`'s expansion
 * (TypeScript folds `T & {}` into `T`), an interface is a type of its own, so editors and errors say its name.
 */
export function interfaceDeclaration(interfaceName: string, base: TypeExpr, members: TypeExpr, options: { doc?: string | undefined } = {}): Doc {
  // prettier always breaks an interface's body, however short.
  const body = members.kind === "object" ? { ...members, expanded: true } : members;
  return documented(options.doc, ["export interface ", interfaceName, " extends ", typeDoc(base), " ", typeDoc(body)]);
}

/** `left = right`: prettier's "fluid" layout, which moves the right side down only when it cannot break itself. */
export function assignment(left: Doc, right: Doc, end = ""): Doc {
  const id = Symbol("assignment");
  return group([group(left), " =", group(indent(line), { id }), indentIfBreak(right, id), end]);
}

export interface ParameterExpr {
  readonly name: string;
  readonly type: TypeExpr;
  readonly optional?: boolean;
  readonly initializer?: string | undefined;
}

function parameterDoc(parameter: ParameterExpr): Doc {
  return [parameter.name, parameter.optional === true ? "?" : "", ": ", typeDoc(parameter.type), parameter.initializer === undefined ? "" : ` = ${parameter.initializer}`];
}

/** `(a: A, b: B): R` — broken one parameter per line (trailing comma) when the signature is too long. */
export function signature(parameters: readonly ParameterExpr[], returnType?: TypeExpr): Doc {
  return group(["(", indent([softline, join([",", line], parameters.map(parameterDoc))]), ifBreak(","), softline, ")", returnType === undefined ? "" : [": ", typeDoc(returnType)]]);
}

export function functionDeclaration(functionName: string, parameters: readonly ParameterExpr[], returnType: TypeExpr, body: readonly Doc[], jsDoc?: Doc): Doc {
  return [jsDoc === undefined ? "" : [jsDoc, hardline], "export function ", functionName, signature(parameters, returnType), " ", block(body)];
}

export function block(statements: readonly Doc[]): Doc {
  return statements.length === 0 ? "{}" : ["{", indent([hardline, join(hardline, statements)]), hardline, "}"];
}

/** `callee(a, b, c)`; a last object argument is hugged: `callee(a, {` … `})`. */
export function call(callee: Doc, args: readonly Doc[], lastIsObject = false): Doc {
  if (lastIsObject && args.length > 0) {
    return [callee, "(", join(", ", args.slice(0, -1)), args.length > 1 ? ", " : "", args[args.length - 1] as Doc, ")"];
  }
  return group([callee, "(", indent([softline, join([",", line], args)]), ifBreak(","), softline, ")"]);
}

/** A file: statements separated by blank lines, except within runs of imports or of exports. */
export function sourceFile(statements: readonly { readonly doc: Doc; readonly group?: "import" | "export" }[]): Doc {
  return statements.map((statement, index) => {
    const previous = statements[index - 1];
    if (previous === undefined) return statement.doc;
    const sameRun = statement.group !== undefined && previous.group === statement.group;
    return [hardline, sameRun ? "" : hardline, statement.doc];
  });
}
