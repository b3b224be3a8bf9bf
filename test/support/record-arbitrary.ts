// fast-check arbitraries for records of any DCD. The values fit the SHAPE of each field
// (type, code list, integer bounds, text maxLength, repeat maxItems), not the cross-field
// rules nor identifier checksums: validator tests that need valid records build on top.
// Texts are made of the characters that break codecs: ';', '"', line breaks (LF, CRLF, lone
// CR), leading/trailing spaces, '|', accents, emoji, CJK, a BOM, and strings that look like
// dates, numbers or booleans.

import fc from "fast-check";
import type {
  CodeList,
  Dcd,
  DcdRecord,
  Field,
  RecordValue,
  RepeatEntry,
  RepeatField,
} from "../../shared-schema/src/dcd.ts";

export interface RecordArbitraryOptions {
  /** Leave out system fields (STATUS, TX_BUSINESS_KEY, ...): only what a user enters. */
  valuesOnly?: boolean;
}

type ValueField = Exclude<Field, { type: "note" | "calculate" }>;
type ScalarField = Exclude<ValueField, RepeatField>;

/** Notes carry no value and calculations are computed: no record holds either. */
function holdsValue(field: Field): field is ValueField {
  return field.type !== "note" && field.type !== "calculate";
}
type ScalarValue = string | number | boolean | string[];

const TRICKY_TEXTS = [
  ";",
  '"',
  '""',
  "\n",
  "\r\n",
  "\r",
  " ",
  "\t",
  "|",
  ",",
  "é",
  "Ç",
  "ß",
  "ü",
  "ø",
  "😀",
  "👨‍👩‍👧",
  "中文",
  "日本語",
  "한국어",
  "\uFEFF",
  "true",
  "FALSE",
  "01/02/2003",
  "2003-02-01",
  "007",
  "-5",
  "85.04.02-169.32",
];

/** Non-empty texts of at most `maxLength` UTF-16 units, never splitting a character. */
export function textArbitrary(maxLength = 200): fc.Arbitrary<string> {
  const token = fc.oneof(
    fc.constantFrom(...TRICKY_TEXTS),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }),
    fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 8 }),
  );
  return fc.array(token, { minLength: 1, maxLength: 10 }).map((tokens) => {
    let text = "";
    for (const piece of tokens) if (text.length + piece.length <= maxLength) text += piece;
    return text === "" ? "x" : text;
  });
}

/** Records of `dcd`: every key optional; a present key always holds a non-empty value. */
export function recordArbitrary(
  dcd: Dcd,
  options: RecordArbitraryOptions = {},
): fc.Arbitrary<DcdRecord> {
  const model: Record<string, fc.Arbitrary<RecordValue>> = {};
  for (const field of dcd.fields) {
    if (options.valuesOnly === true && field.system === true) continue;
    if (!holdsValue(field)) continue;
    model[field.name] =
      field.type === "repeat" ? repeatArbitrary(dcd, field) : scalarArbitrary(dcd, field);
  }
  return fc.record(model, { requiredKeys: [] }) as fc.Arbitrary<DcdRecord>;
}

function repeatArbitrary(dcd: Dcd, field: RepeatField): fc.Arbitrary<RepeatEntry[]> {
  const model: Record<string, fc.Arbitrary<ScalarValue>> = {};
  for (const sub of field.fields) if (holdsValue(sub)) model[sub.name] = scalarArbitrary(dcd, sub);
  // An entry with no value at all does not exist in CSV (nor in the form): at least one key.
  const entry = fc
    .record(model, { requiredKeys: [] })
    .filter((value) => Object.keys(value).length > 0) as fc.Arbitrary<RepeatEntry>;
  return fc.array(entry, { minLength: 1, maxLength: Math.max(1, field.maxItems) });
}

function scalarArbitrary(dcd: Dcd, field: ScalarField): fc.Arbitrary<ScalarValue> {
  switch (field.type) {
    case "text":
      // STATUS is "draft" or absent (docs/domain.md §2).
      return field.name === "STATUS" ? fc.constant("draft") : textArbitrary(field.maxLength);
    case "date":
      return fc
        .date({
          min: new Date("1000-01-01T00:00:00Z"),
          max: new Date("9999-12-31T00:00:00Z"),
          noInvalidDate: true,
        })
        .map((date) => date.toISOString().slice(0, 10));
    case "time":
      return fc
        .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
    case "datetime":
      return fc
        .date({
          min: new Date("1900-01-01T00:00:00Z"),
          max: new Date("2100-12-31T23:59:00Z"),
          noInvalidDate: true,
        })
        .map((date) => date.toISOString().slice(0, 16));
    case "decimal": {
      const min = field.min ?? -1_000_000;
      const max = field.max ?? 1_000_000;
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case "integer": {
      const min = field.min ?? Math.min(-1_000_000_000, field.max ?? 0);
      const max = field.max ?? Math.max(1_000_000_000, min);
      return fc.integer({ min, max });
    }
    case "bool":
      return fc.boolean();
    case "code":
      return codeArbitrary(listOf(dcd, field.codeList, field.name));
    case "multi": {
      const list = listOf(dcd, field.codeList, field.name);
      const maxLength = list.format === undefined ? Math.min(4, list.items.length) : 4;
      return fc.uniqueArray(codeArbitrary(list), { minLength: 1, maxLength });
    }
  }
}

function listOf(dcd: Dcd, name: string, fieldName: string): CodeList {
  const list = dcd.codeLists.find((candidate) => candidate.name === name);
  if (list === undefined) throw new Error(`${fieldName}: code list ${name} is not in ${dcd.id}.`);
  return list;
}

/** An enumerated value, or for an open list (`format`) a value of the format's shape. */
function codeArbitrary(list: CodeList): fc.Arbitrary<string> {
  const choices: fc.Arbitrary<string>[] = [];
  if (list.items.length > 0) choices.push(fc.constantFrom(...list.items.map((item) => item.value)));
  if (list.format === "be-postcode") choices.push(fc.integer({ min: 1000, max: 9992 }).map(String));
  if (list.format === "nomenclature") {
    // Six digits; the mod-7 check digit is not computed (shape, not validity).
    choices.push(fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, "0")));
  }
  if (choices.length === 0) throw new Error(`Code list ${list.name} has no items and no format.`);
  return fc.oneof(...choices);
}
