import type { DateLayout } from "./ehr-profile.ts";
import { normalizeText } from "./normalize-text.ts";

// Month names as EHRs print them in fr/nl/de/en (normalised: no accents, lower case).
const MONTHS: Record<string, number> = {};
const NAMES = [
  ["janvier", "januari", "januar", "january", "jan", "janv"],
  ["fevrier", "februari", "februar", "february", "feb", "fevr", "fev"],
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
  for (const name of names) MONTHS[name] = index + 1;
});

/**
 * Reads a date as printed on a page (`18/05/1993`, `1993-05-18`, `18 mai 1993`,
 * `18.05.93`) and returns ISO `YYYY-MM-DD`, or undefined when it is not a real date.
 */
export function parseDateText(text: string, layout: DateLayout = "dmy"): string | undefined {
  const clean = normalizeText(text);
  const iso = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(clean);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));

  const numeric = /(\d{1,4})[/.\- ](\d{1,2})[/.\- ](\d{2,4})/.exec(clean);
  if (numeric) {
    const [a, b, c] = [numeric[1], numeric[2], numeric[3]].map(Number) as [number, number, number];
    if (layout === "ymd") return isoOf(fullYear(a), b, c);
    if (layout === "mdy") return isoOf(fullYear(c), a, b);
    return isoOf(fullYear(c), b, a);
  }

  const named = /(\d{1,2})\.? ([a-z]+)\.? (\d{4})/.exec(clean);
  if (named) {
    const month = MONTHS[named[2] ?? ""];
    if (month) return isoOf(Number(named[3]), month, Number(named[1]));
  }
  return undefined;
}

// Two-digit years: the closest past century (EHR birth dates are in the past).
function fullYear(year: number): number {
  if (year >= 100) return year;
  const now = new Date().getUTCFullYear();
  const candidate = 2000 + year;
  return candidate > now ? 1900 + year : candidate;
}

function isoOf(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return undefined;
  if (date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
