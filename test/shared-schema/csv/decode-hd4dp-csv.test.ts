import { describe, expect, it } from "vitest";
import {
  type CsvFileError,
  type DecodedCsv,
  decodeHd4dpCsv,
} from "../../../shared-schema/src/csv/decode-hd4dp-csv.ts";
import { TINY_DCD } from "../fixtures/tiny-dcd.ts";

function decoded(input: string | Uint8Array): DecodedCsv {
  const result = decodeHd4dpCsv(TINY_DCD, input);
  if (!result.ok) throw new Error(`unexpected ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function records(input: string | Uint8Array) {
  return decoded(input).rows.map((row) => row.record);
}

function failure(input: string | Uint8Array): CsvFileError {
  const result = decodeHd4dpCsv(TINY_DCD, input);
  if (result.ok) throw new Error("expected a file error");
  return result.error;
}

describe("decodeHd4dpCsv", () => {
  it("converts cells by field type: dates to ISO, booleans, integers, multi, codes", () => {
    const csv =
      "TX_NAME;D_EVENT;MS_COUNT;MS_DELTA;CD_SEX;CD_NOMEN;FL_DONE;CD_TECH\r\n" +
      "Dupont;09/03/2024;0;-12;248152002;68452|68453;TRUE;1\r\n";
    expect(records(csv)).toEqual([
      {
        TX_NAME: "Dupont",
        D_EVENT: "2024-03-09",
        MS_COUNT: 0,
        MS_DELTA: -12,
        CD_SEX: "248152002",
        CD_NOMEN: ["68452", "68453"],
        FL_DONE: true,
        CD_TECH: ["1"],
      },
    ]);
  });

  it("reads the HD4DP example multiple choice 68452|68453", () => {
    expect(records("CD_NOMEN\n68452|68453\n")).toEqual([{ CD_NOMEN: ["68452", "68453"] }]);
  });

  it("keeps a NISS with separators as text", () => {
    expect(records("IDC_PAT;TX_NAME\r\n85.04.02-169.32;85040216932\r\n")).toEqual([
      { IDC_PAT: "85.04.02-169.32", TX_NAME: "85040216932" },
    ]);
  });

  it("keeps cells that do not convert as raw strings, for validation to report", () => {
    const csv = "D_EVENT;MS_COUNT;FL_DONE\n2024-03-09;1.5;yes\n9/3/2024;12a;1\n31/02/2024;-;\n";
    expect(records(csv)).toEqual([
      { D_EVENT: "2024-03-09", MS_COUNT: "1.5", FL_DONE: "yes" },
      { D_EVENT: "9/3/2024", MS_COUNT: "12a", FL_DONE: "1" },
      // The shape is dd/mm/yyyy: converted; the impossible day is validation's business.
      { D_EVENT: "2024-02-31", MS_COUNT: "-" },
    ]);
    expect(records("MS_COUNT\n123456789012345678901\n")).toEqual([
      { MS_COUNT: "123456789012345678901" },
    ]);
  });

  it("lists the date cells not written dd/mm/yyyy, an ISO date among them, and no other", () => {
    const csv = "D_EVENT;MS_COUNT\n2024-03-09;1\n09/03/2024;2\n9/3/2024;3\n";
    expect(decoded(csv).dateCells).toEqual([
      { row: 1, column: "D_EVENT", key: "D_EVENT", type: "date" },
      { row: 3, column: "D_EVENT", key: "D_EVENT", type: "date" },
    ]);
  });

  it("leaves empty cells out of the record, quoted or not, and never trims", () => {
    const csv = 'TX_NAME;IDC_PAT;CD_SEX\n"";;  \n a ;" b ";\n';
    expect(records(csv)).toEqual([{ CD_SEX: "  " }, { TX_NAME: " a ", IDC_PAT: " b " }]);
  });

  it("accepts rows shorter than the header", () => {
    expect(records("TX_NAME;CD_SEX;FL_DONE\r\nDupont\r\n")).toEqual([{ TX_NAME: "Dupont" }]);
  });

  it("groups repeat columns into entries in order of n; an entry exists when a cell is filled", () => {
    const csv =
      "TX_NAME;CD_IMPL_TYPE_2;MS_IMPL_QTY_2;CD_IMPL_TYPE_1;MS_IMPL_QTY_1;D_IMPL_1;" +
      "CD_IMPL_TECH_1;FL_IMPL_OK_3;TX_VISIT_NOTE_2\n" +
      "a;2;3;1;4;01/02/2020;1|2;;\n" +
      "b;;;;;;;false;note\n" +
      "c;;;;;;;;\n";
    expect(records(csv)).toEqual([
      {
        TX_NAME: "a",
        IMPLANT: [
          { CD_IMPL_TYPE: "1", MS_IMPL_QTY: 4, D_IMPL: "2020-02-01", CD_IMPL_TECH: ["1", "2"] },
          { CD_IMPL_TYPE: "2", MS_IMPL_QTY: 3 },
        ],
      },
      // Entries 1 and 2 are empty: the third one becomes the first.
      { TX_NAME: "b", IMPLANT: [{ FL_IMPL_OK: false }], VISIT: [{ TX_VISIT_NOTE: "note" }] },
      { TX_NAME: "c" },
    ]);
  });

  it("reads STATUS and author columns although the DCD does not define the author ones", () => {
    const csv = "TX_AUTHOR_GR;TX_AUTHOR;TX_COAUTHOR;STATUS\r\nORTHO;a@x.be;b@x.be;draft\r\n";
    expect(records(csv)).toEqual([
      { TX_AUTHOR_GR: "ORTHO", TX_AUTHOR: "a@x.be", TX_COAUTHOR: "b@x.be", STATUS: "draft" },
    ]);
  });

  it("returns the header and no row for a header-only file", () => {
    for (const csv of ["TX_NAME;CD_SEX", "TX_NAME;CD_SEX\r\n", "TX_NAME;CD_SEX\n\n"]) {
      expect(decoded(csv)).toEqual({
        header: ["TX_NAME", "CD_SEX"],
        rows: [],
        formulaCells: [],
        dateCells: [],
      });
    }
  });

  describe("cells a spreadsheet would run as a formula", () => {
    it("drops the quote the encoder puts before a formula in a free-text cell, and only that", () => {
      const csv =
        "TX_NAME;IDC_PAT;TX_IMPL_REF_1\n" + "'=1+1;'-85.04.02;\"'\tREF\"\n" + "''@x;'abc;'\n";
      expect(records(csv)).toEqual([
        { TX_NAME: "=1+1", IDC_PAT: "-85.04.02", IMPLANT: [{ TX_IMPL_REF: "\tREF" }] },
        // A quote not followed by a trigger is text, as a user typed it.
        { TX_NAME: "'@x", IDC_PAT: "'abc", IMPLANT: [{ TX_IMPL_REF: "'" }] },
      ]);
    });

    it("keeps a quote in numeric and code cells, for validation to report", () => {
      expect(records("MS_DELTA;CD_SEX;D_EVENT\n'-3;'=1;'-1\n")).toEqual([
        { MS_DELTA: "'-3", CD_SEX: "'=1", D_EVENT: "'-1" },
      ]);
    });

    it("lists free-text cells that start with a trigger by row and column, not numbers or codes", () => {
      const csv =
        "TX_NAME;MS_DELTA;CD_SEX;TX_IMPL_REF_2;STATUS\r\n" +
        "=SUM(A1);-3;-1;'=guarded;@draft\r\n" +
        "ok;;;;\r\n" +
        '"\tx";;;"\ry";+x\r\n';
      const { formulaCells, rows } = decoded(csv);
      expect(formulaCells).toEqual([
        { row: 1, column: "TX_NAME", trigger: "=" },
        { row: 1, column: "STATUS", trigger: "@" },
        { row: 3, column: "TX_NAME", trigger: "\t" },
        { row: 3, column: "TX_IMPL_REF_2", trigger: "\r" },
        { row: 3, column: "STATUS", trigger: "+" },
      ]);
      // The values are kept as the file holds them.
      expect(rows[0]?.record).toEqual({
        TX_NAME: "=SUM(A1)",
        MS_DELTA: -3,
        CD_SEX: "-1",
        IMPLANT: [{ TX_IMPL_REF: "=guarded" }],
        STATUS: "@draft",
      });
    });
  });

  describe("line ends, BOM and quotes", () => {
    const expected = [{ TX_NAME: "a", CD_SEX: "1" }, { TX_NAME: "b" }];

    it.each([
      ["CRLF with a final newline", "TX_NAME;CD_SEX\r\na;1\r\nb;\r\n"],
      ["CRLF without a final newline", "TX_NAME;CD_SEX\r\na;1\r\nb;"],
      ["LF with a final newline", "TX_NAME;CD_SEX\na;1\nb;\n"],
      ["LF without a final newline", "TX_NAME;CD_SEX\na;1\nb;"],
      ["mixed line ends", "TX_NAME;CD_SEX\na;1\r\nb;\n"],
      ["a BOM in a string", "\uFEFFTX_NAME;CD_SEX\r\na;1\r\nb;\r\n"],
    ])("reads %s", (_case, csv) => {
      expect(records(csv)).toEqual(expected);
    });

    it("skips the BOM of UTF-8 bytes, and only at the start of the file", () => {
      const bytes = new TextEncoder().encode("\uFEFFTX_NAME;CD_SEX\r\n\uFEFFa;é\r\n");
      expect(bytes.slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
      expect(records(bytes)).toEqual([{ TX_NAME: "\uFEFFa", CD_SEX: "é" }]);
    });

    it("keeps line breaks inside quotes exactly, and counts physical lines", () => {
      const csv =
        'TX_NAME;IDC_PAT\r\n"a\nb";"c\r\nd"\r\n"e\rf";x\n"";"say ""hi"";;"\r\n\r\nlast;\r\n';
      const { rows } = decoded(csv);
      expect(rows).toEqual([
        { row: 1, line: 2, record: { TX_NAME: "a\nb", IDC_PAT: "c\r\nd" } },
        // Row 1 spans lines 2 to 4; a lone CR counts as a line break, as editors show it.
        { row: 2, line: 5, record: { TX_NAME: "e\rf", IDC_PAT: "x" } },
        { row: 3, line: 7, record: { IDC_PAT: 'say "hi";;' } },
        // Line 8 is blank and skipped.
        { row: 4, line: 9, record: { TX_NAME: "last" } },
      ]);
    });

    it("keeps a quote inside an unquoted value, and text after a closing quote", () => {
      expect(records('TX_NAME;IDC_PAT\n5" screw;"ab"cd\n')).toEqual([
        { TX_NAME: '5" screw', IDC_PAT: "abcd" },
      ]);
    });
  });

  describe("file errors", () => {
    it("not_utf8, with the line of the first invalid byte", () => {
      const latin1 = new Uint8Array([
        ...new TextEncoder().encode("TX_NAME\r\nok\r\n"),
        0x48,
        0xe9, // "é" in Windows-1252
        0x6c,
        0x0d,
        0x0a,
      ]);
      expect(failure(latin1)).toMatchObject({ code: "not_utf8", line: 3 });
      expect(failure(latin1).message).toMatch(/not UTF-8 .*line 3.*CSV UTF-8/);
    });

    it.each([
      ["no character", ""],
      ["only a BOM", "\uFEFF"],
      ["only line breaks", "\r\n\r\n\n"],
      ["no byte", new Uint8Array([])],
      ["only the bytes of a BOM", new Uint8Array([0xef, 0xbb, 0xbf])],
    ])("empty: %s", (_case, input) => {
      expect(failure(input)).toMatchObject({ code: "empty", line: 1 });
    });

    it("wrong_separator for ',' and tab", () => {
      expect(failure("TX_NAME,CD_SEX,FL_DONE\r\na,1,true\r\n")).toMatchObject({
        code: "wrong_separator",
        line: 1,
        message: expect.stringMatching(/^the file uses ',' as separator; HD4DP expects ';'/i),
      });
      expect(failure("TX_NAME\tCD_SEX\na\t1\n")).toMatchObject({
        code: "wrong_separator",
        message: expect.stringContaining("a tab as separator"),
      });
    });

    it("a lone column whose name has a comma but not two known names is unknown, not a separator", () => {
      expect(failure("TX_NAME,foo\na\n").code).toBe("unknown_column");
    });

    it("unknown_column naming the column and the closest known name", () => {
      const error = failure("TX_NAME;CD_SX;FL_DONE\na;1;true\n");
      expect(error).toMatchObject({ code: "unknown_column", column: "CD_SX", line: 1 });
      expect(error.message).toMatch(/Unknown column "CD_SX".*TINY.*Did you mean "CD_SEX"\?/);
      expect(failure("cd_impl_typ_2\n").message).toContain('Did you mean "CD_IMPL_TYPE_2"?');
      expect(failure("WHATEVER\n").message).not.toContain("Did you mean");
    });

    it("unknown_column for a repeat column beyond maxItems, a block name, an empty name", () => {
      expect(failure("CD_IMPL_TYPE_4\n")).toMatchObject({
        code: "unknown_column",
        column: "CD_IMPL_TYPE_4",
        message: expect.stringMatching(/IMPLANT, which holds at most 3 entries/),
      });
      expect(failure("CD_IMPL_TYPE_0\n").code).toBe("unknown_column");
      expect(failure("CD_IMPL_TYPE\n").code).toBe("unknown_column");
      expect(failure("IMPLANT\n").code).toBe("unknown_column");
      expect(failure("TX_NAME;\n")).toMatchObject({
        code: "unknown_column",
        column: "",
        message: expect.stringContaining("trailing ';'"),
      });
    });

    it("duplicate_column", () => {
      expect(failure("TX_NAME;CD_SEX;TX_NAME\n")).toMatchObject({
        code: "duplicate_column",
        column: "TX_NAME",
        message: expect.stringContaining('"TX_NAME" appears twice'),
      });
    });

    it("unterminated_quote, with the line where the value starts and its column", () => {
      expect(failure('TX_NAME;IDC_PAT\na;b\nc;"d\ne;f\n')).toMatchObject({
        code: "unterminated_quote",
        line: 3,
        column: "IDC_PAT",
        message: expect.stringMatching(/starts on line 3 .*in column IDC_PAT/),
      });
      expect(failure('"TX_NAME;IDC_PAT\n')).toMatchObject({
        code: "unterminated_quote",
        line: 1,
        message: expect.stringContaining("in the header"),
      });
    });

    it("row_length, with the line of the row", () => {
      const error = failure('TX_NAME;CD_SEX\n"a\nb";1\nc;2;3\n');
      expect(error).toMatchObject({ code: "row_length", line: 4 });
      expect(error.message).toMatch(/Line 4 has 3 values but the header has 2 columns/);
    });
  });
});
