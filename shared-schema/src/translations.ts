import type { Translations } from "./dcd.ts";

/** Builds a Translations value; the argument order is the house order fr, nl, de, en. */
export function t(fr: string, nl: string, de: string, en: string): Translations {
  return { fr, nl, de, en };
}

/** The same text in every language (level codes, ASA grades, ...). */
export function same(text: string): Translations {
  return { fr: text, nl: text, de: text, en: text };
}
