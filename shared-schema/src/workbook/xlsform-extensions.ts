import { t } from "../translations.ts";

// Columns and a sheet this product adds to Healthdata's XLSForm layout, so that a DCD of ours
// (SPIN_SURG) can be written as a workbook and read back without loss. Official workbooks do
// not have them and import with their defaults. The report names each one a workbook uses;
// docs/dcd-workbooks.md ("Extensions of this product") describes them for the people who edit workbooks.
// The reader and the writer of workbooks share from here what must agree between them.

export interface ExtensionColumn {
  sheet: "settings" | "survey" | "choices" | "rules";
  /** The header, as written; reading ignores case and treats spaces and hyphens as `_`. */
  header: string;
  meaning: string;
}

export const XLSFORM_EXTENSIONS: readonly ExtensionColumn[] = [
  { sheet: "settings", header: "source", meaning: "where the definition comes from" },
  {
    sheet: "settings",
    header: "business_key",
    meaning: "fields identifying one registration, separated by commas",
  },
  {
    sheet: "settings",
    header: "business_key_fallback",
    meaning: "the business key used when business_key_fallback_when holds",
  },
  {
    sheet: "settings",
    header: "business_key_fallback_when",
    meaning: "an expression: when to use the fallback business key",
  },
  { sheet: "survey", header: "max_length", meaning: "text: maximum number of characters" },
  { sheet: "survey", header: "format", meaning: "text: niss, nihii-physician or email" },
  { sheet: "survey", header: "min", meaning: "integer, decimal: smallest value" },
  { sheet: "survey", header: "max", meaning: "integer, decimal: largest value" },
  {
    sheet: "survey",
    header: "min_items",
    meaning: "select_multiple, begin repeat: fewest values or entries",
  },
  {
    sheet: "survey",
    header: "max_items",
    meaning: "select_multiple, begin repeat: most values or entries",
  },
  { sheet: "survey", header: "system", meaning: "yes: set by the registry, never entered" },
  {
    sheet: "survey",
    header: "constraint_code",
    meaning: "the issue code of the constraint (default: constraint)",
  },
  {
    sheet: "choices",
    header: "exclusive",
    meaning: "yes: in a select_multiple, this choice excludes every other",
  },
  { sheet: "choices", header: "hd4dp_id", meaning: "the id of the choice in HD4DP's code list" },
  {
    sheet: "choices",
    header: "list_format",
    meaning:
      "be-postcode or nomenclature: values beyond the listed ones that are valid; a row with a list_name and no name declares it",
  },
  {
    sheet: "rules",
    header: "code, field, repeat, severity, when, assert, message::<language>, params",
    meaning:
      "cross-field rules beyond one constraint per field: warnings, several rules per field, conditions (when), message parameters (params, a JSON object)",
  },
];

/**
 * Survey columns that apply to some field types only; a field of another type ignores them
 * with a word in the report.
 */
export const TYPE_SPECIFIC_COLUMNS: readonly string[] = [
  "max_length",
  "format",
  "min",
  "max",
  "min_items",
  "max_items",
];

/**
 * The survey columns of a workbook of ours, in the order writeXlsformWorkbook writes them; a
 * language column (LOCALIZED_BASES) stands once per language. The reader reads them all.
 */
export const SURVEY_COLUMNS: readonly string[] = [
  "type",
  "name",
  "label",
  "hint",
  "required",
  "required_message",
  "relevant",
  "constraint",
  "constraint_code",
  "constraint_message",
  "choice_filter",
  "calculation",
  "default",
  "read_only",
  ...TYPE_SPECIFIC_COLUMNS,
  "system",
];

/** The columns of the `rules` sheet, in the order they are written (`message` per language). */
export const RULES_COLUMNS: readonly string[] = [
  "code",
  "field",
  "repeat",
  "severity",
  "when",
  "assert",
  "message",
  "params",
];

/** Text of a constraint without a constraint_message. */
export const GENERIC_CONSTRAINT_MESSAGE = t(
  "{field} : cette valeur ne respecte pas une règle du registre : corrigez-la.",
  "{field}: deze waarde voldoet niet aan een regel van het register: verbeter ze.",
  "{field}: dieser Wert erfüllt eine Regel des Registers nicht: korrigieren Sie ihn.",
  "{field}: this value does not satisfy the registry's rule: correct it.",
);

/** Technical fields of Healthdata's forms: set by HD4DP or this product, never entered. */
export const TECHNICAL_FIELDS = new Set([
  "TX_BUSINESS_KEY",
  "TX_REGN_CD",
  "STATUS",
  "TX_DCD_VERSION",
]);

/** Words of a yes/no cell (XLSForm accepts yes, true, TRUE(), 1 and their opposites). */
export function readYesNo(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (["yes", "true", "true()", "1", "y", "oui", "ja"].includes(word)) return true;
  if (["no", "false", "false()", "0", "n", "non", "nee", "nein"].includes(word)) return false;
  return undefined;
}
