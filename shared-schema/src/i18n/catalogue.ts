import { LOCALES, type Locale, type Translations } from "../dcd.ts";
import { formatMessage, type MessageParams } from "./format-message.ts";

/**
 * A catalogue of messages: key -> the text in fr, nl, de and en, written in one format
 * (format-message.ts). The worker, the extension and the CLI keep theirs in this shape.
 */
export type Catalogue<K extends string = string> = Record<K, Translations>;

/** A catalogue written one object per language, so that a translator sees each one whole. */
export function byLanguage<K extends string>(
  texts: Record<Locale, Record<K, string>>,
): Catalogue<K> {
  const keys = Object.keys(texts.en) as K[];
  const entries = keys.map((key) => [
    key,
    Object.fromEntries(LOCALES.map((locale) => [locale, texts[locale][key]])),
  ]);
  return Object.fromEntries(entries) as Catalogue<K>;
}

/** The message `key` of `catalogue` in `locale`, its placeholders and plurals filled. */
export function message<K extends string>(
  catalogue: Catalogue<K>,
  key: K,
  locale: Locale,
  params: MessageParams = {},
): string {
  return formatMessage(catalogue[key][locale], locale, params);
}
