// An expected failure: an HTTP status plus a message code from the catalogue, so the one
// onError in app.ts can answer problem+json (RFC 9457) in the caller's language.

import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { MessageParams } from "../../../shared-schema/src/i18n/format-message.ts";
import type { MessageCode } from "../i18n/messages.ts";

export interface ProblemOptions {
  params?: MessageParams;
  /** Extension members of the problem document, e.g. `issues` for a 422. */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export class ProblemError extends HTTPException {
  readonly code: MessageCode;
  readonly params: MessageParams;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(status: ContentfulStatusCode, code: MessageCode, options: ProblemOptions = {}) {
    // The message is the code, never user data: an uncaught one logs nothing sensitive.
    super(status, { message: code });
    this.code = code;
    this.params = options.params ?? {};
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }
}
