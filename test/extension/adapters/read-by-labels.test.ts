import { describe, expect, it } from "vitest";
import { readByLabels } from "../../../extension/src/adapters/read-by-labels.ts";
import { parsePage } from "../parse-page.ts";

const readPage = (doc: Document) =>
  Object.fromEntries([...readByLabels(doc)].map(([field, found]) => [field, found.raw.trim()]));
const read = (body: string) => readPage(parsePage(`<html><body>${body}</body></html>`));

describe("readByLabels: form controls", () => {
  it("reads inputs, selects and text areas through <label for>", () => {
    expect(
      read(
        '<label for="a">Last name</label><input id="a" value="Smith">' +
          '<label for="b">Sex</label><select id="b"><option>Male</option><option selected>Female</option></select>' +
          '<label for="c">Billed codes</label><textarea id="c">281120</textarea>',
      ),
    ).toEqual({ TX_PAT_LAST_NAM: "Smith", CD_PAT_SEX: "Female", CD_NOMEN: "281120" });
  });

  it("reads a control inside its label, and the checked one of radio buttons", () => {
    expect(
      read(
        '<label>Prénom <input value="Claire"></label><span>Sexe</span>' +
          '<label><input type="radio" name="s"> Masculin</label><label><input type="radio" name="s" checked> Féminin</label>',
      ),
    ).toEqual({ TX_PAT_FIRST_NAM: "Claire", CD_PAT_SEX: "Féminin" });
  });

  it("reads controls named by aria-label or aria-labelledby", () => {
    expect(
      read(
        '<input aria-label="Nom" value="DUBOIS"><span id="dob">Date de naissance</span>' +
          '<div><input aria-labelledby="dob" value="23/04/1961"></div>',
      ),
    ).toEqual({ TX_PAT_LAST_NAM: "DUBOIS", D_PAT_DOB: "23/04/1961" });
  });

  it("skips hidden and password inputs", () => {
    expect(read('<label for="a">NISS</label><input id="a" type="hidden" value="x">')).toEqual({});
  });
});

describe("readByLabels: ARIA grids", () => {
  it("reads a row header's cell", () => {
    expect(
      read(
        '<div role="grid"><div role="row"><div role="rowheader">Geslacht</div><div role="gridcell">M</div></div></div>',
      ),
    ).toEqual({ CD_PAT_SEX: "M" });
  });

  it("reads the cells below a column header", () => {
    expect(
      read(
        '<div role="grid"><div role="row"><span role="columnheader">Code</span><span role="columnheader">Nomenclatuur</span></div>' +
          '<div role="row"><span role="gridcell">a</span><span role="gridcell">281120</span></div>' +
          '<div role="row"><span role="gridcell">b</span><span role="gridcell">105092</span></div></div>',
      ),
    ).toEqual({ CD_NOMEN: "281120 105092" });
  });

  it("reads a cell that is a label and the cell beside it", () => {
    expect(
      read(
        '<div role="table"><div role="row"><div role="cell">Opnamedatum</div><div role="cell">03-02-2025</div></div></div>',
      ),
    ).toEqual({ D_ADM: "03-02-2025" });
  });
});

describe("readByLabels: description lists and tables", () => {
  it("reads every <dd> of a <dt>, and a label printed in parts", () => {
    expect(
      read(
        "<dl><dt>Codes INAMI</dt><dd>281116</dd><dd>281120</dd><dt><b>Date</b> de naissance</dt><dd>23/04/1961</dd></dl>",
      ),
    ).toEqual({ CD_NOMEN: "281116 281120", D_PAT_DOB: "23/04/1961" });
  });

  it("reads header and cell rows (a header column)", () => {
    expect(
      read(
        "<table><tr><th>Rijksregisternummer</th><td>75110205780</td></tr><tr><th>Geslacht</th><td>M</td></tr></table>",
      ),
    ).toEqual({ IDC_PAT: "75110205780", CD_PAT_SEX: "M" });
  });

  it("reads a column under its header (a header row), of <th> or of labels in <td>", () => {
    expect(
      read(
        "<table><tr><th>Nomenclatuur</th><th>Omschrijving</th></tr><tr><td>281120</td><td>x</td></tr><tr><td>105092</td><td>y</td></tr></table>",
      ).CD_NOMEN,
    ).toBe("281120 105092");
    expect(
      read(
        "<table><tr><td>Nom</td><td>Prénom</td></tr><tr><td>DUBOIS</td><td>Claire</td></tr></table>",
      ),
    ).toEqual({ TX_PAT_LAST_NAM: "DUBOIS", TX_PAT_FIRST_NAM: "Claire" });
  });

  it("reads label and value side by side in table cells", () => {
    expect(
      read(
        "<table><tr><td>Datum opname</td><td>03-02-2025</td><td>Urgentie</td><td>Gepland</td></tr></table>",
      ),
    ).toEqual({ D_ADM: "03-02-2025", CD_URGENCY: "Gepland" });
  });
});

describe("readByLabels: texts", () => {
  it("reads 'Label: value' in one text, in German, ignoring case and accents", () => {
    expect(read("<p>GEBURTSDATUM: 02.11.1975</p><p>Operationsdatum : 4. Februar 2025</p>")).toEqual(
      { D_PAT_DOB: "02.11.1975", D_SURG: "4. Februar 2025" },
    );
  });

  it("reads 'Label: value' at the start of a long text", () => {
    expect(
      read(
        "<p>Date de l'intervention : 11/03/2025, en salle 3, sous anesthésie générale, selon le protocole habituel du service.</p>",
      ).D_SURG,
    ).toMatch(/^11\/03\/2025, en salle 3/);
  });

  it("reads what follows a label, across separators and up the tree", () => {
    expect(
      read(
        "<p><b>NISS :</b> 61.04.23-124.10</p><div><span>Nom</span><span>:</span><span>DUBOIS</span></div>" +
          "<div><div><span>Prénom</span></div></div><div>Claire</div>",
      ),
    ).toEqual({
      IDC_PAT: "61.04.23-124.10",
      TX_PAT_LAST_NAM: "DUBOIS",
      TX_PAT_FIRST_NAM: "Claire",
    });
  });

  it("takes no other label for a value", () => {
    expect(read("<div><span>Nom</span> <span>Prénom</span></div>")).toEqual({});
  });
});

describe("readByLabels: which label is a field's", () => {
  it("never reads another person's name as the patient's", () => {
    expect(
      read("<dl><dt>Nom du chirurgien</dt><dd>Dr X</dd><dt>Naam arts</dt><dd>Dr Y</dd></dl>"),
    ).toEqual({});
  });

  it("keeps the first of equally good labels", () => {
    expect(
      read("<dl><dt>Nom</dt><dd>DUBOIS</dd></dl><dl><dt>Nom</dt><dd>MARTIN</dd></dl>")
        .TX_PAT_LAST_NAM,
    ).toBe("DUBOIS");
  });

  it("gives a field its best label, wherever it is on the page", () => {
    expect(
      read("<dl><dt>PLZ Ort</dt><dd>4700 Eupen</dd><dt>Postleitzahl</dt><dd>4700</dd></dl>"),
    ).toEqual({
      CD_PAT_PLC_RESDC: "4700",
    });
  });

  it("says which label it read", () => {
    const found = readByLabels(
      parsePage("<html><body><p>Date d’opération* : 3 mars 2026</p></body></html>"),
    );
    expect(found.get("D_SURG")).toEqual({ raw: "3 mars 2026", label: "Date d’opération" });
  });

  it("reads no script, style or option text as a label", () => {
    expect(
      read('<script>var Nom = "x"</script><select><option>Nom</option></select><b>Note</b>'),
    ).toEqual({});
  });
});

describe("readByLabels: frames", () => {
  it("reads same-origin frames and skips cross-origin ones", () => {
    const shell = parsePage(
      '<html><body><iframe id="far"></iframe><iframe id="near"></iframe></body></html>',
    );
    const chart = parsePage(
      "<html><body><dl><dt>NISS</dt><dd>61.04.23-124.10</dd></dl></body></html>",
    );
    Object.defineProperty(shell.getElementById("near"), "contentDocument", { value: chart });
    Object.defineProperty(shell.getElementById("far"), "contentDocument", { value: null });
    expect(readPage(shell)).toEqual({ IDC_PAT: "61.04.23-124.10" });
  });
});
