import type { LanguageSetting, UiLocale } from "./settings.ts";

const LOCALES: readonly UiLocale[] = ["fr", "nl", "de", "en"];

/** The setting when it names a language, else the browser's first fr/nl/de/en, else English. */
export function resolveLocale(
  setting: LanguageSetting,
  browserLanguages: readonly string[],
): UiLocale {
  if (setting !== "auto") return setting;
  for (const language of browserLanguages) {
    const base = language.toLowerCase().split("-")[0] as UiLocale;
    if (LOCALES.includes(base)) return base;
  }
  return "en";
}
