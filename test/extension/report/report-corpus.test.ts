import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../shared-schema/src/dcd.ts";
import { SPIN_SURG } from "../../../shared-schema/src/spin-surg.ts";
import { readReportCorpus, scoreReportCorpus } from "./score-report-corpus.ts";

const reports = readReportCorpus();

describe("the synthetic corpus of operative reports", () => {
  it("has at least ten reports in each language, forty in all", () => {
    for (const locale of LOCALES)
      expect(reports.filter((report) => report.language === locale).length).toBeGreaterThanOrEqual(
        10,
      );
    expect(reports.length).toBeGreaterThanOrEqual(40);
  });

  it("expects only fields and codes SPIN_SURG has", () => {
    const valid = new Set(
      SPIN_SURG.fields.flatMap((field) => {
        const codesOf = (list: string) =>
          SPIN_SURG.codeLists.find((candidate) => candidate.name === list)?.items ?? [];
        if (field.type === "repeat")
          return field.fields.flatMap((inner) =>
            "codeList" in inner
              ? codesOf(inner.codeList).map((item) => `${field.name}.${inner.name}=${item.value}`)
              : [],
          );
        if (field.type === "bool") return [`${field.name}=true`];
        return "codeList" in field
          ? codesOf(field.codeList).map((item) => `${field.name}=${item.value}`)
          : [];
      }),
    );
    for (const report of reports)
      for (const pair of report.expected) expect(valid, report.name).toContain(pair);
  });

  it("is read with a precision and a recall of at least 0.9 over all proposals", () => {
    const { overall, mistakes } = scoreReportCorpus(reports, SPIN_SURG);
    const detail = mistakes
      .map(
        ({ name, wrong, missed }) =>
          `${name}: wrong ${wrong.join(" ")}; missed ${missed.join(" ")}`,
      )
      .join("\n");
    expect(overall.precision, detail).toBeGreaterThanOrEqual(0.9);
    expect(overall.recall, detail).toBeGreaterThanOrEqual(0.9);
  });
});
