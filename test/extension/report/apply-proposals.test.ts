import { describe, expect, it } from "vitest";
import type { FormValues } from "../../../extension/src/form/form-values.ts";
import { applyProposals, isApplied } from "../../../extension/src/report/apply-proposals.ts";
import { SPIN_SURG } from "../../../shared-schema/src/spin-surg.ts";

const proposal = (field: string, value: string) => ({ field, value, source: "." });

describe("accepting proposals", () => {
  it("changes only what differs: a code is set, a multi field gains the value", () => {
    const values = { CD_LEVEL_FROM: "L3", CD_APPROACH: ["2"] };
    expect(
      applyProposals(SPIN_SURG, values, [
        proposal("CD_LEVEL_FROM", "L4"),
        proposal("CD_APPROACH", "2"),
        proposal("CD_APPROACH", "4"),
      ]),
    ).toEqual({ CD_LEVEL_FROM: "L4", CD_APPROACH: ["2", "4"] });
  });

  it("adds an entry to a repeat block and says yes to the field it is asked under", () => {
    const changed = applyProposals(SPIN_SURG, {}, [
      proposal("IMPLANT.CD_IMPL_TYPE", "1"),
      proposal("IMPLANT.CD_IMPL_TYPE", "2"),
    ]);
    expect(changed).toEqual({
      FL_IMPLANT: "true",
      IMPLANT: [{ CD_IMPL_TYPE: "1" }, { CD_IMPL_TYPE: "2" }],
    });
  });

  it("fills an entry left empty before adding one, and never adds the same twice", () => {
    const values: FormValues = {
      FL_IMPLANT: "true",
      IMPLANT: [{ CD_IMPL_TYPE: "1" }, { MS_IMPL_QTY: "2" }],
    };
    expect(applyProposals(SPIN_SURG, values, [proposal("IMPLANT.CD_IMPL_TYPE", "3")])).toEqual({
      IMPLANT: [{ CD_IMPL_TYPE: "1" }, { MS_IMPL_QTY: "2", CD_IMPL_TYPE: "3" }],
    });
    expect(isApplied(SPIN_SURG, values, proposal("IMPLANT.CD_IMPL_TYPE", "1"))).toBe(true);
    expect(isApplied(SPIN_SURG, values, proposal("FL_IMPLANT", "true"))).toBe(true);
    expect(isApplied(SPIN_SURG, values, proposal("CD_TECH", "1"))).toBe(false);
  });
});
