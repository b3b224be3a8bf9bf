// Does a nomenclature code require registration in the Healthdata Spine register?
// (docs/domain.md §1). Art. 14 n) acts do, except the exempt pairs of § 1, II. A. The code table
// is data (eligibility-table.ts); a code it does not know is answered "unknown", never a
// silent "not required", unless the caller states the article itself.

import type { Locale, Translations } from "./dcd.ts";
import {
  ELIGIBILITY_TABLE,
  type EligibilityEntry,
  type EligibilityTable,
} from "./eligibility-table.ts";
import { formatMessage } from "./i18n/format-message.ts";
import { isAllDigits } from "./identifiers/digits-of.ts";
import { isNomenclatureCode } from "./identifiers/nomenclature.ts";
import { todayInBrussels } from "./today-in-brussels.ts";

export type { EligibilityEntry, EligibilityTable } from "./eligibility-table.ts";

export type EligibilityDecision = "required" | "exempt" | "not_in_scope" | "unknown";

export interface Eligibility {
  code: string;
  decision: EligibilityDecision;
  /** A sentence for the surgeon, in the requested locale. */
  reason: string;
  /** Key of the reason in ELIGIBILITY_REASONS. */
  reasonCode: string;
  /** The article the decision rests on ("14n" for art. 14 n)), when one is known. */
  article?: string;
}

export interface EligibilityOptions {
  /** Language of `reason`; default "en". */
  locale?: Locale;
  /** The article as the caller knows it (hospital billing systems do), e.g. "14n", "art. 14 n)". */
  article?: string;
  /** Date of the act, ISO YYYY-MM-DD; default today in Brussels. */
  date?: string;
  /** A replacement table (validated with ELIGIBILITY_TABLE_SCHEMA); default ELIGIBILITY_TABLE. */
  table?: EligibilityTable;
}

export type EligibilityReasonCode =
  | "invalid_format"
  | "invalid_check_digit"
  | "required"
  | "exempt"
  | "not_in_scope"
  | "required_stated_article"
  | "not_in_scope_stated_article"
  | "unknown_code";

/**
 * Every reason a surgeon may read in the EHR, in the four languages; `{code}` and `{article}`
 * are replaced (the article as "art. 14 n)"). One object, so a translator sees them all.
 */
export const ELIGIBILITY_REASONS: Record<EligibilityReasonCode, Translations> = {
  invalid_format: {
    fr: "« {code} » n'est pas un code de nomenclature : un code compte exactement 6 chiffres. Vérifiez le code.",
    nl: '"{code}" is geen nomenclatuurcode: een code telt precies 6 cijfers. Controleer de code.',
    de: "„{code}“ ist kein Nomenklaturcode: Ein Code hat genau 6 Ziffern. Prüfen Sie den Code.",
    en: '"{code}" is not a nomenclature code: a code has exactly 6 digits. Check the code.',
  },
  invalid_check_digit: {
    fr: "{code} n'est pas un code de nomenclature valide : le chiffre de contrôle (le dernier, égal aux cinq premiers chiffres modulo 7) est erroné. Vérifiez le code.",
    nl: "{code} is geen geldige nomenclatuurcode: het controlecijfer (het laatste, de eerste vijf cijfers modulo 7) klopt niet. Controleer de code.",
    de: "{code} ist kein gültiger Nomenklaturcode: Die Prüfziffer (die letzte Ziffer, die ersten fünf Ziffern modulo 7) ist falsch. Prüfen Sie den Code.",
    en: "{code} is not a valid nomenclature code: its check digit (the last digit, the first five digits modulo 7) is wrong. Check the code.",
  },
  required: {
    fr: "La prestation {code} doit être enregistrée : elle relève de l'{article} (chirurgie de la colonne vertébrale). Enregistrez-la dans le registre Spine de Healthdata ; depuis le 1er avril 2023, les organismes assureurs refusent de rembourser une prestation non enregistrée.",
    nl: "Verstrekking {code} moet geregistreerd worden: ze valt onder {article} (wervelkolomchirurgie). Registreer ze in het Spine-register van Healthdata; sinds 1 april 2023 weigeren de verzekeringsinstellingen een niet-geregistreerde verstrekking terug te betalen.",
    de: "Die Leistung {code} muss registriert werden: Sie fällt unter {article} (Wirbelsäulenchirurgie). Registrieren Sie sie im Spine-Register von Healthdata; seit dem 1. April 2023 verweigern die Versicherungsträger die Erstattung einer nicht registrierten Leistung.",
    en: "Act {code} must be registered: it falls under {article} (spine surgery). Register it in the Healthdata Spine register; since 1 April 2023 insurers refuse to reimburse an unregistered act.",
  },
  // The only exemptions the law makes are the pairs of art. 14 n) § 1, II. A (docs/domain.md §1);
  // a table that exempts on other grounds needs a new reason here.
  exempt: {
    fr: "La prestation {code} est exemptée : l'art. 14 n) § 1er, II. A (traitements non sanglants des fractures et luxations) ne requiert pas d'enregistrement.",
    nl: "Verstrekking {code} is vrijgesteld: art. 14 n) § 1, II. A (niet-bloedige behandeling van breuken en ontwrichtingen) vereist geen registratie.",
    de: "Die Leistung {code} ist befreit: Art. 14 n) § 1, II. A (unblutige Behandlung von Frakturen und Luxationen) erfordert keine Registrierung.",
    en: "{code} is exempt: art. 14 n) § 1, II. A (non-bloody treatment of fractures and luxations) needs no registration.",
  },
  not_in_scope: {
    fr: "La prestation {code} ne doit pas être enregistrée dans le registre Spine : elle relève de l'{article}, pas de l'art. 14 n).",
    nl: "Verstrekking {code} hoeft niet in het Spine-register: ze valt onder {article}, niet onder art. 14 n).",
    de: "Die Leistung {code} muss nicht im Spine-Register registriert werden: Sie fällt unter {article}, nicht unter Art. 14 n).",
    en: "Act {code} needs no Spine registration: it falls under {article}, not art. 14 n).",
  },
  required_stated_article: {
    fr: "Le code {code} ne figure pas dans la table des codes, mais l'article indiqué est l'{article} : la prestation doit être enregistrée dans le registre Spine de Healthdata (depuis le 1er avril 2023, les organismes assureurs refusent une prestation non enregistrée).",
    nl: "Code {code} staat niet in de codetabel, maar het opgegeven artikel is {article}: de verstrekking moet geregistreerd worden in het Spine-register van Healthdata (sinds 1 april 2023 weigeren de verzekeringsinstellingen een niet-geregistreerde verstrekking).",
    de: "Der Code {code} steht nicht in der Codetabelle, aber der angegebene Artikel ist {article}: Die Leistung muss im Spine-Register von Healthdata registriert werden (seit dem 1. April 2023 verweigern die Versicherungsträger eine nicht registrierte Leistung).",
    en: "Code {code} is not in the code table, but the stated article is {article}: the act must be registered in the Healthdata Spine register (since 1 April 2023 insurers refuse an unregistered act).",
  },
  not_in_scope_stated_article: {
    fr: "Le code {code} ne figure pas dans la table des codes ; l'article indiqué ({article}) n'est pas l'art. 14 n) : pas d'enregistrement dans le registre Spine.",
    nl: "Code {code} staat niet in de codetabel; het opgegeven artikel ({article}) is niet art. 14 n): geen registratie in het Spine-register nodig.",
    de: "Der Code {code} steht nicht in der Codetabelle; der angegebene Artikel ({article}) ist nicht Art. 14 n): keine Registrierung im Spine-Register nötig.",
    en: "Code {code} is not in the code table; the stated article ({article}) is not art. 14 n): no Spine registration needed.",
  },
  unknown_code: {
    fr: "Le code {code} ne figure pas dans la table des codes pour la date de la prestation : on ne peut pas dire s'il doit être enregistré. Le chirurgien ou le service de facturation doit vérifier son article : les prestations de l'art. 14 n) doivent être enregistrées.",
    nl: "Code {code} staat niet in de codetabel voor de datum van de verstrekking, dus het is onbekend of ze geregistreerd moet worden. De chirurg of de facturatiedienst moet het artikel nagaan: verstrekkingen van art. 14 n) moeten geregistreerd worden.",
    de: "Der Code {code} steht für das Datum der Leistung nicht in der Codetabelle, daher ist unbekannt, ob sie registriert werden muss. Der Chirurg oder die Abrechnungsstelle sollte den Artikel prüfen: Leistungen nach Art. 14 n) müssen registriert werden.",
    en: "Code {code} is not in the code table for the date of the act, so whether it must be registered is unknown. The surgeon or the billing office should check its article: art. 14 n) acts must be registered.",
  },
};

// "14n", "14 n", "14n)", "art. 14 n)", "Article 14 n) § 1", "artikel 14 n)" (any case).
const ARTICLE_14N = /^\s*(?:art(?:icle|ikel)?\.?\s*)?14\s*,?\s*n\s*\)?\s*(?:§.*)?$/i;
const HAS_ART_PREFIX = /^\s*art/i;

/** Per table, its entries grouped by code; tables are treated as immutable values. */
const indexes = new WeakMap<EligibilityTable, Map<string, EligibilityEntry[]>>();

export function decideEligibility(code: string, options?: EligibilityOptions): Eligibility {
  return decide(code, options, options?.date);
}

/** Decides several codes with the same options ("today" is computed once). */
export function decideEligibilities(codes: string[], options?: EligibilityOptions): Eligibility[] {
  const date = options?.date ?? todayInBrussels();
  return codes.map((code) => decide(code, options, date));
}

function decide(code: string, options: EligibilityOptions | undefined, date?: string): Eligibility {
  const decided = decideWithoutReason(code, { ...options, date });
  const reason = reasonText(decided.reasonCode, options?.locale ?? "en", code, decided.article);
  return { code, ...decided, reason };
}

/**
 * The decision alone, without building the sentence: validation asks it once per record and
 * rule, where the localized reason would be wasted work.
 */
export function decideWithoutReason(
  code: string,
  options?: Omit<EligibilityOptions, "locale">,
): Omit<Eligibility, "code" | "reason"> & { reasonCode: EligibilityReasonCode } {
  if (!isNomenclatureCode(code)) {
    return {
      decision: "unknown",
      reasonCode: code.length === 6 && isAllDigits(code) ? "invalid_check_digit" : "invalid_format",
    };
  }

  const entries = indexOf(options?.table ?? ELIGIBILITY_TABLE).get(code);
  if (entries !== undefined) {
    const on = options?.date ?? todayInBrussels();
    for (const entry of entries) {
      if (entry.validFrom <= on && (entry.validTo === undefined || on <= entry.validTo)) {
        return { decision: entry.decision, reasonCode: entry.decision, article: entry.article };
      }
    }
  }

  const stated = options?.article?.trim();
  if (stated) {
    if (ARTICLE_14N.test(stated)) {
      return { decision: "required", reasonCode: "required_stated_article", article: "14n" };
    }
    return { decision: "not_in_scope", reasonCode: "not_in_scope_stated_article", article: stated };
  }
  return { decision: "unknown", reasonCode: "unknown_code" };
}

function indexOf(table: EligibilityTable): Map<string, EligibilityEntry[]> {
  let index = indexes.get(table);
  if (index === undefined) {
    index = new Map();
    for (const entry of table.entries) {
      const list = index.get(entry.code);
      if (list === undefined) index.set(entry.code, [entry]);
      else list.push(entry);
    }
    indexes.set(table, index);
  }
  return index;
}

function reasonText(
  reasonCode: EligibilityReasonCode,
  locale: Locale,
  code: string,
  article?: string,
): string {
  const texts = ELIGIBILITY_REASONS[reasonCode];
  // The locale may come from an HTTP request at run time: fall back rather than print undefined.
  const template = texts[locale] ?? texts.en;
  const articleLabel = article === undefined ? "" : labelOf(article, locale);
  return formatMessage(template, locale, { code, article: articleLabel });
}

/** "14n" -> "art. 14 n)" (German "Art. 14 n)"); "2" -> "art. 2"; "art. 2" stays. */
function labelOf(article: string, locale: Locale): string {
  const prefix = locale === "de" ? "Art. " : "art. ";
  if (ARTICLE_14N.test(article)) return `${prefix}14 n)`;
  return HAS_ART_PREFIX.test(article) ? article : `${prefix}${article}`;
}
