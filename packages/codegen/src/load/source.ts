import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from "yaml";
import { CodegenError, type Problem } from "../errors.js";
import { parsePointer } from "../pointer.js";
import { findJsonSyntaxError } from "./json-syntax.js";

/** A position in a source file, 1-based like an editor's. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** One parsed spec file: its value, and a way back from a JSON pointer to where it is written. */
export interface SourceDocument {
  /** The path as the user gave it (relative paths stay relative, so messages never leak machine-specific paths). */
  readonly file: string;
  readonly value: unknown;
  /** Where the node at `pointer` is written, or its nearest existing ancestor. */
  locate(pointer: string): Position | undefined;
}

type Format = "json" | "yaml";

function detectFormat(file: string, text: string): Format {
  if (/\.json$/i.test(file)) return "json";
  if (/\.ya?ml$/i.test(file)) return "yaml";
  return text.trimStart().startsWith("{") ? "json" : "yaml";
}

/**
 * Parses a spec file's text. JSON goes through `JSON.parse` (an order of magnitude faster than a YAML parser on
 * multi-megabyte specs); the YAML parser is used for YAML, and for JSON only when a position must be reported.
 */
export function parseSource(file: string, rawText: string): SourceDocument {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  return detectFormat(file, text) === "json" ? parseJson(file, text) : parseYaml(file, text);
}

function parseJson(file: string, text: string): SourceDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CodegenError("load", [jsonSyntaxProblem(file, text, error)]);
  }
  let located: ReturnType<typeof parseYamlTree> | undefined;
  return {
    file,
    value,
    locate(pointer) {
      located ??= parseYamlTree(text);
      return locateNode(located, pointer);
    },
  };
}

function jsonSyntaxProblem(file: string, text: string, error: unknown): Problem {
  const found = findJsonSyntaxError(text);
  return {
    file,
    ...(found === undefined ? {} : positionAt(text, found.offset)),
    message: `invalid JSON: ${found?.message ?? (error instanceof Error ? error.message : String(error))}`,
    hint: "fix the syntax error at this position",
  };
}

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

function parseYaml(file: string, text: string): SourceDocument {
  const tree = parseYamlTree(text);
  if (tree.document.errors.length > 0) {
    throw new CodegenError(
      "load",
      tree.document.errors.map((error) => {
        const { line, col } = tree.lineCounter.linePos(error.pos[0]);
        return {
          file,
          line,
          column: col,
          message: `invalid YAML: ${error.message}`,
          hint: "fix the syntax error at this position (indentation, an unclosed quote or bracket, a tab)",
        };
      }),
    );
  }
  if (text.includes("&")) rejectSelfContainingAliases(file, tree);
  const value: unknown = tree.document.toJS({ maxAliasCount: 10_000 });
  return { file, value, locate: (pointer) => locateNode(tree, pointer) };
}

/**
 * `schema: &s { properties: { self: *s } }` is legal YAML, but it makes the document an endless object: every later
 * stage would recurse until the stack ran out. Recursion in OpenAPI is written with `$ref`.
 */
function rejectSelfContainingAliases(file: string, tree: ReturnType<typeof parseYamlTree>): void {
  const problems: Problem[] = [];
  visit(tree.document, {
    Alias(_key, alias, path) {
      const target = alias.resolve(tree.document);
      if (target === undefined || !path.includes(target)) return;
      const { line, col } = tree.lineCounter.linePos(alias.range?.[0] ?? 0);
      problems.push({
        file,
        line,
        column: col,
        message: `the YAML alias *${alias.source} is inside the node its anchor &${alias.source} names, which makes an endless document`,
        hint: "write the recursion as a $ref to a schema under components/schemas",
      });
    },
  });
  if (problems.length > 0) throw new CodegenError("load", problems);
}

function parseYamlTree(text: string) {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: "1.2" });
  return { document, lineCounter };
}

/** Walks the YAML syntax tree along `pointer`; keys are compared as strings, as JSON sees them (`200:` is "200"). */
function locateNode(tree: ReturnType<typeof parseYamlTree>, pointer: string): Position | undefined {
  let node: unknown = tree.document.contents;
  let found: Node | undefined = isNode(node) ? node : undefined;
  for (const segment of parsePointer(pointer)) {
    const next = childOf(node, segment);
    if (next === undefined) break;
    node = next;
    if (isNode(next)) found = next;
  }
  const offset = found?.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = tree.lineCounter.linePos(offset);
  return { line, column: col };
}

function isNode(value: unknown): value is Node {
  return isMap(value) || isSeq(value) || isScalar(value);
}

function childOf(node: unknown, segment: string): unknown {
  if (isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && String(isScalar(item.key) ? item.key.value : item.key) === segment);
    return pair?.value ?? undefined;
  }
  if (isSeq(node)) return node.items[Number(segment)];
  return undefined;
}
