// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${NAME} is how XLSForm names a field
// What XLSForm expressions mean once read: each is parsed with parseCondition and evaluated
// by compileCondition, the pair the validator and the forms use. Where the fields hold
// values, the outcome must be the one ODK gives (JavaRosa, the engine of ODK Collect, and the
// ODK XForms specification). Where a field is empty, ODK reads '' and always answers true or
// false; we answer "cannot tell" instead, on purpose, and each such case is pinned below
// (docs/dcd-expressions.md, "Empty values").

import { describe, expect, it } from "vitest";
import { compileCondition, type Truth } from "../../../shared-schema/src/compile-condition.ts";
import { compileDcd } from "../../../shared-schema/src/compile-dcd.ts";
import type {
  Condition,
  Dcd,
  DcdRecord,
  Field,
  FieldType,
} from "../../../shared-schema/src/dcd.ts";
import { same } from "../../../shared-schema/src/translations.ts";
import { parseCondition } from "../../../shared-schema/src/xlsform/parse-expression.ts";

const TODAY = "2024-06-15";

// One field of each type a registry rule reads.
const TYPES = {
  D_START: "date",
  D_END: "date",
  MS_AGE: "integer",
  MS_BMI: "decimal",
  CD_URGENCY: "code",
  CD_PROCEDURE: "multi",
  FL_IMPLANT: "bool",
  TX_COMMENT: "text",
} as const satisfies Record<string, FieldType>;
type FieldName = keyof typeof TYPES;

const fieldType = (name: string): FieldType | undefined => TYPES[name as FieldName];

function condition(text: string, self?: FieldName): Condition {
  const result = parseCondition(text, { self, fieldType });
  if (!result.ok) throw new Error(`${text}: ${result.error} at ${result.offset}`);
  return result.value;
}

function fieldOf(name: FieldName, extra: Partial<Field> = {}): Field {
  const base = { name, label: same(name), required: false };
  const type = TYPES[name];
  if (type === "code") return { ...base, type, codeList: "URGENCY", ...extra } as Field;
  if (type === "multi") return { ...base, type, codeList: "PROCEDURE", ...extra } as Field;
  return { ...base, type, ...extra } as Field;
}

function dcdOf(fields: Field[], rules: Dcd["rules"] = []): Dcd {
  return {
    id: "SEMANTICS",
    version: "1.0.0",
    label: same("Expression semantics"),
    source: "test",
    fields,
    codeLists: [
      {
        name: "URGENCY",
        items: ["1", "2", "3"].map((value) => ({ value, label: same(value) })),
      },
      {
        name: "PROCEDURE",
        items: ["1", "2", "3", "4"].map((value) => ({ value, label: same(value) })),
      },
    ],
    rules,
    businessKey: { fields: [] },
  };
}

const compile = compileCondition(
  dcdOf(Object.keys(TYPES).map((name) => fieldOf(name as FieldName))),
);

/** The truth of an expression for a record: true, false, or undefined for "cannot tell". */
function truth(text: string, values: DcdRecord, self?: FieldName): Truth {
  return compile(condition(text, self))({ values, invalid: new Set(), today: TODAY });
}

type Row = [text: string, values: DcdRecord, odk: boolean];

describe("with values present, expressions mean what they mean in ODK", () => {
  describe("dates count as days since 1970-01-01", () => {
    it.each<Row>([
      // 2022-09-01 to 2023-09-01 is 365 days; 2023-09-01 to 2024-09-01 is 366 (2024 is leap).
      ["${D_END} - ${D_START} <= 365", { D_START: "2022-09-01", D_END: "2023-09-01" }, true],
      ["${D_END} - ${D_START} <= 365", { D_START: "2023-09-01", D_END: "2024-09-01" }, false],
      ["${D_END} >= ${D_START}", { D_START: "2022-09-01", D_END: "2022-08-31" }, false],
      ["${D_END} >= ${D_START}", { D_START: "2022-09-01", D_END: "2022-09-01" }, true],
      ["${D_START} <= today()", { D_START: TODAY }, true],
      ["${D_START} <= today()", { D_START: "2024-06-16" }, false],
      ["today() - ${D_START} < 30", { D_START: "2024-05-20" }, true],
      ["${D_START} > today() - 30", { D_START: "2024-05-01" }, false],
      ["${D_START} >= date('2022-09-01')", { D_START: "2022-09-01" }, true],
      ["${D_START} < date('2022-09-01')", { D_START: "2022-08-31" }, true],
      ["date(${D_START} + 30) = date('2022-10-01')", { D_START: "2022-09-01" }, true],
      ["number(${D_START}) = 19236", { D_START: "2022-09-01" }, true],
      ["decimal-date-time(${D_START}) = 19236", { D_START: "2022-09-01" }, true],
      [
        "decimal-date-time(${D_END}) - decimal-date-time(${D_START}) = 1",
        { D_START: "2024-02-28", D_END: "2024-02-29" },
        true,
      ],
      // ODK reads a date-time without an offset in the device's time zone: here, UTC.
      ["decimal-date-time('2022-09-01T18:00:00') = 19236.75", {}, true],
    ])("%s on %o is %s", (text, values, odk) => {
      expect(truth(text, values)).toBe(odk);
    });
  });

  describe("numbers, and codes compared with numbers", () => {
    it.each<Row>([
      ["${MS_AGE} > 5", { MS_AGE: 7 }, true],
      ["${MS_AGE} > 5", { MS_AGE: 5 }, false],
      ["${MS_BMI} >= 18.5", { MS_BMI: 18.5 }, true],
      ["${MS_BMI} > 5", { MS_BMI: 4.99 }, false],
      // A quoted number is still a number against a number field.
      ["${MS_AGE} = '7'", { MS_AGE: 7 }, true],
      ["${MS_AGE} > '5'", { MS_AGE: 7 }, true],
      // A code is a text; ODK compares it with a number as a number.
      ["${CD_URGENCY} = 2", { CD_URGENCY: "2" }, true],
      ["${CD_URGENCY} = 2", { CD_URGENCY: "3" }, false],
      ["${CD_URGENCY} != 2", { CD_URGENCY: "3" }, true],
      ["${CD_URGENCY} > 1", { CD_URGENCY: "2" }, true],
      // As numbers, not as the texts "2" and "10" (which would order the other way).
      ["${CD_URGENCY} < 10", { CD_URGENCY: "2" }, true],
      ["${MS_AGE} mod 2 = 1", { MS_AGE: 7 }, true],
      ["${MS_AGE} div 2 = 3.5", { MS_AGE: 7 }, true],
      ["${MS_BMI} * 2 = 45", { MS_BMI: 22.5 }, true],
      ["-${MS_AGE} < 0", { MS_AGE: 7 }, true],
      ["int(${MS_BMI}) = 22", { MS_BMI: 22.7 }, true],
      // int() truncates toward zero.
      ["int(${MS_BMI}) = -2", { MS_BMI: -2.7 }, true],
      ["round(${MS_BMI}) = 23", { MS_BMI: 22.5 }, true],
      ["round(${MS_BMI}) = 22", { MS_BMI: 22.4 }, true],
      // A half goes toward positive infinity, as XPath 1.0 and JavaRosa round it.
      ["round(${MS_BMI}) = -2", { MS_BMI: -2.5 }, true],
      ["number(${TX_COMMENT}) > 5", { TX_COMMENT: "12" }, true],
      ["number(${TX_COMMENT}) = 12.5", { TX_COMMENT: " 12.5 " }, true],
      ["number(${FL_IMPLANT}) = 1", { FL_IMPLANT: true }, true],
      ["round(${MS_BMI}, 1) = 22.4", { MS_BMI: 22.36 }, true],
      // Relational operators compare numbers: 2 < 10, although "2" > "10" as texts.
      ["${CD_URGENCY} < '10'", { CD_URGENCY: "2" }, true],
      // "abc" is no number: NaN is neither greater nor smaller than anything.
      ["${TX_COMMENT} > 5", { TX_COMMENT: "abc" }, false],
      ["${TX_COMMENT} < 5", { TX_COMMENT: "abc" }, false],
      // A multiple choice is its codes separated by spaces, wherever it is used.
      [
        "count-selected(if(${FL_IMPLANT}, ${CD_PROCEDURE}, '')) = 2",
        { FL_IMPLANT: true, CD_PROCEDURE: ["1", "2"] },
        true,
      ],
      ["concat(${CD_PROCEDURE}) = '1 2'", { CD_PROCEDURE: ["1", "2"] }, true],
      // 10:00 at +02:00 is 08:00 UTC.
      [
        "decimal-date-time('2022-09-01T10:00:00+02:00') = decimal-date-time('2022-09-01T08:00:00')",
        {},
        true,
      ],
    ])("%s on %o is %s", (text, values, odk) => {
      expect(truth(text, values)).toBe(odk);
    });
  });

  describe("texts and choices", () => {
    it.each<[...Row, FieldName?]>([
      ["string-length(.) <= 5", { TX_COMMENT: "abc" }, true, "TX_COMMENT"],
      ["string-length(.) <= 5", { TX_COMMENT: "abcdef" }, false, "TX_COMMENT"],
      ["string-length(${MS_BMI}) = 4", { MS_BMI: 22.5 }, true],
      ["count-selected(.) <= 2", { CD_PROCEDURE: ["1", "2"] }, true, "CD_PROCEDURE"],
      ["count-selected(.) <= 2", { CD_PROCEDURE: ["1", "2", "3"] }, false, "CD_PROCEDURE"],
      ["count-selected(${CD_URGENCY}) = 1", { CD_URGENCY: "2" }, true],
      ["regex(., '^[0-9]{3}$')", { TX_COMMENT: "123" }, true, "TX_COMMENT"],
      ["regex(., '^[0-9]{3}$')", { TX_COMMENT: "1234" }, false, "TX_COMMENT"],
      ["regex(., '^[0-9]{3}$')", { TX_COMMENT: "12a" }, false, "TX_COMMENT"],
      ["selected(${CD_PROCEDURE}, '2')", { CD_PROCEDURE: ["1", "2"] }, true],
      ["selected(${CD_PROCEDURE}, '2')", { CD_PROCEDURE: ["1", "3"] }, false],
      ["selected(${CD_URGENCY}, '2')", { CD_URGENCY: "2" }, true],
      ["not(selected(${CD_PROCEDURE}, '2'))", { CD_PROCEDURE: ["1"] }, true],
      ["${TX_COMMENT} = 'abc'", { TX_COMMENT: "abc" }, true],
      ["concat(${TX_COMMENT}, '!') = 'hi!'", { TX_COMMENT: "hi" }, true],
      ["coalesce(${TX_COMMENT}, 'none') = 'hi'", { TX_COMMENT: "hi" }, true],
      // 0 is a value, not an empty field.
      ["coalesce(${MS_AGE}, 5) = 0", { MS_AGE: 0 }, true],
    ])("%s on %o is %s", (text, values, odk, self) => {
      expect(truth(text, values, self)).toBe(odk);
    });
  });

  describe("truth values: if(), not(), and, or", () => {
    it.each<Row>([
      ["if(${MS_AGE} >= 18, 'adult', 'child') = 'adult'", { MS_AGE: 30 }, true],
      ["if(${MS_AGE} >= 18, 'adult', 'child') = 'adult'", { MS_AGE: 10 }, false],
      ["if(${FL_IMPLANT}, ${MS_AGE}, 0) > 5", { FL_IMPLANT: true, MS_AGE: 7 }, true],
      ["if(${FL_IMPLANT}, ${MS_AGE}, 0) > 5", { FL_IMPLANT: false, MS_AGE: 7 }, false],
      ["${FL_IMPLANT}", { FL_IMPLANT: true }, true],
      ["${FL_IMPLANT}", { FL_IMPLANT: false }, false],
      ["${FL_IMPLANT} = true()", { FL_IMPLANT: true }, true],
      ["not(${FL_IMPLANT})", { FL_IMPLANT: false }, true],
      ["not(${MS_AGE} > 65)", { MS_AGE: 70 }, false],
      // A number is true unless 0; a text is true when it is not empty, "0" included.
      ["${MS_AGE}", { MS_AGE: 0 }, false],
      ["${TX_COMMENT}", { TX_COMMENT: "0" }, true],
      ["${MS_AGE} >= 18 and ${MS_AGE} <= 65", { MS_AGE: 30 }, true],
      ["${MS_AGE} >= 18 and ${MS_AGE} <= 65", { MS_AGE: 70 }, false],
      ["${CD_URGENCY} = '1' or ${CD_URGENCY} = '3'", { CD_URGENCY: "3" }, true],
      ["${CD_URGENCY} = '1' or ${CD_URGENCY} = '3'", { CD_URGENCY: "2" }, false],
      [
        "${FL_IMPLANT} and count-selected(${CD_PROCEDURE}) > 0",
        { FL_IMPLANT: true, CD_PROCEDURE: ["1"] },
        true,
      ],
    ])("%s on %o is %s", (text, values, odk) => {
      expect(truth(text, values)).toBe(odk);
    });
  });

  it("regex() finds the pattern anywhere in the text, as the XForms specification says", () => {
    // ODK Collect matches the whole text, Enketo and the specification search it: a workbook
    // pattern means the same everywhere only when it is anchored with ^ and $.
    expect(truth("regex(., '[0-9]{3}')", { TX_COMMENT: "12345" }, "TX_COMMENT")).toBe(true);
    expect(truth("regex(., '^[0-9]{3}$')", { TX_COMMENT: "12345" }, "TX_COMMENT")).toBe(false);
  });
});

// ODK reads an empty field as '' (a number from it is NaN) and answers true or false. We
// answer "cannot tell": a rule fires only when its assertion is definitely false, and a
// relevant, a required or a rule's `when` holds only when definitely true. So an empty field
// never makes a rule report, and never makes a field asked or required.
describe("with a field empty, we cannot tell where ODK answers", () => {
  it.each<Row>([
    ["${CD_URGENCY} = '2'", {}, false],
    // The case that matters most: ODK asks a field with this relevant before CD_URGENCY is
    // answered, we ask it only once CD_URGENCY holds a code other than 2.
    ["${CD_URGENCY} != '2'", {}, true],
    ["not(${CD_URGENCY} = '2')", {}, true],
    ["not(selected(${CD_PROCEDURE}, '2'))", {}, true],
    ["${MS_AGE} > 5", {}, false],
    ["${MS_AGE} != 5", {}, true],
    ["not(${MS_AGE} > 65)", {}, true],
    // As a constraint, ODK reports an end date entered before the start date is; we wait.
    ["${D_END} - ${D_START} <= 365", { D_START: "2022-09-01" }, false],
    ["${D_START} <= today()", {}, false],
    ["regex(${TX_COMMENT}, '^[0-9]{3}$')", {}, false],
    ["${FL_IMPLANT}", {}, false],
    ["not(${FL_IMPLANT})", {}, true],
    ["if(${FL_IMPLANT}, 1, 0) = 0", {}, true],
    ["coalesce(${TX_COMMENT}, ${CD_URGENCY}) = ''", {}, true],
    ["${CD_URGENCY} = '1' or ${MS_AGE} > 5", { MS_AGE: 3 }, false],
  ])("%s on %o: ODK says %s, we cannot tell", (text, values) => {
    expect(truth(text, values)).toBeUndefined();
  });

  describe("but we agree with ODK where the expression itself reads emptiness", () => {
    it.each<Row>([
      ["${TX_COMMENT} = ''", {}, true],
      ["${TX_COMMENT} != ''", {}, false],
      // Counting functions count an empty field as 0; concat() and coalesce() read it as ''.
      ["string-length(${TX_COMMENT}) = 0", {}, true],
      ["count-selected(${CD_PROCEDURE}) = 0", {}, true],
      ["concat(${TX_COMMENT}, 'b') = 'b'", {}, true],
      ["coalesce(${TX_COMMENT}, 'none') = 'none'", {}, true],
      // A known true decides an `or`, a known false an `and`, whatever the empty field holds.
      ["${CD_URGENCY} = '1' or ${MS_AGE} > 5", { MS_AGE: 7 }, true],
      ["${CD_URGENCY} = '1' and ${MS_AGE} > 5", { MS_AGE: 3 }, false],
    ])("%s on %o is %s", (text, values, odk) => {
      expect(truth(text, values)).toBe(odk);
    });
  });

  describe("in a DCD", () => {
    const logic = compileDcd(
      dcdOf(
        [
          fieldOf("D_START"),
          fieldOf("D_END"),
          fieldOf("CD_URGENCY"),
          fieldOf("TX_COMMENT", { relevant: condition("${CD_URGENCY} != '2'") }),
        ],
        [
          {
            code: "too_long",
            field: "D_END",
            severity: "error",
            assert: condition("${D_END} - ${D_START} <= 365"),
            message: same("At most a year"),
          },
        ],
      ),
    );
    const codes = (record: DcdRecord) =>
      logic.validate(record, { today: TODAY }).issues.map((i) => `${i.field}:${i.code}`);

    it("does not ask a field whose relevant reads an empty field (ODK asks it)", () => {
      expect(logic.relevance({}).field("TX_COMMENT")).toBe(false);
      expect(logic.relevance({ CD_URGENCY: "1" }).field("TX_COMMENT")).toBe(true);
      expect(logic.relevance({ CD_URGENCY: "2" }).field("TX_COMMENT")).toBe(false);
      // Not asked, so a value there is refused until CD_URGENCY is answered.
      expect(codes({ TX_COMMENT: "x" })).toEqual(["TX_COMMENT:not_relevant"]);
      expect(codes({ CD_URGENCY: "1", TX_COMMENT: "x" })).toEqual([]);
    });

    it("does not fire a rule whose assertion reads an empty field (ODK's constraint fails)", () => {
      expect(codes({ D_END: "2024-01-01" })).toEqual([]);
      expect(codes({ D_START: "2022-09-01", D_END: "2024-01-01" })).toEqual(["D_END:too_long"]);
      expect(codes({ D_START: "2023-09-01", D_END: "2024-01-01" })).toEqual([]);
    });
  });
});
