import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDateText } from "../../../extension/src/adapters/parse-date-text.ts";

const MONTHS = {
  fr: "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
  nl: "januari februari maart april mei juni juli augustus september oktober november december",
  de: "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
  en: "January February March April May June July August September October November December",
};
const month = (language: keyof typeof MONTHS, m: number) =>
  MONTHS[language].split(" ")[m - 1] as string;
const pad = (n: number) => String(n).padStart(2, "0");

/** Each format a Belgian EHR page may print a date in, as (year, month, day) -> text. */
const FORMATS: Record<string, (y: number, m: number, d: number) => string> = {
  "3 mars 2026": (y, m, d) => `${d} ${month("fr", m)} ${y}`,
  "3 maart 2026": (y, m, d) => `${d} ${month("nl", m)} ${y}`,
  "3. März 2026": (y, m, d) => `${d}. ${month("de", m)} ${y}`,
  "March 3, 2026": (y, m, d) => `${month("en", m)} ${d}, ${y}`,
  "03.03.2026": (y, m, d) => `${pad(d)}.${pad(m)}.${y}`,
  "2026-03-03": (y, m, d) => `${y}-${pad(m)}-${pad(d)}`,
  "03-03-2026": (y, m, d) => `${pad(d)}-${pad(m)}-${y}`,
  "3/3/26": (y, m, d) => `${d}/${m}/${pad(y % 100)}`,
};

describe("parseDateText", () => {
  it.each(Object.entries(FORMATS))("reads %s", (_, print) =>
    expect(parseDateText(print(2026, 3, 3))).toBe("2026-03-03"),
  );

  it.each([
    ["23/04/1961", "1961-04-23"],
    ["02.11.1975", "1975-11-02"],
    ["4. Februar 2025", "2025-02-04"],
    ["12 Dec 2024", "2024-12-12"],
    ["3 déc. 2025", "2025-12-03"],
    ["1er mars 2026", "2026-03-01"],
    ["3rd March 2026", "2026-03-03"],
    ["Tuesday, March 3, 2026", "2026-03-03"],
    ["mardi 3 mars 2026 à 14:30", "2026-03-03"],
    ["2026-03-03T10:30", "2026-03-03"],
    ["2026/3/3", "2026-03-03"],
    ["3. 3. 2026", "2026-03-03"],
    ["11/03/2025, en salle 3", "2025-03-11"],
  ])("%s -> %s", (text, iso) => expect(parseDateText(text)).toBe(iso));

  it("refuses impossible dates and texts without one", () => {
    expect(parseDateText("31/02/2025")).toBeUndefined();
    expect(parseDateText("30 février 2025")).toBeUndefined();
    expect(parseDateText("no date")).toBeUndefined();
    expect(parseDateText("03/04-2025")).toBeUndefined();
  });

  it("follows a profile's layout, but a four-digit first number is the year", () => {
    expect(parseDateText("04/23/1961", "mdy")).toBe("1961-04-23");
    expect(parseDateText("61/04/23", "ymd")).toBe("1961-04-23");
    expect(parseDateText("1961/04/23", "mdy")).toBe("1961-04-23");
  });

  it("reads a two-digit year as 20yy unless that is more than a year ahead, else 19yy", () => {
    const next = (new Date().getUTCFullYear() + 1) % 100;
    expect(parseDateText(`01/01/${pad(next)}`)).toBe(`20${pad(next)}-01-01`);
    expect(parseDateText(`01/01/${pad(next + 1)}`)).toBe(`19${pad(next + 1)}-01-01`);
    expect(parseDateText("18/05/93")).toBe("1993-05-18");
  });

  it("reads back any date printed in any of its formats", () => {
    const thisYear = new Date().getUTCFullYear();
    const date = fc.date({
      min: new Date("1900-01-01T00:00:00Z"),
      max: new Date("2099-12-31T00:00:00Z"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(date, fc.constantFrom(...Object.keys(FORMATS)), (value, format) => {
        const [y, m, d] = [value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()];
        // Two digits say the year within a century: the one ending a year from now.
        if (format === "3/3/26" && (y > thisYear + 1 || y <= thisYear + 1 - 100)) return;
        const print = FORMATS[format] as (y: number, m: number, d: number) => string;
        expect(parseDateText(print(y, m, d))).toBe(value.toISOString().slice(0, 10));
      }),
      { numRuns: 5000 },
    );
  });
});
