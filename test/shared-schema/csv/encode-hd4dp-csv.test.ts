import { describe, expect, it } from "vitest";
import { encodeHd4dpCsv } from "../../../shared-schema/src/csv/encode-hd4dp-csv.ts";
import type { Dcd, DcdRecord } from "../../../shared-schema/src/dcd.ts";
import { same } from "../../../shared-schema/src/translations.ts";
import { TINY_DCD } from "../fixtures/tiny-dcd.ts";

const REQUIRED = ["TX_NAME", "D_EVENT", "CD_SEX", "CD_NOMEN", "FL_DONE"];

function linesOf(csv: string): string[] {
  expect(csv.endsWith("\r\n")).toBe(true);
  return csv.slice(0, -2).split("\r\n");
}

/** The one data cell of a file written with a single column. */
function cellOf(text: string): string {
  const csv = encodeHd4dpCsv(TINY_DCD, [{ TX_NAME: text }], { columns: ["TX_NAME"] });
  return csv.slice("TX_NAME\r\n".length, -2);
}

describe("encodeHd4dpCsv", () => {
  it("writes dates dd/mm/yyyy, booleans, code values and multi values joined by |", () => {
    const record: DcdRecord = {
      TX_NAME: "Dupont",
      D_EVENT: "2024-03-09",
      CD_SEX: "248152002",
      CD_NOMEN: ["68452", "68453"],
      FL_DONE: false,
      MS_COUNT: 0,
      MS_DELTA: -12,
    };
    expect(linesOf(encodeHd4dpCsv(TINY_DCD, [record]))).toEqual([
      "TX_NAME;D_EVENT;MS_COUNT;MS_DELTA;CD_SEX;CD_NOMEN;FL_DONE",
      "Dupont;09/03/2024;0;-12;248152002;68452|68453;false",
    ]);
  });

  it("ends every row with CRLF, the last one included", () => {
    const csv = encodeHd4dpCsv(TINY_DCD, [{ TX_NAME: "a" }, { TX_NAME: "b", FL_DONE: true }]);
    expect(csv).toBe("TX_NAME;D_EVENT;CD_SEX;CD_NOMEN;FL_DONE\r\na;;;;\r\nb;;;;true\r\n");
  });

  it("writes the required columns even when no record fills them, and no optional empty one", () => {
    expect(encodeHd4dpCsv(TINY_DCD, [])).toBe(`${REQUIRED.join(";")}\r\n`);
  });

  it("writes system, STATUS and author columns only when a record uses them", () => {
    const csv = encodeHd4dpCsv(TINY_DCD, [
      { TX_NAME: "a", STATUS: "draft" },
      { TX_NAME: "b", TX_AUTHOR: "dr@example.be", TX_BUSINESS_KEY: "K1" },
    ]);
    expect(linesOf(csv)).toEqual([
      `STATUS;TX_BUSINESS_KEY;${REQUIRED.join(";")};TX_AUTHOR`,
      "draft;;a;;;;;",
      ";K1;b;;;;;dr@example.be",
    ]);
  });

  it("flattens repeatable blocks as NAME_n, entry by entry, up to the largest count used", () => {
    const csv = encodeHd4dpCsv(
      TINY_DCD,
      [
        { IMPLANT: [{ CD_IMPL_TYPE: "1", MS_IMPL_QTY: 4, TX_IMPL_REF: "REF-1" }] },
        {
          IMPLANT: [
            { CD_IMPL_TYPE: "2", MS_IMPL_QTY: 2, D_IMPL: "2024-01-31", FL_IMPL_OK: true },
            { CD_IMPL_TYPE: "99", CD_IMPL_TECH: ["1", "2"] },
          ],
        },
      ],
      { columns: ["CD_IMPL_TYPE_1", "MS_IMPL_QTY_1", "TX_IMPL_REF_1", "CD_IMPL_TYPE_2"] },
    );
    expect(linesOf(csv)).toEqual([
      "CD_IMPL_TYPE_1;MS_IMPL_QTY_1;TX_IMPL_REF_1;CD_IMPL_TYPE_2",
      "1;4;REF-1;",
      "2;2;;99",
    ]);
    const header = linesOf(
      encodeHd4dpCsv(TINY_DCD, [{ IMPLANT: [{ CD_IMPL_TYPE: "1" }, { CD_IMPL_TYPE: "2" }] }]),
    )[0];
    const subFields = ["CD_IMPL_TYPE", "MS_IMPL_QTY", "TX_IMPL_REF", "D_IMPL", "FL_IMPL_OK"];
    const implant = (n: number) => [...subFields, "CD_IMPL_TECH"].map((name) => `${name}_${n}`);
    expect(header).toBe([...REQUIRED.slice(0, 5), ...implant(1), ...implant(2)].join(";"));
  });

  it("writes the columns of options.columns, in that order", () => {
    const csv = encodeHd4dpCsv(TINY_DCD, [{ TX_NAME: "a", FL_DONE: true, IDC_PAT: "x" }], {
      columns: ["FL_DONE", "STATUS", "TX_NAME"],
    });
    expect(linesOf(csv)).toEqual(["FL_DONE;STATUS;TX_NAME", "true;;a"]);
  });

  describe("quoting", () => {
    it.each([
      ["a value with ';'", "a;b", '"a;b"'],
      ["a double quote, doubled", 'say "hi"', '"say ""hi"""'],
      ["a lone double quote", '"', '""""'],
      ["LF", "line 1\nline 2", '"line 1\nline 2"'],
      ["CRLF", "line 1\r\nline 2", '"line 1\r\nline 2"'],
      ["a lone CR", "a\rb", '"a\rb"'],
      ["a leading space", " a", '" a"'],
      ["a trailing space", "a ", '"a "'],
      ["a value made of spaces", "   ", '"   "'],
    ])("quotes %s", (_case, text, cell) => {
      expect(cellOf(text)).toBe(cell);
    });

    it.each([
      ["plain text", "Dupont"],
      ["inner spaces", "Jean Dupont"],
      ["a comma", "Dupont, Jean"],
      ["a bar", "a|b"],
      ["accents, emoji and CJK", "Hélène 😀 中文"],
      ["a NISS with separators", "85.04.02-169.32"],
    ])("leaves %s unquoted", (_case, text) => {
      expect(cellOf(text)).toBe(text);
    });

    it("quotes the only cell of a row when it is empty, so the row is not a blank line", () => {
      const csv = encodeHd4dpCsv(TINY_DCD, [{}], { columns: ["IDC_PAT"] });
      expect(csv).toBe('IDC_PAT\r\n""\r\n');
    });
  });

  describe("cells a spreadsheet would run as a formula", () => {
    it.each([
      ["'='", "=1+1", "'=1+1"],
      ["'+'", "+32 2 555 01 23", "'+32 2 555 01 23"],
      ["'-'", "-5", "'-5"],
      ["'@'", "@SUM(A1)", "'@SUM(A1)"],
      ["a tab", "\tREF", "'\tREF"],
      ["a CR", "\rREF", `"'\rREF"`],
      ["quotes, then a trigger (reading drops only the added quote)", "''=x", "'''=x"],
    ])("prefixes a free text starting with %s with a quote", (_case, text, cell) => {
      expect(cellOf(text)).toBe(cell);
    });

    it("puts the quote inside the usual quoting", () => {
      expect(cellOf("=a;b")).toBe(`"'=a;b"`);
      expect(cellOf('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    });

    it.each([
      ["a quote before plain text", "'abc"],
      ["a trigger further in the text", "a=b-c"],
      ["a NISS with separators", "85.04.02-169.32"],
    ])("leaves %s alone", (_case, text) => {
      expect(cellOf(text)).toBe(text);
    });

    it("guards texts in repeatable blocks and author columns too", () => {
      const csv = encodeHd4dpCsv(
        TINY_DCD,
        [{ IMPLANT: [{ TX_IMPL_REF: "-R1" }], TX_AUTHOR_GR: "@ortho" }],
        { columns: ["TX_IMPL_REF_1", "TX_AUTHOR_GR"] },
      );
      expect(linesOf(csv)).toEqual(["TX_IMPL_REF_1;TX_AUTHOR_GR", "'-R1;'@ortho"]);
    });

    it("leaves numbers, codes and dates alone: -3 in an integer or decimal column is data", () => {
      const dcd: Dcd = {
        ...TINY_DCD,
        fields: [
          ...TINY_DCD.fields,
          { name: "MS_RATIO", type: "decimal", label: same("Ratio"), required: false },
        ],
      };
      const record: DcdRecord = {
        MS_DELTA: -3,
        MS_RATIO: -0.5,
        CD_SEX: "-1",
        CD_NOMEN: ["-1", "+2"],
        D_EVENT: "-2024-01-01",
      };
      const columns = ["MS_DELTA", "MS_RATIO", "CD_SEX", "CD_NOMEN", "D_EVENT"];
      expect(linesOf(encodeHd4dpCsv(dcd, [record], { columns }))[1]).toBe(
        "-3;-0.5;-1;-1|+2;-2024-01-01",
      );
    });
  });

  describe("refuses what the format cannot carry", () => {
    it("a key that is not a field of the DCD", () => {
      expect(() => encodeHd4dpCsv(TINY_DCD, [{ TX_NAME: "a" }, { TX_NAMEE: "b" }])).toThrow(
        /Record 2: "TX_NAMEE" is not a field of TINY/,
      );
    });

    it("a repeatable block beyond maxItems", () => {
      const entries = [1, 2, 3, 4].map((n) => ({ MS_IMPL_QTY: n }));
      expect(() => encodeHd4dpCsv(TINY_DCD, [{ IMPLANT: entries }])).toThrow(
        /IMPLANT has 4 entries; HD4DP accepts at most 3/,
      );
    });

    it("a sub-field that is not in the block", () => {
      expect(() => encodeHd4dpCsv(TINY_DCD, [{ IMPLANT: [{ TX_NAME: "a" }] }])).toThrow(
        /"TX_NAME" is not a field of the block IMPLANT/,
      );
    });

    it("a multiple-choice value containing |", () => {
      expect(() => encodeHd4dpCsv(TINY_DCD, [{ CD_NOMEN: ["1|2"] }])).toThrow(
        /CD_NOMEN value "1\|2" contains "\|"/,
      );
    });

    it("an unknown or duplicate column in options.columns", () => {
      expect(() => encodeHd4dpCsv(TINY_DCD, [], { columns: ["CD_SEXE"] })).toThrow(
        /Unknown column "CD_SEXE".*Did you mean "CD_SEX"/,
      );
      expect(() => encodeHd4dpCsv(TINY_DCD, [], { columns: ["CD_SEX", "CD_SEX"] })).toThrow(
        /"CD_SEX" is listed twice/,
      );
      expect(() => encodeHd4dpCsv(TINY_DCD, [], { columns: ["CD_IMPL_TYPE_4"] })).toThrow(
        /at most 3 entries/,
      );
    });
  });
});
