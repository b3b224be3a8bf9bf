import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Dcd } from "../../../shared-schema/src/dcd.ts";
import { fromS2sPayload } from "../../../shared-schema/src/s2s/from-s2s-payload.ts";
import { S2S_CODE_IDS, type S2sCodeIds } from "../../../shared-schema/src/s2s/s2s-code-ids.ts";
import { toS2sPayload } from "../../../shared-schema/src/s2s/to-s2s-payload.ts";
import { SPIN_SURG } from "../../../shared-schema/src/spin-surg.ts";
import { recordArbitrary } from "../../support/record-arbitrary.ts";
import { TINY_DCD, TINY_S2S_CODE_IDS } from "../fixtures/tiny-dcd.ts";

function describeRoundTrip(dcd: Dcd, ids: S2sCodeIds): void {
  describe(`S2S round trip over ${dcd.id}`, () => {
    it("fromS2sPayload(JSON of toS2sPayload(record)) gives back the record", () => {
      fc.assert(
        fc.property(recordArbitrary(dcd), (record) => {
          const json = JSON.stringify(toS2sPayload(dcd, record, ids));
          expect(fromS2sPayload(dcd, JSON.parse(json), ids)).toEqual(record);
        }),
        { numRuns: 300 },
      );
    });

    it("sends every enumerated code as its id and every open value as it is", () => {
      const lists = new Map(dcd.codeLists.map((list) => [list.name, list]));
      fc.assert(
        fc.property(recordArbitrary(dcd), (record) => {
          const payload = toS2sPayload(dcd, record, ids);
          for (const field of dcd.fields) {
            if (field.type !== "code" && field.type !== "multi") continue;
            const value = record[field.name];
            if (value === undefined) continue;
            const values = (Array.isArray(value) ? value : [value]) as string[];
            const list = lists.get(field.codeList);
            const expected = values.map((code) =>
              list?.items.some((item) => item.value === code) ? ids[field.codeList]?.[code] : code,
            );
            expect(payload[field.name]).toEqual(Array.isArray(value) ? expected : expected[0]);
          }
        }),
        { numRuns: 100 },
      );
    });
  });
}

describeRoundTrip(TINY_DCD, TINY_S2S_CODE_IDS);
describeRoundTrip(SPIN_SURG, S2S_CODE_IDS);
