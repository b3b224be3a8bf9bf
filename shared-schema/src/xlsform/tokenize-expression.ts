// The lexer of XLSForm expressions, whose tokens `parse-expression-tree.ts` parses. It knows
// the tokens of the XPath subset we translate and turns the usual slips of a workbook author
// (a `/data/` path, `==`, curly quotes typed by Excel) into errors that say what to write
// instead.

/** An error in an expression, at a 0-based character offset of its text. */
export class ExpressionError extends Error {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

export type Punctuator = "(" | ")" | "," | "=" | "!=" | "<" | "<=" | ">" | ">=" | "+" | "-" | "*";

export type Token =
  /** `${NAME}` */
  | { kind: "field"; name: string; at: number }
  /** `.`, the row's own field */
  | { kind: "self"; at: number }
  | { kind: "string"; value: string; at: number }
  | { kind: "number"; value: number; text: string; at: number }
  /** A function name, a keyword operator (and, or, div, mod) or a choice column. */
  | { kind: "name"; name: string; at: number }
  | { kind: "punctuator"; text: Punctuator; at: number }
  | { kind: "end"; at: number };

// Two-character punctuators first, so that `<=` is not read as `<` then `=`.
const PUNCTUATORS: readonly Punctuator[] = [
  "!=",
  "<=",
  ">=",
  "(",
  ")",
  ",",
  "=",
  "<",
  ">",
  "+",
  "-",
  "*",
];

const SPACE = /\s*/y;
const NUMBER = /[0-9]+(?:\.[0-9]*)?|\.[0-9]+/y;
// XPath names may hold `-`, `.` and, in prefixed names such as jr:choice-name, `:`.
const NAME = /[A-Za-z_][A-Za-z0-9_.:-]*/y;
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const BARE_NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

// Slips of authors used to other languages, or to XPath beyond the subset we translate.
const HINTS = new Map<string, string>([
  ["==", 'write a single "=" to compare'],
  ["<>", 'write "!=" for "not equal"'],
  ["..", `".." (the parent of a field) is not supported: refer to a field as \${NAME}`],
  [
    "/",
    `"/" is not supported: divide with div, and refer to a field as \${NAME}, not by a /data/... path`,
  ],
  ["!", '"!" alone is not an operator: write "!=" to compare, or not(...) to negate'],
  ["&", '"&" is not an operator: write and'],
  ["|", '"|" is not an operator: write or'],
  ["[", "XPath predicates [...] are not supported: rewrite the rule without them"],
  ["@", `XPath attributes (@...) are not supported: refer to a field as \${NAME}`],
]);
const CURLY_QUOTES = "‘’‚“”„`´";

export function isFieldName(name: string): boolean {
  return FIELD_NAME.test(name);
}

export function isBareName(name: string): boolean {
  return BARE_NAME.test(name);
}

/**
 * The tokens of a text, read up to the first error, which the parser raises when it gets
 * there: errors then come in the order of the text, so that `instance('list')/item` is
 * refused for instance(), the cause, rather than for the slash after it.
 */
export interface Tokens {
  /** Ends with an `end` token, unless `error` stopped the lexer after the last one. */
  tokens: Token[];
  error?: ExpressionError;
}

export function tokenize(text: string): Tokens {
  const tokens: Token[] = [];
  let at = skipSpace(text, 0);
  try {
    while (at < text.length) {
      const [token, end] = scan(text, at);
      tokens.push(token);
      at = skipSpace(text, end);
    }
  } catch (error) {
    if (error instanceof ExpressionError) return { tokens, error };
    throw error;
  }
  tokens.push({ kind: "end", at: text.length });
  return { tokens };
}

function skipSpace(text: string, at: number): number {
  SPACE.lastIndex = at;
  SPACE.test(text);
  return SPACE.lastIndex;
}

function matchAt(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
}

/** The token at `at`, and the offset just after it. */
function scan(text: string, at: number): [Token, number] {
  const char = text.charAt(at);
  if (char === "'" || char === '"') return scanString(text, at, char);
  if (char === "$") return scanField(text, at);
  const pairHint = HINTS.get(text.slice(at, at + 2));
  if (pairHint) throw new ExpressionError(pairHint, at);
  const number = matchAt(NUMBER, text, at);
  if (number)
    return [{ kind: "number", value: Number(number), text: number, at }, at + number.length];
  if (char === ".") return [{ kind: "self", at }, at + 1];
  const name = matchAt(NAME, text, at);
  if (name) return [{ kind: "name", name, at }, at + name.length];
  const punctuator = PUNCTUATORS.find((p) => text.startsWith(p, at));
  if (punctuator) return [{ kind: "punctuator", text: punctuator, at }, at + punctuator.length];
  const hint = HINTS.get(char);
  if (hint) throw new ExpressionError(hint, at);
  if (CURLY_QUOTES.includes(char)) {
    throw new ExpressionError(
      `${char} is not a quote of expressions: write a straight ' or " (Excel may have replaced it)`,
      at,
    );
  }
  throw new ExpressionError(`unexpected character "${char}"`, at);
}

// XPath 1.0 strings have no escapes: a text holding ' is written between ", and vice versa.
function scanString(text: string, at: number, quote: string): [Token, number] {
  const close = text.indexOf(quote, at + 1);
  if (close < 0) {
    throw new ExpressionError(`the text opened here is never closed: add the closing ${quote}`, at);
  }
  return [{ kind: "string", value: text.slice(at + 1, close), at }, close + 1];
}

function scanField(text: string, at: number): [Token, number] {
  if (text.charAt(at + 1) !== "{") {
    throw new ExpressionError(
      `XPath variables ($name) are not supported: refer to a field as \${NAME}`,
      at,
    );
  }
  const close = text.indexOf("}", at + 2);
  if (close < 0) throw new ExpressionError(`"\${" is never closed: write \${NAME}`, at);
  const name = text.slice(at + 2, close);
  if (!isFieldName(name)) {
    throw new ExpressionError(
      `\${${name}} must hold a field name, such as \${D_SURG} (letters, digits, _ . -)`,
      at,
    );
  }
  return [{ kind: "field", name, at }, close + 1];
}
