// The worker's API, request and reply shapes: the worker's routes are defined with them
// (@hono/zod-openapi: they validate requests, type replies and make /openapi.json), and the
// extension parses every reply with them, so neither side can drift from the other. Replies
// are z.object: a key a newer worker adds is dropped, not an error. Records themselves are
// checked by the compiled DCD (compile-dcd.ts), not here.

import { z } from "zod";

/** Which configured DCD a request is about (GET /v1/dcds); both optional. */
const dcdSelector = {
  dcd: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, "a DCD id, e.g. SPIN_SURG")
    .optional()
    .describe("The DCD id; default: the worker's default DCD."),
  version: z
    .string()
    .regex(/^\d{1,4}\.\d{1,4}\.\d{1,4}$/, "a semantic version, e.g. 0.1.0")
    .optional()
    .describe("Its version; default: the default DCD's, or the newest configured one."),
};

/** The query of GET /v1/dcd. Other query parameters are ignored. */
export const DcdSelectorSchema = z.object(dcdSelector);

const RecordObjectSchema = z
  .record(z.string(), z.unknown())
  .describe("A DCD record: field technical name -> value (see GET /v1/dcd).");

export const EligibilityRequestSchema = z.strictObject({
  codes: z.array(z.string().max(20)).min(1).max(200),
  article: z
    .string()
    .max(20)
    .optional()
    .describe("The nomenclature article, when the caller knows it."),
  date: z.iso.date().optional().describe("Date of the act (YYYY-MM-DD); default today."),
});

export const EligibilityReplySchema = z.object({
  decisions: z.array(
    z.object({
      code: z.string(),
      decision: z.enum(["required", "exempt", "not_in_scope", "unknown"]),
      reason: z.string(),
      reasonCode: z.string(),
    }),
  ),
});

export const ValidateRequestSchema = z.strictObject({
  ...dcdSelector,
  record: RecordObjectSchema,
  status: z.literal("draft").optional(),
});

/** No `params`: they may quote a field's value (errors/to-public-issues.ts). */
export const IssueSchema = z.object({
  field: z
    .string()
    .describe("Technical field name, or '(unknown field)' for a key not echoed back."),
  code: z.string(),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
});

export const ValidateReplySchema = z.object({
  valid: z.boolean(),
  issues: z.array(IssueSchema),
});

export const RegistrationRequestSchema = z.strictObject({
  ...dcdSelector,
  record: RecordObjectSchema,
  status: z.enum(["draft", "submit"]),
});

export const IdempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,200}$/, "1 to 200 visible ASCII characters");

export const RegistrationStateSchema = z.enum(["queued", "open", "sent", "failed", "deleted"]);
export type RegistrationState = z.infer<typeof RegistrationStateSchema>;

export const RegistrationAcceptedSchema = z.object({
  id: z.string(),
  state: RegistrationStateSchema,
});

export const DescribedErrorSchema = z.object({
  code: z.string(),
  title: z.string(),
  detail: z.string(),
  registryMessage: z.string().optional().describe("HD4DP's own words about a rejected record."),
});

export const RegistrationViewSchema = z.object({
  id: z.string(),
  state: RegistrationStateSchema,
  status: z.enum(["draft", "submit"]),
  businessKey: z.string().optional().describe("The registry's business key, from its reply."),
  registrationCode: z.string().optional(),
  attempts: z.number().int(),
  lastError: z.string().optional().describe("error.title and error.detail in one sentence."),
  error: DescribedErrorSchema.optional().describe(
    "Why the registration failed, or why it still waits, in the caller's language.",
  ),
  history: z.array(z.object({ at: z.iso.datetime(), event: z.string() })),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type RegistrationView = z.infer<typeof RegistrationViewSchema>;

export const ExportRequestSchema = z.strictObject({
  ...dcdSelector,
  records: z.array(RecordObjectSchema).min(1).max(1000),
});

export const DcdListReplySchema = z.object({
  dcds: z.array(
    z.object({
      id: z.string(),
      version: z.string(),
      label: z.string().describe("In the caller's language."),
      default: z.boolean().describe("Used when a request names no DCD."),
      s2s: z
        .boolean()
        .describe("Its registrations can be relayed to HD4DP (every code has an item id)."),
    }),
  ),
});

/**
 * The hospital's outbox (GET /healthz with a token). Dates are ISO date-times: the
 * extension's popup formats them.
 */
export const OutboxHealthSchema = z.object({
  queued: z.int(),
  failed: z.int(),
  needsIt: z
    .object({
      ...DescribedErrorSchema.shape,
      since: z.iso.datetime(),
      nextProbeAt: z.iso.datetime(),
    })
    .nullable()
    .describe("HD4DP refuses the hospital (credentials, access...): deliveries wait for IT."),
  rateLimitedUntil: z.iso
    .datetime()
    .nullable()
    .describe("HD4DP asked the worker to slow down: deliveries resume by themselves then."),
  waiting: z
    .object({ dcdUnavailable: z.int(), keyMissing: z.int() })
    .describe("Queued registrations waiting for what only IT can configure on the worker."),
  sealedWithOldKeys: z
    .int()
    .describe("Values still sealed with a key other than the current one (key rotation)."),
});
export type OutboxHealth = z.infer<typeof OutboxHealthSchema>;

export const HealthReplySchema = z.object({
  status: z.literal("ok"),
  dcdVersion: z.string(),
  outbox: OutboxHealthSchema.optional().describe("With an API token: that hospital's outbox."),
});

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  issues: z
    .array(
      z.object({
        field: z.string(),
        code: z.string(),
        severity: z.enum(["error", "warning"]),
        message: z.string(),
        record: z.number().int().optional(),
      }),
    )
    .optional(),
  configured: z
    .array(z.object({ id: z.string(), version: z.string(), default: z.boolean() }))
    .optional()
    .describe("With an unknown DCD: the DCDs this worker has."),
  registration: RegistrationViewSchema.optional().describe(
    "DELETE of a delivered registration (409): its state.",
  ),
});

/** Acts per POST /v1/reconciliation: a billing file is sent in parts of this size. */
export const MAX_RECONCILED_ACTS = 5000;

const actText = (max: number, description: string) =>
  z.string().max(max).default("").describe(description);

/** A billed act, each value as the billing writes it: the worker checks and normalizes it. */
export const BilledActSchema = z.strictObject({
  niss: actText(40, "The patient's NISS (with or without separators); empty: no NISS."),
  date: actText(40, "Date of the act: YYYY-MM-DD, DD/MM/YYYY, DD.MM.YYYY or YYYYMMDD."),
  code: actText(40, "The nomenclature code (6 digits)."),
  nihii: actText(40, "The NIHII number of the provider who billed it."),
  lastName: actText(200, "Without a NISS: the patient's last name."),
  firstName: actText(200, "Without a NISS: the patient's first name."),
  birthDate: actText(40, "Without a NISS: the patient's birth date."),
});

const actList = z.array(BilledActSchema).min(1).max(MAX_RECONCILED_ACTS);

export const ReconciliationRequestSchema = z.union([
  actList,
  z.strictObject({ ...dcdSelector, acts: actList }),
]);

export const ReconciliationStatusSchema = z.enum([
  "registered",
  "queued",
  "draft",
  "failed",
  "missing",
  "not_required",
  "invalid",
]);
export type ReconciliationStatus = z.infer<typeof ReconciliationStatusSchema>;

export const ReconciledActSchema = z.object({
  row: z.int().describe("1-based position of the act in the list (or data row of the CSV)."),
  line: z.int().optional().describe("CSV: the line where the row starts."),
  code: z.string().optional().describe("The 6-digit code, when it is one."),
  date: z.iso.date().optional().describe("The date of the act, when it is a date."),
  decision: z
    .enum(["required", "exempt", "not_in_scope", "unknown"])
    .optional()
    .describe("Eligibility of the code on the date; absent when either is invalid."),
  status: ReconciliationStatusSchema,
  registrationCode: z.string().optional(),
  registeredAt: z.iso.datetime({ offset: true }).optional(),
  reason: z
    .string()
    .optional()
    .describe("failed: the outbox error code; invalid: the first problem's code."),
  reasonText: z.string().optional().describe("failed: why, in the caller's language."),
  problems: z
    .array(z.object({ field: z.string(), code: z.string(), message: z.string() }))
    .optional()
    .describe("invalid: each value that is wrong (niss, date, code, nihii, ...), and why."),
});
export type ReconciledAct = z.infer<typeof ReconciledActSchema>;

export const ReconciliationReplySchema = z.object({
  dcd: z.object({ id: z.string(), version: z.string() }),
  registry: z
    .enum(["read", "unavailable"])
    .describe("unavailable: HD4DP's list could not be read; acts registered there show missing."),
  counts: z.record(ReconciliationStatusSchema, z.int()),
  acts: z.array(ReconciledActSchema),
});
export type ReconciliationReply = z.infer<typeof ReconciliationReplySchema>;
