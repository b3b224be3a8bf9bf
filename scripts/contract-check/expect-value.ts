// A value the contract fixes beyond its type (a draft's empty business key, the version we
// asked for), as a report line when HD4DP sent another.
import { describeValue } from "./describe-value.ts";
import { formatPath } from "./format-path.ts";

export function expectValue(
  path: readonly PropertyKey[],
  expected: unknown,
  actual: unknown,
  secret = false,
): string[] {
  if (Object.is(expected, actual)) return [];
  return [
    `${formatPath(path)}: expected ${describeValue(expected)}, got ${describeValue(actual, secret)}`,
  ];
}
