import type { Locale } from "../../../shared-schema/src/dcd.ts";

/**
 * The small words that decide how a clinical word counts, per language, folded (lower case,
 * no accents). Several words are one cue when written with a space ("zustand nach").
 */
export interface LanguageCues {
  /** Common words that tell the language of a report (and are rare in the others). */
  stopwords: string[];
  /** Before a concept in its clause: it was not done ("sans", "geen", "ohne", "no"). */
  negations: string[];
  /**
   * After a concept, a negation counts only when one of these follows it ("navigation was
   * not used"), or when it ends the statement ("Microscope : non"); "vis non cimentées"
   * are still screws.
   */
  used: string[];
  /** End the reach of a negation before a concept ("sans drain et avec navigation"). */
  breakers: string[];
  /** In the clause of a concept: not done today ("ALIF in zweiter Sitzung geplant"). */
  planned: string[];
  /** Before a concept in its clause: an earlier operation ("Zustand nach Mikrodiskektomie"). */
  history: string[];
  /** Beside a level, it names a nerve root or its symptoms, not an operated level. */
  roots: string[];
  /** Between two levels, they make a range ("L3 à L5", "L3 tot L5", "BWK 4 bis BWK 8"). */
  through: string[];
}

export const LANGUAGE_CUES: Record<Locale, LanguageCues> = {
  fr: {
    stopwords: ["le", "la", "les", "des", "du", "et", "une", "avec", "sans", "est", "sur", "par"],
    negations: ["sans", "pas", "aucun", "aucune", "ni", "non"],
    used: ["utilise", "utilisee", "realise", "realisee", "necessaire", "employe", "mis"],
    breakers: ["et", "mais", "avec", "puis", "ensuite", "hormis", "sauf"],
    planned: ["prevu", "prevue", "programme", "programmee", "ulterieurement", "differe"],
    history: ["antecedent", "antecedents", "atcd", "precedemment", "anterieurement"],
    roots: [
      "racine",
      "radiculaire",
      "radiculalgie",
      "radiculopathie",
      "nevralgie",
      "sciatique",
      "cruralgie",
      "brachialgie",
      "dermatome",
    ],
    through: ["a", "au", "jusqu a"],
  },
  nl: {
    stopwords: ["het", "een", "van", "met", "zonder", "op", "voor", "werd", "bij", "naar", "onder"],
    negations: ["geen", "zonder", "niet", "noch", "nee"],
    used: ["gebruikt", "uitgevoerd", "nodig", "toegepast", "ingezet", "geplaatst"],
    breakers: ["en", "maar", "met", "daarna", "dan", "behalve"],
    planned: ["gepland", "later"],
    history: ["voorgeschiedenis", "eerdere", "eerder", "vroegere", "vroeger"],
    roots: [
      "wortel",
      "zenuwwortel",
      "radiculair",
      "radiculaire",
      "radiculopathie",
      "ischialgie",
      "cruralgie",
      "brachialgie",
      "dermatoom",
    ],
    through: ["tot", "tot en met", "t m"],
  },
  de: {
    stopwords: ["der", "die", "das", "und", "mit", "ohne", "ist", "ein", "eine", "wurde", "dem"],
    negations: [
      "ohne",
      "kein",
      "keine",
      "keinen",
      "keinem",
      "keiner",
      "keines",
      "nicht",
      "weder",
      "nein",
    ],
    used: ["verwendet", "eingesetzt", "durchgefuhrt", "notwendig", "erforderlich", "benutzt"],
    breakers: ["und", "aber", "mit", "dann", "danach", "sondern", "ausser"],
    planned: ["geplant", "vorgesehen"],
    history: ["zustand nach", "status nach", "vorausgegangener", "fruhere", "fruheren"],
    roots: [
      "wurzel",
      "nervenwurzel",
      "radikulopathie",
      "radikular",
      "radikulare",
      "ischialgie",
      "brachialgie",
      "dermatom",
    ],
    through: ["bis"],
  },
  en: {
    stopwords: ["the", "and", "of", "with", "without", "was", "were", "to", "at", "an"],
    negations: ["no", "without", "not", "neither", "nor", "none"],
    used: ["used", "performed", "needed", "required", "placed", "employed"],
    breakers: ["and", "but", "with", "then", "except"],
    planned: ["planned", "scheduled"],
    history: ["prior", "previous", "previously", "history", "status post"],
    roots: ["root", "radiculopathy", "radicular", "sciatica", "dermatome"],
    through: ["to", "through", "until"],
  },
};
