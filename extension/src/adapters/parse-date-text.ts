import type { DateLayout } from "./ehr-profile.ts";
import { normalizeText } from "./normalize-text.ts";

// Month names as EHRs print them in fr/nl/de/en, abbreviations too (normalised: no
// accents, lower case).
const MONTHS = new Map<string, number>();
const NAMES = [
  ["janvier", "januari", "januar", "january", "jan", "janv"],
  ["fevrier", "februari", "februar", "february", "feb", "fevr", "fev", "febr"],
  ["mars", "maart", "marz", "march", "mar", "maa", "mrt"],
  ["avril", "april", "apr", "avr"],
  ["mai", "mei", "may"],
  ["juin", "juni", "june", "jun"],
  ["juillet", "juli", "july", "jul", "juil"],
  ["aout", "augustus", "august", "aug"],
  ["septembre", "september", "sep", "sept"],
  ["octobre", "oktober", "october", "oct", "okt"],
  ["novembre", "november", "nov"],
  ["decembre", "december", "dezember", "dec", "dez"],
];
NAMES.forEach((names, index) => {
  for (const name of names) MONTHS.set(normalizeText(name), index + 1);
});

// Year first (ISO and its variants): `2026-03-03`, `2026/3/3`, `2026.03.03`.
const YEAR_FIRST = /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/;
// Numbers only, day first on Belgian pages, one separator twice: `03.03.2026`, `3/3/26`,
// `03-03-2026`, `3. 3. 2026`, `03 03 2026`.
const NUMERIC = /(?<!\d)(\d{1,2})([/.-] ?| )(\d{1,2})\2(\d{4}|\d{2})(?!\d)/;
// A month name after the day: `3 mars 2026`, `3. März 2026`, `1er mars 2026`, `3rd March 2026`.
const DAY_MONTH = /(?<![\d.])(\d{1,2})(?:er|st|nd|rd|th|e)?\.? ([a-z]+)\.?,? (\d{4}|\d{2})(?!\d)/g;
// A month name before the day: `March 3, 2026`, `Mar. 3rd 2026`.
const MONTH_DAY = /(?<![a-z])([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4}|\d{2})(?!\d)/g;

/**
 * Reads a date as printed on a page and returns ISO `YYYY-MM-DD`, or undefined when there
 * is no real date in the text. Numbers are read in `layout` (day first by default, as
 * Belgian pages print them), a four-digit first number as the year whatever the layout;
 * month names in French, Dutch, German and English, before or after the day. A two-digit
 * year is 20yy unless that is more than a year ahead of today, else 19yy: `3/3/26` is
 * 2026, `18/05/93` is 1993 (a planned surgery may be next year, a birth never is).
 */
export function parseDateText(text: string, layout: DateLayout = "dmy"): string | undefined {
  const clean = normalizeText(text);
  const yearFirst = YEAR_FIRST.exec(clean);
  if (yearFirst) return isoOf(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]));

  const numeric = NUMERIC.exec(clean);
  if (numeric) {
    const [a, b, c] = [numeric[1], numeric[3], numeric[4]].map(Number) as [number, number, number];
    if (layout === "ymd") return isoOf(fullYear(a), b, c);
    if (layout === "mdy") return isoOf(fullYear(c), a, b);
    return isoOf(fullYear(c), b, a);
  }

  for (const match of clean.matchAll(DAY_MONTH)) {
    const month = MONTHS.get(match[2] ?? "");
    if (month) return isoOf(fullYear(Number(match[3])), month, Number(match[1]));
  }
  for (const match of clean.matchAll(MONTH_DAY)) {
    const month = MONTHS.get(match[1] ?? "");
    if (month) return isoOf(fullYear(Number(match[3])), month, Number(match[2]));
  }
  return undefined;
}

/** A two-digit year in the century that puts it at most a year ahead of today. */
function fullYear(year: number): number {
  if (year >= 100) return year;
  return 2000 + year <= new Date().getUTCFullYear() + 1 ? 2000 + year : 1900 + year;
}

function isoOf(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC reads years 0-99 as 1900-1999: set the year itself.
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return undefined;
  if (date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
