// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${NAME} is how XLSForm names a field
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type {
  ArithmeticOperator,
  Comparator,
  Condition,
  FieldType,
  FunctionName,
  Operand,
} from "../../../shared-schema/src/dcd.ts";
import {
  type ExpressionContext,
  parseCondition,
  parseOperand,
} from "../../../shared-schema/src/xlsform/parse-expression.ts";
import {
  printCondition,
  printOperand,
} from "../../../shared-schema/src/xlsform/print-expression.ts";

// parse(print(x)) deep-equals x for every canonical x (docs/dcd-expressions.md): the
// generators below build canonical values only, over a small table of fields.
const FIELDS: Record<string, FieldType> = {
  CD_MDT: "code",
  CD_LEVEL: "code",
  CD_PROCEDURE: "multi",
  CD_NOMEN: "multi",
  D_SURG: "date",
  D_DISCH: "date",
  TX_NOTE: "text",
  MS_DURATION: "integer",
  MS_BMI: "decimal",
  FL_IMPLANT: "bool",
  CALC_SCORE: "calculate",
};
const ctx: ExpressionContext = { fieldType: (name) => FIELDS[name], choiceColumns: true };

const namesOf = (...types: FieldType[]) =>
  fc.constantFrom(
    ...Object.keys(FIELDS).filter((name) => types.includes(FIELDS[name] as FieldType)),
  );
const anyField = fc.constantFrom(...Object.keys(FIELDS));
const codeField = namesOf("code");
const multiField = namesOf("multi");
const dateField = namesOf("date");

/** Any text an expression can quote: not one holding both ' and ". */
const text = fc
  .string({ maxLength: 8, unit: "binary" })
  .filter((s) => !(s.includes("'") && s.includes('"')));
const code = fc.oneof(fc.constantFrom("1", "2", "99", "L5", "248153007"), text);
const filledText = code.filter((s) => s !== "");
const number = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
);
const integer = fc.integer({ min: -1000, max: 1000 });
const literal = fc.oneof(text, number, fc.boolean());

/** The value an equality holds, in the type the parser gives a literal for that field. */
function equalityValue(type: FieldType): fc.Arbitrary<string | number | boolean> {
  switch (type) {
    case "integer":
      return integer;
    case "decimal":
      return number;
    case "bool":
      return fc.boolean();
    case "calculate":
      return fc.oneof(filledText, number, fc.boolean());
    default:
      return filledText;
  }
}

const isPlainField = (o: Operand) => "field" in o && Object.keys(o).length === 1;
const isLiteral = (o: Operand) => "value" in o;

/** An `any` the parser would merge: equalities, or single selected(), of one field. */
function mergesIntoOne(terms: Condition[]): boolean {
  const fields = new Set(terms.map((term) => ("field" in term ? term.field : undefined)));
  if (fields.size !== 1 || fields.has(undefined)) return false;
  return (
    terms.every((term) => "equals" in term && typeof term.equals !== "boolean") ||
    terms.every((term) => "includesAny" in term && term.includesAny.length === 1)
  );
}

const FUNCTIONS: [FunctionName, number, number][] = [
  ["string-length", 1, 1],
  ["count-selected", 1, 1],
  ["coalesce", 2, 2],
  ["decimal-date-time", 1, 1],
  ["number", 1, 1],
  ["int", 1, 1],
  ["round", 1, 2],
  ["concat", 1, 3],
];
const ARITHMETIC: ArithmeticOperator[] = ["+", "-", "*", "div", "mod"];
const COMPARATORS: Comparator[] = ["<", "<=", "==", "!=", ">=", ">"];
const depth = { depthIdentifier: "expression", maxDepth: 3 };

const { condition, operand } = fc.letrec<{ condition: Condition; operand: Operand }>((tie) => {
  const op = tie("operand") as fc.Arbitrary<Operand>;
  const cond = tie("condition") as fc.Arbitrary<Condition>;
  const isoDate = fc
    .date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true })
    .map((d) => ({ value: d.toISOString().slice(0, 10) }));
  return {
    operand: fc.oneof(
      depth,
      anyField.map((field) => ({ field })),
      literal.map((value) => ({ value })),
      fc.record({ field: anyField, addYears: integer }),
      fc.record({ field: codeField, ordinal: fc.constant(true as const) }),
      fc.record({ field: anyField, derive: fc.constantFrom("niss.birthDate", "niss.sexCode") }),
      fc.constant({ today: true as const }),
      fc.record({ today: fc.constant(true as const), addYears: integer }),
      fc.constantFrom("region", "filter", "and").map((choice) => ({ choice })),
      fc.tuple(op, fc.constantFrom(...ARITHMETIC), op).map((arith) => ({ arith })),
      // -5 is the number -5: a negation of a number literal is not canonical.
      op
        .filter((o) => !("value" in o && typeof o.value === "number"))
        .map((negate) => ({ negate })),
      fc.tuple(cond, op, op).map((branches) => ({ if: branches })),
      // A literal given to date() is checked to be an ISO date.
      fc
        .oneof(
          op.filter((o) => !isLiteral(o)),
          isoDate,
        )
        .map((arg) => ({
          call: "date" as const,
          args: [arg],
        })),
      fc
        .constantFrom(...FUNCTIONS)
        .chain(([call, min, max]) =>
          fc.array(op, { minLength: min, maxLength: max }).map((args) => ({ call, args })),
        ),
    ),
    condition: fc.oneof(
      depth,
      anyField.map((filled) => ({ filled })),
      anyField.map((empty) => ({ empty })),
      anyField.chain((field) =>
        equalityValue(FIELDS[field] as FieldType).map((equals) => ({ field, equals })),
      ),
      fc.record({ field: codeField, oneOf: fc.array(filledText, { minLength: 2, maxLength: 4 }) }),
      fc.record({
        field: namesOf("integer"),
        oneOf: fc.array(integer, { minLength: 2, maxLength: 4 }),
      }),
      fc.record({ field: multiField, includesAny: fc.array(text, { minLength: 1, maxLength: 4 }) }),
      fc.record(
        {
          field: multiField,
          anyEligibility: fc.constantFrom("required", "exempt", "not_in_scope", "unknown"),
          on: dateField,
        },
        { requiredKeys: ["field", "anyEligibility"] },
      ),
      fc
        .tuple(op, fc.constantFrom(...COMPARATORS), op)
        // `${F} = 'x'` is an equality, not a comparison.
        .filter(
          ([a, comparator, b]) =>
            !(
              (comparator === "==" || comparator === "!=") &&
              ((isPlainField(a) && isLiteral(b)) || (isLiteral(a) && isPlainField(b)))
            ),
        )
        .map((compare) => ({ compare })),
      fc
        .tuple(op, fc.constantFrom("^[0-9]{11}$", "^[A-Z]", "a|b", "\\d+", ""))
        .map((regex) => ({ regex })),
      op.map((truthy) => ({ truthy })),
      fc.array(cond, { minLength: 2, maxLength: 3 }).map((all) => ({ all })),
      fc
        .array(cond, { minLength: 2, maxLength: 3 })
        .filter((terms) => !mergesIntoOne(terms))
        .map((any) => ({ any })),
      cond.map((not) => ({ not })),
    ),
  };
});

describe("printCondition then parseCondition", () => {
  it("gives back every canonical condition", () => {
    fc.assert(
      fc.property(condition, (c) => {
        expect(parseCondition(printCondition(c), ctx)).toEqual({ ok: true, value: c });
      }),
      { numRuns: 1_500 },
    );
  });

  it("gives back every canonical operand", () => {
    fc.assert(
      fc.property(operand, (o) => {
        expect(parseOperand(printOperand(o), ctx)).toEqual({ ok: true, value: o });
      }),
      { numRuns: 1_500 },
    );
  });

  it("prints canonical texts", () => {
    expect(
      printCondition({
        all: [
          { field: "CD_MDT", oneOf: ["1", "2"] },
          { not: { field: "FL_IMPLANT", equals: true } },
          {
            any: [{ empty: "D_SURG" }, { all: [{ filled: "TX_NOTE" }, { truthy: { value: 1 } }] }],
          },
        ],
      }),
    ).toBe(
      "(${CD_MDT} = '1' or ${CD_MDT} = '2') and ${FL_IMPLANT} != true() and (${D_SURG} = '' or ${TX_NOTE} != '' and 1)",
    );
    expect(
      printOperand({
        arith: [
          { value: 1 },
          "-",
          { arith: [{ negate: { field: "MS_DURATION" } }, "-", { value: -2 }] },
        ],
      }),
    ).toBe("1 - (-${MS_DURATION} - -2)");
    expect(printOperand({ value: "it's" })).toBe(`"it's"`);
    expect(printOperand({ value: 1e21 })).toBe("1000000000000000000000");
    expect(printOperand({ value: 1.5e-7 })).toBe("0.00000015");
  });

  it("refuses what an expression cannot write", () => {
    expect(() => printOperand({ value: `it's "x"` })).toThrow("both ' and \"");
    expect(() => printOperand({ value: Number.NaN })).toThrow("cannot print the number");
    expect(() => printOperand({ field: "D SURG" })).toThrow("cannot print the field name");
  });
});

describe("parseCondition on any text", () => {
  const pieces = fc.constantFrom(
    "${CD_MDT}",
    "${NOPE}",
    "${",
    "}",
    ".",
    "..",
    "'1'",
    "'",
    '"',
    "12.5",
    "-",
    "+",
    "*",
    "div",
    "mod",
    "=",
    "!=",
    "<=",
    ">",
    "and",
    "or",
    "(",
    ")",
    ",",
    "not(",
    "selected(",
    "if(",
    "regex(",
    "add-years(",
    "any-eligibility(",
    "today()",
    "true()",
    "pulldata(",
    "/",
    "region",
    " ",
  );
  const soup = fc.array(pieces, { maxLength: 20 }).map((parts) => parts.join(""));
  const withSelf: ExpressionContext = { ...ctx, self: "D_SURG" };

  it("never throws: it answers ok, or an error at an offset within the text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40, unit: "binary" }), soup), (text) => {
        for (const context of [ctx, withSelf, { fieldType: ctx.fieldType }]) {
          const result = parseCondition(text, context);
          if (!result.ok) {
            expect(result.error).not.toBe("");
            expect(result.offset).toBeGreaterThanOrEqual(0);
            expect(result.offset).toBeLessThanOrEqual(text.length);
          }
          expect(parseOperand(text, context).ok).toBeTypeOf("boolean");
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
