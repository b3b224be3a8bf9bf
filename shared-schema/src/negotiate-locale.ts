import { LOCALES, type Locale } from "./dcd.ts";

/**
 * The best of fr, nl, de, en for an Accept-Language header (or navigator.languages joined
 * with commas), honouring q-values; English when none matches.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return "en";
  let best: Locale | undefined;
  let bestQ = 0;
  for (const part of acceptLanguage.split(",")) {
    const [tag = "", ...params] = part.trim().split(";");
    const primary = tag.trim().toLowerCase().split("-")[0] as Locale;
    if (!LOCALES.includes(primary)) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && q > bestQ) {
      best = primary;
      bestQ = q;
    }
  }
  return best ?? "en";
}
