// The outbox's delivery policy as a pure function: from one attempt's outcome (what HD4DP,
// or the network, answered), the registration and the clock, it decides what happens next.
// The Durable Object only carries the decision out (SQL, crypto, fetch), so every fault a
// hospital meets can be played here without workerd (test/worker/outbox/).
//
// The rule behind it: a registration fails only when HD4DP rejects THAT record (the
// contract's validation error). Everything else is about the hospital, not the record:
// refused credentials, a 403, a missing API, a redirect, an unreadable reply, a DNS or TLS
// failure. Those pause the whole outbox in a "needs IT" state that says what to fix; the
// records stay queued, one probe goes out now and then, and all go once it is fixed.
// Transient faults (5xx, timeouts, lost connections) retry the one record with backoff;
// rate limits (429, 503 with Retry-After) pause the outbox for as long as asked, capped.

import {
  OrganizationsReplySchema,
  parseRetryAfter,
  RECORD_REJECTION_STATUSES,
  RecordRejectionSchema,
  SUBMIT_ACCEPTED_STATUSES,
  SubmitReplySchema,
} from "../registry/hd4dp-contract.ts";
import { backoffDelay } from "./backoff-delay.ts";

/** The call an outcome answers: the token, the organization lookup, a submit or a correction. */
export type Stage = "token" | "organizations" | "submit" | "correction";

export type AttemptOutcome =
  | {
      kind: "reply";
      stage: Stage;
      status: number;
      /** Header names in lower case. */
      headers: Readonly<Record<string, string>>;
      body: string;
    }
  | { kind: "timeout"; stage: Stage }
  /** No HTTP reply: `dns` and `tls` need IT, a lost `connection` is transient. */
  | { kind: "network"; stage: Stage; cause: "dns" | "tls" | "connection" };

/** Codes of the delivery errors; their words live in the worker's catalogue. */
export type DeliveryErrorCode =
  | "registry_error"
  | "registry_timeout"
  | "registry_connection"
  | "rate_limited"
  | "credentials_refused"
  | "forbidden"
  | "api_not_found"
  | "redirected"
  | "reply_unreadable"
  | "empty_business_key"
  | "registry_refused"
  | "registry_dns"
  | "registry_tls"
  | "organization_unknown"
  | "registry_rejected";

/** Parameters are data-free by construction: stages, statuses, counts, an origin, field names. */
export type DeliveryErrorParams = Record<string, string | number>;

export interface DeliveryError {
  code: DeliveryErrorCode;
  params: DeliveryErrorParams;
}

export interface DeliveryPolicy {
  retryBaseMs: number;
  retryMaxMs: number;
  /** A Retry-After longer than this is read as this: one reply must not stop a hospital for a year. */
  retryAfterMaxMs: number;
}

/** Longest wait between two probes while the outbox needs IT: once fixed, records flow within it. */
export const NEEDS_IT_PROBE_MAX_MS = 60_000;

export interface DeliveryContext {
  now: number;
  /** This attempt's number for the record, from 1. */
  attempts: number;
  draft: boolean;
  /** Hospital-wide failures in a row before this one (0 when the last call succeeded). */
  pauseCount: number;
  policy: DeliveryPolicy;
  random: () => number;
}

export type Decision =
  | {
      kind: "delivered";
      state: "open" | "sent";
      /** null for a draft (HD4DP gives Open records no business key). */
      businessKey: string | null;
      registrationCode?: string;
    }
  /** This record only: try it again at `at`. */
  | { kind: "retry"; at: number; error: DeliveryError }
  /** The whole outbox waits until `until`; this record goes again then, nothing fails. */
  | { kind: "pause"; until: number; needsIt: boolean; error: DeliveryError }
  /** HD4DP rejected this record; `detail` is its own words, which may quote the record. */
  | { kind: "failed"; error: DeliveryError; detail: string }
  /** A correction of a business key HD4DP no longer holds: submit the record as new, once. */
  | { kind: "resubmit" };

export function nextDeliveryState(outcome: AttemptOutcome, context: DeliveryContext): Decision {
  const { stage } = outcome;
  if (outcome.kind === "timeout") return retry(context, "registry_timeout", { stage });
  if (outcome.kind === "network") {
    if (outcome.cause === "connection") return retry(context, "registry_connection", { stage });
    return needsIt(context, outcome.cause === "dns" ? "registry_dns" : "registry_tls", { stage });
  }
  const { status, headers, body } = outcome;
  const params = { stage, status };
  if (status >= 200 && status < 300) return readSuccess(outcome.stage, status, body, context);
  if (status >= 300 && status < 400) {
    return needsIt(context, "redirected", { ...params, location: originOf(headers.location) });
  }
  if (status === 429 || (status === 503 && headers["retry-after"] !== undefined)) {
    return rateLimited(context, params, headers["retry-after"]);
  }
  if (status >= 500 || status === 408) return retry(context, "registry_error", params);
  // RFC 6749 §5.2: a token endpoint refuses client credentials with 400 or 401. A 403 is
  // someone else's refusal (Cloudflare Access, a firewall), whatever the stage.
  if (status === 401 || (stage === "token" && status === 400)) {
    return needsIt(context, "credentials_refused", params);
  }
  if (status === 403) return needsIt(context, "forbidden", params);
  if (status === 404 && stage === "correction") return { kind: "resubmit" };
  if (status === 404 || status === 405) return needsIt(context, "api_not_found", params);
  if (
    (stage === "submit" || stage === "correction") &&
    RECORD_REJECTION_STATUSES.includes(status)
  ) {
    const rejection = RecordRejectionSchema.safeParse(parseJson(body));
    if (rejection.success) {
      const { errors } = rejection.data;
      return {
        kind: "failed",
        error: { code: "registry_rejected", params: { ...params, fields: fieldNames(errors) } },
        detail: errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join("\n"),
      };
    }
  }
  return needsIt(context, "registry_refused", params);
}

function readSuccess(
  stage: Stage,
  status: number,
  body: string,
  context: DeliveryContext,
): Decision {
  const params = { stage, status };
  // The client goes on by itself after a token it could read: only an unreadable one is here.
  if (stage === "token") return needsIt(context, "reply_unreadable", params);
  const json = parseJson(body);
  if (stage === "organizations") {
    const organizations = OrganizationsReplySchema.safeParse(json);
    if (!organizations.success) return needsIt(context, "reply_unreadable", params);
    return needsIt(context, "organization_unknown", { count: organizations.data.length });
  }
  const reply = SubmitReplySchema.safeParse(json);
  // Accepted but unreadable (a proxy's HTML page, a changed contract): nothing says where
  // the record is. Retrying is safe (the Idempotency-Key makes HD4DP answer the same
  // registration again), but only IT can make the reply readable.
  if (!SUBMIT_ACCEPTED_STATUSES.includes(status) || !reply.success) {
    return needsIt(context, "reply_unreadable", params);
  }
  const businessKey = reply.data.businessKey.trim();
  if (context.draft) {
    return {
      kind: "delivered",
      state: "open",
      businessKey: businessKey === "" ? null : businessKey,
      ...optionalCode(reply.data.registrationCode),
    };
  }
  // A submission without a business key could never be corrected nor looked up: not sent.
  if (businessKey === "") return needsIt(context, "empty_business_key", params);
  return {
    kind: "delivered",
    state: "sent",
    businessKey,
    ...optionalCode(reply.data.registrationCode),
  };
}

function optionalCode(code: string | undefined): { registrationCode?: string } {
  return code === undefined ? {} : { registrationCode: code };
}

function retry(
  context: DeliveryContext,
  code: DeliveryErrorCode,
  params: DeliveryErrorParams,
): Decision {
  const delay = backoffDelay(
    context.attempts,
    { baseMs: context.policy.retryBaseMs, maxMs: context.policy.retryMaxMs },
    context.random,
  );
  return { kind: "retry", at: context.now + delay, error: { code, params } };
}

function rateLimited(
  context: DeliveryContext,
  params: DeliveryErrorParams,
  retryAfter: string | undefined,
): Decision {
  const asked = parseRetryAfter(retryAfter ?? null, context.now);
  const waitMs =
    asked === undefined ? probeDelay(context) : Math.min(asked, context.policy.retryAfterMaxMs);
  return {
    kind: "pause",
    until: context.now + waitMs,
    needsIt: false,
    error: { code: "rate_limited", params: { ...params, seconds: Math.ceil(waitMs / 1000) } },
  };
}

function needsIt(
  context: DeliveryContext,
  code: DeliveryErrorCode,
  params: DeliveryErrorParams,
): Decision {
  return {
    kind: "pause",
    until: context.now + probeDelay(context),
    needsIt: true,
    error: { code, params },
  };
}

/** Doubling from the retry base, at most a minute: few calls while broken, quick once fixed. */
function probeDelay(context: DeliveryContext): number {
  const { retryBaseMs, retryMaxMs } = context.policy;
  const ceiling = Math.min(retryMaxMs, NEEDS_IT_PROBE_MAX_MS);
  return Math.min(ceiling, retryBaseMs * 2 ** Math.min(context.pauseCount, 30));
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** The origin a redirect points to (no path: it could carry anything), or "?" when unreadable. */
function originOf(location: string | undefined): string {
  try {
    return location === undefined ? "?" : new URL(location).origin;
  } catch {
    return "?";
  }
}

/** The technical names of the rejected fields; anything else HD4DP wrote is dropped. */
function fieldNames(errors: { field?: string | undefined }[]): string {
  const names = errors
    .map((e) => e.field?.trim() ?? "")
    .filter((name) => /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(name));
  return [...new Set(names)].join(", ");
}
