import type { Issue, Locale, Translations } from "../dcd.ts";
import { formatMessage } from "../i18n/format-message.ts";
import { t } from "../translations.ts";
import type { FormulaCell } from "./decode-hd4dp-csv.ts";
import type { FormulaTrigger } from "./guard-formula.ts";

// Names the character, never the value: the cell may hold a name or a NISS, and the
// message goes to terminals, CI logs and JSON read by other tools.
const MESSAGE = t(
  "{column} : la valeur commence par {trigger} : un tableur pourrait l'exécuter comme une formule ; elle sera écrite '… (précédée d'une apostrophe).",
  "{column}: de waarde begint met {trigger}: een rekenblad kan ze als formule uitvoeren; ze wordt geschreven als '… (voorafgegaan door een apostrof).",
  "{column}: der Wert beginnt mit {trigger}: eine Tabellenkalkulation könnte ihn als Formel ausführen; er wird als '… geschrieben (mit vorangestelltem Apostroph).",
  "{column}: the value starts with {trigger}: a spreadsheet may run it as a formula; it will be written as '… (prefixed with a quote).",
);

/** The invisible triggers by name; the others are shown between quotes, e.g. '='. */
const TRIGGER_NAMES: Partial<Record<FormulaTrigger, Translations>> = {
  "\t": t("une tabulation", "een tab", "einem Tabulator", "a tab"),
  "\r": t(
    "un retour chariot (CR)",
    "een regelterugloop (CR)",
    "einem Wagenrücklauf (CR)",
    "a carriage return (CR)",
  ),
};

/** The warning, in `locale`, for a free-text cell that a spreadsheet may run as a formula. */
export function formulaCellWarning(cell: FormulaCell, locale: Locale): Issue {
  const trigger = TRIGGER_NAMES[cell.trigger]?.[locale] ?? `'${cell.trigger}'`;
  const params = { column: cell.column, trigger };
  return {
    field: cell.column,
    code: "formula_cell",
    severity: "warning",
    message: formatMessage(MESSAGE[locale], locale, params),
    params,
  };
}
