import { describe, expect, it } from "vitest";
import { normalizeValue } from "../../../extension/src/adapters/normalize-value.ts";
import { parseDateText } from "../../../extension/src/adapters/parse-date-text.ts";

describe("parseDateText", () => {
  it.each([
    ["23/04/1961", "1961-04-23"],
    ["02-11-1975", "1975-11-02"],
    ["02.11.1975", "1975-11-02"],
    ["1975-11-02", "1975-11-02"],
    ["11 mars 2025", "2025-03-11"],
    ["4 februari 2025", "2025-02-04"],
    ["4. März 2025", "2025-03-04"],
    ["12 Dec 2024", "2024-12-12"],
  ])("%s -> %s", (text, iso) => expect(parseDateText(text)).toBe(iso));

  it("refuses impossible dates", () => {
    expect(parseDateText("31/02/2025")).toBeUndefined();
    expect(parseDateText("no date")).toBeUndefined();
  });

  it("follows the profile's layout", () =>
    expect(parseDateText("04/23/1961", "mdy")).toBe("1961-04-23"));
});

describe("normalizeValue", () => {
  it("keeps 11 digits of a NISS or NIHII", () => {
    expect(normalizeValue("niss", "61.04.23-124.10")).toBe("61042312410");
    expect(normalizeValue("nihii", "1-23456-25-780")).toBe("12345625780");
    expect(normalizeValue("niss", "— (patient étranger)")).toBeUndefined();
  });

  it("maps sex words of four languages to SNOMED CT", () => {
    expect(normalizeValue("sex", "Féminin")).toBe("248152002");
    expect(normalizeValue("sex", "Mannelijk")).toBe("248153007");
    expect(normalizeValue("sex", "weiblich")).toBe("248152002");
    expect(normalizeValue("sex", "Unknown")).toBe("261665006");
  });

  it("collects 6-digit codes from a list", () => {
    expect(normalizeValue("codes", ["281120 Cure", "281120", "105092"])).toEqual([
      "281120",
      "105092",
    ]);
  });

  it("turns a foreign country into residence 9999, and Belgium into nothing", () => {
    expect(normalizeValue("country", "Allemagne")).toBe("9999");
    expect(normalizeValue("country", "Belgique")).toBeUndefined();
    expect(normalizeValue("country", "België")).toBeUndefined();
  });

  it("applies a profile's pattern and map", () => {
    expect(normalizeValue("text", "PEETERS, Jan", { pattern: ",\\s*(.+)$" })).toBe("Jan");
    expect(normalizeValue("sex", "V", { map: { V: "248152002" } })).toBe("248152002");
    expect(normalizeValue("urgency", "Spoed", { map: { Spoed: "2" } })).toBe("2");
  });
});
