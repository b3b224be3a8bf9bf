import { describe, expect, it } from "vitest";
import { S2S_CODE_IDS } from "../../../shared-schema/src/s2s/s2s-code-ids.ts";
import { toS2sPayload } from "../../../shared-schema/src/s2s/to-s2s-payload.ts";
import { TINY_DCD, TINY_S2S_CODE_IDS } from "../fixtures/tiny-dcd.ts";

describe("toS2sPayload", () => {
  it("sends code ids instead of code values, and keeps the other values as JSON types", () => {
    const payload = toS2sPayload(
      TINY_DCD,
      {
        STATUS: "draft",
        TX_NAME: "Dupont",
        D_EVENT: "2024-03-09",
        MS_COUNT: 12,
        CD_SEX: "248152002",
        CD_LEVEL: "T12",
        CD_TECH: ["1", "99"],
        FL_DONE: true,
        IMPLANT: [
          { CD_IMPL_TYPE: "99", MS_IMPL_QTY: 2, D_IMPL: "2024-03-09", CD_IMPL_TECH: ["0"] },
          { TX_IMPL_REF: "REF-9", FL_IMPL_OK: false },
        ],
      },
      TINY_S2S_CODE_IDS,
    );
    expect(payload).toEqual({
      STATUS: "draft",
      TX_NAME: "Dupont",
      D_EVENT: "2024-03-09",
      MS_COUNT: 12,
      CD_SEX: 12,
      CD_LEVEL: 33,
      CD_TECH: [41, 49],
      FL_DONE: true,
      IMPLANT: [
        { CD_IMPL_TYPE: 59, MS_IMPL_QTY: 2, D_IMPL: "2024-03-09", CD_IMPL_TECH: [40] },
        { TX_IMPL_REF: "REF-9", FL_IMPL_OK: false },
      ],
    });
  });

  it("sends open values of a list with a format as they are, and ids for its enumerated items", () => {
    const payload = toS2sPayload(
      TINY_DCD,
      { CD_RESIDENCE: "1000", CD_NOMEN: ["281012", "68452"] },
      TINY_S2S_CODE_IDS,
    );
    expect(payload).toEqual({ CD_RESIDENCE: "1000", CD_NOMEN: ["281012", "68452"] });
    expect(toS2sPayload(TINY_DCD, { CD_RESIDENCE: "9999" }, TINY_S2S_CODE_IDS)).toEqual({
      CD_RESIDENCE: 21,
    });
  });

  it("uses the SPIN_SURG id table by default", () => {
    expect(toS2sPayload(TINY_DCD, { CD_SEX: "248153007", CD_RESIDENCE: "999" })).toEqual({
      CD_SEX: S2S_CODE_IDS.SEX?.["248153007"],
      CD_RESIDENCE: S2S_CODE_IDS.RESIDENCE?.["999"],
    });
    expect(S2S_CODE_IDS.SEX?.["248153007"]).toEqual(expect.any(Number));
  });

  it("leaves out null and undefined values, and keeps author columns the DCD does not define", () => {
    expect(
      toS2sPayload(TINY_DCD, { TX_NAME: null, IDC_PAT: undefined, TX_AUTHOR: "a@x.be" }),
    ).toEqual({ TX_AUTHOR: "a@x.be" });
  });

  it("throws naming the field and the value when a code has no id", () => {
    expect(() => toS2sPayload(TINY_DCD, { CD_SEX: "261665006" }, TINY_S2S_CODE_IDS)).toThrow(
      /CD_SEX: code "261665006" of list SEX has no S2S id/,
    );
    expect(() =>
      toS2sPayload(TINY_DCD, { IMPLANT: [{ CD_IMPL_TECH: ["1", "7"] }] }, TINY_S2S_CODE_IDS),
    ).toThrow(/IMPLANT\[1\]\.CD_IMPL_TECH: code "7" of list TECH/);
    // An enumerated item of an open list must have its id: it is not sent as a postcode.
    expect(() => toS2sPayload(TINY_DCD, { CD_RESIDENCE: "9999" }, {})).toThrow(
      /CD_RESIDENCE: code "9999"/,
    );
    // A code value that is an Object.prototype property is not an id.
    expect(() => toS2sPayload(TINY_DCD, { CD_LEVEL: "constructor" }, TINY_S2S_CODE_IDS)).toThrow(
      /CD_LEVEL: code "constructor"/,
    );
  });

  it("throws for a key that is not a field, and for shapes S2S cannot carry", () => {
    expect(() => toS2sPayload(TINY_DCD, { CD_SEXE: "1" })).toThrow(/"CD_SEXE" is not a field/);
    expect(() => toS2sPayload(TINY_DCD, { IMPLANT: [{ CD_SEX: "1" }] })).toThrow(
      /"CD_SEX" is not a field of the block IMPLANT/,
    );
    expect(() => toS2sPayload(TINY_DCD, { CD_TECH: "1" }, TINY_S2S_CODE_IDS)).toThrow(
      /CD_TECH must be an array/,
    );
  });
});
