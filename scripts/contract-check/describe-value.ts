// What the report says about a value HD4DP sent: short values as they are (a status, a
// version), anything longer only by its type and size, since a long text may be a record's
// data or a credential. `secret` values (a token, what concerns a submitted record) are
// never quoted, whatever their length.

/** The longest value the report quotes. */
const MAX_QUOTED = 40;

export function describeValue(value: unknown, secret = false): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length} ${plural(value.length, "item")}`;
  switch (typeof value) {
    case "string":
      return !secret && value.length <= MAX_QUOTED
        ? JSON.stringify(value)
        : `a string of ${value.length} ${plural(value.length, "character")}`;
    case "number":
    case "boolean":
      return !secret && String(value).length <= MAX_QUOTED ? String(value) : `a ${typeof value}`;
    default:
      return "an object";
  }
}

function plural(count: number, noun: string): string {
  return count === 1 ? noun : `${noun}s`;
}
