// THE HD4DP v2 S2S contract: the one place its paths, payloads and replies live, shared by
// the worker's client (hd4dp-client.ts), the outbox's decisions (outbox/next-delivery-state.ts),
// the local emulator (scripts/hd4dp-emulator) and `npm run contract-check`. When Healthdata's
// real contract is known, this file is the one to change; how HD4DP publishes a DCD's
// definition (what `spine-reg dcd pull` reads) is its sibling,
// shared-schema/src/s2s/hd4dp-definition-contract.ts, shared with the CLI.
//
// Published by Healthdata's S2S documentation (docs/domain.md, "S2S API"): the base URL
// https://<hd4dp-host>/proxy; `GET /api/organizations`;
// `POST /api/dcd/payload/submit?organization-id=&dcd-id=&dcd-version-id=&data-src-type=API`
// (results on success, error info on failure; the latest DCD version when none is given);
// `GET /api/dcd/submit?organization-id=&dcd-id=&dcd-version-id=&incl-submit-data=false&incl-submit-results=true`
// (the submitted records with their business keys or validation errors; with
// incl-submit-data=true, their data too). The payload is a
// JSON object keyed by field technical names, code fields carrying the code-list item id;
// "STATUS": "draft" creates an Open record (HTTP 202, empty business key); without it the
// record is submitted (HTTP 202 with the business key); a sent record is corrected by
// resubmitting it complete with the same business key.
// ASSUMED (not published): the token endpoint (OAuth2 client credentials), the correction
// call (PUT with the business key), every reply body, the error body and the
// Idempotency-Key header. Everything marked ASSUMED below is such a guess, and
// `npm run contract-check` compares each one with a real HD4DP.
// ASSUMED too: what the registry's business key is made of (IDC_PAT + D_SURG + CD_HPIN in
// our provisional DCD), i.e. a key that may contain the NISS in clear. The worker therefore
// treats the business key HD4DP returns as patient data: the outbox keeps it sealed at rest
// and never logs it.
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

/** Renew a cached token this long before the registry says it expires. */
export const TOKEN_EXPIRY_MARGIN_MS = 30_000;

// --- Organizations (published path, ASSUMED reply) --------------------------------------

export const ORGANIZATIONS_PATH = "/api/organizations";

/** The organizations (hospitals) this HD4DP serves; the worker needs the id of its own. */
export const OrganizationsReplySchema = z.array(
  z.looseObject({
    id: z.union([z.string().min(1), z.number().int()]).transform(String),
    name: z.string().optional(),
  }),
);
export type Organization = z.infer<typeof OrganizationsReplySchema>[number];

// --- Submit, correction (published submit path; ASSUMED correction) ---------------------

export interface SubmitTarget {
  organizationId: string;
  dcdId: string;
  /** The DCD version the record was validated with. */
  dcdVersion: string;
}

function query(entries: Record<string, string>): string {
  return new URLSearchParams(entries).toString();
}

/** `POST` a new registration, or a draft. */
export function submitPath(target: SubmitTarget): string {
  return `/api/dcd/payload/submit?${query({
    "organization-id": target.organizationId,
    "dcd-id": target.dcdId,
    "dcd-version-id": target.dcdVersion,
    "data-src-type": "API",
  })}`;
}

/**
 * `PUT` a correction of a registration already sent (ASSUMED: the submit path with the
 * registry's business key). A 404 means HD4DP no longer holds that key (withdrawn, or a
 * reinstalled HD4DP): the outbox then submits the record as new, once.
 */
export function correctionPath(target: SubmitTarget, businessKey: string): string {
  return `${submitPath(target)}&${query({ "business-key": businessKey })}`;
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

/** The HTTP statuses of an accepted submit or correction. */
export const SUBMIT_ACCEPTED_STATUSES: readonly number[] = [200, 201, 202];

/**
 * Accepted reply (ASSUMED): a draft has businessKey "" and no registrationCode; a
 * submission without a business key is not accepted (the outbox could never correct it).
 */
export const SubmitReplySchema = z.object({
  businessKey: z.string(),
  registrationCode: z.string().min(1).optional(),
});
export type SubmitReply = z.infer<typeof SubmitReplySchema>;

/**
 * The statuses at which HD4DP rejects THIS record (ASSUMED): only these, with a body of
 * {@link RecordRejectionSchema}, fail a registration. Any other refusal speaks about the
 * worker, its credentials or the network, and the records wait for hospital IT.
 */
export const RECORD_REJECTION_STATUSES: readonly number[] = [400, 422];

/** Error info of a refused submission (ASSUMED): the validation errors, by field. */
export const RecordRejectionSchema = z.object({
  errors: z
    .array(
      z.looseObject({
        field: z.string().optional(),
        code: z.string().optional(),
        message: z.string(),
      }),
    )
    .min(1),
});
export type RecordRejection = z.infer<typeof RecordRejectionSchema>;

// --- Submitted records (published path, ASSUMED reply) ----------------------------------

export interface SubmittedListTarget {
  organizationId: string;
  dcdId: string;
  /** Without it, every version (ASSUMED). */
  dcdVersion?: string;
  /**
   * With each record's field values (`incl-submit-data=true`): reconciliation matches acts
   * registered directly in HD4DP (manual entry, CSV upload) by their business key.
   */
  withData?: boolean;
}

/** `GET` the records submitted for a DCD, with their business keys or validation errors. */
export function submittedListPath(target: SubmittedListTarget): string {
  return `/api/dcd/submit?${query({
    "organization-id": target.organizationId,
    "dcd-id": target.dcdId,
    ...(target.dcdVersion === undefined ? {} : { "dcd-version-id": target.dcdVersion }),
    "incl-submit-data": target.withData === true ? "true" : "false",
    "incl-submit-results": "true",
  })}`;
}

export const SubmittedRecordSchema = z.looseObject({
  businessKey: z.string(),
  registrationCode: z.string().optional(),
  status: z.enum(["open", "sent", "deleted"]),
  dcdVersion: z.string().optional(),
  /** When it was last submitted (ISO 8601). */
  submittedAt: z.string().optional(),
  /** Validation errors of a submission HD4DP refused. */
  errors: RecordRejectionSchema.shape.errors.optional(),
  /**
   * With `incl-submit-data=true` (ASSUMED shape): the newest version's field values, keyed
   * by technical names as in an S2S submission. Patient data: read, never kept.
   */
  data: z.record(z.string(), z.unknown()).optional(),
});
export type SubmittedRecord = z.infer<typeof SubmittedRecordSchema>;

export const SubmittedListReplySchema = z.array(SubmittedRecordSchema);

// --- Errors and rate limits -------------------------------------------------------------

/** Body of any other 4xx/5xx reply (ASSUMED). */
export const ErrorReplySchema = z.object({ message: z.string() });

/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3), in ms from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The registry's error message, or a generic one when the body is not the expected JSON.
 * For people at a terminal (`spine-reg dcd pull`): the worker never keeps such a text in
 * clear, it may quote a record.
 */
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
