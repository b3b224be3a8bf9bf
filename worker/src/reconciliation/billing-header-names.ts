// The column headers a hospital's billing export may use for each part of an act, in
// French, Dutch, German and English, as normalized by `normalizeHeader` (no accents, no
// case, words separated by one space). The DCD's own technical names are recognised too
// (find-billing-columns.ts). "INAMI"/"RIZIV"/"LIKIV" alone name the provider's number;
// with "code" they name the nomenclature code.

import type { ActRole } from "../../../shared-schema/src/billed-act-fields.ts";

export const BILLING_HEADER_NAMES: Record<ActRole, readonly string[]> = {
  niss: [
    "niss",
    "insz",
    "ssin",
    "inss",
    "niss patient",
    "insz patient",
    "patient niss",
    "patient insz",
    "patient ssin",
    "numero niss",
    "insz nummer",
    "rijksregisternummer",
    "numero de registre national",
    "numero national",
    "national register number",
    "nationalregisternummer",
  ],
  date: [
    "date",
    "datum",
    "date of service",
    "service date",
    "date de prestation",
    "date prestation",
    "date de l acte",
    "date intervention",
    "date de l intervention",
    "prestatiedatum",
    "datum prestatie",
    "datum verstrekking",
    "verstrekkingsdatum",
    "datum ingreep",
    "leistungsdatum",
    "datum der leistung",
    "eingriffsdatum",
    "date of surgery",
    "surgery date",
  ],
  code: [
    "code",
    "nomenclature",
    "nomenclature code",
    "code nomenclature",
    "code de nomenclature",
    "code inami",
    "inami code",
    "code prestation",
    "riziv code",
    "code riziv",
    "rizivcode",
    "nomenclatuur",
    "nomenclatuurcode",
    "nomenclatuurnummer",
    "prestatiecode",
    "nomenklatur",
    "nomenklaturcode",
    "nomenklaturnummer",
    "leistungscode",
    "likiv code",
    "billing code",
    "act code",
  ],
  nihii: [
    "nihii",
    "nihdi",
    "inami",
    "riziv",
    "likiv",
    "numero inami",
    "n inami",
    "inami prestataire",
    "inami medecin",
    "inami chirurgien",
    "riziv nummer",
    "rizivnummer",
    "riziv zorgverlener",
    "riziv arts",
    "riziv chirurg",
    "likiv nummer",
    "nihii number",
    "provider nihii",
    "surgeon nihii",
  ],
  lastName: [
    "nom",
    "nom patient",
    "nom du patient",
    "nom de famille",
    "naam",
    "achternaam",
    "familienaam",
    "naam patient",
    "nachname",
    "familienname",
    "name",
    "last name",
    "family name",
    "surname",
  ],
  firstName: ["prenom", "prenom patient", "voornaam", "vorname", "first name", "given name"],
  birthDate: [
    "date de naissance",
    "date naissance",
    "geboortedatum",
    "geburtsdatum",
    "date of birth",
    "birth date",
    "birthdate",
    "dob",
  ],
};

/** "Date de prestation", "DATE_DE_PRESTATION", " date-de-prestation " -> "date de prestation". */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
