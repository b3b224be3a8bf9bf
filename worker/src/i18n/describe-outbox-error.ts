// An outbox error (a code with data-free parameters) in the caller's language, for the
// registration view and the health details. HD4DP's own words about a rejected record come
// along for the one caller allowed to see the record.

import type { Locale } from "../../../shared-schema/src/dcd.ts";
import type { OutboxError } from "../outbox/outbox-views.ts";
import { formatMessage } from "./messages.ts";

export interface DescribedError {
  code: string;
  title: string;
  detail: string;
  registryMessage?: string;
}

export function describeOutboxError(error: OutboxError, locale: Locale): DescribedError {
  // A rejection naming no field still reads as a sentence.
  const params = { ...error.params, fields: error.params.fields || "–" };
  const { title, detail } = formatMessage(`delivery_${error.code}`, locale, params);
  return {
    code: error.code,
    title,
    detail,
    ...(error.detail === undefined ? {} : { registryMessage: error.detail }),
  };
}
