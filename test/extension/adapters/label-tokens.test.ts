import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FIELD_LABELS } from "../../../extension/src/adapters/field-labels.ts";
import { labelTokens, stemWord } from "../../../extension/src/adapters/label-tokens.ts";
import { EXPANSIONS, STOP_WORDS, SYNONYMS } from "../../../extension/src/adapters/label-words.ts";
import { normalizeLabel } from "../support/normalize-label.ts";

describe("normalizeLabel (a label as the words it is compared by)", () => {
  it.each([
    ["Date d'opération", "date surgery"],
    ["DATE DE L’INTERVENTION :", "date surgery"],
    ["Datum der Operation*", "date surgery"],
    ["OP-Datum", "surgery date"],
    ["Op.-Datum", "surgery date"],
    ["Geboren op", "birth"],
    ["Geburtsdatum", "birth date"],
    ["Geb.-Dat.", "birth date"],
    ["D.O.B.", "date birth"],
    ["N° INAMI du chirurgien", "nr inami surgeon"],
    ["Nr. RIZIV chirurg", "nr inami surgeon"],
    ["no. LIKIV", "nr inami"],
    ["Chirurgien (INAMI)", "surgeon (inami)"],
    ["Chirurgien [RIZIV]", "surgeon (inami)"],
    ["Patiëntnummer", "patient nr"],
    ["Patientennr.", "patient nr"],
    ["Rijksregisternummer", "register national nr"],
    ["Prénom", "first name"],
    ["Vorname", "first name"],
    ["Nomenklaturcodes", "nomenclature code"],
    ["Codes INAMI facturés", "code inami billed"],
    ["Prestations facturées", "act billed"],
    ["Surname", "surnam"],
    ["Né(e) le", "birth (e)"],
  ])("%s -> %s", (text, words) => expect(normalizeLabel(text)).toBe(words));

  it("keeps words in brackets apart, and the label's words once", () => {
    expect(labelTokens("Date de naissance (jj/mm/aaaa) date")).toEqual({
      required: ["date", "birth"],
      optional: ["jj", "mm", "aaaa"],
    });
  });

  it("stems plural and feminine endings alike", () => {
    expect(stemWord("facturées")).toBe(stemWord("facturé"));
    expect(stemWord("codes")).toBe(stemWord("code"));
    expect(stemWord("sexe")).toBe("sex");
    expect(stemWord("nee")).toBe("nee");
  });

  it("gives every spelling of label-words.ts one meaning", () => {
    const meanings = new Map<string, string>();
    const claim = (word: string, meaning: string) => {
      const stem = stemWord(word);
      expect(meanings.get(stem) ?? meaning, `"${word}" means two things`).toBe(meaning);
      meanings.set(stem, meaning);
    };
    for (const word of STOP_WORDS) claim(word, "");
    for (const [canonical, words] of Object.entries(SYNONYMS))
      for (const word of [canonical, ...words]) claim(word, canonical);
    for (const [word, words] of Object.entries(EXPANSIONS)) claim(word, words.join(" "));
  });
});

// Texts made of label words, other words, digits and what EHRs print around them.
const words = [
  ...new Set(
    Object.values(FIELD_LABELS)
      .flat()
      .flatMap((label) => label.split(/[\s'’]+/)),
  ),
  ...Object.values(SYNONYMS).flat(),
  ...Object.keys(EXPANSIONS),
];
const word = fc.oneof(
  fc.constantFrom(...words),
  fc.string({ unit: fc.constantFrom(..."abcdeéènorstuüßæ0123456789"), minLength: 1, maxLength: 9 }),
);
const text = fc
  .array(fc.tuple(word, fc.constantFrom(" ", "-", ".", "(", ")", "/", "'", "° ", ". ", "")), {
    maxLength: 7,
  })
  .map((parts) => parts.map(([w, after]) => w + after).join(" "));
// Punctuation that says nothing (".", "-" and brackets do: "Op.-Datum", "D.O.B.", "(INAMI)").
const punctuation = fc.constantFrom(", ", " : ", " / ", " * ", " – ", " ; ", "\u00a0", "\n  ");

describe("normalizeLabel, for any text", () => {
  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: "binary", maxLength: 40 })), (t) => {
        const once = normalizeLabel(t);
        expect(normalizeLabel(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it("ignores case", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(normalizeLabel(t.toUpperCase())).toBe(normalizeLabel(t.toLowerCase()));
      }),
      { numRuns: 2000 },
    );
  });

  it("ignores accents, composed or not", () => {
    fc.assert(
      fc.property(text, (t) => {
        const bare = t.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
        expect(normalizeLabel(t)).toBe(normalizeLabel(bare));
        expect(normalizeLabel(t.normalize("NFD"))).toBe(normalizeLabel(t));
      }),
      { numRuns: 2000 },
    );
  });

  it("ignores punctuation between words and a trailing colon or asterisk", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 }),
        fc.array(punctuation, { minLength: 6, maxLength: 6 }),
        fc.constantFrom("", ":", " :", "*", " *:"),
        (parts, between, end) => {
          const plain = parts.join(" ");
          const printed = parts.map((w, i) => (i === 0 ? w : `${between[i]}${w}`)).join("") + end;
          expect(normalizeLabel(printed)).toBe(normalizeLabel(plain));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
