// THE HD4DP v2 S2S contract: the one place its paths, payloads and replies live, shared by
// the worker's client (hd4dp-client.ts) and the local emulator (scripts/hd4dp-emulator).
// When Healthdata's real contract is known, this file is the one to change; how HD4DP
// publishes a DCD's definition (what `spine-reg dcd pull` reads) is its sibling,
// shared-schema/src/s2s/hd4dp-definition-contract.ts, shared with the CLI.
//
// Known (domain.md §2): base URL https://<hd4dp-host>/proxy; the payload is a JSON object
// keyed by field technical names, code fields carrying the code-list item id;
// "STATUS": "draft" creates an Open record (HTTP 202, empty business key); without it the
// record is submitted (HTTP 202 with the business key); a sent record is corrected by
// resubmitting it complete with the same business key.
// ASSUMED (not published): the token endpoint (OAuth2 client credentials), the submit,
// correction and status paths, the reply bodies, the error body and the Idempotency-Key
// header. Everything marked ASSUMED below is such a guess.
// ASSUMED too: what the registry's business key is made of. dcd-spin-surg.md guesses
// IDC_PAT + D_SURG + CD_HPIN, i.e. a key that may contain the NISS in clear. The worker
// therefore treats the business key HD4DP returns as patient data: the outbox keeps it
// encrypted at rest (durable-objects/outbox.ts) and never logs it; it is decrypted only to
// build the correction and status URLs and to answer GET /v1/registrations/:id.
//
// Pure module (zod + shared-schema only): it runs in workerd and in Node.

import { z } from "zod";
import type { Dcd, DcdRecord } from "../../../shared-schema/src/dcd.ts";
import type { S2sCodeIds } from "../../../shared-schema/src/s2s/s2s-code-ids.ts";
import { toS2sPayload } from "../../../shared-schema/src/s2s/to-s2s-payload.ts";

// --- Token (ASSUMED: OAuth2 client credentials, RFC 6749 §4.4) -------------------------

/** `POST {REGISTRY_TOKEN_URL}`, form-encoded. */
export function tokenRequest(
  clientId: string,
  clientSecret: string,
): { method: "POST"; headers: Record<string, string>; body: string } {
  return {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Accept: "application/json",
    },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
    }).toString(),
  };
}

/** 200 reply of the token endpoint. */
export const TokenReplySchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().regex(/^bearer$/i),
  expires_in: z.number().int().positive(),
});
export type TokenReply = z.infer<typeof TokenReplySchema>;

/**
 * Whether a non-200 reply of the token endpoint refuses the worker's client credentials
 * (RFC 6749 §5.2: invalid_client is 401, a bad grant or an unauthorized client is 400):
 * retrying cannot fix that, only hospital IT can. 408, 429 and 5xx are transient.
 */
export function isTokenRefusal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** Renew a cached token this long before the registry says it expires. */
export const TOKEN_EXPIRY_MARGIN_MS = 30_000;

// --- Submit, correction, status (ASSUMED paths) ----------------------------------------

/** `POST` a new registration. */
export function submitPath(dcdId: string): string {
  return `/api/dcd/${encodeURIComponent(dcdId)}/registrations`;
}

/** `PUT` a correction of a registration already sent (same business key), or `GET` its status. */
export function registrationPath(dcdId: string, businessKey: string): string {
  return `${submitPath(dcdId)}/${encodeURIComponent(businessKey)}`;
}

/**
 * Headers of a submit or correction. `Idempotency-Key` (ASSUMED) is the outbox's
 * registration id: a retry after a lost reply carries the same key, so the registry (or
 * the emulator) answers the first result again instead of registering twice.
 */
export function submitHeaders(accessToken: string, registrationId: string): HeadersInit {
  return {
    Authorization: `Bearer ${accessToken}`,
    "Content-Type": "application/json",
    Accept: "application/json",
    "Idempotency-Key": registrationId,
  };
}

/**
 * The S2S body: technical names -> values (codes as the item ids of `ids`, which
 * shared-schema/src/s2s/s2s-code-ids-of.ts gives for the DCD), plus `"STATUS": "draft"`
 * for a draft.
 */
export function submitPayload(
  dcd: Dcd,
  ids: S2sCodeIds,
  record: DcdRecord,
  draft: boolean,
): Record<string, unknown> {
  const payload = toS2sPayload(dcd, record, ids);
  if (draft) return { ...payload, STATUS: "draft" };
  const { STATUS: _ignored, ...submitted } = payload;
  return submitted;
}

/** 202 reply of a submit or correction. A draft has businessKey "" and no registrationCode. */
export const SubmitReplySchema = z.object({
  businessKey: z.string(),
  registrationCode: z.string().min(1).optional(),
});
export type SubmitReply = z.infer<typeof SubmitReplySchema>;
export const SUBMIT_ACCEPTED_STATUS = 202;

/** 200 reply of the status read. */
export const StatusReplySchema = z.object({
  businessKey: z.string(),
  registrationCode: z.string().optional(),
  status: z.enum(["open", "sent", "deleted"]),
});
export type StatusReply = z.infer<typeof StatusReplySchema>;

/** Body of any 4xx/5xx reply (ASSUMED). */
export const ErrorReplySchema = z.object({ message: z.string() });

// --- Reading a reply --------------------------------------------------------------------

/** What the outbox does with a reply: the retry policy of issue 3 in one function. */
export type ReplyClass =
  | { kind: "accepted" }
  /**
   * 401: the token expired or was revoked; get a new one and try once more. A 401 with a
   * fresh token means the registry refuses the worker's credentials: the outbox retries a
   * bounded number of times (hospital IT may be rotating them), then fails.
   */
  | { kind: "unauthorized" }
  /** Transient: 429, 5xx, 408. */
  | { kind: "retry"; retryAfterMs?: number }
  /**
   * Permanent: any other 4xx, 403 included (issue 3: "other 4xx fail permanently, keeping
   * the registry's message"); the registry's message goes to the user.
   */
  | { kind: "rejected" };

export function classifyReply(status: number, headers: Headers): ReplyClass {
  if (status === SUBMIT_ACCEPTED_STATUS || status === 200) return { kind: "accepted" };
  if (status === 401) return { kind: "unauthorized" };
  if (status === 429 || status === 503) {
    const retryAfterMs = parseRetryAfter(headers.get("Retry-After"));
    return retryAfterMs === undefined ? { kind: "retry" } : { kind: "retry", retryAfterMs };
  }
  if (status >= 500 || status === 408) return { kind: "retry" };
  return { kind: "rejected" };
}

/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3), in ms from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The registry's error message, or a generic one when the body is not the expected JSON. */
export async function readErrorMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    const parsed = ErrorReplySchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data.message.slice(0, 1000);
  } catch {
    // not JSON: fall through
  }
  return `HD4DP answered HTTP ${response.status}`;
}
