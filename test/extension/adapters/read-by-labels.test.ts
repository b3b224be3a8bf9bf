import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FIELD_LABELS } from "../../../extension/src/adapters/field-labels.ts";
import { normalizeLabel } from "../../../extension/src/adapters/normalize-text.ts";
import {
  createLabelDictionary,
  readByLabels,
} from "../../../extension/src/adapters/read-by-labels.ts";
import { parsePage } from "../parse-page.ts";

const read = (body: string) =>
  Object.fromEntries(
    [...readByLabels(parsePage(`<html><body>${body}</body></html>`))].map(([k, v]) => [
      k,
      v.raw.trim(),
    ]),
  );

describe("readByLabels (the generic reader)", () => {
  it("reads a definition list in French", () => {
    expect(
      read(
        "<dl><dt>NISS</dt><dd>61.04.23-124.10</dd><dt>Date de naissance :</dt><dd>23/04/1961</dd></dl>",
      ),
    ).toEqual({
      IDC_PAT: "61.04.23-124.10",
      D_PAT_DOB: "23/04/1961",
    });
  });

  it("reads header and cell rows in Dutch", () => {
    expect(
      read(
        "<table><tr><th>Rijksregisternummer</th><td>75110205780</td></tr><tr><th>Geslacht</th><td>M</td></tr></table>",
      ),
    ).toEqual({
      IDC_PAT: "75110205780",
      CD_PAT_SEX: "M",
    });
  });

  it("reads 'Label: value' in one text, in German, ignoring case and accents", () => {
    expect(read("<p>GEBURTSDATUM: 02.11.1975</p><p>Operationsdatum : 4. Februar 2025</p>")).toEqual(
      {
        D_PAT_DOB: "02.11.1975",
        D_SURG: "4. Februar 2025",
      },
    );
  });

  it("reads form controls through <label for> in English", () => {
    expect(
      read(
        '<label for="a">Last name</label><input id="a" value="Smith"><label for="b">Sex</label><select id="b"><option>Male</option><option selected>Female</option></select>',
      ),
    ).toEqual({
      TX_PAT_LAST_NAM: "Smith",
      CD_PAT_SEX: "Female",
    });
  });

  it("reads a column of billed codes under its header", () => {
    const found = read(
      "<table><tr><th>Nomenclatuur</th><th>Omschrijving</th></tr><tr><td>281120</td><td>x</td></tr><tr><td>105092</td><td>y</td></tr></table>",
    );
    expect(found.CD_NOMEN).toBe("281120 105092");
  });

  it("reads 'Label: value' at the start of a long text", () => {
    expect(
      read(
        "<p>Date de l'intervention : 11/03/2025, en salle 3, sous anesthésie générale, selon le protocole habituel du service.</p>",
      ).D_SURG,
    ).toMatch(/^11\/03\/2025, en salle 3/);
  });

  it("never matches a label by prefix", () => {
    expect(read("<dl><dt>Nom du chirurgien</dt><dd>Dr X</dd></dl>")).toEqual({});
  });

  it("keeps the first occurrence of a field", () => {
    expect(
      read("<dl><dt>Nom</dt><dd>DUBOIS</dd></dl><dl><dt>Nom</dt><dd>MARTIN</dd></dl>")
        .TX_PAT_LAST_NAM,
    ).toBe("DUBOIS");
  });
});

describe("the label dictionary's hint (the scan's first, native test)", () => {
  const dictionary = createLabelDictionary(FIELD_LABELS);
  const labels = Object.values(FIELD_LABELS).flat();
  // How EHR pages may print a label: any case, accents composed or not, ’ for ', runs of
  // blanks and no-break spaces, a trailing colon, ß for ss.
  const printed = fc
    .tuple(
      fc.constantFrom(...labels),
      fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
      fc.constantFrom("", " ", "\n  ", "\u00a0", "\u0301", "\u2003", "\ufeff"),
      fc.constantFrom("", ":", " :", " *", ": 12/03/2025"),
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

  it("lets through every text that normalises to a label", () => {
    fc.assert(
      fc.property(printed, (text) => {
        const key = normalizeLabel(text.trim().split(":")[0] ?? "", dictionary.maxLength);
        if (key === undefined || !dictionary.fields.has(key)) return;
        expect(dictionary.hint.test(text)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("stops most of a chart's other text", () => {
    for (const text of ["Note 12", "Évolution favorable, pas de plainte.", "281120", "Dr Martin"])
      expect(dictionary.hint.test(text)).toBe(false);
  });
});
