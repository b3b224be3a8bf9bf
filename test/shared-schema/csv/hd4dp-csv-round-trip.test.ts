import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeHd4dpCsv } from "../../../shared-schema/src/csv/decode-hd4dp-csv.ts";
import { encodeHd4dpCsv } from "../../../shared-schema/src/csv/encode-hd4dp-csv.ts";
import type { Dcd, DcdRecord } from "../../../shared-schema/src/dcd.ts";
import { SPIN_SURG } from "../../../shared-schema/src/spin-surg.ts";
import { recordArbitrary } from "../../support/record-arbitrary.ts";
import { TINY_DCD } from "../fixtures/tiny-dcd.ts";

function decodeRecords(dcd: Dcd, input: string | Uint8Array): DcdRecord[] {
  const result = decodeHd4dpCsv(dcd, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value.rows.map((row) => row.record);
}

function describeRoundTrip(dcd: Dcd): void {
  describe(`HD4DP CSV round trip over ${dcd.id}`, () => {
    const records = fc.array(recordArbitrary(dcd), { maxLength: 6 });

    it("decode(encode(records)) gives back the same records", () => {
      fc.assert(
        fc.property(records, (input) => {
          expect(decodeRecords(dcd, encodeHd4dpCsv(dcd, input))).toEqual(input);
        }),
        { numRuns: 300 },
      );
    });

    it("also from UTF-8 bytes with a BOM, and with every possible column", () => {
      const everyColumn = dcd.fields.flatMap((field) =>
        field.type !== "repeat"
          ? [field.name]
          : Array.from({ length: field.maxItems }, (_, i) =>
              field.fields.map((sub) => `${sub.name}_${i + 1}`),
            ).flat(),
      );
      fc.assert(
        fc.property(records, (input) => {
          const csv = encodeHd4dpCsv(dcd, input, { columns: everyColumn });
          const bytes = new TextEncoder().encode(`\uFEFF${csv}`);
          expect(decodeRecords(dcd, bytes)).toEqual(input);
        }),
        { numRuns: 100 },
      );
    });

    it("numbers rows from 1 and reports the physical line where each starts", () => {
      fc.assert(
        fc.property(records, (input) => {
          const csv = encodeHd4dpCsv(dcd, input);
          const result = decodeHd4dpCsv(dcd, csv);
          if (!result.ok) throw new Error(result.error.message);
          const { header, rows } = result.value;
          // Row i starts where the file of the first i records ends; its line is one more than
          // the line breaks before it (CRLF, LF and a lone CR each count once).
          const expected = input.map((_, i) => {
            const start = encodeHd4dpCsv(dcd, input.slice(0, i), { columns: header }).length;
            return { row: i + 1, line: csv.slice(0, start).split(/\r\n|\n|\r/).length };
          });
          expect(rows.map(({ row, line }) => ({ row, line }))).toEqual(expected);
        }),
        { numRuns: 100 },
      );
    });
  });
}

describe("HD4DP CSV round trip of a free text", () => {
  // Any string, and often one that starts like a formula, possibly after quotes of its own.
  const text = fc
    .tuple(
      fc.constantFrom("", "=", "+", "-", "@", "\t", "\r", "'", "''", "'=", "''-"),
      fc.string({ unit: "binary" }),
    )
    .map(([start, rest]) => start + rest)
    .filter((value) => value !== "");

  it("decode(encode(text)) gives back the text, in a plain column and in a repeatable block", () => {
    fc.assert(
      fc.property(text, text, (name, reference) => {
        const input = [{ TX_NAME: name, IMPLANT: [{ TX_IMPL_REF: reference }] }];
        const csv = encodeHd4dpCsv(TINY_DCD, input, { columns: ["TX_NAME", "TX_IMPL_REF_1"] });
        expect(decodeRecords(TINY_DCD, csv)).toEqual(input);
      }),
      { numRuns: 1000 },
    );
  });

  it("writes no free-text cell that a spreadsheet would run", () => {
    fc.assert(
      fc.property(text, (name) => {
        const csv = encodeHd4dpCsv(TINY_DCD, [{ TX_NAME: name }], { columns: ["TX_NAME"] });
        const result = decodeHd4dpCsv(TINY_DCD, csv);
        expect(result.ok && result.value.formulaCells).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("recordArbitrary, as the round trips use it", () => {
  const sample = fc.sample(recordArbitrary(TINY_DCD), { numRuns: 500, seed: 7 });
  const texts = sample.flatMap((record) =>
    Object.values(record).flatMap((value) =>
      typeof value === "string"
        ? [value]
        : Array.isArray(value)
          ? value.flatMap((entry) => (typeof entry === "object" ? Object.values(entry) : []))
          : [],
    ),
  );

  it.each([
    ["a ';'", /;/],
    ["a double quote", /"/],
    ["a LF alone", /(^|[^\r])\n/],
    ["a CRLF", /\r\n/],
    ["a lone CR", /\r(?!\n)/],
    ["a leading space", /^ /],
    ["a trailing space", / $/],
    ["an accent", /[éüßÇ]/],
    ["an emoji", /\p{Extended_Pictographic}/u],
    ["CJK", /\p{Script=Han}/u],
  ])("generates texts with %s", (_case, pattern) => {
    expect(texts.some((text) => typeof text === "string" && pattern.test(text))).toBe(true);
  });

  it("generates repeat blocks of several entries, and no empty value", () => {
    expect(
      sample.some((record) => Array.isArray(record.IMPLANT) && record.IMPLANT.length > 1),
    ).toBe(true);
    for (const record of sample) {
      for (const value of Object.values(record)) {
        expect(value === "" || (Array.isArray(value) && value.length === 0)).toBe(false);
      }
    }
  });

  it("leaves system fields out with valuesOnly", () => {
    const values = fc.sample(recordArbitrary(TINY_DCD, { valuesOnly: true }), 200);
    expect(values.some((record) => "STATUS" in record || "TX_BUSINESS_KEY" in record)).toBe(false);
    expect(sample.some((record) => record.STATUS === "draft")).toBe(true);
  });
});

describeRoundTrip(TINY_DCD);
describeRoundTrip(SPIN_SURG);
