import { describe, expect, it } from "vitest";
import type { Dcd } from "../../../shared-schema/src/dcd.ts";
import { S2S_CODE_IDS, type S2sCodeIds } from "../../../shared-schema/src/s2s/s2s-code-ids.ts";
import { SPIN_SURG } from "../../../shared-schema/src/spin-surg.ts";
import { TINY_DCD, TINY_S2S_CODE_IDS } from "../fixtures/tiny-dcd.ts";

describe.each([
  ["S2S_CODE_IDS", SPIN_SURG, S2S_CODE_IDS],
  ["TINY_S2S_CODE_IDS", TINY_DCD, TINY_S2S_CODE_IDS],
] as [string, Dcd, S2sCodeIds][])("%s", (_name, dcd, ids) => {
  it("has an id for every enumerated item of every code list of the DCD", () => {
    const missing = dcd.codeLists.flatMap((list) =>
      list.items
        .filter((item) => !Object.hasOwn(ids[list.name] ?? {}, item.value))
        .map((item) => `${list.name} ${item.value}`),
    );
    expect(missing, "add these items to the id table").toEqual([]);
  });

  it("has no entry that the DCD does not define (a stale id would be sent for nothing)", () => {
    const stale = Object.entries(ids).flatMap(([listName, table]) => {
      const list = dcd.codeLists.find((candidate) => candidate.name === listName);
      if (list === undefined) return [`list ${listName}`];
      return Object.keys(table)
        .filter((value) => !list.items.some((item) => item.value === value))
        .map((value) => `${listName} ${value}`);
    });
    expect(stale, "remove these from the id table").toEqual([]);
  });

  it("gives unique integer ids within each list and across lists", () => {
    const all = Object.values(ids).flatMap((table) => Object.values(table));
    for (const table of Object.values(ids)) {
      const values = Object.values(table);
      expect(new Set(values).size).toBe(values.length);
    }
    expect(new Set(all).size).toBe(all.length);
    expect(all.every((id) => Number.isSafeInteger(id) && id > 0)).toBe(true);
  });
});
