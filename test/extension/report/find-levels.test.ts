import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findLevels } from "../../../extension/src/report/find-levels.ts";
import { reportLanguage } from "../../../extension/src/report/report-language.ts";
import { SPINE_LEVELS } from "../../../extension/src/report/spine-levels.ts";
import { tokenizeSentence } from "../../../extension/src/report/tokenize-sentence.ts";

/** The levels a sentence names, mention by mention, by name. */
function levelsOf(sentence: string): string[][] {
  const tokens = tokenizeSentence(sentence);
  return findLevels(tokens, reportLanguage(tokens).cues).map((mention) =>
    mention.map((level) => SPINE_LEVELS[level] as string),
  );
}

describe("vertebral levels in a report sentence", () => {
  it.each([
    ["Discectomie L4-L5.", [["L4", "L5"]]],
    ["Arthrodèse de L3 à L5.", [["L3", "L4", "L5"]]],
    ["Fusie van L3 tot L5.", [["L3", "L4", "L5"]]],
    ["Stabilisierung BWK 4 bis BWK 8.", [["T4", "T5", "T6", "T7", "T8"]]],
    ["Bandscheibenvorfall L4/5.", [["L4", "L5"]]],
    ["Left L4-5 laminotomy.", [["L4", "L5"]]],
    ["Hernie L5-S1.", [["L5", "S1"]]],
    ["Fusion from T12 to L2.", [["T12", "L1", "L2"]]],
    ["Kyphoplastie LWK 1 und HWK 5/6.", [["L1"], ["C5", "C6"]]],
    ["Fracture de D12 et de Th11.", [["T12"], ["T11"]]],
    ["Recalibrage aux niveaux L3, L4 et L5.", [["L3"], ["L4"], ["L5"]]],
    ["Vis de T10 à S1.", [["T10", "T11", "T12", "L1", "L2", "L3", "L4", "L5", "S1"]]],
    ["Plate C4–C6.", [["C4", "C5", "C6"]]],
  ])("%s", (sentence, expected) => {
    expect(levelsOf(sentence)).toEqual(expected);
  });

  it("takes a level beside a nerve root for the root, not an operated level", () => {
    expect(levelsOf("Libération de la racine S1.")).toEqual([]);
    expect(levelsOf("The L5 nerve root was retracted.")).toEqual([]);
    expect(levelsOf("Darstellung der S1-Wurzel.")).toEqual([]);
    expect(levelsOf("Hernie L5-S1 avec radiculalgie S1.")).toEqual([["L5", "S1"]]);
  });

  it("leaves out the levels of an earlier operation", () => {
    expect(levelsOf("Zustand nach Mikrodiskektomie L5/S1 vor zwei Jahren.")).toEqual([]);
    expect(levelsOf("Above a prior L4-5 fusion (2018), L3-4 stenosis.")).toEqual([["L3", "L4"]]);
  });

  it("is not fooled by what only looks like a level", () => {
    expect(levelsOf("Fracture type A3, Modic 1, 4 ml, S2 alar-iliac screws, L6.")).toEqual([]);
  });

  const level = fc.integer({ min: 0, max: SPINE_LEVELS.length - 1 });
  const ranges = [
    "-",
    "/",
    "–",
    " à ",
    " au ",
    " tot ",
    " tot en met ",
    " bis ",
    " to ",
    " through ",
  ];
  const GERMAN: Record<string, string> = { C: "HWK ", T: "BWK ", L: "LWK " };

  it("expands any range, written any way, to the consecutive levels between its ends", () => {
    fc.assert(
      fc.property(
        level,
        level,
        fc.constantFrom(...ranges),
        fc.boolean(),
        (a, b, joiner, german) => {
          const [from, to] = [SPINE_LEVELS[a] as string, SPINE_LEVELS[b] as string];
          const written = (name: string) =>
            german && GERMAN[name[0] as string]
              ? `${GERMAN[name[0] as string]}${name.slice(1)}`
              : name;
          const expected = SPINE_LEVELS.slice(Math.min(a, b), Math.max(a, b) + 1);
          expect(levelsOf(`Operiert ${written(from)}${joiner}${written(to)} heute.`)).toEqual([
            expected,
          ]);
        },
      ),
    );
  });

  it("reads the short form of a range within a region (L4-5, C5/6, HWK 5/6)", () => {
    const sameRegion = fc
      .tuple(level, level)
      .filter(([a, b]) => SPINE_LEVELS[a]?.[0] === SPINE_LEVELS[b]?.[0] && a < b);
    fc.assert(
      fc.property(sameRegion, fc.constantFrom("-", "/"), ([a, b], joiner) => {
        const from = SPINE_LEVELS[a] as string;
        const toNumber = (SPINE_LEVELS[b] as string).slice(1);
        expect(levelsOf(`${from}${joiner}${toNumber}`)).toEqual([SPINE_LEVELS.slice(a, b + 1)]);
      }),
    );
  });
});
