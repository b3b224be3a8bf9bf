import type { CodeList, Comparator, Condition, Dcd, Operand } from "./dcd.ts";
import { decideWithoutReason } from "./eligibility.ts";
import { parseNiss } from "./identifiers/niss.ts";

/** What a condition needs besides the values: which fields failed their own checks, today. */
export interface ConditionContext {
  values: Record<string, unknown>;
  /** Fields whose values are malformed: rules about them are skipped (they have an error). */
  invalid: ReadonlySet<string>;
  today: string;
  ordinals: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

// Three-valued logic: `undefined` means "cannot tell" (an operand is empty or malformed), and
// a rule reports an issue only when its assertion is definitely false.
type Truth = boolean | undefined;

const SNOMED_SEX = { male: "248153007", female: "248152002" } as const;

export function isEmptyValue(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === "" ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** Position of every code in its list, for `ordinal` operands ("L5 is caudal to L4"). */
export function ordinalsOf(dcd: Dcd): Map<string, Map<string, number>> {
  const lists = new Map<string, CodeList>(dcd.codeLists.map((list) => [list.name, list]));
  const ordinals = new Map<string, Map<string, number>>();
  for (const field of dcd.fields) {
    if (field.type !== "code" && field.type !== "multi") continue;
    const list = lists.get(field.codeList);
    if (list) ordinals.set(field.name, new Map(list.items.map((item, i) => [item.value, i])));
  }
  return ordinals;
}

export function evaluateCondition(condition: Condition, ctx: ConditionContext): Truth {
  if ("all" in condition) {
    let result: Truth = true;
    for (const part of condition.all) {
      const truth = evaluateCondition(part, ctx);
      if (truth === false) return false;
      if (truth === undefined) result = undefined;
    }
    return result;
  }
  if ("any" in condition) {
    let result: Truth = false;
    for (const part of condition.any) {
      const truth = evaluateCondition(part, ctx);
      if (truth === true) return true;
      if (truth === undefined) result = undefined;
    }
    return result;
  }
  if ("not" in condition) {
    const truth = evaluateCondition(condition.not, ctx);
    return truth === undefined ? undefined : !truth;
  }
  if ("filled" in condition) {
    if (ctx.invalid.has(condition.filled)) return undefined;
    return !isEmptyValue(ctx.values[condition.filled]);
  }
  if ("empty" in condition) {
    if (ctx.invalid.has(condition.empty)) return undefined;
    return isEmptyValue(ctx.values[condition.empty]);
  }
  if ("compare" in condition) {
    const [left, op, right] = condition.compare;
    const a = resolveOperand(left, ctx);
    const b = resolveOperand(right, ctx);
    return a === undefined || b === undefined ? undefined : compare(a, op, b);
  }
  const value = knownValue(condition.field, ctx);
  if (value === undefined) return undefined;
  if ("equals" in condition) return value === condition.equals;
  if ("oneOf" in condition) return condition.oneOf.includes(value as string | number);
  if (!Array.isArray(value)) return undefined;
  if ("includesAny" in condition) return condition.includesAny.some((v) => value.includes(v));
  const date = condition.on ? knownValue(condition.on, ctx) : undefined;
  const on = typeof date === "string" ? date : ctx.today;
  return value.some(
    (code: string) =>
      decideWithoutReason(code, { date: on || undefined }).decision === condition.anyEligibility,
  );
}

function knownValue(field: string, ctx: ConditionContext): unknown {
  if (ctx.invalid.has(field)) return undefined;
  const value = ctx.values[field];
  return isEmptyValue(value) ? undefined : value;
}

function resolveOperand(
  operand: Operand,
  ctx: ConditionContext,
): string | number | boolean | undefined {
  if ("value" in operand) return operand.value;
  if ("today" in operand) return shiftYears(ctx.today, operand.addYears);
  const value = knownValue(operand.field, ctx);
  if (value === undefined) return undefined;
  if (operand.ordinal) return ctx.ordinals.get(operand.field)?.get(value as string);
  if (operand.derive) {
    const niss = parseNiss(String(value));
    if (!niss.ok) return undefined;
    if (operand.derive === "niss.birthDate") return niss.birthDate;
    return niss.sex && SNOMED_SEX[niss.sex];
  }
  if (typeof value === "string") return shiftYears(value, operand.addYears);
  return value as number | boolean;
}

/** Moves an ISO date by whole years; 29 February becomes 28 February in a common year. */
export function shiftYears(iso: string, years: number | undefined): string {
  if (!years) return iso;
  const year = Number(iso.slice(0, 4)) + years;
  let rest = iso.slice(4);
  if (rest === "-02-29" && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) {
    rest = "-02-28";
  }
  return String(year).padStart(4, "0") + rest;
}

function compare(
  a: string | number | boolean,
  op: Comparator,
  b: string | number | boolean,
): Truth {
  // ISO dates and code ordinals both order correctly with < and >.
  switch (op) {
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case "==":
      return a === b;
    case "!=":
      return a !== b;
    case ">=":
      return a >= b;
    case ">":
      return a > b;
  }
}
