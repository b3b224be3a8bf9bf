import { describe, expect, it } from "vitest";
import { fromS2sPayload } from "../../../shared-schema/src/s2s/from-s2s-payload.ts";
import { TINY_DCD, TINY_S2S_CODE_IDS } from "../fixtures/tiny-dcd.ts";

describe("fromS2sPayload", () => {
  it("turns code ids back into code values, and keeps open values and other values", () => {
    const record = fromS2sPayload(
      TINY_DCD,
      {
        STATUS: "draft",
        TX_NAME: "Dupont",
        D_EVENT: "2024-03-09",
        MS_DELTA: -3,
        CD_SEX: 13,
        CD_RESIDENCE: "4000",
        CD_NOMEN: ["281012"],
        CD_TECH: [40],
        FL_DONE: false,
        IMPLANT: [{ CD_IMPL_TYPE: 51, MS_IMPL_QTY: 1, CD_IMPL_TECH: [41, 42] }],
      },
      TINY_S2S_CODE_IDS,
    );
    expect(record).toEqual({
      STATUS: "draft",
      TX_NAME: "Dupont",
      D_EVENT: "2024-03-09",
      MS_DELTA: -3,
      CD_SEX: "32570681000036106",
      CD_RESIDENCE: "4000",
      CD_NOMEN: ["281012"],
      CD_TECH: ["0"],
      FL_DONE: false,
      IMPLANT: [{ CD_IMPL_TYPE: "1", MS_IMPL_QTY: 1, CD_IMPL_TECH: ["1", "2"] }],
    });
  });

  it("ignores keys that are not fields of the DCD and null values", () => {
    expect(
      fromS2sPayload(TINY_DCD, { businessKey: "K", TX_NAME: null, TX_COAUTHOR: "c@x.be" }),
    ).toEqual({ TX_COAUTHOR: "c@x.be" });
  });

  it("throws naming the field for an unknown id or a value of the wrong JSON type", () => {
    expect(() => fromS2sPayload(TINY_DCD, { CD_SEX: 12345 }, TINY_S2S_CODE_IDS)).toThrow(
      /CD_SEX: id 12345 is not an item of code list SEX/,
    );
    // The id of another list is not an item of this one.
    expect(() => fromS2sPayload(TINY_DCD, { CD_LEVEL: 11 }, TINY_S2S_CODE_IDS)).toThrow(
      /CD_LEVEL: id 11/,
    );
    expect(() =>
      fromS2sPayload(TINY_DCD, { IMPLANT: [{ MS_IMPL_QTY: { n: 1 } }] }, TINY_S2S_CODE_IDS),
    ).toThrow(/IMPLANT\[1\]\.MS_IMPL_QTY/);
  });
});
