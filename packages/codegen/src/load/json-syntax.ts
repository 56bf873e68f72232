/**
 * Finds where JSON text stops being valid. `JSON.parse` on Node 20 often reports only "Unexpected token" without a
 * position, and a spec author needs line and column; this scanner runs only after `JSON.parse` has failed.
 */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly message: string;
}

export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let at = 0;
  const fail = (message: string): never => {
    throw { offset: at, message } satisfies JsonSyntaxError;
  };
  const skipSpace = () => {
    while (at < text.length && " \t\n\r".includes(text[at] ?? "")) at++;
  };
  const expect = (char: string) => {
    if (text[at] !== char) fail(at >= text.length ? `expected "${char}" but the text ended` : `expected "${char}", found ${JSON.stringify(text[at])}`);
    at++;
  };
  const string = () => {
    expect('"');
    while (at < text.length && text[at] !== '"') {
      const char = text[at] ?? "";
      if (char === "\\") {
        at++;
        if (text[at] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) fail("invalid \\u escape");
          at += 4;
        } else if (!'"\\/bfnrt'.includes(text[at] ?? "")) fail(`invalid escape "\\${text[at] ?? ""}"`);
      } else if (char < " ") fail("control character in a string (use \\n or \\t)");
      at++;
    }
    expect('"');
  };
  const value = (): void => {
    skipSpace();
    const char = text[at];
    if (char === "{") {
      at++;
      skipSpace();
      if (text[at] === "}") return void at++;
      for (;;) {
        skipSpace();
        if (text[at] !== '"') fail(text[at] === "}" ? "trailing comma before }" : "expected a property name in double quotes");
        string();
        skipSpace();
        expect(":");
        value();
        skipSpace();
        if (text[at] === ",") at++;
        else return expect("}");
      }
    }
    if (char === "[") {
      at++;
      skipSpace();
      if (text[at] === "]") return void at++;
      for (;;) {
        skipSpace();
        if (text[at] === "]") fail("trailing comma before ]");
        value();
        skipSpace();
        if (text[at] === ",") at++;
        else return expect("]");
      }
    }
    if (char === '"') return string();
    const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(at, at + 400));
    if (literal === null) fail(at >= text.length ? "the text ended where a value was expected" : `unexpected ${JSON.stringify(char)} where a value was expected`);
    at += literal?.[0].length ?? 0;
  };
  try {
    value();
    skipSpace();
    if (at < text.length) fail(`unexpected ${JSON.stringify(text[at])} after the end of the document`);
    return undefined;
  } catch (error) {
    return error as JsonSyntaxError;
  }
}
