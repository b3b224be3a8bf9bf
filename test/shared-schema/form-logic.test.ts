import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileDcd } from "../../shared-schema/src/compile-dcd.ts";
import type { DcdRecord } from "../../shared-schema/src/dcd.ts";
import { parseDcd } from "../../shared-schema/src/parse-dcd.ts";
import { LOGIC_DCD } from "./fixtures/logic-dcd.ts";

const TODAY = "2026-06-15";
const logic = compileDcd(parseDcd(LOGIC_DCD));
const VALID: DcdRecord = {
  D_EVENT: "2026-03-02",
  T_START: "08:30",
  DT_END: "2026-03-02T11:05",
  MS_WEIGHT: 72.5,
  CD_REGION: "N",
  CD_SITE: "N2",
  CD_FOLLOW: "1",
  D_FOLLOW: "2026-04-02",
  DEVICE: [{ CD_DEVICE: "99", TX_DEVICE_OTHER: "Spacer", MS_QTY: 1 }],
};
const validate = (change: DcdRecord, draft = false) =>
  logic.validate({ ...VALID, ...change }, { today: TODAY, draft });
const codes = (change: DcdRecord) =>
  validate(change).issues.map((issue) => `${issue.field}:${issue.code}`);

describe("form logic from an imported DCD", () => {
  it("accepts the valid record and computes its calculation", () => {
    const result = validate({});
    expect(result.issues).toEqual([]);
    expect(result.record?.MS_DAYS).toBe(31);
    expect(logic.calculate(VALID)).toEqual({ MS_DAYS: 31 });
  });

  it("checks time, date-time and decimal values", () => {
    expect(codes({ T_START: "24:00" })).toEqual(["T_START:invalid_time"]);
    expect(codes({ T_START: "8:30" })).toEqual(["T_START:invalid_time"]);
    expect(codes({ DT_END: "2026-02-30T10:00" })).toEqual(["DT_END:invalid_datetime"]);
    expect(codes({ DT_END: "2026-03-02 10:00" })).toEqual(["DT_END:invalid_datetime"]);
    expect(codes({ MS_WEIGHT: 0.1 })).toEqual(["MS_WEIGHT:out_of_range"]);
    expect(codes({ MS_WEIGHT: "72,5" })).toEqual(["MS_WEIGHT:invalid_type"]);
  });

  it("asks a section only when its relevant holds, and refuses values in it otherwise", () => {
    expect(logic.relevance({ ...VALID, CD_FOLLOW: "0" }).section("FOLLOW_UP")).toBe(false);
    expect(logic.relevance(VALID).section("FOLLOW_UP")).toBe(true);
    // Not asked: not required...
    expect(codes({ CD_FOLLOW: "0", D_FOLLOW: undefined })).toEqual([]);
    // ...and a value there is an error that says so, never dropped silently.
    expect(codes({ CD_FOLLOW: "0" })).toEqual(["D_FOLLOW:not_relevant"]);
    // Asked: required.
    expect(codes({ D_FOLLOW: undefined })).toEqual(["D_FOLLOW:required"]);
  });

  it("reads a field that a relevant names as empty when it is empty (not asked)", () => {
    expect(logic.relevance({ ...VALID, CD_FOLLOW: undefined }).field("D_FOLLOW")).toBe(false);
    expect(logic.relevance(VALID).field("TX_REASON")).toBe(false);
    expect(logic.relevance({ ...VALID, TX_CODE: "AB123" }).field("TX_REASON")).toBe(true);
    expect(codes({ TX_CODE: "AB123" })).toEqual(["TX_REASON:required"]);
  });

  it("filters choices by another answer, in the form and in the validator", () => {
    expect(logic.choicesFor("CD_SITE", VALID).map((item) => item.value)).toEqual(["N1", "N2"]);
    expect(logic.choicesFor("CD_SITE", { CD_REGION: "S" }).map((item) => item.value)).toEqual([
      "S1",
    ]);
    // Nothing to filter on yet: every choice stays offered.
    expect(logic.choicesFor("CD_SITE", {})).toHaveLength(3);
    expect(codes({ CD_SITE: "S1" })).toEqual(["CD_SITE:not_in_filtered_choices"]);
  });

  it("checks repeat entries with their own relevant and rules, reading the entry first", () => {
    const entry = (change: Record<string, string | number>) => ({
      DEVICE: [
        { CD_DEVICE: "1", MS_QTY: 1 },
        { CD_DEVICE: "99", MS_QTY: 1, ...change },
      ],
    });
    expect(codes(entry({}))).toEqual(["DEVICE[2].TX_DEVICE_OTHER:required"]);
    expect(codes({ DEVICE: [{ CD_DEVICE: "1", MS_QTY: 1, TX_DEVICE_OTHER: "x" }] })).toEqual([
      "DEVICE[1].TX_DEVICE_OTHER:not_relevant",
    ]);
    const warning = validate(entry({ TX_DEVICE_OTHER: "Spacer", MS_QTY: 3 }));
    expect(warning.valid).toBe(true);
    expect(warning.issues.map((issue) => `${issue.field}:${issue.code}:${issue.severity}`)).toEqual(
      ["DEVICE[2].MS_QTY:qty_for_other:warning"],
    );
    expect(
      logic.relevance(VALID).field("DEVICE.TX_DEVICE_OTHER", { CD_DEVICE: "1", MS_QTY: 1 }),
    ).toBe(false);
  });

  it("evaluates rules on calculations and regular expressions", () => {
    expect(codes({ D_FOLLOW: "2026-03-01" })).toEqual(["D_FOLLOW:follow_up_after_event"]);
    expect(codes({ TX_CODE: "ab123", TX_REASON: "x" })).toEqual(["TX_CODE:code_format"]);
    expect(codes({ TX_CODE: "AB123", TX_REASON: "x" })).toEqual([]);
  });

  it("ignores notes and never takes a calculation from the input", () => {
    const result = validate({ TX_INTRO: "typed", MS_DAYS: 999 });
    expect(result.valid).toBe(true);
    expect(result.record?.MS_DAYS).toBe(31);
    expect(result.record?.TX_INTRO).toBeUndefined();
  });

  it("never requires a field that is not asked, and always refuses a value in one", () => {
    const answer = fc.option(fc.constantFrom("0", "1"), { nil: undefined });
    const date = fc.option(fc.constantFrom("2026-04-02", "2026-05-01"), { nil: undefined });
    fc.assert(
      fc.property(answer, date, fc.boolean(), (follow, followDate, draft) => {
        const record = { ...VALID, CD_FOLLOW: follow, D_FOLLOW: followDate };
        const asked = logic.relevance(record, { today: TODAY }).field("D_FOLLOW");
        const issues = logic
          .validate(record, { today: TODAY, draft })
          .issues.filter((issue) => issue.field === "D_FOLLOW")
          .map((issue) => issue.code);
        expect(asked).toBe(follow === "1");
        if (!asked) expect(issues).toEqual(followDate ? ["not_relevant"] : []);
        if (asked && !followDate) expect(issues).toEqual(draft ? [] : ["required"]);
      }),
    );
  });
});
