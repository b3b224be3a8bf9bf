// The words of `spine-reg reconcile` (terminal summary, HTML and CSV reports) for the billing
// office, in French, Dutch, German and English. One object per language, so a translator
// sees each whole.

import type { ReconciliationStatus } from "../../shared-schema/src/api/api-schemas.ts";
import type { Locale } from "../../shared-schema/src/dcd.ts";
import type { EligibilityDecision } from "../../shared-schema/src/eligibility.ts";

export interface ReportWords {
  title: string;
  generated: string;
  registryUnavailable: string;
  summary: string;
  attention: string;
  allGood: string;
  unknownCodes: string;
  filter: string;
  chartTitle: string;
  tableTitle: string;
  chartDescription: string;
  week: string;
  acts: string;
  columns: {
    row: string;
    line: string;
    date: string;
    code: string;
    decision: string;
    status: string;
    registrationCode: string;
    registeredAt: string;
    reason: string;
    patient: string;
    niss: string;
  };
  status: Record<ReconciliationStatus, string>;
  decision: Record<EligibilityDecision, string>;
  sortBy: string;
}

const en: ReportWords = {
  title: "Billed spine acts and their registration",
  generated: "{file}, checked on {date} against {dcd}.",
  registryUnavailable:
    "HD4DP's list of registrations could not be read: acts registered directly in HD4DP show as missing. Run the check again later.",
  summary: "{n, plural, one {# act} other {# acts}}",
  attention:
    "{n, plural, one {# act that needs a registration is missing or failed: the insurer will refuse it. Register it before sending the invoice.} other {# acts that need a registration are missing or failed: the insurer will refuse them. Register them before sending the invoice.}}",
  allGood: "Every act that needs a registration is registered, or on its way.",
  unknownCodes:
    "{n, plural, one {# unregistered act has a code the eligibility table does not know: check its article (art. 14 n) acts must be registered).} other {# unregistered acts have a code the eligibility table does not know: check their article (art. 14 n) acts must be registered).}}",
  filter: "Show",
  chartTitle: "Acts per week",
  tableTitle: "Every act",
  chartDescription: "Per week of the date of the act, the number of acts in each status.",
  week: "Week of {date}",
  acts: "acts",
  columns: {
    row: "Row",
    line: "Line",
    date: "Date",
    code: "Code",
    decision: "Registration",
    status: "Status",
    registrationCode: "Registration code",
    registeredAt: "Registered on",
    reason: "Reason",
    patient: "Patient",
    niss: "NISS",
  },
  status: {
    registered: "Registered",
    queued: "Being sent",
    draft: "Draft in HD4DP",
    failed: "Failed",
    missing: "Missing",
    not_required: "Not required",
    invalid: "Invalid row",
  },
  decision: {
    required: "required",
    exempt: "exempt",
    not_in_scope: "not in scope",
    unknown: "unknown code",
  },
  sortBy: "Sort by {column}",
};

const fr: ReportWords = {
  title: "Prestations de chirurgie de la colonne facturées et leur enregistrement",
  generated: "{file}, vérifié le {date} avec {dcd}.",
  registryUnavailable:
    "La liste des enregistrements de HD4DP n'a pas pu être lue : les prestations enregistrées directement dans HD4DP apparaissent comme manquantes. Refaites la vérification plus tard.",
  summary: "{n, plural, one {# prestation} other {# prestations}}",
  attention:
    "{n, plural, one {# prestation à enregistrer est manquante ou en échec : l'organisme assureur la refusera. Enregistrez-la avant d'envoyer la facture.} other {# prestations à enregistrer sont manquantes ou en échec : l'organisme assureur les refusera. Enregistrez-les avant d'envoyer la facture.}}",
  allGood: "Chaque prestation à enregistrer est enregistrée, ou en cours d'envoi.",
  unknownCodes:
    "{n, plural, one {# prestation non enregistrée a un code absent de la table d'éligibilité : vérifiez son article (les prestations de l'art. 14 n) doivent être enregistrées).} other {# prestations non enregistrées ont un code absent de la table d'éligibilité : vérifiez leur article (les prestations de l'art. 14 n) doivent être enregistrées).}}",
  filter: "Afficher",
  chartTitle: "Prestations par semaine",
  tableTitle: "Toutes les prestations",
  chartDescription: "Par semaine de la date de prestation, le nombre de prestations par statut.",
  week: "Semaine du {date}",
  acts: "prestations",
  columns: {
    row: "Ligne de données",
    line: "Ligne du fichier",
    date: "Date",
    code: "Code",
    decision: "Enregistrement",
    status: "Statut",
    registrationCode: "Code d'enregistrement",
    registeredAt: "Enregistré le",
    reason: "Raison",
    patient: "Patient",
    niss: "NISS",
  },
  status: {
    registered: "Enregistrée",
    queued: "En cours d'envoi",
    draft: "Brouillon dans HD4DP",
    failed: "En échec",
    missing: "Manquante",
    not_required: "Non requise",
    invalid: "Ligne invalide",
  },
  decision: {
    required: "obligatoire",
    exempt: "exemptée",
    not_in_scope: "hors champ",
    unknown: "code inconnu",
  },
  sortBy: "Trier par {column}",
};

const nl: ReportWords = {
  title: "Aangerekende verstrekkingen wervelkolomchirurgie en hun registratie",
  generated: "{file}, gecontroleerd op {date} met {dcd}.",
  registryUnavailable:
    "De lijst van registraties van HD4DP kon niet gelezen worden: verstrekkingen die rechtstreeks in HD4DP geregistreerd zijn, staan als ontbrekend. Controleer later opnieuw.",
  summary: "{n, plural, one {# verstrekking} other {# verstrekkingen}}",
  attention:
    "{n, plural, one {# verstrekking die geregistreerd moet worden, ontbreekt of is mislukt: de verzekeringsinstelling zal ze weigeren. Registreer ze voor u de factuur verstuurt.} other {# verstrekkingen die geregistreerd moeten worden, ontbreken of zijn mislukt: de verzekeringsinstelling zal ze weigeren. Registreer ze voor u de factuur verstuurt.}}",
  allGood: "Elke verstrekking die geregistreerd moet worden, is geregistreerd of onderweg.",
  unknownCodes:
    "{n, plural, one {# niet-geregistreerde verstrekking heeft een code die de tabel niet kent: controleer haar artikel (verstrekkingen van art. 14 n) moeten geregistreerd worden).} other {# niet-geregistreerde verstrekkingen hebben een code die de tabel niet kent: controleer hun artikel (verstrekkingen van art. 14 n) moeten geregistreerd worden).}}",
  filter: "Toon",
  chartTitle: "Verstrekkingen per week",
  tableTitle: "Alle verstrekkingen",
  chartDescription: "Per week van de prestatiedatum, het aantal verstrekkingen per status.",
  week: "Week van {date}",
  acts: "verstrekkingen",
  columns: {
    row: "Gegevensrij",
    line: "Regel",
    date: "Datum",
    code: "Code",
    decision: "Registratie",
    status: "Status",
    registrationCode: "Registratiecode",
    registeredAt: "Geregistreerd op",
    reason: "Reden",
    patient: "Patiënt",
    niss: "INSZ",
  },
  status: {
    registered: "Geregistreerd",
    queued: "Wordt verstuurd",
    draft: "Ontwerp in HD4DP",
    failed: "Mislukt",
    missing: "Ontbreekt",
    not_required: "Niet vereist",
    invalid: "Ongeldige rij",
  },
  decision: {
    required: "verplicht",
    exempt: "vrijgesteld",
    not_in_scope: "niet van toepassing",
    unknown: "onbekende code",
  },
  sortBy: "Sorteer op {column}",
};

const de: ReportWords = {
  title: "Abgerechnete Wirbelsäuleneingriffe und ihre Registrierung",
  generated: "{file}, geprüft am {date} mit {dcd}.",
  registryUnavailable:
    "Die Liste der Registrierungen von HD4DP konnte nicht gelesen werden: Direkt in HD4DP registrierte Leistungen erscheinen als fehlend. Prüfen Sie später erneut.",
  summary: "{n, plural, one {# Leistung} other {# Leistungen}}",
  attention:
    "{n, plural, one {# registrierungspflichtige Leistung fehlt oder ist fehlgeschlagen: Der Versicherungsträger wird sie ablehnen. Registrieren Sie sie, bevor Sie die Rechnung senden.} other {# registrierungspflichtige Leistungen fehlen oder sind fehlgeschlagen: Der Versicherungsträger wird sie ablehnen. Registrieren Sie sie, bevor Sie die Rechnung senden.}}",
  allGood: "Jede registrierungspflichtige Leistung ist registriert oder unterwegs.",
  unknownCodes:
    "{n, plural, one {# nicht registrierte Leistung hat einen Code, den die Tabelle nicht kennt: Prüfen Sie ihren Artikel (Leistungen nach Art. 14 n) müssen registriert werden).} other {# nicht registrierte Leistungen haben einen Code, den die Tabelle nicht kennt: Prüfen Sie ihren Artikel (Leistungen nach Art. 14 n) müssen registriert werden).}}",
  filter: "Anzeigen",
  chartTitle: "Leistungen pro Woche",
  tableTitle: "Alle Leistungen",
  chartDescription: "Pro Woche des Leistungsdatums die Zahl der Leistungen je Status.",
  week: "Woche vom {date}",
  acts: "Leistungen",
  columns: {
    row: "Datenzeile",
    line: "Zeile",
    date: "Datum",
    code: "Code",
    decision: "Registrierung",
    status: "Status",
    registrationCode: "Registrierungscode",
    registeredAt: "Registriert am",
    reason: "Grund",
    patient: "Patient",
    niss: "NISS",
  },
  status: {
    registered: "Registriert",
    queued: "Wird gesendet",
    draft: "Entwurf in HD4DP",
    failed: "Fehlgeschlagen",
    missing: "Fehlt",
    not_required: "Nicht erforderlich",
    invalid: "Ungültige Zeile",
  },
  decision: {
    required: "Pflicht",
    exempt: "befreit",
    not_in_scope: "nicht betroffen",
    unknown: "unbekannter Code",
  },
  sortBy: "Sortieren nach {column}",
};

export const REPORT_WORDS: Record<Locale, ReportWords> = { en, fr, nl, de };
