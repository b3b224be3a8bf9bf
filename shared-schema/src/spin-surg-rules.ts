import type { Rule } from "./dcd.ts";
import { t } from "./translations.ts";

// Cross-field rules of SPIN_SURG 0.1.0 (shared/spec/dcd-spin-surg.md). Each message says
// what is wrong and how to fix it; {field} is the label of the field in the user's language.

export const SPIN_SURG_RULES: Rule[] = [
  {
    code: "status_value",
    field: "STATUS",
    severity: "error",
    assert: { field: "STATUS", equals: "draft" },
    message: t(
      "STATUS n'accepte que « draft » (ou vide pour envoyer).",
      "STATUS aanvaardt enkel 'draft' (of leeg om te verzenden).",
      "STATUS akzeptiert nur „draft“ (oder leer zum Senden).",
      'STATUS accepts only "draft" (or empty to submit).',
    ),
  },
  {
    code: "niss_missing_resident",
    field: "IDC_PAT",
    severity: "warning",
    when: { not: { field: "CD_PAT_PLC_RESDC", oneOf: ["9999"] } },
    assert: { filled: "IDC_PAT" },
    message: t(
      "Le NISS est vide alors que le patient vit en Belgique : ne le laissez vide que pour un patient sans NISS.",
      "Het INSZ is leeg terwijl de patiënt in België woont: laat het enkel leeg voor een patiënt zonder INSZ.",
      "Die INSZ ist leer, obwohl der Patient in Belgien wohnt: nur bei Patienten ohne INSZ leer lassen.",
      "The NISS is empty although the patient lives in Belgium: leave it empty only for a patient without a NISS.",
    ),
  },
  {
    code: "dob_niss_mismatch",
    field: "D_PAT_DOB",
    severity: "error",
    assert: {
      compare: [{ field: "D_PAT_DOB" }, "==", { field: "IDC_PAT", derive: "niss.birthDate" }],
    },
    message: t(
      "{field} ne correspond pas à la date contenue dans le NISS : corrigez l'un ou l'autre.",
      "{field} komt niet overeen met de datum in het INSZ: verbeter het een of het ander.",
      "{field} stimmt nicht mit dem Datum in der INSZ überein: korrigieren Sie eines von beiden.",
      "{field} does not match the date encoded in the NISS: correct one or the other.",
    ),
  },
  {
    code: "date_in_future",
    field: "D_PAT_DOB",
    severity: "error",
    assert: { compare: [{ field: "D_PAT_DOB" }, "<=", { today: true }] },
    message: t(
      "{field} est dans le futur : entrez une date passée.",
      "{field} ligt in de toekomst: vul een datum in het verleden in.",
      "{field} liegt in der Zukunft: geben Sie ein vergangenes Datum ein.",
      "{field} is in the future: enter a past date.",
    ),
  },
  {
    code: "age_over_120",
    field: "D_PAT_DOB",
    severity: "error",
    assert: { compare: [{ field: "D_PAT_DOB" }, ">=", { today: true, addYears: -120 }] },
    message: t(
      "{field} donne un âge de plus de 120 ans : vérifiez l'année.",
      "{field} geeft een leeftijd van meer dan 120 jaar: controleer het jaar.",
      "{field} ergibt ein Alter über 120 Jahre: prüfen Sie das Jahr.",
      "{field} gives an age over 120 years: check the year.",
    ),
  },
  {
    code: "sex_niss_mismatch",
    field: "CD_PAT_SEX",
    severity: "warning",
    when: { field: "CD_PAT_SEX", oneOf: ["248153007", "248152002"] },
    assert: {
      compare: [{ field: "CD_PAT_SEX" }, "==", { field: "IDC_PAT", derive: "niss.sexCode" }],
    },
    message: t(
      "{field} ne correspond pas au sexe encodé dans le NISS : vérifiez les deux.",
      "{field} komt niet overeen met het geslacht in het INSZ: controleer beide.",
      "{field} stimmt nicht mit dem in der INSZ kodierten Geschlecht überein: prüfen Sie beides.",
      "{field} does not match the sex encoded in the NISS: check both.",
    ),
  },
  {
    code: "admission_after_surgery",
    field: "D_ADM",
    severity: "error",
    assert: { compare: [{ field: "D_ADM" }, "<=", { field: "D_SURG" }] },
    message: t(
      "{field} est après la date de l'intervention : l'admission précède l'intervention.",
      "{field} ligt na de datum van de ingreep: de opname gaat aan de ingreep vooraf.",
      "{field} liegt nach dem Operationsdatum: die Aufnahme erfolgt vor der Operation.",
      "{field} is after the surgery date: admission comes before surgery.",
    ),
  },
  {
    code: "date_in_future",
    field: "D_SURG",
    severity: "error",
    assert: { compare: [{ field: "D_SURG" }, "<=", { today: true }] },
    message: t(
      "{field} est dans le futur : on n'enregistre qu'une intervention réalisée.",
      "{field} ligt in de toekomst: registreer enkel een uitgevoerde ingreep.",
      "{field} liegt in der Zukunft: nur durchgeführte Operationen registrieren.",
      "{field} is in the future: only a surgery that took place is registered.",
    ),
  },
  {
    code: "surgery_before_reform",
    field: "D_SURG",
    severity: "error",
    assert: { compare: [{ field: "D_SURG" }, ">=", { value: "2022-09-01" }] },
    message: t(
      "{field} est avant le 01/09/2022 : l'article 14 n) et son enregistrement n'existaient pas encore.",
      "{field} ligt vóór 01/09/2022: artikel 14 n) en de registratie bestonden toen nog niet.",
      "{field} liegt vor dem 01.09.2022: Artikel 14 n) und die Registrierung gab es noch nicht.",
      "{field} is before 01/09/2022: article 14 n) and its registration did not exist yet.",
    ),
  },
  {
    code: "discharge_before_surgery",
    field: "D_DISCH",
    severity: "error",
    assert: { compare: [{ field: "D_DISCH" }, ">=", { field: "D_SURG" }] },
    message: t(
      "{field} est avant la date de l'intervention : corrigez la date de sortie.",
      "{field} ligt vóór de datum van de ingreep: verbeter de ontslagdatum.",
      "{field} liegt vor dem Operationsdatum: korrigieren Sie das Entlassungsdatum.",
      "{field} is before the surgery date: correct the discharge date.",
    ),
  },
  {
    code: "registration_not_required",
    field: "CD_NOMEN",
    severity: "warning",
    when: { not: { field: "CD_NOMEN", anyEligibility: "unknown", on: "D_SURG" } },
    assert: { field: "CD_NOMEN", anyEligibility: "required", on: "D_SURG" },
    message: t(
      "Aucun code facturé n'exige d'enregistrement : vérifiez les codes avant d'envoyer.",
      "Geen enkele aangerekende code vereist registratie: controleer de codes vóór verzending.",
      "Kein abgerechneter Code erfordert eine Registrierung: prüfen Sie die Codes vor dem Senden.",
      "Registration not required: none of the billed codes requires it; check the codes before sending.",
    ),
  },
  {
    code: "eligibility_unknown",
    field: "CD_NOMEN",
    severity: "warning",
    when: { field: "CD_NOMEN", anyEligibility: "unknown", on: "D_SURG" },
    assert: { field: "CD_NOMEN", anyEligibility: "required", on: "D_SURG" },
    message: t(
      "Un code facturé est inconnu de la table : vérifiez s'il relève de l'article 14 n).",
      "Een aangerekende code staat niet in de tabel: controleer of hij onder artikel 14 n) valt.",
      "Ein abgerechneter Code fehlt in der Tabelle: prüfen Sie, ob er unter Artikel 14 n) fällt.",
      "A billed code is not in the table: check whether it falls under article 14 n).",
    ),
  },
  {
    code: "mdt_not_applicable_elective",
    field: "CD_MDT",
    severity: "error",
    when: { field: "CD_MDT", equals: "3" },
    assert: { field: "CD_URGENCY", equals: "2" },
    message: t(
      "« Non applicable » n'est permis que pour une intervention urgente : choisissez Oui ou Non.",
      "'Niet van toepassing' mag enkel bij een dringende ingreep: kies Ja of Nee.",
      "„Nicht zutreffend“ ist nur bei einer dringenden Operation erlaubt: wählen Sie Ja oder Nein.",
      '"Not applicable" is allowed only for an urgent surgery: choose Yes or No.',
    ),
  },
  {
    code: "mdt_after_surgery",
    field: "D_MDT",
    severity: "error",
    assert: { compare: [{ field: "D_MDT" }, "<=", { field: "D_SURG" }] },
    message: t(
      "{field} est après l'intervention : la concertation a lieu avant.",
      "{field} ligt na de ingreep: het overleg vindt ervoor plaats.",
      "{field} liegt nach der Operation: die Besprechung findet davor statt.",
      "{field} is after the surgery: the consultation takes place before it.",
    ),
  },
  {
    code: "mdt_older_than_year",
    field: "D_MDT",
    severity: "warning",
    assert: { compare: [{ field: "D_MDT" }, ">=", { field: "D_SURG", addYears: -1 }] },
    message: t(
      "{field} date de plus d'un an avant l'intervention : vérifiez la date.",
      "{field} ligt meer dan een jaar vóór de ingreep: controleer de datum.",
      "{field} liegt mehr als ein Jahr vor der Operation: prüfen Sie das Datum.",
      "{field} is more than one year before the surgery: check the date.",
    ),
  },
  {
    code: "level_order",
    field: "CD_LEVEL_TO",
    severity: "error",
    assert: {
      compare: [
        { field: "CD_LEVEL_TO", ordinal: true },
        ">=",
        { field: "CD_LEVEL_FROM", ordinal: true },
      ],
    },
    message: t(
      "{field} est plus crânial que le niveau le plus crânial : inversez les niveaux.",
      "{field} ligt hoger dan het hoogste niveau: verwissel de niveaus.",
      "{field} liegt höher als die oberste Höhe: vertauschen Sie die Höhen.",
      "{field} is cranial to the most cranial level: swap the levels.",
    ),
  },
  {
    code: "implant_required",
    field: "FL_IMPLANT",
    severity: "error",
    when: { field: "CD_PROCEDURE", includesAny: ["5", "6"] },
    assert: { field: "FL_IMPLANT", equals: true },
    message: t(
      "Une instrumentation sans arthrodèse ou une prothèse discale utilise des implants : cochez {field}.",
      "Instrumentatie zonder fusie of een discusprothese gebruikt implantaten: vink {field} aan.",
      "Instrumentierung ohne Fusion oder Bandscheibenprothese verwendet Implantate: {field} ankreuzen.",
      "Instrumentation without fusion or a disc arthroplasty uses implants: tick {field}.",
    ),
  },
  {
    code: "fusion_without_implant",
    field: "FL_IMPLANT",
    severity: "warning",
    when: { field: "CD_PROCEDURE", includesAny: ["3", "4"] },
    assert: { field: "FL_IMPLANT", equals: true },
    message: t(
      "Arthrodèse sans implant : c'est rare, vérifiez {field}.",
      "Fusie zonder implantaat: dat is zeldzaam, controleer {field}.",
      "Fusion ohne Implantat: das ist selten, prüfen Sie {field}.",
      "Fusion without an implant: this is rare, check {field}.",
    ),
  },
  {
    code: "implants_without_flag",
    field: "IMPLANT",
    severity: "error",
    when: { field: "FL_IMPLANT", equals: false },
    assert: { empty: "IMPLANT" },
    message: t(
      "Des implants sont listés alors que « Implants utilisés » est Non : retirez-les ou cochez Oui.",
      "Er zijn implantaten vermeld terwijl 'Implantaten gebruikt' Nee is: verwijder ze of kies Ja.",
      "Implantate sind aufgeführt, obwohl „Implantate verwendet“ Nein ist: entfernen oder Ja wählen.",
      'Implants are listed while "Implants used" is No: remove them or choose Yes.',
    ),
  },
];
