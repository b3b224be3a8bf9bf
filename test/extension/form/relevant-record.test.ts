import { describe, expect, it } from "vitest";
import { toRecord } from "../../../extension/src/form/form-values.ts";
import { relevantRecord } from "../../../extension/src/form/relevant-record.ts";
import { compileDcd } from "../../../shared-schema/src/compile-dcd.ts";
import type { Translations } from "../../../shared-schema/src/dcd.ts";
import { parseDcd } from "../../../shared-schema/src/parse-dcd.ts";

const label: Translations = { fr: "x", nl: "x", de: "x", en: "x" };

/** A chain: B is asked when A holds, C when B is filled. */
const chain = compileDcd(
  parseDcd({
    id: "CHAIN",
    version: "1.0.0",
    label,
    source: "test",
    fields: [
      { name: "A", type: "bool", required: false, label },
      { name: "B", type: "text", required: false, label, relevant: { field: "A", equals: true } },
      { name: "C", type: "text", required: false, label, relevant: { filled: "B" } },
    ],
    codeLists: [],
    rules: [],
    businessKey: { fields: ["A"] },
  }),
);

describe("relevantRecord", () => {
  it("leaves out what is hidden, and what a hidden field hid in turn", () => {
    const values = { A: "false", B: "b", C: "c" };
    expect(chain.validate(toRecord(chain.dcd, values)).issues.map((i) => i.code)).toContain(
      "not_relevant",
    );
    const view = relevantRecord(chain, values);
    expect(view.record).toEqual({ A: false });
    expect(view.relevance.field("C")).toBe(false);
    expect(chain.validate(view.record).valid).toBe(true);
  });

  it("keeps everything that is asked", () => {
    expect(relevantRecord(chain, { A: "true", B: "b", C: "c" }).record).toEqual({
      A: true,
      B: "b",
      C: "c",
    });
  });
});
