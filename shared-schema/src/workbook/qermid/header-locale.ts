import type { Locale } from "../../dcd.ts";

// Words naming a language in the headers of Healthdata's workbooks, in the languages the
// headers are written in (English mostly, Dutch and French sometimes).
const LANGUAGE_WORDS: Record<string, Locale> = {
  french: "fr",
  francais: "fr",
  frans: "fr",
  dutch: "nl",
  nederlands: "nl",
  neerlandais: "nl",
  flemish: "nl",
  english: "en",
  engels: "en",
  anglais: "en",
  german: "de",
  deutsch: "de",
  duits: "de",
  allemand: "de",
};

const CODES: Record<string, Locale> = { fr: "fr", nl: "nl", en: "en", de: "de" };

/**
 * The language a normalized header names (`fields (fr)`, `label nl`, `english`), if any. A
 * two-letter code counts only last or in parentheses: `de` and `en` are also French and
 * Dutch words (`type de champ`, `code en label`).
 */
export function headerLocale(normalized: string): Locale | undefined {
  const inParentheses = /\(([a-z]{2})\)/.exec(normalized)?.[1];
  if (inParentheses && CODES[inParentheses]) return CODES[inParentheses];
  const words = normalized.split(/[^a-z]+/).filter((word) => word !== "");
  const last = words[words.length - 1];
  if (last && CODES[last]) return CODES[last];
  for (const word of words) {
    const locale = LANGUAGE_WORDS[word];
    if (locale) return locale;
  }
  return undefined;
}
