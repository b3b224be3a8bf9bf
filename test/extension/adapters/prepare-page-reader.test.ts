import { describe, expect, it } from "vitest";
import { PREFILL_FIELDS } from "../../../extension/src/adapters/prefill-fields.ts";
import { preparePageReader } from "../../../extension/src/adapters/prepare-page-reader.ts";
import { runToEnd } from "../../../extension/src/adapters/run-in-slices.ts";
import { parsePage } from "../parse-page.ts";

describe("preparePageReader (compiles the reader before the page is read)", () => {
  it("reads a value of every kind from its sample chart, so every path is compiled", () => {
    const sample = runToEnd(preparePageReader(parsePage));
    expect(sample.isChart).toBe(true);
    // The country folds into the residence code; every other field the pages hold is read.
    const expected = Object.keys(PREFILL_FIELDS).filter((field) => !field.startsWith("_"));
    expect(Object.keys(sample.values).sort()).toEqual(expected.sort());
  });
});
