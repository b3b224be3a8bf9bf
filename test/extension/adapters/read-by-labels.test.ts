import { describe, expect, it } from "vitest";
import { readByLabels } from "../../../extension/src/adapters/read-by-labels.ts";
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
