import type { UiLocale } from "../settings/settings.ts";
import { UI_TEXT, type UiTextKey, uiText } from "./ui-text.ts";

/** The texts of the catalogue that come in plural forms: `{base}_one` and `{base}_other`. */
export type UiPluralKey = {
  [K in UiTextKey]: K extends `${infer Base}_other` ? Base : never;
}[UiTextKey];

/**
 * The form of `base` for `n` in the locale, with `{n}` replaced. The languages disagree
 * (French says "0 enregistrement", Dutch "0 registraties"), so Intl.PluralRules picks; a
 * category the catalogue does not spell out (French "many" for millions) reads as `other`.
 */
export function uiPlural(
  locale: UiLocale,
  base: UiPluralKey,
  n: number,
  params: Record<string, string | number> = {},
): string {
  const form = `${base}_${new Intl.PluralRules(locale).select(n)}`;
  const key = (form in UI_TEXT[locale] ? form : `${base}_other`) as UiTextKey;
  return uiText(locale, key, { ...params, n });
}
