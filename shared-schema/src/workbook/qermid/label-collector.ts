import { LOCALES, type Locale, type Translations } from "../../dcd.ts";
import type { ReportEntry } from "../import-report.ts";

/**
 * ASSUMED order in which a missing language borrows another: German borrows French first
 * (German speakers live in Wallonia), English borrows Dutch first (the Qermid workbooks are
 * written in Dutch first), French and Dutch borrow each other.
 */
const FALLBACK: Record<Locale, Locale[]> = {
  fr: ["nl", "en", "de"],
  nl: ["fr", "en", "de"],
  de: ["fr", "nl", "en"],
  en: ["nl", "fr", "de"],
};

const NAMES: Record<Locale, string> = { fr: "French", nl: "Dutch", de: "German", en: "English" };

interface Gap {
  count: number;
  first: { sheet: string; row: number };
  borrowed: Set<Locale>;
}

/**
 * Builds the four-language texts of fields and values, borrowing a missing language from
 * another one, and counts what it borrowed: the report gets one warning per language, not
 * one per cell (a workbook without German labels would otherwise bury every other entry).
 */
export class LabelCollector {
  private readonly gaps = new Map<Locale, Gap>();
  private untranslated = 0;
  private firstUntranslated?: { sheet: string; row: number; subject: string };

  translations(
    texts: Partial<Record<Locale, string>>,
    fallbackText: string,
    where: { sheet: string; row: number },
  ): Translations {
    const present = LOCALES.filter((locale) => (texts[locale] ?? "") !== "");
    if (present.length === 0) {
      this.untranslated++;
      this.firstUntranslated ??= { ...where, subject: fallbackText };
      return { fr: fallbackText, nl: fallbackText, de: fallbackText, en: fallbackText };
    }
    const out = {} as Translations;
    for (const locale of LOCALES) {
      const own = texts[locale] ?? "";
      if (own !== "") {
        out[locale] = own;
        continue;
      }
      const donor = FALLBACK[locale].find((other) => (texts[other] ?? "") !== "") as Locale;
      out[locale] = texts[donor] as string;
      const gap = this.gaps.get(locale) ?? { count: 0, first: where, borrowed: new Set() };
      gap.count++;
      gap.borrowed.add(donor);
      this.gaps.set(locale, gap);
    }
    return out;
  }

  /** One warning per language that had to borrow, and one for texts found in no language. */
  entries(sheet: string): ReportEntry[] {
    const entries: ReportEntry[] = [];
    for (const locale of LOCALES) {
      const gap = this.gaps.get(locale);
      if (!gap) continue;
      const donors = [...gap.borrowed].map((donor) => NAMES[donor]).join(" or ");
      entries.push({
        level: "warning",
        sheet: gap.first.sheet,
        row: gap.first.row,
        message:
          `${NAMES[locale]} (${locale}) text missing for ${gap.count} text(s), the first on ` +
          `this row${gap.first.sheet === sheet ? "" : ` of sheet "${gap.first.sheet}"`}: ` +
          `the ${donors} text is used instead`,
      });
    }
    if (this.untranslated > 0 && this.firstUntranslated) {
      entries.push({
        level: "warning",
        sheet: this.firstUntranslated.sheet,
        row: this.firstUntranslated.row,
        subject: this.firstUntranslated.subject,
        message: `${this.untranslated} text(s) in no language, the first on this row: the technical name or code is shown instead`,
      });
    }
    return entries;
  }
}
