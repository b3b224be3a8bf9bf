import type { ArithmeticOperator, Comparator } from "./dcd.ts";

// Values as XLSForm (XPath 1.0) computes with them: dates are days since 1970-01-01, a
// multiple choice is its codes separated by spaces, relational operators compare numbers.

export type Scalar = string | number | boolean;

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;
const TIME = /^\d{2}:\d{2}(:\d{2})?$/;
const NUMBER = /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/;

/** Days since 1970-01-01 of an ISO date or date-time (fractional for a time of day). */
export function toDayNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  let text: string;
  if (ISO_DATE.test(value)) text = `${value}T00:00:00Z`;
  else if (ISO_DATE_TIME.test(value)) text = /Z|[+-]\d{2}:\d{2}$/.test(value) ? value : `${value}Z`;
  else return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms / DAY_MS;
}

/** The ISO date of a date, a date-time or a day number. */
export function toIsoDate(value: unknown): string | undefined {
  if (typeof value === "string") {
    if (ISO_DATE.test(value)) return value;
    return ISO_DATE_TIME.test(value) ? value.slice(0, 10) : undefined;
  }
  if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
  return new Date(Math.floor(value) * DAY_MS).toISOString().slice(0, 10);
}

/** A number from a number, a decimal text, a date (its day number) or a time (day fraction). */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value !== "string") return undefined;
  if (NUMBER.test(value)) return Number(value);
  if (TIME.test(value)) {
    const [h, m, s = 0] = value.split(":").map(Number) as [number, number, number?];
    return (h * 3600 + m * 60 + s) / 86_400;
  }
  return toDayNumber(value);
}

/** Text as XLSForm writes a value: a multiple choice as its codes separated by spaces. */
export function toText(value: unknown): string {
  if (Array.isArray(value)) return value.join(" ");
  return value === undefined || value === null ? "" : String(value);
}

/** How many choices a value holds: a list's length, or the space-separated codes of a text. */
export function countSelected(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  return toText(value).split(" ").filter(Boolean).length;
}

export function arithmetic(a: unknown, op: ArithmeticOperator, b: unknown): number | undefined {
  const x = toNumber(a);
  const y = toNumber(b);
  if (x === undefined || y === undefined) return undefined;
  switch (op) {
    case "+":
      return x + y;
    case "-":
      return x - y;
    case "*":
      return x * y;
    case "div":
      return y === 0 ? undefined : x / y;
    case "mod":
      return y === 0 ? undefined : x % y;
  }
}

/** `round(x, digits)`: halves go up (towards +infinity), as XPath's round does. */
export function roundTo(value: number, digits = 0): number {
  const factor = 10 ** Math.trunc(digits);
  return Math.round(value * factor) / factor;
}

function isTruthy(value: Scalar): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0 && !Number.isNaN(value);
  return value !== "";
}

function equal(a: Scalar, b: Scalar): boolean {
  if (typeof a === typeof b) return a === b;
  // XPath: against a boolean, the other side is a truth value; against a number, a number.
  if (typeof a === "boolean" || typeof b === "boolean") return isTruthy(a) === isTruthy(b);
  const x = toNumber(a);
  return x !== undefined && x === toNumber(b);
}

const DASH = 45;

/** `YYYY-MM-DD` by its shape (the fields' own checks made sure it is a real date). */
function isDateText(value: Scalar): value is string {
  return (
    typeof value === "string" &&
    value.length === 10 &&
    value.charCodeAt(4) === DASH &&
    value.charCodeAt(7) === DASH
  );
}

/**
 * Compares two known values. Equality keeps types (a code "2" equals the number 2 only as
 * numbers); relational operators compare numbers, with dates as days and times as day
 * fractions. ISO dates of the same form compare as texts, which orders them the same way
 * without parsing them (the common case, several times per record).
 */
export function compareValues(a: Scalar, op: Comparator, b: Scalar): boolean {
  if (op === "==") return equal(a, b);
  if (op === "!=") return !equal(a, b);
  let x = a;
  let y = b;
  if (!(typeof a === "number" && typeof b === "number") && !(isDateText(a) && isDateText(b))) {
    const n = toNumber(a);
    const m = toNumber(b);
    // Not numbers: XPath compares NaN, which is never less nor greater.
    if (n === undefined || m === undefined) return false;
    x = n;
    y = m;
  }
  switch (op) {
    case "<":
      return x < y;
    case "<=":
      return x <= y;
    case ">=":
      return x >= y;
    case ">":
      return x > y;
  }
}
