// Validation issues as the worker sends them out (422 bodies, POST /v1/validate): field,
// code, severity and message only. `params` stay inside: a param may quote the value a
// field held, and a misread EHR page can put a NISS or a name into any field. A field name
// is echoed only when it looks like a technical name: the name of an unknown field is
// whatever key the caller sent, e.g. `{"93051822361": 1}`, so any other name is replaced
// by a placeholder and its message (which quotes the name) by one that does not.

import type { Issue, Locale } from "../../../shared-schema/src/dcd.ts";
import { formatMessage } from "../i18n/messages.ts";

/** A DCD technical name, e.g. `CD_NOMEN`; upper case, digits and `_`, at most 41 characters. */
const TECHNICAL_NAME = /^[A-Z][A-Z0-9_]{0,40}$/;
/**
 * No DCD name has six digits in a row; a NISS (11), a birth date (8) or a NIHII (8 or 11)
 * does, so `IMPLANT_93051822361` is withheld too. A name in capitals (`PEETERS`) still
 * passes: the price of naming a mistyped field such as `CD_NOMEM`.
 */
const DIGIT_RUN = /\d{6}/;

/** Stands in for a field name that is not echoed. */
export const WITHHELD_FIELD = "(unknown field)";

export interface PublicIssue {
  field: string;
  code: string;
  severity: Issue["severity"];
  message: string;
}

/** Whether `name` may be echoed: a technical name, with `[n]` in a repeat block (`IMPLANT[2].X`). */
export function isTechnicalName(name: string): boolean {
  return name.split(".").every((part) => {
    const bare = part.replace(/\[\d{1,4}\]$/, "");
    return TECHNICAL_NAME.test(bare) && !DIGIT_RUN.test(bare);
  });
}

export function toPublicIssues(
  issues: readonly Issue[],
  locale: Locale,
  dcdId: string,
): PublicIssue[] {
  return issues.map(({ field, code, severity, message }) =>
    isTechnicalName(field)
      ? { field, code, severity, message }
      : {
          field: WITHHELD_FIELD,
          code,
          severity,
          message: formatMessage("unknown_field_withheld", locale, { dcd: dcdId }).detail,
        },
  );
}
