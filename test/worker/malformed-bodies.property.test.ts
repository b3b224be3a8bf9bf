// Property: whatever body reaches a POST route (not JSON, JSON of any shape, records of the
// right shape with random values, bytes that are not UTF-8, any Content-Type), the worker
// never answers a 5xx, and every error is application/problem+json.

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { SPIN_SURG } from "../../shared-schema/src/spin-surg.ts";
import { recordArbitrary } from "../support/record-arbitrary.ts";
import { call, HOSPITAL_OF_TOKEN, TOKENS } from "./support/api.ts";
import { holdDeliveries } from "./support/hold-deliveries.ts";

// Some random bodies are valid registrations: their outbox must not try the registry, which
// this test has no double of (workerd would print its failed DNS lookups).
beforeAll(() => holdDeliveries(HOSPITAL_OF_TOKEN[TOKENS.property] as string));

const ROUTES = ["/v1/eligibility", "/v1/validate", "/v1/registrations", "/v1/exports/hd4dp-csv"];
const RUNS = 1000;

const json = (value: unknown) => JSON.stringify(value);
const anyJson = fc.jsonValue({ maxDepth: 3 });
const record = recordArbitrary(SPIN_SURG);

const bodyArbitrary: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 100 }).map((s) => `{"record": ${s}`),
  fc.uint8Array({ maxLength: 200 }),
  anyJson.map(json),
  anyJson.map((v) => json({ record: v })),
  fc
    .record({ record: anyJson, status: fc.oneof(fc.constantFrom("draft", "submit"), anyJson) })
    .map(json),
  fc.record({ record, status: fc.constantFrom("draft", "submit", undefined) }).map(json),
  fc.record({ records: fc.array(fc.oneof(record, anyJson), { maxLength: 3 }) }).map(json),
  fc
    .record({ codes: fc.oneof(fc.array(fc.string({ maxLength: 12 }), { maxLength: 8 }), anyJson) })
    .map(json),
  fc.record({ codes: fc.array(fc.string()), article: anyJson, date: anyJson }).map(json),
);

const contentTypeArbitrary = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("application/json", "application/json; charset=utf-8") },
  { weight: 1, arbitrary: fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "") },
  { weight: 1, arbitrary: fc.stringMatching(/^[\x20-\x7e]{0,40}$/) },
);

const idempotencyKeyArbitrary = fc.oneof(
  { weight: 8, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.stringMatching(/^[\x20-\x7e]{0,40}$/) },
  { weight: 1, arbitrary: fc.constant(null) },
);

describe("malformed bodies", () => {
  it.each(ROUTES)(
    `${RUNS} random bodies on POST %s: never a 5xx, always problem+json`,
    async (route) => {
      const statuses = new Set<number>();
      await fc.assert(
        fc.asyncProperty(
          bodyArbitrary,
          contentTypeArbitrary,
          idempotencyKeyArbitrary,
          async (body, contentType, key) => {
            const response = await call(route, {
              token: TOKENS.property,
              body,
              headers: {
                "Content-Type": contentType,
                ...(key === null ? {} : { "Idempotency-Key": key }),
              },
            });
            const text = await response.text();
            statuses.add(response.status);
            expect(response.status, text).toBeLessThan(500);
            if (response.status >= 400) {
              expect(response.headers.get("Content-Type")).toBe("application/problem+json");
              expect(JSON.parse(text)).toMatchObject({
                status: response.status,
                title: expect.any(String),
              });
            }
          },
        ),
        { numRuns: RUNS },
      );
      // The bodies must reach every stage: media type, JSON parsing, shape and record checks.
      expect([...statuses]).toEqual(expect.arrayContaining([400, 415, 422]));
    },
    120_000,
  );
});
