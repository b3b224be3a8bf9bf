import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldsObject } from "../../shared-schema/src/fields-object.ts";

// The validator's record container against zod's own strict object of optional fields, on
// arbitrary inputs: they must accept the same records, give the same value and report the
// same issues at the same paths, empty values excepted (dropped as "not filled in").
const shape = {
  TEXT: z.string().max(5),
  NUMBER: z.int().min(0),
  CODES: z.array(z.enum(["1", "2"])),
  UPPER: z.string().transform((value) => value.toUpperCase()),
  ENTRIES: z.array(fieldsObject({ A: z.string(), B: z.boolean() })),
};
const reference = z.strictObject({
  TEXT: shape.TEXT.optional(),
  NUMBER: shape.NUMBER.optional(),
  CODES: shape.CODES.optional(),
  UPPER: shape.UPPER.optional(),
  ENTRIES: z
    .array(z.strictObject({ A: z.string().optional(), B: z.boolean().optional() }))
    .optional(),
});
const schema = fieldsObject(shape);

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length);

function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => !isEmpty(v))
      .map(([k, v]) => [k, withoutEmpty(v)]),
  );
}

const issuesOf = (result: { error?: { issues: z.core.$ZodIssue[] } }) =>
  (result.error?.issues ?? []).map((issue) => [issue.code, issue.path.join(".")]).sort();

const anyValue = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(null, "", [], true, "1", "2", "3"),
  fc.array(fc.constantFrom("1", "2", "3", ""), { maxLength: 3 }),
);
const entry = fc.dictionary(fc.constantFrom("A", "B", "C"), fc.oneof(anyValue, fc.boolean()));
const record = fc.dictionary(
  fc.constantFrom("TEXT", "NUMBER", "CODES", "UPPER", "ENTRIES", "OTHER"),
  fc.oneof(anyValue, fc.array(entry, { maxLength: 2 })),
);

describe("fieldsObject", () => {
  it("accepts, normalizes and rejects as zod's strict object of optional fields", () => {
    fc.assert(
      fc.property(record, (input) => {
        const ours = schema.safeParse(input);
        const zods = reference.safeParse(withoutEmpty(input));
        expect(ours.success).toBe(zods.success);
        expect(issuesOf(ours)).toEqual(issuesOf(zods));
        if (ours.success && zods.success) expect(ours.data).toEqual(zods.data);
      }),
      { numRuns: 2000 },
    );
  });

  it("names each unknown key and refuses what is not an object", () => {
    const unknown = schema.safeParse({ TEXT: "ok", X: 1, Y: 2 });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues).toMatchObject([{ code: "unrecognized_keys", keys: ["X", "Y"] }]);
    for (const input of [null, [], "text", 3]) {
      expect(schema.safeParse(input).error?.issues).toMatchObject([
        { code: "invalid_type", expected: "object", path: [] },
      ]);
    }
  });

  it("drops empty values instead of parsing them", () => {
    expect(schema.parse({ TEXT: "", NUMBER: null, CODES: [], UPPER: "a" })).toEqual({ UPPER: "A" });
  });
});
