// Why a billing file, or one of its rows, cannot be read, as a message code of
// i18n/messages.ts with data-free parameters (line numbers, column headers), so that the
// worker answers it in the caller's language and `spine-reg reconcile` prints it in the user's.

import type { Locale } from "../../../shared-schema/src/dcd.ts";
import { formatMessage, type MessageCode } from "../i18n/messages.ts";

export interface BillingFileError {
  code: Extract<
    MessageCode,
    | "billing_empty"
    | "billing_unterminated_quote"
    | "billing_columns_missing"
    | "billing_column_unknown"
    | "billing_column_twice"
  >;
  params: Record<string, string | number>;
}

export function billingFileError(
  code: BillingFileError["code"],
  params: BillingFileError["params"],
): { ok: false; error: BillingFileError } {
  return { ok: false, error: { code, params } };
}

/** Why a row with more values than the header was not read. */
export function badRowMessage(
  bad: { line: number; cells: number },
  columns: number,
  locale: Locale,
): string {
  return formatMessage("billing_row_length", locale, { line: bad.line, cells: bad.cells, columns })
    .detail;
}
