/**
 * A line-fitting printer for the code the generator writes, after Wadler's "prettier printer" and with prettier's own
 * rules for the constructs we emit (groups that break outside-in, `fits` measured up to the next possible break,
 * trailing commas when broken). Emitters build documents; this prints them at prettier's settings (width 100, two
 * spaces), so the output is what prettier would write, without parsing and re-printing megabytes of code. A test
 * runs prettier over every fixture's output and expects no change.
 */

export type Doc = string | Doc[] | Group | Indent | Line | IfBreak | Fill | IndentIfBreak;

interface Group {
  readonly kind: "group";
  readonly contents: Doc;
  /** Always broken, like a group holding a hard line. */
  readonly broken: boolean;
  /** Lets `indentIfBreak` follow this group's decision. */
  readonly id: symbol | undefined;
}
interface IndentIfBreak {
  readonly kind: "indentIfBreak";
  readonly contents: Doc;
  readonly groupId: symbol;
}
interface Indent {
  readonly kind: "indent";
  readonly contents: Doc;
}
interface Line {
  readonly kind: "line";
  /** In flat mode: `" "` for a line, `""` for a soft line. */
  readonly flat: string;
  readonly hard: boolean;
}
interface IfBreak {
  readonly kind: "ifBreak";
  readonly broken: Doc;
  readonly flat: Doc;
}
interface Fill {
  readonly kind: "fill";
  /** Alternating content and separators: `[item, line, item, line, item]`. */
  readonly parts: readonly Doc[];
}

export const WIDTH = 100;
const INDENT = "  ";

export const line: Line = { kind: "line", flat: " ", hard: false };
export const softline: Line = { kind: "line", flat: "", hard: false };
export const hardline: Line = { kind: "line", flat: "", hard: true };

export function group(contents: Doc, options: { broken?: boolean; id?: symbol } = {}): Group {
  return { kind: "group", contents, broken: options.broken === true || containsHardline(contents), id: options.id };
}
/** Indents `contents` when the group `groupId` broke: prettier's layout for the right side of `=`. */
export function indentIfBreak(contents: Doc, groupId: symbol): IndentIfBreak {
  return { kind: "indentIfBreak", contents, groupId };
}
export function indent(contents: Doc): Indent {
  return { kind: "indent", contents };
}
export function ifBreak(broken: Doc, flat: Doc = ""): IfBreak {
  return { kind: "ifBreak", broken, flat };
}
export function fill(parts: readonly Doc[]): Fill {
  return { kind: "fill", parts };
}
export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  return docs.flatMap((doc, index) => (index === 0 ? [doc] : [separator, doc]));
}

function containsHardline(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) return doc.some(containsHardline);
  switch (doc.kind) {
    case "line":
      return doc.hard;
    case "group":
      return doc.broken;
    case "indent":
    case "indentIfBreak":
      return containsHardline(doc.contents);
    case "ifBreak":
      return containsHardline(doc.broken) || containsHardline(doc.flat);
    case "fill":
      return doc.parts.some(containsHardline);
  }
}

type Mode = "flat" | "break";
type Command = readonly [indentation: string, mode: Mode, doc: Doc];

/** Prints a document, breaking each group only when its flat form does not fit in what is left of the line. */
export function print(doc: Doc): string {
  const out: string[] = [];
  const groupModes = new Map<symbol, Mode>();
  let column = 0;
  const commands: Command[] = [["", "break", doc]];
  while (commands.length > 0) {
    const [indentation, mode, current] = commands.pop() as Command;
    if (typeof current === "string") {
      out.push(current);
      column += displayWidth(current);
      continue;
    }
    if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) commands.push([indentation, mode, current[index] as Doc]);
      continue;
    }
    switch (current.kind) {
      case "indent":
        commands.push([indentation + INDENT, mode, current.contents]);
        break;
      case "group": {
        const flat = !current.broken && (mode === "flat" || fits([indentation, "flat", current.contents], commands, WIDTH - column));
        if (current.id !== undefined) groupModes.set(current.id, flat ? "flat" : "break");
        commands.push([indentation, flat ? "flat" : "break", current.contents]);
        break;
      }
      case "indentIfBreak":
        commands.push([groupModes.get(current.groupId) === "break" ? indentation + INDENT : indentation, mode, current.contents]);
        break;
      case "ifBreak":
        commands.push([indentation, mode, mode === "break" ? current.broken : current.flat]);
        break;
      case "line":
        if (mode === "flat" && !current.hard) {
          out.push(current.flat);
          column += current.flat.length;
        } else {
          trimTrailingSpaces(out);
          out.push(`\n${indentation}`);
          column = indentation.length;
        }
        break;
      case "fill":
        printFill(indentation, mode, current.parts, commands, WIDTH - column);
        break;
    }
  }
  trimTrailingSpaces(out);
  return `${out.join("")}\n`;
}

/** Like prettier's `fill`: each item stays on the current line if it fits, otherwise its separator breaks. */
function printFill(indentation: string, mode: Mode, parts: readonly Doc[], commands: Command[], remaining: number): void {
  const [content, separator, next, ...rest] = parts;
  if (content === undefined) return;
  const contentFits = fits([indentation, "flat", content], [], remaining, true);
  if (separator === undefined) {
    commands.push([indentation, contentFits ? "flat" : "break", content]);
    return;
  }
  const pairFits = next !== undefined && fits([indentation, "flat", [content, separator, next]], [], remaining, true);
  commands.push([indentation, mode, fill(next === undefined ? [] : [next, ...rest])]);
  commands.push([indentation, pairFits ? "flat" : "break", separator]);
  commands.push([indentation, contentFits ? "flat" : "break", content]);
}

/**
 * Columns a string takes as prettier counts them: East Asian wide characters (CJK, Hangul, full-width forms) take two,
 * combining marks none. Identifiers such as `列出通话` come from the spec.
 */
export function displayWidth(text: string): number {
  if (/^[\u0000-\u02ff]*$/.test(text)) return text.length;
  let width = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (/\p{Mn}/u.test(character)) continue;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

function trimTrailingSpaces(out: string[]): void {
  while (out.length > 0) {
    const last = out[out.length - 1] as string;
    const trimmed = last.replace(/[ \t]+$/, "");
    if (trimmed !== "") {
      out[out.length - 1] = trimmed;
      return;
    }
    out.pop();
  }
}

/**
 * Whether `next` printed flat fits in `width`, counting what follows it (`rest`, in its own modes) up to the first
 * line break: prettier's measure, which keeps `= Params<` on a line when its type arguments can break instead.
 */
function fits(next: Command, rest: readonly Command[], width: number, mustBeFlat = false): boolean {
  let remaining = width;
  let restIndex = rest.length;
  const stack: [Mode, Doc][] = [[next[1], next[2]]];
  while (remaining >= 0) {
    if (stack.length === 0) {
      if (restIndex === 0) return true;
      const [, mode, doc] = rest[--restIndex] as Command;
      stack.push([mode, doc]);
      continue;
    }
    const [mode, doc] = stack.pop() as [Mode, Doc];
    if (typeof doc === "string") {
      remaining -= displayWidth(doc);
      continue;
    }
    if (Array.isArray(doc)) {
      for (let index = doc.length - 1; index >= 0; index--) stack.push([mode, doc[index] as Doc]);
      continue;
    }
    switch (doc.kind) {
      case "indent":
      case "indentIfBreak":
        stack.push([mode, doc.contents]);
        break;
      case "group":
        if (mustBeFlat && doc.broken) return false;
        stack.push([doc.broken ? "break" : mode, doc.contents]);
        break;
      case "ifBreak":
        stack.push([mode, mode === "break" ? doc.broken : doc.flat]);
        break;
      case "line":
        if (mode === "break" || doc.hard) return true;
        remaining -= doc.flat.length;
        break;
      case "fill":
        for (let index = doc.parts.length - 1; index >= 0; index--) stack.push([mode, doc.parts[index] as Doc]);
        break;
    }
  }
  return false;
}
