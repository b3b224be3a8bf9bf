// "Not in the future" is judged on the Belgian calendar: a surgery at 00:30 in Brussels is
// still "yesterday" in UTC, where Workers run. Formatting is cached for one second (so
// at most one second late at midnight) because a batch asks for today once per record.
const formatter = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Brussels",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

let cached = { until: 0, today: "" };

/** Today's date in Belgium, ISO YYYY-MM-DD. */
export function todayInBrussels(now: number = Date.now()): string {
  if (now >= cached.until || now < cached.until - 1_000) {
    cached = { until: now + 1_000, today: formatter.format(now) };
  }
  return cached.today;
}
