// The words EHR labels are made of, in French, Dutch, German and English: which words mean
// the same (each list under the word a label is compared by), which carry nothing, and
// which end compound words. Words only, never a registry's fields: the fields' labels
// are in field-labels.ts, so another registry's labels are matched with the same words.
// Written as printed, without accents; label-tokens.ts lower-cases and stems them.

/** Words of the same meaning, abbreviations included, under the word they are compared by. */
export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  nr: ["n", "no", "nr", "nro", "num", "numero", "nummer", "number"],
  date: ["date", "datum", "dat"],
  name: ["nom", "naam", "name", "nam"],
  first: ["first", "given", "vor", "voor"],
  last: ["last", "family", "famille", "familie", "familien", "achter", "nach"],
  birth: ["birth", "born", "naissance", "ne", "nee", "geboorte", "geboren", "geburt", "geb"],
  sex: ["sex", "sexe", "gender", "genre", "geslacht", "geschlecht"],
  post: ["post", "postal", "zip"],
  residence: ["residence", "domicile", "woonplaats", "wohnort", "residentie"],
  country: ["country", "pays", "land"],
  inami: ["inami", "riziv", "likiv", "nihii"],
  niss: ["niss", "insz", "ssin", "inss"],
  national: ["national", "nationaal", "nationale"],
  register: ["register", "registre"],
  patient: ["patient", "patiente", "patienten", "patientin", "pat"],
  hospital: ["hospital", "hopital", "ziekenhuis", "krankenhaus"],
  surgeon: ["surgeon", "chirurgien", "chirurg", "chirurgen", "operateur"],
  surgery: [
    "surgery",
    "operation",
    "operatie",
    "operatoire",
    "intervention",
    "ingreep",
    "chirurgie",
    "eingriff",
    "surgical",
  ],
  admission: [
    "admission",
    "admis",
    "admitted",
    "entree",
    "opname",
    "opgenomen",
    "opn",
    "aufnahme",
    "aufgenommen",
    "adm",
  ],
  discharge: [
    "discharge",
    "discharged",
    "sortie",
    "ontslag",
    "ontslagen",
    "entlassung",
    "entlassen",
  ],
  code: ["code", "kode"],
  nomenclature: ["nomenclature", "nomenclatuur", "nomenklatur"],
  billed: [
    "billed",
    "invoiced",
    "facture",
    "gefactureerd",
    "aangerekend",
    "abgerechnet",
    "verrechnet",
  ],
  act: [
    "act",
    "acte",
    "prestation",
    "prestatie",
    "verrichting",
    "verrichtingen",
    "leistung",
    "leistungen",
  ],
  urgency: ["urgency", "urgence", "urgentie", "dringendheid", "dringlichkeit"],
  dossier: ["dossier", "akte"],
};

/** Words that stand for several of the words above. */
export const EXPANSIONS: Readonly<Record<string, readonly string[]>> = {
  prenom: ["first", "name"],
  dob: ["date", "birth"],
  plz: ["post", "code"],
  postleitzahl: ["post", "code"],
  rijksregister: ["register", "national"],
  nationalregister: ["register", "national"],
};

/**
 * Written before a hyphen or a dot only ("OP-Datum", "Op.-Datum"): alone, Dutch "op" is a
 * preposition ("Geboren op").
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = { op: "surgery" };

/** Articles and prepositions: a label means the same with or without them. */
export const STOP_WORDS: readonly string[] = [
  // fr
  "le",
  "la",
  "les",
  "l",
  "d",
  "de",
  "du",
  "des",
  "a",
  "au",
  "aux",
  "en",
  "et",
  "par",
  "pour",
  "sur",
  // nl
  "het",
  "van",
  "der",
  "den",
  "op",
  "in",
  "t",
  // de
  "die",
  "das",
  "dem",
  "am",
  "im",
  "vom",
  "von",
  "zur",
  "zum",
  "und",
  // en
  "of",
  "the",
  "s",
  "on",
  "at",
  "and",
];

/**
 * Words that say whose or which value without naming another thing: "Nom du patient",
 * "Nom usuel", "Date d'opération prévue" are still the patient's name and the surgery
 * date. Extra words of a text cost nothing when they are these (see match-label.ts).
 */
export const QUALIFIERS: readonly string[] = [
  "patient",
  "usuel",
  "usage",
  "usual",
  "officiel",
  "official",
  "officieel",
  "amtlich",
  "complet",
  "full",
  "volledig",
  "vollstandig",
  "prevu",
  "planned",
  "gepland",
  "geplant",
  "effectif",
  "effective",
  "actual",
  "werkelijk",
];

/**
 * Words that end Dutch and German compounds ("Geburtsdatum", "Patiëntnummer", "Voornaam",
 * "Nomenklaturcodes"): when the rest of the word is one of the words above, both are read,
 * so that "Datum der Geburt" and "Geburtsdatum" say the same.
 */
export const COMPOUND_HEADS: readonly string[] = ["datum", "nummer", "nr", "naam", "name", "code"];
