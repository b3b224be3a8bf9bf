import * as z from "zod/mini";
import "./jitless-zod.ts";
import { isEmptyValue } from "./compile-condition.ts";
import { isRecord } from "./is-record.ts";

type Internals = z.core.$ZodTypeInternals;
type Payload = z.core.ParsePayload<unknown>;

// Field schemas are synchronous: no refinement of a DCD field awaits anything.
const SYNC: z.core.ParseContextInternal = { async: false };

/**
 * A strict object whose fields are all optional, as a DCD record or repeat entry is. Only the
 * keys present are parsed: a record fills about half of its DCD's fields, and zod's object,
 * which visits every key of its shape, made up half the cost of validating a record
 * (bench/shared-schema). Empty values (empty string, null, empty list) mean "not filled in",
 * as in HD4DP's CSV: they are dropped, not parsed. Unknown keys (filled in) are an `unrecognized_keys`
 * issue, as `z.strictObject` reports them.
 */
export function fieldsObject(
  shape: Record<string, z.ZodMiniType>,
): z.ZodMiniType<Record<string, unknown>> {
  const fields = new Map<string, Internals>(
    Object.entries(shape).map(([name, schema]) => [name, schema._zod]),
  );
  const parse = (payload: Payload): void => {
    const input = payload.value;
    if (!isRecord(input)) {
      payload.issues.push({ code: "invalid_type", expected: "object", input, path: [] });
      return;
    }
    const out: Record<string, unknown> = {};
    const unknown: string[] = [];
    for (const key in input) {
      const value = input[key];
      if (isEmptyValue(value)) continue;
      const field = fields.get(key);
      if (!field) {
        unknown.push(key);
        continue;
      }
      const result = field.run({ value, issues: [] }, SYNC) as Payload;
      for (const issue of result.issues) {
        const path = issue.path ?? [];
        payload.issues.push({ ...issue, path: [key, ...path] });
      }
      if (result.value !== undefined) out[key] = result.value;
    }
    if (unknown.length > 0)
      payload.issues.push({ code: "unrecognized_keys", keys: unknown, input, path: [] });
    payload.value = out;
  };
  return z.unknown().check(parse) as unknown as z.ZodMiniType<Record<string, unknown>>;
}
