import type { Locale } from "../../dcd.ts";
import { headerLocale } from "./header-locale.ts";
import { normalizeHeader } from "./normalize-header.ts";

/**
 * What a column of a Qermid field list holds, recognised from its header text only: the
 * registries put the same columns in different orders and word them differently.
 */
export type ColumnRole =
  | { role: "name" }
  | { role: "type" }
  | { role: "required" }
  | { role: "requiredIf" }
  | { role: "relevant" }
  | { role: "listName" }
  | { role: "codeValues" }
  | { role: "label"; locale: Locale }
  | { role: "help"; locale?: Locale }
  | { role: "expected" }
  /** `Expected result (FR)`: on the value rows of a list, the labels of the values. */
  | { role: "valueLabel"; locale: Locale }
  | { role: "block" }
  | { role: "cardinality" }
  | { role: "validation" }
  | { role: "calculation" }
  | { role: "documentation"; what: string }
  | { role: "unknown" };

const has = (text: string, pattern: RegExp) => pattern.test(text);

const NAME = /^(technical name|technische naam|nom technique|technical key|technical field name)/;
const REQUIRED = /\b(required|mandatory|verplicht|obligatoire|compulsory)\b/;
const CONDITIONAL = /\b(if|when|indien|als|si|condition|conditions|conditional|conditionally)\b/;
const MESSAGE = /\b(message|messages|error|foutmelding|melding)\b/;
const RELEVANT =
  /\b(condition|conditions|conditional|conditionality|visible if|visibility|shown if|show if|displayed if|display if|display condition|relevant|relevance|depends on|dependency|dependencies|skip logic|enabled if|active if|zichtbaar|voorwaarde|voorwaarden)\b/;
const VALIDATION =
  /\b(validation|validations|validation rule|rule|rules|constraint|constraints|check|checks|controle|controles|control|controls)\b/;
const CALCULATION = /\b(calculation|formula|formule|berekening|calcul|computed as)\b/;
const BLOCK = /\b(block|repeat|repeatable|repeating|repeat group|herhaalbaar|repetable|bloc)\b/;
const CARDINALITY =
  /\b(cardinality|occurrence|occurrences|multiplicity|kardinaliteit|cardinalite)\b/;
const LIST = /(code ?list|value ?list|value ?set|list name|lijst|liste)/;
const VALUES_ONLY =
  /^(code|codes|code value|code values|value|values|waarde|waarden|valeur|valeurs)$/;
const TYPE =
  /^(type|types|field type|data type|datatype|type of field|veldtype|type veld|type de champ)$/;
const HELP =
  /\b(help|help text|info|information|tooltip|hint|toelichting|aide|explanation|uitleg)\b/;
const LABEL_WORDS =
  /\b(field|fields|label|labels|translation|translations|vertaling|vertalingen|traduction|traductions|question|questions|libelle|libelles|veld|velden|champ|champs)\b/;
const UNTAGGED_LABEL = /^(field|fields|label|labels|field name|field label|question)$/;
const NUMBERING = /^(nr|no|n|#|order|number|seq|sequence|volgorde|id|row)$/;

export function classifyHeader(header: string): ColumnRole {
  const text = normalizeHeader(header);
  if (text === "") return { role: "unknown" };
  if (NAME.test(text)) return { role: "name" };
  if (text.includes("cbb")) return { role: "documentation", what: "CBB concept" };
  const locale = headerLocale(text);
  if (/(expected result|expected value|verwacht resultaat|resultat attendu)/.test(text)) {
    return locale ? { role: "valueLabel", locale } : { role: "expected" };
  }
  if (has(text, REQUIRED)) {
    if (has(text, MESSAGE)) return { role: "documentation", what: "message" };
    return has(text, CONDITIONAL) ? { role: "requiredIf" } : { role: "required" };
  }
  if (has(text, MESSAGE)) return { role: "documentation", what: "message" };
  if (has(text, CALCULATION)) return { role: "calculation" };
  if (has(text, RELEVANT)) return { role: "relevant" };
  if (has(text, VALIDATION)) return { role: "validation" };
  if (has(text, CARDINALITY)) return { role: "cardinality" };
  if (has(text, BLOCK)) return { role: "block" };
  if (has(text, LIST)) {
    return /\bvalues?\b/.test(text) && !/\bname\b/.test(text)
      ? { role: "codeValues" }
      : { role: "listName" };
  }
  if (VALUES_ONLY.test(text)) return { role: "codeValues" };
  if (TYPE.test(text)) return { role: "type" };
  if (has(text, HELP)) return locale ? { role: "help", locale } : { role: "help" };
  if (locale) {
    const rest = text
      .replace(/\([a-z]{2}\)/g, " ")
      .replace(/[^a-z]+/g, " ")
      .trim();
    const onlyLanguage = rest.split(" ").every((word) => headerLocale(word) !== undefined);
    if (LABEL_WORDS.test(text) || onlyLanguage) return { role: "label", locale };
  }
  // Facts of the Orthopride sheets: "Translation fields" holds the Dutch labels. ASSUMED:
  // a label column naming no language is English, the language of the header texts.
  if (text === "translation fields") return { role: "label", locale: "nl" };
  if (UNTAGGED_LABEL.test(text)) return { role: "label", locale: "en" };
  if (NUMBERING.test(text)) return { role: "documentation", what: "numbering" };
  return { role: "unknown" };
}
