// Builds an application/problem+json response (RFC 9457). `type` is a stable URN per
// message code, so clients can branch on it without parsing the translated text.

import type { Locale } from "../../../shared-schema/src/dcd.ts";
import type { MessageParams } from "../../../shared-schema/src/i18n/format-message.ts";
import { formatMessage, type MessageCode } from "../i18n/messages.ts";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export function problemResponse(
  status: number,
  code: MessageCode,
  locale: Locale,
  options: {
    params?: MessageParams;
    extensions?: Record<string, unknown>;
    headers?: Record<string, string>;
  } = {},
): Response {
  const { title, detail } = formatMessage(code, locale, options.params);
  const body = {
    type: `urn:spine-reg:problem:${code}`,
    title,
    status,
    detail,
    ...options.extensions,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "Content-Type": PROBLEM_CONTENT_TYPE,
      "Content-Language": locale,
      ...options.headers,
    },
  });
}
