// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${NAME} is how XLSForm names a field
import { describe, expect, it } from "vitest";
import type { Condition, FieldType, Operand } from "../../../shared-schema/src/dcd.ts";
import {
  type ExpressionContext,
  parseCondition,
  parseOperand,
} from "../../../shared-schema/src/xlsform/parse-expression.ts";

// Fields of a SPIN_SURG-like DCD, as Healthdata's workbooks name them.
const FIELDS: Record<string, FieldType> = {
  CD_MDT: "code",
  CD_URGENCY: "code",
  CD_LEVEL_FROM: "code",
  CD_LEVEL_TO: "code",
  CD_PROCEDURE: "multi",
  CD_NOMEN: "multi",
  D_SURG: "date",
  D_DISCH: "date",
  D_MDT: "date",
  D_PAT_DOB: "date",
  IDC_PAT: "text",
  TX_COMMENT: "text",
  MS_DURATION: "integer",
  MS_BMI: "decimal",
  FL_IMPLANT: "bool",
  CALC_AGE: "calculate",
};

const fieldType = (name: string): FieldType | undefined => FIELDS[name];
const record: ExpressionContext = { fieldType };
const row = (self: string): ExpressionContext => ({ self, fieldType });

function condition(text: string, ctx: ExpressionContext = record): Condition {
  const result = parseCondition(text, ctx);
  if (!result.ok) throw new Error(`${text}: ${result.error} at ${result.offset}`);
  return result.value;
}

function operand(text: string, ctx: ExpressionContext = record): Operand {
  const result = parseOperand(text, ctx);
  if (!result.ok) throw new Error(`${text}: ${result.error} at ${result.offset}`);
  return result.value;
}

describe("parseCondition: canonical forms", () => {
  it.each<[string, Condition]>([
    ["${CD_MDT} = '1'", { field: "CD_MDT", equals: "1" }],
    ["'1' = ${CD_MDT}", { field: "CD_MDT", equals: "1" }],
    ['${CD_MDT} = "1"', { field: "CD_MDT", equals: "1" }],
    // A code is a text, whatever the author typed.
    ["${CD_URGENCY} = 2", { field: "CD_URGENCY", equals: "2" }],
    ["${CD_URGENCY} = 02", { field: "CD_URGENCY", equals: "02" }],
    ["${MS_DURATION} = 90", { field: "MS_DURATION", equals: 90 }],
    ["${MS_DURATION} = '90'", { field: "MS_DURATION", equals: 90 }],
    ["${MS_BMI} = -2.5", { field: "MS_BMI", equals: -2.5 }],
    ["${FL_IMPLANT} = 'true'", { field: "FL_IMPLANT", equals: true }],
    ["${FL_IMPLANT} = false()", { field: "FL_IMPLANT", equals: false }],
    ["${CALC_AGE} = 18", { field: "CALC_AGE", equals: 18 }],
    ["${CALC_AGE} = '18'", { field: "CALC_AGE", equals: "18" }],
    ["${IDC_PAT} = ''", { empty: "IDC_PAT" }],
    ["${IDC_PAT} != ''", { filled: "IDC_PAT" }],
    ["'' != ${IDC_PAT}", { filled: "IDC_PAT" }],
    ["${CD_URGENCY} != '2'", { not: { field: "CD_URGENCY", equals: "2" } }],
    ["not(${CD_URGENCY} = '2')", { not: { field: "CD_URGENCY", equals: "2" } }],
    ["${CD_MDT} = '1' or ${CD_MDT} = '2'", { field: "CD_MDT", oneOf: ["1", "2"] }],
    [
      "${MS_DURATION} = 1 or ${MS_DURATION} = 2 or ${MS_DURATION} = 3",
      { field: "MS_DURATION", oneOf: [1, 2, 3] },
    ],
    [
      "selected(${CD_PROCEDURE}, '5') or selected(${CD_PROCEDURE}, '6')",
      { field: "CD_PROCEDURE", includesAny: ["5", "6"] },
    ],
    ["selected(${CD_PROCEDURE}, 5)", { field: "CD_PROCEDURE", includesAny: ["5"] }],
    // XLSForm allows selected() on a single choice: the record holds one code.
    ["selected(${CD_MDT}, '3')", { field: "CD_MDT", equals: "3" }],
    ["selected(${CD_MDT}, '1') or ${CD_MDT} = '2'", { field: "CD_MDT", oneOf: ["1", "2"] }],
    ["${FL_IMPLANT}", { truthy: { field: "FL_IMPLANT" } }],
    ["true()", { truthy: { value: true } }],
    [
      "${D_SURG} >= '2022-09-01'",
      { compare: [{ field: "D_SURG" }, ">=", { value: "2022-09-01" }] },
    ],
    ["${D_MDT} = ${D_SURG}", { compare: [{ field: "D_MDT" }, "==", { field: "D_SURG" }] }],
    [
      "${CD_LEVEL_TO} != ${CD_LEVEL_FROM}",
      { compare: [{ field: "CD_LEVEL_TO" }, "!=", { field: "CD_LEVEL_FROM" }] },
    ],
    [
      "${D_DISCH} - ${D_SURG} <= 365",
      {
        compare: [
          { arith: [{ field: "D_DISCH" }, "-", { field: "D_SURG" }] },
          "<=",
          { value: 365 },
        ],
      },
    ],
    [
      "coalesce(${D_DISCH}, ${D_SURG}) != ''",
      {
        compare: [
          { call: "coalesce", args: [{ field: "D_DISCH" }, { field: "D_SURG" }] },
          "!=",
          { value: "" },
        ],
      },
    ],
    [
      "if(${MS_DURATION} > 1, 2, 3) = 2",
      {
        compare: [
          {
            if: [
              { compare: [{ field: "MS_DURATION" }, ">", { value: 1 }] },
              { value: 2 },
              { value: 3 },
            ],
          },
          "==",
          { value: 2 },
        ],
      },
    ],
    [
      "if(${MS_DURATION} > 1, 2, 0)",
      {
        truthy: {
          if: [
            { compare: [{ field: "MS_DURATION" }, ">", { value: 1 }] },
            { value: 2 },
            { value: 0 },
          ],
        },
      },
    ],
  ])("%s", (text, expected) => {
    expect(condition(text)).toEqual(expected);
  });
});

describe("parseCondition: the row's own field", () => {
  it.each<[string, string, Condition]>([
    ["D_SURG", ". <= today()", { compare: [{ field: "D_SURG" }, "<=", { today: true }] }],
    ["D_SURG", ". <= now()", { compare: [{ field: "D_SURG" }, "<=", { today: true }] }],
    [
      "D_SURG",
      ". >= date('2022-09-01')",
      { compare: [{ field: "D_SURG" }, ">=", { call: "date", args: [{ value: "2022-09-01" }] }] },
    ],
    [
      "TX_COMMENT",
      "string-length(.) <= 50",
      {
        compare: [{ call: "string-length", args: [{ field: "TX_COMMENT" }] }, "<=", { value: 50 }],
      },
    ],
    ["IDC_PAT", "regex(., '^[0-9]{11}$')", { regex: [{ field: "IDC_PAT" }, "^[0-9]{11}$"] }],
    [
      "CD_PROCEDURE",
      "count-selected(.) <= 3",
      {
        compare: [
          { call: "count-selected", args: [{ field: "CD_PROCEDURE" }] },
          "<=",
          { value: 3 },
        ],
      },
    ],
    ["CD_PROCEDURE", "selected(., '0')", { field: "CD_PROCEDURE", includesAny: ["0"] }],
    ["IDC_PAT", ". != ''", { filled: "IDC_PAT" }],
    [
      "D_MDT",
      ". >= add-years(${D_SURG}, -1) and . <= ${D_SURG}",
      {
        all: [
          { compare: [{ field: "D_MDT" }, ">=", { field: "D_SURG", addYears: -1 }] },
          { compare: [{ field: "D_MDT" }, "<=", { field: "D_SURG" }] },
        ],
      },
    ],
  ])("%s: %s", (self, text, expected) => {
    expect(condition(text, row(self))).toEqual(expected);
  });
});

describe("parseCondition: and, or, not and parentheses", () => {
  it("flattens a chain of and into one all", () => {
    expect(condition("${CD_MDT} = '1' and ${IDC_PAT} != '' and ${FL_IMPLANT} = true()")).toEqual({
      all: [
        { field: "CD_MDT", equals: "1" },
        { filled: "IDC_PAT" },
        { field: "FL_IMPLANT", equals: true },
      ],
    });
  });

  it("binds and tighter than or", () => {
    expect(condition("${IDC_PAT} = '' and ${CD_MDT} = '1' or ${FL_IMPLANT}")).toEqual({
      any: [
        { all: [{ empty: "IDC_PAT" }, { field: "CD_MDT", equals: "1" }] },
        { truthy: { field: "FL_IMPLANT" } },
      ],
    });
  });

  it("keeps a parenthesized chain as one term", () => {
    expect(condition("${CD_MDT} = '1' and (${IDC_PAT} = '' or ${TX_COMMENT} != '')")).toEqual({
      all: [
        { field: "CD_MDT", equals: "1" },
        { any: [{ empty: "IDC_PAT" }, { filled: "TX_COMMENT" }] },
      ],
    });
    expect(condition("(${CD_MDT} = '1' or ${CD_MDT} = '2') or ${CD_MDT} = '3'")).toEqual({
      any: [
        { field: "CD_MDT", oneOf: ["1", "2"] },
        { field: "CD_MDT", equals: "3" },
      ],
    });
  });

  it("makes a oneOf only of a chain that tests one field and nothing else", () => {
    expect(condition("${CD_MDT} = '1' or ${CD_URGENCY} = '1'")).toEqual({
      any: [
        { field: "CD_MDT", equals: "1" },
        { field: "CD_URGENCY", equals: "1" },
      ],
    });
    expect(condition("${CD_MDT} = '' or ${CD_MDT} = '1'")).toEqual({
      any: [{ empty: "CD_MDT" }, { field: "CD_MDT", equals: "1" }],
    });
    expect(condition("${FL_IMPLANT} = true() or ${FL_IMPLANT} = false()")).toEqual({
      any: [
        { field: "FL_IMPLANT", equals: true },
        { field: "FL_IMPLANT", equals: false },
      ],
    });
    expect(condition("selected(${CD_PROCEDURE}, '1') or selected(${CD_NOMEN}, '1')")).toEqual({
      any: [
        { field: "CD_PROCEDURE", includesAny: ["1"] },
        { field: "CD_NOMEN", includesAny: ["1"] },
      ],
    });
  });

  it("reads not() of any condition, and a comparison used as a value", () => {
    expect(condition("not(selected(${CD_PROCEDURE}, '0') and ${FL_IMPLANT})")).toEqual({
      not: {
        all: [{ field: "CD_PROCEDURE", includesAny: ["0"] }, { truthy: { field: "FL_IMPLANT" } }],
      },
    });
    expect(operand("${MS_DURATION} > 60")).toEqual({
      if: [
        { compare: [{ field: "MS_DURATION" }, ">", { value: 60 }] },
        { value: true },
        { value: false },
      ],
    });
  });

  it("accepts keywords and function names in any spacing XPath allows", () => {
    expect(condition("not (${CD_MDT}='1')and${FL_IMPLANT}")).toEqual({
      all: [{ not: { field: "CD_MDT", equals: "1" } }, { truthy: { field: "FL_IMPLANT" } }],
    });
    expect(condition("${CD_MDT}\n=\u00a0'1'")).toEqual({ field: "CD_MDT", equals: "1" });
  });
});

describe("parseOperand", () => {
  it.each<[string, Operand]>([
    ["${D_SURG}", { field: "D_SURG" }],
    ["'draft'", { value: "draft" }],
    ["12.50", { value: 12.5 }],
    [".5", { value: 0.5 }],
    ["-3", { value: -3 }],
    ["-0", { value: 0 }],
    ["--3", { negate: { value: -3 } }],
    ["-(3)", { negate: { value: 3 } }],
    ["-${MS_DURATION}", { negate: { field: "MS_DURATION" } }],
    ["today()", { today: true }],
    ["add-years(today(), -120)", { today: true, addYears: -120 }],
    ["add-years(${D_SURG}, 1)", { field: "D_SURG", addYears: 1 }],
    ["ordinal(${CD_LEVEL_TO})", { field: "CD_LEVEL_TO", ordinal: true }],
    ["niss-birth-date(${IDC_PAT})", { field: "IDC_PAT", derive: "niss.birthDate" }],
    ["niss-sex-code(${IDC_PAT})", { field: "IDC_PAT", derive: "niss.sexCode" }],
    ["int(${MS_BMI})", { call: "int", args: [{ field: "MS_BMI" }] }],
    ["number('12')", { call: "number", args: [{ value: "12" }] }],
    ["round(${MS_BMI}, 1)", { call: "round", args: [{ field: "MS_BMI" }, { value: 1 }] }],
    ["decimal-date-time(${D_SURG})", { call: "decimal-date-time", args: [{ field: "D_SURG" }] }],
    [
      "concat(${TX_COMMENT}, ' ', ${IDC_PAT})",
      { call: "concat", args: [{ field: "TX_COMMENT" }, { value: " " }, { field: "IDC_PAT" }] },
    ],
    ["1 + 2 * 3", { arith: [{ value: 1 }, "+", { arith: [{ value: 2 }, "*", { value: 3 }] }] }],
    ["(1 + 2) * 3", { arith: [{ arith: [{ value: 1 }, "+", { value: 2 }] }, "*", { value: 3 }] }],
    ["10 - 4 - 3", { arith: [{ arith: [{ value: 10 }, "-", { value: 4 }] }, "-", { value: 3 }] }],
    [
      "${MS_DURATION} div 60 mod 24",
      {
        arith: [{ arith: [{ field: "MS_DURATION" }, "div", { value: 60 }] }, "mod", { value: 24 }],
      },
    ],
    ["-${MS_DURATION} * 2", { arith: [{ negate: { field: "MS_DURATION" } }, "*", { value: 2 }] }],
  ])("%s", (text, expected) => {
    expect(operand(text)).toEqual(expected);
  });

  it("reads the eligibility extension", () => {
    expect(condition("any-eligibility(${CD_NOMEN}, 'required', ${D_SURG})")).toEqual({
      field: "CD_NOMEN",
      anyEligibility: "required",
      on: "D_SURG",
    });
    expect(condition("not(any-eligibility(${CD_NOMEN}, 'unknown'))")).toEqual({
      not: { field: "CD_NOMEN", anyEligibility: "unknown" },
    });
  });

  it("reads bare names as columns of the choice in a choice filter", () => {
    const filter: ExpressionContext = { fieldType, choiceColumns: true };
    expect(condition("region = ${CD_MDT} or region = 'all'", filter)).toEqual({
      any: [
        { compare: [{ choice: "region" }, "==", { field: "CD_MDT" }] },
        { compare: [{ choice: "region" }, "==", { value: "all" }] },
      ],
    });
  });
});

describe("errors", () => {
  it.each<[string, ExpressionContext, string, number]>([
    ["", record, "the expression is empty", 0],
    ["   ", record, "the expression is empty", 0],
    ["${CD_MDT} = '1", record, "the text opened here is never closed: add the closing '", 12],
    ['${CD_MDT} = "1', record, 'add the closing "', 12],
    ["${CD_MDT = '1'", record, '"${" is never closed', 0],
    ["${} = '1'", record, "must hold a field name", 0],
    ["${CD MDT} = '1'", record, "must hold a field name", 0],
    [
      "${CD_MDT} = '1' and ${D_SURGG} <= today()",
      record,
      "${D_SURGG} is not a field of this DCD",
      20,
    ],
    [
      "pulldata('patients', 'age', 'id', ${IDC_PAT})",
      record,
      "unknown function pulldata(): not supported, rewrite the rule without it",
      0,
    ],
    [
      "${CD_MDT} = jr:choice-name(${CD_MDT}, '${CD_MDT}')",
      record,
      "unknown function jr:choice-name()",
      12,
    ],
    [
      "indexed-repeat(${MS_DURATION}, ${D_SURG}, 1) > 0",
      record,
      "unknown function indexed-repeat()",
      0,
    ],
    ["position(..) = 1", record, "unknown function position()", 0],
    ["once(today())", record, "unknown function once()", 0],
    ["random() < 0.5", record, "unknown function random()", 0],
    ["uuid() != ''", record, "unknown function uuid()", 0],
    ["instance('list')/root/item = 1", record, "unknown function instance()", 0],
    ["/data/CD_MDT = '1'", record, "/data/... path", 0],
    ["${MS_DURATION} / 60 > 1", record, "divide with div", 15],
    ["${CD_MDT} == '1'", record, 'write a single "="', 10],
    ["${CD_MDT} <> '1'", record, 'write "!="', 10],
    ["${FL_IMPLANT} && ${CD_MDT} = '1'", record, "write and", 14],
    ["$age > 1", record, "XPath variables", 0],
    ["${CD_MDT} = \u20181\u2019", record, "write a straight", 12],
    [
      "${CD_MDT} = '1' ${CD_URGENCY} = '2'",
      record,
      "unexpected ${CD_URGENCY} after a complete expression",
      16,
    ],
    ["${CD_MDT} = '1')", record, 'unexpected ")": no "(" matches it', 15],
    [
      "(${CD_MDT} = '1'",
      record,
      'expected ")" to close the parenthesis, found the end of the expression',
      16,
    ],
    ["${CD_MDT} =", record, "expected a value", 11],
    ["if(${MS_DURATION} > 1, 2, 3", record, 'expected ")" after the arguments of if()', 27],
    ["if(${MS_DURATION} > 1, 2) = 2", record, "if() takes 3 arguments, found 2", 0],
    ["not(${FL_IMPLANT}, ${CD_MDT})", record, "not() takes 1 argument, found 2", 19],
    ["today(1) > ${D_SURG}", record, "today() takes 0 arguments, found 1", 6],
    ["round() > 1", record, "round() takes 1 or 2 arguments, found 0", 0],
    ["concat() = ''", record, "concat() takes at least 1 argument, found 0", 0],
    [". <= today()", record, '"." stands for the field of the row', 0],
    ["${CD_MDT} = yes", record, 'unexpected name "yes": refer to a field as ${yes}, or quote', 12],
    ["${FL_IMPLANT} = true", record, "write true() to call the function", 16],
    [
      "regex(${IDC_PAT}, ${TX_COMMENT})",
      record,
      "the pattern of regex() must be a quoted text",
      18,
    ],
    ["regex(${IDC_PAT}, '[0-9')", record, "invalid regular expression in regex()", 18],
    ["selected('5', ${CD_PROCEDURE})", record, "first argument of selected() must be a field", 9],
    [
      "selected(${CD_PROCEDURE}, ${CD_MDT})",
      record,
      "second argument of selected() must be a quoted code",
      26,
    ],
    [
      "selected(${TX_COMMENT}, 'a')",
      record,
      "selected() needs a choice field, and TX_COMMENT is a text field",
      9,
    ],
    [". >= date('2022-02-30')", row("D_SURG"), "date() needs a date written YYYY-MM-DD", 10],
    ["add-years(${D_SURG}, 1.5)", record, "must be a whole number of years", 21],
    ["add-years(ordinal(${CD_MDT}), 1)", record, "add-years() moves a field or today()", 10],
    [
      "ordinal(${D_SURG})",
      record,
      "ordinal() needs a single-choice field, and D_SURG is a date field",
      8,
    ],
    ["niss-birth-date('1')", record, "niss-birth-date() takes the field holding the NISS", 16],
    [
      "any-eligibility(${CD_NOMEN}, 'maybe')",
      record,
      "must be one of 'required', 'exempt', 'not_in_scope', 'unknown'",
      29,
    ],
    [
      "any-eligibility(${CD_NOMEN}, 'required', today())",
      record,
      "third argument of any-eligibility()",
      41,
    ],
    [`${"(".repeat(200)}1${")".repeat(200)}`, record, "nested too deeply", 100],
    [Array(300).fill("1").join(" + "), record, "nested too deeply", 0],
  ])("%s", (text, ctx, message, offset) => {
    const result = parseCondition(text, ctx);
    expect(result).toMatchObject({ ok: false, offset });
    expect(result.ok || result.error).toContain(message);
  });
});
