import type { CodeList, Comparator, Condition, FieldType } from "../../dcd.ts";

/** What the reader knows of a field named in a condition. */
export interface ConditionField {
  name: string;
  type: FieldType;
  list?: CodeList;
}

export interface SimpleConditionContext {
  /** The field of this name (case does not matter), if the sheet defines it. */
  field(name: string): ConditionField | undefined;
}

export type SimpleConditionResult = { ok: true; value: Condition } | { ok: false; error: string };

// The plain-text conditions of Qermid field lists: `CD_DIAGS = DI0005`, `CD_X in (1, 2)`,
// `CD_X <> 1`, `MS_Y >= 18`, `TX_Z is empty`, `is not empty` / `is filled`, joined by
// `and` / `or` (`and` first, parentheses to group) and led by `if` / `only if` and their
// Dutch and French words. A value may be a code or, when unambiguous, a label of the list.

type Token = { kind: "word" | "string" | "op" | "(" | ")" | ","; text: string; at: number };

const OPERATORS = ["<>", "!=", "==", "<=", ">=", "=", "<", ">"];
const AND = new Set(["and", "en", "et", "&&", "&"]);
const OR = new Set(["or", "of", "ou", "||", "|"]);
const LEAD =
  /^\s*(?:(?:show|shown|visible|displayed|display|enabled|active|ask|asked|required|mandatory)\s+)?(?:only\s+)?(?:if|when|indien|als|si|seulement si|uniquement si|alleen als|enkel als)\b\s*:?\s*/i;
const YES = /^(y|yes|j|ja|oui|true|1)$/i;
const NO = /^(n|no|nee|neen|non|false|0)$/i;

function tokenize(text: string): Token[] | string {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "(" || c === ")" || c === ",") {
      tokens.push({ kind: c, text: c, at: i });
      i++;
      continue;
    }
    const quote = { "'": "'", '"': '"', "“": "”", "‘": "’" }[c];
    if (quote) {
      const end = text.indexOf(quote, i + 1);
      if (end < 0) return `an unclosed quote at ${i + 1}`;
      tokens.push({ kind: "string", text: text.slice(i + 1, end), at: i });
      i = end + 1;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      tokens.push({ kind: "op", text: op, at: i });
      i += op.length;
      continue;
    }
    let end = i;
    while (end < text.length && !/[\s(),'"“‘=!<>]/.test(text.charAt(end))) end++;
    if (end === i) return `an unexpected "${c}" at ${i + 1}`;
    tokens.push({ kind: "word", text: text.slice(i, end), at: i });
    i = end;
  }
  return tokens;
}

class Failure extends Error {}

export function parseSimpleCondition(
  text: string,
  ctx: SimpleConditionContext,
): SimpleConditionResult {
  const body = text.replace(LEAD, "").replace(/[.;]\s*$/, "");
  const tokens = tokenize(body);
  if (typeof tokens === "string") return { ok: false, error: tokens };
  if (tokens.length === 0) return { ok: false, error: "an empty condition" };
  let pos = 0;
  const peek = () => tokens[pos];
  const isWord = (set: ReadonlySet<string>) => {
    const token = peek();
    return token?.kind === "word" && set.has(token.text.toLowerCase());
  };
  const keyword = (word: string) => {
    const token = peek();
    if (token?.kind === "word" && token.text.toLowerCase() === word) {
      pos++;
      return true;
    }
    return false;
  };
  const fail = (message: string): never => {
    throw new Failure(message);
  };

  const parseOr = (): Condition => {
    const parts = [parseAnd()];
    while (isWord(OR)) {
      pos++;
      parts.push(parseAnd());
    }
    return parts.length === 1 ? (parts[0] as Condition) : { any: parts };
  };
  const parseAnd = (): Condition => {
    const parts = [parseUnary()];
    while (isWord(AND)) {
      pos++;
      parts.push(parseUnary());
    }
    return parts.length === 1 ? (parts[0] as Condition) : { all: parts };
  };
  const parseUnary = (): Condition => {
    if (keyword("not")) return { not: parseUnary() };
    if (peek()?.kind === "(") {
      pos++;
      const inner = parseOr();
      if (peek()?.kind !== ")") fail("a missing )");
      pos++;
      return inner;
    }
    return parseComparison();
  };
  // A value: one quoted text, or the words up to `and`, `or`, `)` or the end (a label).
  const parseValue = (): string => {
    const token = peek();
    if (token?.kind === "string") {
      pos++;
      return token.text;
    }
    const words: string[] = [];
    while (peek()?.kind === "word" && !isWord(AND) && !isWord(OR)) {
      words.push((peek() as Token).text);
      pos++;
    }
    if (words.length === 0) fail("a missing value");
    return words.join(" ");
  };
  const parseList = (): string[] => {
    if (peek()?.kind !== "(") fail("a missing ( after in");
    pos++;
    const values: string[] = [];
    for (;;) {
      const token = peek();
      if (token?.kind === "string" || token?.kind === "word") {
        values.push(token.text);
        pos++;
      } else fail("a missing value in the list");
      const next = peek();
      pos++;
      if (next?.kind === ")") return values;
      if (next?.kind !== ",") fail("a missing , or )");
    }
  };
  const parseComparison = (): Condition => {
    const token = peek();
    if (token?.kind !== "word") return fail("a missing field name");
    const field = ctx.field(token.text);
    if (!field) return fail(`${token.text} is not a field of this sheet`);
    pos++;
    const name = field.name;
    if (keyword("is")) {
      const negated = keyword("not");
      if (keyword("empty") || keyword("null") || keyword("blank")) {
        return negated ? { filled: name } : { empty: name };
      }
      if (keyword("filled") || keyword("filled_in") || keyword("known")) {
        return negated ? { empty: name } : { filled: name };
      }
      return fail("is must be followed by empty or filled");
    }
    if (keyword("filled")) return { filled: name };
    if (keyword("empty")) return { empty: name };
    const negatedIn = keyword("not");
    if (keyword("in")) {
      const condition = inList(
        field,
        parseList().map((raw) => typedValue(field, raw)),
      );
      return negatedIn ? { not: condition } : condition;
    }
    if (negatedIn) fail("not must be followed by in");
    const op = peek();
    if (op?.kind !== "op") return fail(`a missing operator after ${name}`);
    pos++;
    return comparison(field, op.text, typedValue(field, parseValue()));
  };

  try {
    const condition = parseOr();
    const rest = peek();
    if (rest) return { ok: false, error: `unexpected "${rest.text}" at ${rest.at + 1}` };
    return { ok: true, value: condition };
  } catch (error) {
    if (error instanceof Failure) return { ok: false, error: error.message };
    throw error;
  }
}

/** The value a condition compares, in the field's type: a code of its list, a number... */
function typedValue(field: ConditionField, raw: string): string | number | boolean {
  switch (field.type) {
    case "code":
    case "multi":
      return codeOf(field, raw);
    case "integer":
    case "decimal": {
      const n = Number(raw.replace(",", "."));
      if (!Number.isFinite(n) || raw.trim() === "") throw new Failure(`${raw} is not a number`);
      return n;
    }
    case "bool":
      if (YES.test(raw)) return true;
      if (NO.test(raw)) return false;
      throw new Failure(`${raw} is not yes or no`);
    case "date":
    case "datetime": {
      const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(raw);
      if (dmy) return `${dmy[3]}-${dmy[2]?.padStart(2, "0")}-${dmy[1]?.padStart(2, "0")}`;
      if (/^\d{4}-\d{2}-\d{2}/.test(raw)) return raw;
      throw new Failure(`${raw} is not a date`);
    }
    case "note":
    case "repeat":
      throw new Failure(`${field.name} holds no value to compare`);
    default:
      return raw;
  }
}

/** A code of the field's list: the code itself, or the one item whose label is the text. */
function codeOf(field: ConditionField, raw: string): string {
  const list = field.list;
  if (!list) return raw;
  const wanted = raw.trim().toLowerCase();
  const exact = list.items.find((item) => item.value === raw.trim());
  if (exact) return exact.value;
  const byCode = list.items.find((item) => item.value.toLowerCase() === wanted);
  if (byCode) return byCode.value;
  const byLabel = list.items.filter((item) =>
    Object.values(item.label).some((label) => label.trim().toLowerCase() === wanted),
  );
  if (byLabel.length === 1) return (byLabel[0] as { value: string }).value;
  if (list.format && list.items.length === 0) return raw.trim();
  throw new Failure(
    byLabel.length > 1
      ? `"${raw}" is the label of several codes of ${list.name}`
      : `"${raw}" is neither a code nor a label of ${list.name}`,
  );
}

function inList(field: ConditionField, values: (string | number | boolean)[]): Condition {
  if (field.type === "multi") return { field: field.name, includesAny: values.map(String) };
  if (values.some((value) => typeof value === "boolean")) {
    return { any: values.map((value) => ({ field: field.name, equals: value })) };
  }
  return { field: field.name, oneOf: values as (string | number)[] };
}

function comparison(
  field: ConditionField,
  op: string,
  value: string | number | boolean,
): Condition {
  const name = field.name;
  if (op === "=" || op === "==") {
    return field.type === "multi"
      ? { field: name, includesAny: [String(value)] }
      : { field: name, equals: value };
  }
  if (op === "!=" || op === "<>") {
    return { not: comparison(field, "=", value) };
  }
  if (field.type === "code" || field.type === "multi" || field.type === "bool") {
    throw new Failure(`${name} is not a number or a date: ${op} does not apply`);
  }
  return { compare: [{ field: name }, op as Comparator, { value }] };
}
