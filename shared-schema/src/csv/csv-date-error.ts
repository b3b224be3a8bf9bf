import type { Issue, Locale } from "../dcd.ts";
import { formatMessage } from "../i18n/format-message.ts";
import { t } from "../translations.ts";
import type { DateCell } from "./decode-hd4dp-csv.ts";

// Names the column, never the value: the cell may hold a birth date, and the message goes to
// terminals, CI logs and JSON read by other tools.
const MESSAGE = t(
  "{column} : la date n'est pas écrite comme dans un CSV HD4DP : écrivez {format}, p. ex. {example}.",
  "{column}: de datum is niet geschreven zoals in een HD4DP-CSV: schrijf {format}, bv. {example}.",
  "{column}: das Datum ist nicht wie in einer HD4DP-CSV geschrieben: schreiben Sie {format}, z. B. {example}.",
  "{column}: the date is not written as in an HD4DP CSV: write {format}, e.g. {example}.",
);

const FORMATS = {
  date: { ...t("jj/mm/aaaa", "dd/mm/jjjj", "TT/MM/JJJJ", "dd/mm/yyyy"), example: "14/03/2026" },
  datetime: {
    ...t("jj/mm/aaaa hh:mm", "dd/mm/jjjj uu:mm", "TT/MM/JJJJ hh:mm", "dd/mm/yyyy hh:mm"),
    example: "14/03/2026 08:30",
  },
};

/** The error, in `locale`, for a date cell of an HD4DP CSV that is not dd/mm/yyyy. */
export function csvDateError(cell: DateCell, locale: Locale): Issue {
  const format = FORMATS[cell.type];
  const params = { column: cell.column, format: format[locale], example: format.example };
  return {
    field: cell.column,
    code: `csv_${cell.type}_format`,
    severity: "error",
    message: formatMessage(MESSAGE[locale], locale, params),
    params,
  };
}
