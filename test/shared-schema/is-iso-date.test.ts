import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isIsoDate } from "../../shared-schema/src/field-schema.ts";

// The hand-rolled check must agree with the calendar: a YYYY-MM-DD string is a date exactly
// when Date.UTC gives back the same year, month and day.
function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

const digit = fc.constantFrom(..."0123456789");
const digits = (n: number) =>
  fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(""));
const nearlyDates = fc.oneof(
  fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`),
  fc.string({ maxLength: 12 }),
  fc
    .tuple(digits(4), digits(2), digits(2), fc.nat(9), fc.string({ minLength: 1, maxLength: 1 }))
    .map(([y, m, d, at, c]) => {
      const s = `${y}-${m}-${d}`;
      return s.slice(0, at) + c + s.slice(at + 1);
    }),
);

describe("isIsoDate", () => {
  it("agrees with the calendar on any string", () => {
    fc.assert(
      fc.property(nearlyDates, (value) => isIsoDate(value) === isCalendarDate(value)),
      {
        numRuns: 5_000,
      },
    );
  });

  it.each([
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["2000-02-29", true],
    ["1900-02-29", false],
    ["2024-04-31", false],
    ["20a4-01-01", false],
    ["2024-1-01", false],
    ["2024/01/01", false],
  ])("%s -> %s", (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});
