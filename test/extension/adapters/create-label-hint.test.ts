import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLabelDictionary } from "../../../extension/src/adapters/create-label-dictionary.ts";
import { FIELD_LABELS } from "../../../extension/src/adapters/field-labels.ts";
import { EXPANSIONS, QUALIFIERS, SYNONYMS } from "../../../extension/src/adapters/label-words.ts";
import { matchLabel } from "../../../extension/src/adapters/match-label.ts";

const dictionary = createLabelDictionary(FIELD_LABELS);
const labels = Object.values(FIELD_LABELS).flat();
const words = [
  ...labels.flatMap((label) => label.split(/[\s'’]+/)),
  ...Object.values(SYNONYMS).flat(),
  ...Object.keys(EXPANSIONS),
  ...QUALIFIERS,
  "de",
  "du",
  "van",
  "des",
  "Ort",
  "12",
];
// How EHR pages may print a label: any case, accents composed or not, ’ for ', runs of
// blanks and no-break spaces, ß for ss, words in another order and in compounds, with
// what pages print before and after.
const printed = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(...labels),
      fc
        .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(" ", "-", "", ". ", " (")), {
          minLength: 1,
          maxLength: 5,
        })
        .map((parts) => parts.map(([w, after]) => w + after).join("")),
    ),
    fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
    fc.constantFrom("", " ", "\n  ", "\u00a0", "\u2003", "N° ", "(", "1. "),
    fc.constantFrom("", ":", " :", " *", ": 12/03/2025", ")"),
    fc.constantFrom("NFC", "NFD"),
    fc.constantFrom(" ", "  ", "\u00a0", "\t"),
    fc.boolean(),
  )
  .map(([label, upper, before, after, form, space, sharp]) => {
    let text = [...label]
      .map((char, i) => (upper[i % 64] ? char.toUpperCase() : char.toLowerCase()))
      .join("")
      .replaceAll("'", "’")
      .replaceAll(" ", space)
      .normalize(form);
    if (sharp) text = text.replace("ss", "ß");
    return `${before}${text}${after}`;
  });

describe("the label dictionary's hint (the reading's first, native test)", () => {
  it("lets through every text that is some field's label", () => {
    let matched = 0;
    fc.assert(
      fc.property(printed, (text) => {
        const head = text.includes(": ") ? text.slice(0, text.indexOf(": ")) : text;
        if (matchLabel(dictionary, head) === undefined) return;
        matched++;
        expect(dictionary.hint.test(text)).toBe(true);
      }),
      { numRuns: 5000 },
    );
    expect(matched).toBeGreaterThan(1000);
  });

  it("stops most of a chart's other text", () => {
    for (const text of [
      "Note 12",
      "Évolution favorable, pas de plainte.",
      "281120",
      "Dr Martin",
      "Libellé",
      "Voir compte rendu dicté.",
    ])
      expect(dictionary.hint.test(text), text).toBe(false);
  });
});
