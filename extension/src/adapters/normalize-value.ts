import { parseNihii } from "../../../shared-schema/src/identifiers/nihii.ts";
import { parseNiss } from "../../../shared-schema/src/identifiers/niss.ts";
import { isNomenclatureCode } from "../../../shared-schema/src/identifiers/nomenclature.ts";
import type { FieldRule } from "./ehr-profile.ts";
import { normalizeText } from "./normalize-text.ts";
import { parseDateText } from "./parse-date-text.ts";
import type { ValueKind } from "./prefill-fields.ts";

// SNOMED CT sex codes used by the Qermid DCDs (docs/domain.md §3).
const MALE = "248153007";
const FEMALE = "248152002";
const INDETERMINATE = "32570681000036106";
const UNKNOWN = "261665006";

const SEX_WORDS: Record<string, string> = {
  m: MALE,
  h: MALE,
  man: MALE,
  male: MALE,
  homme: MALE,
  masculin: MALE,
  mannelijk: MALE,
  mannlich: MALE,
  f: FEMALE,
  v: FEMALE,
  w: FEMALE,
  vrouw: FEMALE,
  female: FEMALE,
  femme: FEMALE,
  feminin: FEMALE,
  vrouwelijk: FEMALE,
  weiblich: FEMALE,
  x: INDETERMINATE,
  indetermine: INDETERMINATE,
  onbepaald: INDETERMINATE,
  unbestimmt: INDETERMINATE,
  indeterminate: INDETERMINATE,
  divers: INDETERMINATE,
  inconnu: UNKNOWN,
  onbekend: UNKNOWN,
  unbekannt: UNKNOWN,
  unknown: UNKNOWN,
};

const URGENCY_WORDS: Record<string, string> = {
  electif: "1",
  elective: "1",
  programme: "1",
  programmee: "1",
  planifie: "1",
  gepland: "1",
  electief: "1",
  geplant: "1",
  elektiv: "1",
  non: "1",
  nee: "1",
  nein: "1",
  no: "1",
  urgent: "2",
  urgente: "2",
  urgence: "2",
  dringend: "2",
  spoed: "2",
  notfall: "2",
  oui: "2",
  ja: "2",
  yes: "2",
};

const BELGIUM = new Set(["belgique", "belgie", "belgien", "belgium", "be", "bel"]);

/** The words of a text, normalised, for lookups of short coded values ("Femme", "M"). */
function wordsOf(text: string): string[] {
  return normalizeText(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function lookup(table: Record<string, string>, text: string): string | undefined {
  const words = wordsOf(text);
  for (const word of words) {
    const code = table[word];
    if (code) return code;
  }
  return undefined;
}

/**
 * Turns the text read from the page into a registry value of the field's kind (ISO dates,
 * 11-digit identifiers, code values). Undefined means "not recognisable": the field is then
 * left for the surgeon rather than prefilled with something wrong.
 */
export function normalizeValue(
  kind: ValueKind,
  raw: string | string[],
  rule: FieldRule = {},
): string | string[] | undefined {
  const texts = (Array.isArray(raw) ? raw : [raw]).map((text) => applyRule(text, rule));
  const text = texts.join(" ").trim();
  if (kind === "codes") {
    const codes = new Set<string>();
    for (const part of texts)
      for (const match of part.match(/\b\d{6}\b/g) ?? [])
        if (isNomenclatureCode(match)) codes.add(match);
    return codes.size > 0 ? [...codes] : undefined;
  }
  if (text === "") return undefined;
  switch (kind) {
    case "niss":
      return firstValid(text, NISS_WRITTEN, (written) => {
        const parsed = parseNiss(written);
        return parsed.ok ? parsed.niss : undefined;
      });
    case "nihii":
      return firstValid(text, NIHII_WRITTEN, (written) => {
        const parsed = parseNihii(written);
        return parsed.ok ? parsed.nihii : undefined;
      });
    case "date":
      return parseDateText(text, rule.dateLayout);
    case "sex":
      return /^\d{6,}$/.test(text) ? text : lookup(SEX_WORDS, text);
    case "urgency":
      return /^[12]$/.test(text) ? text : lookup(URGENCY_WORDS, text);
    case "postcode":
      return /\b(\d{4})\b/.exec(text)?.[1];
    case "country": {
      const words = wordsOf(text).filter((word) => /^[a-z]{2,}$/.test(word));
      if (words.length === 0 || words.some((word) => BELGIUM.has(word))) return undefined;
      return "9999";
    }
    default:
      return text
        .replace(/^[\s:*|–—-]+/, "")
        .replace(/\s+/g, " ")
        .slice(0, 200);
  }
}

// How the numbers are printed: `93.05.18-223.61`, `93051822361`, `930518 223 61`;
// `1-23456-78-901`, `12345678/901`. The parsers check the digits, these only find them.
const NISS_WRITTEN = /(?<!\d)\d{2}[ .-]?\d{2}[ .-]?\d{2}[ .-]*\d{3}[ .-]?\d{2}(?!\d)/g;
const NIHII_WRITTEN = /(?<!\d)\d[ .-]?\d{5}[ ./-]?\d{2}[ ./-]?\d{3}(?!\d)/g;

/** The first number printed in the text that its parser accepts (check digits included). */
function firstValid(
  text: string,
  written: RegExp,
  parse: (written: string) => string | undefined,
): string | undefined {
  for (const match of text.matchAll(written)) {
    const value = parse(match[0]);
    if (value !== undefined) return value;
  }
  return undefined;
}

function applyRule(text: string, rule: FieldRule): string {
  let value = text.trim();
  if (rule.pattern) {
    const match = new RegExp(rule.pattern).exec(value);
    value = match ? (match[1] ?? match[0]) : "";
  }
  if (rule.map) {
    const key = normalizeText(value);
    for (const [from, to] of Object.entries(rule.map)) {
      if (normalizeText(from) === key) return to;
    }
  }
  return value;
}
