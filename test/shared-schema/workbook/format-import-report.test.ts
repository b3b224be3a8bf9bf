import { describe, expect, it } from "vitest";
import { formatImportReport } from "../../../shared-schema/src/workbook/format-import-report.ts";
import type { ImportReport } from "../../../shared-schema/src/workbook/import-report.ts";
import { parseLanguage } from "../../../shared-schema/src/workbook/language-columns.ts";

const REPORT: ImportReport = {
  layout: "xlsform",
  counts: { fields: 3, codeLists: 1, rules: 0 },
  entries: [
    { level: "mapped", sheet: "survey", row: 4, message: "Groups are flattened." },
    { level: "warning", sheet: "choices", row: 2, column: "C", message: "Twice." },
    { level: "warning", sheet: "Survey ", row: 9, column: "AA", message: "Spaces kept." },
    {
      level: "unmapped",
      sheet: "survey",
      row: 12,
      column: "J",
      subject: "TX_CODE",
      message: "constraint cannot be translated.",
      affectsValidation: true,
    },
    { level: "warning", sheet: "settings", row: 2, column: "B", message: "Version made up." },
    { level: "unmapped", sheet: "survey", row: 3, column: "N", message: "read_only lost." },
  ],
};

describe("formatImportReport", () => {
  it("lists entries by gravity, then in workbook order, and ends with the verdict", () => {
    // "Survey " (a trailing space, as workbooks have) is the survey sheet: it comes first.
    const text = formatImportReport(REPORT, {
      fileName: "x.xlsx",
      dcd: { id: "X", version: "1.0.0" },
    });
    expect(text).toBe(
      [
        "x.xlsx (XLSForm workbook) -> X 1.0.0: fields 3, code lists 1, rules 0.",
        "",
        "Not mapped, changes what validation accepts (1):",
        "  sheet survey, row 12, column J [TX_CODE]: constraint cannot be translated.",
        "",
        "Not mapped, validation unchanged (1):",
        "  sheet survey, row 3, column N: read_only lost.",
        "",
        "Warnings (3):",
        "  sheet settings, row 2, column B: Version made up.",
        '  sheet "Survey ", row 9, column AA: Spaces kept.',
        "  sheet choices, row 2, column C: Twice.",
        "",
        "Mapped with a note (1):",
        "  sheet survey, row 4: Groups are flattened.",
        "",
        "Result: 1 construct(s) that change validation could not be mapped: this DCD would accept or refuse records differently from the registry. Fix the workbook (or the importer) and import again.",
        "",
      ].join("\n"),
    );
  });

  it("says so when nothing that changes validation is missing", () => {
    const clean = { ...REPORT, entries: REPORT.entries.filter((e) => !e.affectsValidation) };
    expect(formatImportReport(clean, { fileName: "x.xlsx" })).toMatch(
      /-> a DCD: [^\n]*\n[\s\S]*Result: every construct that changes validation was mapped\.\n$/,
    );
  });
});

describe("parseLanguage", () => {
  it.each([
    ["French", "fr"],
    ["Français", "fr"],
    ["fr", "fr"],
    ["Dutch", "nl"],
    ["Nederlands", "nl"],
    ["nl-BE", "nl"],
    ["German", "de"],
    ["Deutsch", "de"],
    ["English (en)", "en"],
    ["[English]", "en"],
    ["Spanish", undefined],
  ])("reads %s as %s", (text, locale) => {
    expect(parseLanguage(text)).toBe(locale);
  });
});
