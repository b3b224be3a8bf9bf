import { describe, expect, it } from "vitest";
import { createLabelDictionary } from "../../../extension/src/adapters/create-label-dictionary.ts";
import { FIELD_LABELS } from "../../../extension/src/adapters/field-labels.ts";
import { matchLabel } from "../../../extension/src/adapters/match-label.ts";
import { PREFILL_FIELDS } from "../../../extension/src/adapters/prefill-fields.ts";
import spinSurg from "../../../shared-schema/dcds/SPIN_SURG-0.1.0.json" with { type: "json" };

const dictionary = createLabelDictionary(FIELD_LABELS);
const fieldOf = (text: string) => matchLabel(dictionary, text)?.field;

describe("matchLabel (which field a text is the label of)", () => {
  it.each([
    ["Date d'opération", "D_SURG"],
    ["Datum der Operation", "D_SURG"],
    ["OP-Datum", "D_SURG"],
    ["Date of operation", "D_SURG"],
    ["Date de l'opération prévue", "D_SURG"],
    ["Codes INAMI facturés", "CD_NOMEN"],
    ["Abgerechnete Leistungen", "CD_NOMEN"],
    ["Billed codes (INAMI)", "CD_NOMEN"],
    ["Chirurgien (INAMI)", "CD_HPIN"],
    ["Operateur (LIKIV)", "CD_HPIN"],
    ["RIZIV chirurg", "CD_HPIN"],
    ["N° NISS du patient", "IDC_PAT"],
    ["INSZ-nr.", "IDC_PAT"],
    ["N° de registre national :", "IDC_PAT"],
    ["Patiëntnr.", "TX_IDC_PAT_INT"],
    ["Nom du patient", "TX_PAT_LAST_NAM"],
    ["Nom de famille*", "TX_PAT_LAST_NAM"],
    ["Nachname", "TX_PAT_LAST_NAM"],
    ["Prénom usuel", "TX_PAT_FIRST_NAM"],
    ["Given name(s)", "TX_PAT_FIRST_NAM"],
    ["Né(e) le", "D_PAT_DOB"],
    ["Geb.-Dat.", "D_PAT_DOB"],
    ["D.O.B.", "D_PAT_DOB"],
    ["Date d'entrée", "D_ADM"],
    ["Opgenomen op", "D_ADM"],
    ["Ontslagen op", "D_DISCH"],
    ["PLZ / Wohnort", "CD_PAT_PLC_RESDC"],
    ["Sexe (M/F) :", "CD_PAT_SEX"],
  ])("%s is the label of %s", (text, field) => expect(fieldOf(text)).toBe(field));

  it.each([
    // Another field's word: someone else's name, another date.
    "Nom du chirurgien",
    "Naam arts",
    "Name des Operateurs",
    "Surgeon name",
    "Nom (chirurgien)",
    "Nom de naissance",
    // More beside the label than the label says.
    "Nom de jeune fille",
    "Nom du médecin traitant",
    "Lieu de naissance",
    "Type d'admission",
    // No field's label at all, or not all of one.
    "Date",
    "Code",
    "Chirurgien",
    "Note 12",
    "Évolution favorable, pas de plainte.",
  ])("%s is no field's label", (text) => expect(fieldOf(text)).toBeUndefined());

  it("tells a label from one that says more (the penalty)", () => {
    expect(matchLabel(dictionary, "N° INAMI")).toMatchObject({ field: "CD_HPIN", penalty: 0 });
    expect(matchLabel(dictionary, "Numéro INAMI du chirurgien")).toMatchObject({ penalty: 0 });
    // "code" is a word of the field's other labels; "Ort" no label's word.
    expect(matchLabel(dictionary, "Nomenclatuurcodes")).toMatchObject({
      field: "CD_NOMEN",
      penalty: 0.5,
    });
    expect(matchLabel(dictionary, "PLZ Ort")).toMatchObject({
      field: "CD_PAT_PLC_RESDC",
      penalty: 1,
    });
  });

  it("gives a text no field when two fields' labels fit it equally", () => {
    const tie = createLabelDictionary({ A: ["Datum"], B: ["Date"] });
    expect(matchLabel(tie, "Datum")).toBeUndefined();
  });

  it("reads the DCD's own label of every field the pages hold, in its four languages", () => {
    const fields = spinSurg.fields as { name: string; label: Record<string, string> }[];
    for (const field of fields.filter((f) => PREFILL_FIELDS[f.name])) {
      for (const [language, label] of Object.entries(field.label))
        expect(fieldOf(label), `${field.name} (${language}): "${label}"`).toBe(field.name);
    }
  });
});
