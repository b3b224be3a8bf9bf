import { LOCALES, type Locale, type Translations } from "../dcd.ts";
import { columnLetter, type ReportEntry } from "./import-report.ts";
import type { SheetTable, TableRow } from "./read-sheet-table.ts";

// XLSForm puts one column per language (`label::French`, `hint::Dutch`, ...). This file
// reads those headers and turns a row's language cells into `Translations`, filling a
// language the workbook lacks from another one and counting every such gap, so that the
// report says once per language what was filled in from where.

export const LANGUAGE_NAMES: Record<Locale, string> = {
  fr: "French",
  nl: "Dutch",
  de: "German",
  en: "English",
};

const LANGUAGE_WORDS: Record<Locale, string[]> = {
  fr: ["french", "français", "francais", "frans", "französisch", "fr"],
  nl: ["dutch", "nederlands", "néerlandais", "neerlandais", "niederländisch", "flemish", "nl"],
  de: ["german", "deutsch", "allemand", "duits", "de"],
  en: ["english", "anglais", "engels", "englisch", "en"],
};
const WORD_TO_LOCALE = new Map<string, Locale>(
  LOCALES.flatMap((locale) => LANGUAGE_WORDS[locale].map((word) => [word, locale] as const)),
);

/**
 * The locale of an XLSForm language name: `French`, `Français`, `fr`, `English (en)`,
 * `[Dutch]`, `nl-BE`. Undefined for a language this product does not speak.
 */
export function parseLanguage(text: string): Locale | undefined {
  const name = text
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1")
    .trim();
  const code = /\(\s*([a-z]{2})(?:[-_][a-z]{2})?\s*\)$/.exec(name);
  if (code && WORD_TO_LOCALE.has(code[1] as string)) return WORD_TO_LOCALE.get(code[1] as string);
  const bare = name.replace(/\s*\(.*\)$/, "").replace(/^([a-z]{2})[-_][a-z]{2}$/, "$1");
  return WORD_TO_LOCALE.get(bare);
}

/** Bases whose `::` qualifier is a language. */
export const LOCALIZED_BASES: ReadonlySet<string> = new Set([
  "label",
  "hint",
  "guidance_hint",
  "required_message",
  "constraint_message",
  "form_title",
  "message",
  "image",
  "audio",
  "video",
  "media",
]);

const ALIASES: Record<string, string> = {
  constraint_msg: "constraint_message",
  constraintmsg: "constraint_message",
  requiredmsg: "required_message",
  required_msg: "required_message",
  readonly: "read_only",
  repeat_count: "repeat_count",
  repeatcount: "repeat_count",
  maxlength: "max_length",
  minitems: "min_items",
  maxitems: "max_items",
  listformat: "list_format",
  listname: "list_name",
  choicefilter: "choice_filter",
  defaultlanguage: "default_language",
  formid: "form_id",
  formtitle: "form_title",
  constraintcode: "constraint_code",
  hd4dpid: "hd4dp_id",
  businesskey: "business_key",
};

/** One header cell, read. */
export interface HeaderColumn {
  column: number;
  /** The header as written (trimmed). */
  header: string;
  /** Lower case, spaces and hyphens as `_`, synonyms resolved: `list name` -> `list_name`. */
  base: string;
  /** For a language column: its locale, or `null` for a language this product ignores. */
  locale?: Locale | null;
  /** A language column without a language (`label`): the default language. */
  unqualified?: boolean;
}

function normalize(text: string): string {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return ALIASES[key] ?? key;
}

/** Reads a header text: `label::Dutch`, `bind::required`, `hd::number_format`, `List Name`. */
export function readHeader(column: number, header: string): HeaderColumn {
  const separator = header.indexOf("::");
  if (separator < 0) {
    const base = normalize(header);
    return LOCALIZED_BASES.has(base)
      ? { column, header, base, unqualified: true }
      : { column, header, base };
  }
  const base = normalize(header.slice(0, separator));
  const qualifier = header.slice(separator + 2);
  if (base === "bind") {
    const bound = normalize(qualifier);
    return { column, header, base: bound === "calculate" ? "calculation" : bound };
  }
  if (base === "media") return { column, header, base: "media" };
  if (!LOCALIZED_BASES.has(base))
    return { column, header, base: `${base}::${normalize(qualifier)}` };
  return { column, header, base, locale: parseLanguage(qualifier) ?? null };
}

/** The headers of a table, read, and lookups by base. */
export class TableColumns {
  readonly columns: HeaderColumn[];
  readonly table: SheetTable;
  private readonly byBase = new Map<string, HeaderColumn[]>();

  constructor(table: SheetTable) {
    this.table = table;
    this.columns = [];
    table.headers.forEach((header, column) => {
      if (header === undefined) return;
      const read = readHeader(column, header);
      this.columns.push(read);
      const list = this.byBase.get(read.base) ?? [];
      list.push(read);
      this.byBase.set(read.base, list);
    });
  }

  /** The first plain column of this base (not a language column). */
  column(base: string): number | undefined {
    return this.byBase.get(base)?.find((c) => c.locale === undefined)?.column;
  }

  has(base: string): boolean {
    return this.byBase.has(base);
  }

  /** Language columns of a base, by locale: explicit ones first, then unqualified ones. */
  localized(base: string, defaultLocale: Locale): Map<Locale, number[]> {
    const result = new Map<Locale, number[]>();
    const columns = this.byBase.get(base) ?? [];
    for (const c of columns) {
      if (c.locale) result.set(c.locale, [...(result.get(c.locale) ?? []), c.column]);
    }
    for (const c of columns) {
      if (c.unqualified)
        result.set(defaultLocale, [...(result.get(defaultLocale) ?? []), c.column]);
    }
    return result;
  }

  /** The text of a row in a plain column ("" when empty or absent). */
  text(row: TableRow, base: string): string {
    const column = this.column(base);
    return column === undefined ? "" : (row.cells[column] ?? "");
  }
}

interface Gap {
  count: number;
  sheet: string;
  row: number;
  column?: string;
  from: Map<Locale, number>;
}

/**
 * Fills languages missing in a workbook from the others and remembers each gap, to report
 * one warning per language instead of one per cell.
 */
export class LanguageFill {
  private readonly gaps = new Map<Locale, Gap>();
  /** Languages that have a column somewhere in the workbook. */
  private readonly present = new Set<Locale>();
  private readonly order: Locale[];
  readonly defaultLocale: Locale;

  constructor(defaultLocale: Locale) {
    this.defaultLocale = defaultLocale;
    // The default language first, then the order of Healthdata's publications.
    this.order = [defaultLocale, ...(["en", "fr", "nl", "de"] as const)].filter(
      (locale, i, all) => all.indexOf(locale) === i,
    );
  }

  /**
   * The translations in a row's language columns of `base`; undefined when all are empty.
   * A language that is empty or has no column is filled from the first filled one in the
   * order default language, en, fr, nl, de.
   */
  read(columns: TableColumns, row: TableRow, base: string): Translations | undefined {
    const byLocale = columns.localized(base, this.defaultLocale);
    const texts: Partial<Record<Locale, string>> = {};
    for (const [locale, cols] of byLocale) {
      this.present.add(locale);
      for (const c of cols) {
        const text = row.cells[c];
        if (text) {
          texts[locale] = text;
          break;
        }
      }
    }
    const source = this.order.find((locale) => texts[locale] !== undefined);
    if (source === undefined) return undefined;
    const result = {} as Translations;
    for (const locale of LOCALES) {
      const text = texts[locale];
      if (text !== undefined) {
        result[locale] = text;
        continue;
      }
      result[locale] = texts[source] as string;
      this.note(locale, source, columns.table.sheet, row.row, byLocale.get(locale)?.[0]);
    }
    return result;
  }

  private note(
    locale: Locale,
    from: Locale,
    sheet: string,
    row: number,
    column: number | undefined,
  ): void {
    let gap = this.gaps.get(locale);
    if (!gap) {
      gap = {
        count: 0,
        sheet,
        row,
        column: column === undefined ? undefined : columnLetter(column),
        from: new Map(),
      };
      this.gaps.set(locale, gap);
    }
    gap.count++;
    gap.from.set(from, (gap.from.get(from) ?? 0) + 1);
  }

  /** One warning per language that had to be filled in. */
  entries(): ReportEntry[] {
    return LOCALES.flatMap((locale): ReportEntry[] => {
      const gap = this.gaps.get(locale);
      if (!gap) return [];
      const from = [...gap.from]
        .map(([source, n]) => `${LANGUAGE_NAMES[source]}${gap.from.size > 1 ? ` (${n})` : ""}`)
        .join(", ");
      const language = LANGUAGE_NAMES[locale];
      const what = this.present.has(locale)
        ? `${gap.count} text(s) missing (the first one here)`
        : `the workbook has no ${language} column: ${gap.count} text(s) missing`;
      return [
        {
          level: "warning",
          sheet: gap.sheet,
          row: gap.row,
          ...(gap.column ? { column: gap.column } : {}),
          message: `${language} (${locale}): ${what}, filled in from ${from}. Ask the registry for the translations.`,
        },
      ];
    });
  }
}
