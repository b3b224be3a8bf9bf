// Prints Condition and Operand values (dcd.ts) as XLSForm expressions, so that a DCD of ours
// can be written as a workbook and read back. The printer emits the canonical text of each
// value (docs/dcd-expressions.md): parseCondition(printCondition(c)) deep-equals c for every
// canonical c. Other values print as their canonical equivalent (a one-value oneOf as an
// equality, an `any` of equalities on one field as a oneOf...).

import type { Condition, Operand } from "../dcd.ts";
import { isBareName, isFieldName } from "./tokenize-expression.ts";

// Precedence levels of parse-expression-tree.ts, loosest first.
const OR = 1;
const AND = 2;
const EQUALITY = 3;
const RELATIONAL = 4;
const ADDITIVE = 5;
const MULTIPLICATIVE = 6;
const UNARY = 7;
const PRIMARY = 8;

/** Printed text, and the precedence of its outermost operator. */
interface Printed {
  text: string;
  precedence: number;
}

/** Throws when the condition holds what expressions cannot write (see `quote`). */
export function printCondition(condition: Condition): string {
  return printedCondition(condition).text;
}

/** Throws when the operand holds what expressions cannot write (see `quote`). */
export function printOperand(operand: Operand): string {
  return printedOperand(operand).text;
}

function printedCondition(c: Condition): Printed {
  if ("all" in c) return chain(c.all, "and", AND, "true()");
  if ("any" in c) return chain(c.any, "or", OR, "false()");
  if ("not" in c) return negation(c.not);
  if ("filled" in c) return equality(c.filled, "!=", "''");
  if ("empty" in c) return equality(c.empty, "=", "''");
  if ("compare" in c) {
    const [left, op, right] = c.compare;
    const precedence = op === "==" || op === "!=" ? EQUALITY : RELATIONAL;
    return binary(left, op === "==" ? "=" : op, right, precedence);
  }
  if ("regex" in c) return call("regex", [printedOperand(c.regex[0]).text, quote(c.regex[1])]);
  if ("truthy" in c) return printedOperand(c.truthy);
  if ("equals" in c) return equality(c.field, "=", literal(c.equals).text);
  if ("oneOf" in c) {
    return alternatives(c.oneOf.map((value) => equality(c.field, "=", literal(value).text)));
  }
  if ("includesAny" in c) {
    const field = fieldRef(c.field);
    return alternatives(c.includesAny.map((value) => call("selected", [field, quote(value)])));
  }
  const args = [fieldRef(c.field), quote(c.anyEligibility)];
  return call("any-eligibility", c.on === undefined ? args : [...args, fieldRef(c.on)]);
}

/**
 * A nested chain of the same operator, and a oneOf or includesAny inside an `or`, are
 * parenthesized: parentheses are what keeps them apart when read back.
 */
function chain(terms: Condition[], word: string, precedence: number, empty: string): Printed {
  const [only] = terms;
  if (terms.length === 0) return { text: empty, precedence: PRIMARY };
  if (terms.length === 1 && only) return printedCondition(only);
  const parts = terms.map((term) => wrap(printedCondition(term), precedence + 1));
  return { text: parts.join(` ${word} `), precedence };
}

function alternatives(parts: Printed[]): Printed {
  const [only] = parts;
  if (parts.length === 0) return { text: "false()", precedence: PRIMARY };
  if (parts.length === 1 && only) return only;
  return { text: parts.map((part) => part.text).join(" or "), precedence: OR };
}

function negation(inner: Condition): Printed {
  if ("equals" in inner) return equality(inner.field, "!=", literal(inner.equals).text);
  return call("not", [printedCondition(inner).text]);
}

function equality(field: string, op: "=" | "!=", value: string): Printed {
  return { text: `${fieldRef(field)} ${op} ${value}`, precedence: EQUALITY };
}

function printedOperand(o: Operand): Printed {
  if ("value" in o) return literal(o.value);
  if ("today" in o) return shifted("today()", o.addYears);
  if ("arith" in o) {
    const [left, op, right] = o.arith;
    return binary(left, op, right, op === "+" || op === "-" ? ADDITIVE : MULTIPLICATIVE);
  }
  if ("negate" in o) {
    return { text: `-${wrap(printedOperand(o.negate), UNARY)}`, precedence: UNARY };
  }
  if ("call" in o)
    return call(
      o.call,
      o.args.map((arg) => printedOperand(arg).text),
    );
  if ("if" in o) {
    const [test, then, otherwise] = o.if;
    return call("if", [
      printedCondition(test).text,
      printedOperand(then).text,
      printedOperand(otherwise).text,
    ]);
  }
  if ("choice" in o) {
    if (!isBareName(o.choice)) throw new Error(`cannot print the choice column "${o.choice}"`);
    return { text: o.choice, precedence: PRIMARY };
  }
  const field = fieldRef(o.field);
  const read =
    o.derive === "niss.birthDate"
      ? `niss-birth-date(${field})`
      : o.derive === "niss.sexCode"
        ? `niss-sex-code(${field})`
        : o.ordinal
          ? `ordinal(${field})`
          : field;
  return shifted(read, o.addYears);
}

function shifted(text: string, addYears: number | undefined): Printed {
  return addYears === undefined
    ? { text, precedence: PRIMARY }
    : call("add-years", [text, formatNumber(addYears)]);
}

// Left associative: the right operand is parenthesized at the same precedence, so that
// a - (b - c) keeps its parentheses and (a - b) - c loses them.
function binary(left: Operand, op: string, right: Operand, precedence: number): Printed {
  const a = wrap(printedOperand(left), precedence);
  const b = wrap(printedOperand(right), precedence + 1);
  return { text: `${a} ${op} ${b}`, precedence };
}

function wrap(printed: Printed, precedence: number): string {
  return printed.precedence < precedence ? `(${printed.text})` : printed.text;
}

function call(name: string, args: string[]): Printed {
  return { text: `${name}(${args.join(", ")})`, precedence: PRIMARY };
}

function fieldRef(name: string): string {
  if (!isFieldName(name)) throw new Error(`cannot print the field name "${name}"`);
  return `\${${name}}`;
}

function literal(value: string | number | boolean): Printed {
  if (typeof value === "boolean")
    return { text: value ? "true()" : "false()", precedence: PRIMARY };
  if (typeof value === "string") return { text: quote(value), precedence: PRIMARY };
  return { text: formatNumber(value), precedence: value < 0 ? UNARY : PRIMARY };
}

// XPath strings have no escapes: a text holding both quotes cannot be written.
function quote(text: string): string {
  if (!text.includes("'")) return `'${text}'`;
  if (!text.includes('"')) return `"${text}"`;
  throw new Error(`cannot print a text holding both ' and ": ${text}`);
}

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`cannot print the number ${n}`);
  const text = String(Math.abs(n));
  const plain = text.includes("e") ? expandExponent(text) : text;
  return n < 0 ? `-${plain}` : plain;
}

// XPath numbers have no exponent. String() uses one only below 1e-6 (point before the
// digits) and from 1e21 (point after them), so these are the two cases.
function expandExponent(text: string): string {
  const [mantissa = "", exponent = ""] = text.split("e");
  const [whole = "", fraction = ""] = mantissa.split(".");
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  return point <= 0 ? `0.${"0".repeat(-point)}${digits}` : digits.padEnd(point, "0");
}
