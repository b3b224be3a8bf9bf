// One zod issue of a reply as one line of the report: where, what our contract expects and
// what came instead (`body[0].status: expected one of open|sent|deleted, got "SENT"`), so
// that whoever updates the contract sees the real shape without reading zod's internals.
import type { z } from "zod";
import { describeValue } from "./describe-value.ts";
import { formatPath } from "./format-path.ts";

/** Whether the value at `path` of a reply may only be described by its type. */
export type Secret = (path: readonly PropertyKey[]) => boolean;

export function describeIssue(issue: z.core.$ZodIssue, reply: unknown, secret: Secret): string {
  const where = formatPath(issue.path);
  const expected = expectation(issue);
  // zod's own message for the rare kinds: it names types and keys, never the value.
  if (expected === undefined) return `${where}: ${issue.message}`;
  const got = describeValue(valueAt(reply, issue.path), secret(issue.path));
  return `${where}: expected ${expected}, got ${got}`;
}

function expectation(issue: z.core.$ZodIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "int" ? "integer" : issue.expected;
    case "invalid_value":
      return issue.values.length === 1
        ? JSON.stringify(issue.values[0])
        : `one of ${issue.values.map(String).join("|")}`;
    case "too_small":
    case "too_big":
      return bound(issue);
    case "invalid_format":
      return issue.format === "regex" ? `text matching ${issue.pattern}` : `a ${issue.format}`;
    case "not_multiple_of":
      return `a multiple of ${issue.divisor}`;
    case "invalid_union": {
      // Alternatives that fail at the value itself (string or number); deeper failures
      // would name a field of one alternative only.
      const options = issue.errors.map(([first, ...rest]) =>
        first !== undefined && rest.length === 0 && first.path.length === 0
          ? expectation(first)
          : undefined,
      );
      return options.every((option) => option !== undefined)
        ? [...new Set(options)].join(" or ")
        : "one of the shapes we assume";
    }
    default:
      return undefined;
  }
}

function bound(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === "too_small";
  const limit = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive ?? true;
  const unit =
    issue.origin === "string"
      ? "characters"
      : issue.origin === "array" || issue.origin === "set"
        ? "items"
        : undefined;
  if (unit === undefined)
    return `a ${issue.origin} ${small ? ">" : "<"}${inclusive ? "=" : ""} ${limit}`;
  const count = inclusive ? limit : limit + (small ? 1 : -1);
  return `${issue.exact ? "exactly" : small ? "at least" : "at most"} ${count} ${unit}`;
}

function valueAt(reply: unknown, path: readonly PropertyKey[]): unknown {
  let value = reply;
  for (const key of path) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
