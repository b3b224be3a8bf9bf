// The date of an act as billing systems write it: ISO (2026-03-02), Belgian day first
// (02/03/2026, 02.03.2026, 02-03-2026) or compact (20260302, as INAMI billing files do).
// Never month first: no Belgian system writes it, and 03/02 read both ways would be a
// silent mistake.

import { isIsoDate } from "../../../shared-schema/src/field-schema.ts";

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** The ISO date of `text`, or undefined when it is not a real calendar day in one of the forms. */
export function parseBillingDate(text: string): string | undefined {
  const value = text.trim();
  if (isIsoDate(value)) return value;
  const dayFirst = DAY_FIRST.exec(value);
  const compact = dayFirst ? undefined : COMPACT.exec(value);
  const [year, month, day] = dayFirst
    ? [dayFirst[3], dayFirst[2], dayFirst[1]]
    : compact
      ? [compact[1], compact[2], compact[3]]
      : [];
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : undefined;
}
