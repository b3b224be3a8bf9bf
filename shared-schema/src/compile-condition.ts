import { isLeapYear } from "./days-in-month.ts";
import type { CodeList, Comparator, Condition, Dcd, Operand } from "./dcd.ts";
import { decideWithoutReason } from "./eligibility.ts";
import { parseNiss } from "./identifiers/niss.ts";

/** What a condition needs besides its data: the values, which fields are malformed, today. */
export interface ConditionContext {
  values: Record<string, unknown>;
  /** Fields whose values are malformed: rules about them are skipped (they have an error). */
  invalid: ReadonlySet<string>;
  today: string;
}

// Three-valued logic: `undefined` means "cannot tell" (an operand is empty or malformed), and
// a rule reports an issue only when its assertion is definitely false.
export type Truth = boolean | undefined;
export type CompiledCondition = (ctx: ConditionContext) => Truth;
type Value = string | number | boolean | undefined;
type CompiledOperand = (ctx: ConditionContext) => Value;

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
function ordinalsOf(dcd: Dcd): Map<string, Map<string, number>> {
  const lists = new Map<string, CodeList>(dcd.codeLists.map((list) => [list.name, list]));
  const ordinals = new Map<string, Map<string, number>>();
  for (const field of dcd.fields) {
    if (field.type !== "code" && field.type !== "multi") continue;
    const list = lists.get(field.codeList);
    if (list) ordinals.set(field.name, new Map(list.items.map((item, i) => [item.value, i])));
  }
  return ordinals;
}

function knownValue(field: string, ctx: ConditionContext): unknown {
  if (ctx.invalid.has(field)) return undefined;
  const value = ctx.values[field];
  return isEmptyValue(value) ? undefined : value;
}

/**
 * Turns a condition (data) into a function, once per compiled DCD: interpreting the data
 * for every record and rule cost a fifth of validation time (bench/shared-schema).
 */
export function compileCondition(dcd: Dcd): (condition: Condition) => CompiledCondition {
  const ordinals = ordinalsOf(dcd);

  const operand = (op: Operand): CompiledOperand => {
    if ("value" in op) {
      const value = op.value;
      return () => value;
    }
    if ("today" in op) {
      const years = op.addYears;
      return (ctx) => shiftYears(ctx.today, years);
    }
    const { field, addYears, derive } = op;
    if (op.ordinal) {
      const positions = ordinals.get(field);
      return (ctx) => positions?.get(knownValue(field, ctx) as string);
    }
    if (derive) {
      return (ctx) => {
        const value = knownValue(field, ctx);
        if (value === undefined) return undefined;
        const niss = parseNiss(String(value));
        if (!niss.ok) return undefined;
        return derive === "niss.birthDate" ? niss.birthDate : niss.sex && SNOMED_SEX[niss.sex];
      };
    }
    return (ctx) => {
      const value = knownValue(field, ctx) as Value;
      return typeof value === "string" ? shiftYears(value, addYears) : value;
    };
  };

  const compile = (condition: Condition): CompiledCondition => {
    if ("all" in condition) {
      const parts = condition.all.map(compile);
      return (ctx) => {
        let result: Truth = true;
        for (const part of parts) {
          const truth = part(ctx);
          if (truth === false) return false;
          if (truth === undefined) result = undefined;
        }
        return result;
      };
    }
    if ("any" in condition) {
      const parts = condition.any.map(compile);
      return (ctx) => {
        let result: Truth = false;
        for (const part of parts) {
          const truth = part(ctx);
          if (truth === true) return true;
          if (truth === undefined) result = undefined;
        }
        return result;
      };
    }
    if ("not" in condition) {
      const inner = compile(condition.not);
      return (ctx) => {
        const truth = inner(ctx);
        return truth === undefined ? undefined : !truth;
      };
    }
    if ("filled" in condition) {
      const field = condition.filled;
      return (ctx) => (ctx.invalid.has(field) ? undefined : !isEmptyValue(ctx.values[field]));
    }
    if ("empty" in condition) {
      const field = condition.empty;
      return (ctx) => (ctx.invalid.has(field) ? undefined : isEmptyValue(ctx.values[field]));
    }
    if ("compare" in condition) {
      const [left, op, right] = condition.compare;
      const a = operand(left);
      const b = operand(right);
      return (ctx) => {
        const x = a(ctx);
        const y = x === undefined ? undefined : b(ctx);
        return y === undefined ? undefined : compare(x as string | number | boolean, op, y);
      };
    }
    const field = condition.field;
    if ("equals" in condition) {
      const expected = condition.equals;
      return (ctx) => {
        const value = knownValue(field, ctx);
        return value === undefined ? undefined : value === expected;
      };
    }
    if ("oneOf" in condition) {
      const allowed: unknown[] = condition.oneOf;
      return (ctx) => {
        const value = knownValue(field, ctx);
        return value === undefined ? undefined : allowed.includes(value);
      };
    }
    if ("includesAny" in condition) {
      const wanted = condition.includesAny;
      return (ctx) => {
        const value = knownValue(field, ctx);
        return Array.isArray(value) ? wanted.some((v) => value.includes(v)) : undefined;
      };
    }
    const { anyEligibility, on } = condition;
    return (ctx) => {
      const value = knownValue(field, ctx);
      if (!Array.isArray(value)) return undefined;
      const date = on ? knownValue(on, ctx) : undefined;
      return decisionsOf(value, typeof date === "string" ? date : ctx.today).includes(
        anyEligibility,
      );
    };
  };

  // The eligibility rules ask about the same codes and date several times per record: the
  // last answer is kept (compared by content, since a form may change a list in place).
  let lastCodes: string[] = [];
  let lastDate = "";
  let lastDecisions: string[] = [];
  const decisionsOf = (codes: string[], date: string): string[] => {
    if (
      date !== lastDate ||
      codes.length !== lastCodes.length ||
      codes.some((code, i) => code !== lastCodes[i])
    ) {
      const options = { date: date || undefined };
      lastDecisions = codes.map((code) => decideWithoutReason(code, options).decision);
      lastCodes = codes.slice();
      lastDate = date;
    }
    return lastDecisions;
  };
  return compile;
}

/** Moves an ISO date by whole years; 29 February becomes 28 February in a common year. */
export function shiftYears(iso: string, years: number | undefined): string {
  if (!years) return iso;
  const year = Number(iso.slice(0, 4)) + years;
  let rest = iso.slice(4);
  if (rest === "-02-29" && !isLeapYear(year)) {
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
