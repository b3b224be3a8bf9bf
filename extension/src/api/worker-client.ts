import type { z } from "zod";
import {
  EligibilityReplySchema,
  HealthReplySchema,
  type IssueSchema,
  type OutboxHealth,
  ProblemSchema,
  type ReconciliationReply,
  ReconciliationReplySchema,
  RegistrationAcceptedSchema,
  type RegistrationState,
  type RegistrationView,
  RegistrationViewSchema,
  ValidateReplySchema,
} from "../../../shared-schema/src/api/api-schemas.ts";
import type { BilledAct } from "../../../shared-schema/src/billed-act-fields.ts";
import type { DcdRecord } from "../../../shared-schema/src/dcd.ts";
import type { DcdRef } from "../dcd/dcd-delivery.ts";
import type { DcdSetting } from "../settings/settings.ts";

// The one module that talks to the worker. Replies are parsed, never trusted, with the
// schemas the worker's routes are defined with (api-schemas.ts): a worker of another version
// fails here with a clear message, not deep in the UI.

export type EligibilityReply = z.infer<typeof EligibilityReplySchema>;
export type WorkerIssue = z.infer<typeof IssueSchema>;
export type { OutboxHealth, ReconciliationReply, RegistrationState, RegistrationView };
export type ActRegistration = ReconciliationReply["acts"][number];

/** GET /healthz with the token: the hospital's outbox is in the reply. */
const HealthWithOutboxSchema = HealthReplySchema.required({ outbox: true });

/** A reply of the worker other than success: its problem+json body, parsed. */
export class WorkerError extends Error {
  readonly status: number;
  readonly issues: WorkerIssue[];
  readonly registration?: RegistrationView;
  constructor(
    status: number,
    detail: string,
    issues: WorkerIssue[] = [],
    registration?: RegistrationView,
  ) {
    super(detail);
    this.name = "WorkerError";
    this.status = status;
    this.issues = issues;
    if (registration) this.registration = registration;
  }
}

/** The worker could not be reached (network down, DNS, CORS refused, timeout). */
export class WorkerUnreachableError extends Error {
  constructor(cause: unknown) {
    super("worker unreachable", { cause });
    this.name = "WorkerUnreachableError";
  }
}

/** A worker reply other than success, from its problem+json body. */
function problemOf(status: number, json: unknown): WorkerError {
  // Partial: a proxy in front of the worker may answer with less than a problem.
  const problem = ProblemSchema.partial().safeParse(json);
  const data = problem.success ? problem.data : {};
  return new WorkerError(
    status,
    data.detail ?? data.title ?? `HTTP ${status}`,
    data.issues ?? [],
    data.registration,
  );
}

/**
 * The form waits for the DCD when it opens: a worker that hangs must not hold it longer than
 * this (the cached or bundled copy is used instead).
 */
const DCD_TIMEOUT_MS = 5_000;

export type DcdReply = { notModified: true } | { notModified: false; json: unknown; etag?: string };

export interface WorkerClientOptions {
  baseUrl: string;
  token: string;
  /** Language of the worker's messages (Accept-Language). */
  locale: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export type WorkerClient = ReturnType<typeof createWorkerClient>;

export function createWorkerClient({
  baseUrl,
  token,
  locale,
  fetch: fetchImpl = fetch,
  timeoutMs = 15_000,
}: WorkerClientOptions) {
  const base = baseUrl.replace(/\/+$/, "");

  async function send(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    timeout = timeoutMs,
  ): Promise<Response> {
    try {
      return await fetchImpl(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: "application/json, application/problem+json",
          "accept-language": locale,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeout),
        // Never send the EHR's cookies or credentials anywhere.
        credentials: "omit",
      });
    } catch (error) {
      throw new WorkerUnreachableError(error);
    }
  }

  async function call<T>(
    method: string,
    path: string,
    schema: z.ZodType<T>,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const response = await send(method, path, body, headers);
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw problemOf(response.status, json);
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new WorkerError(
        response.status,
        `Unexpected reply from the worker for ${method} ${path}`,
      );
    }
    return parsed.data;
  }

  /**
   * The DCD the worker serves (`selection` picks another one, or pins a version). With the
   * ETag of a cached copy, a 304 says that copy is still current. The body is returned as
   * JSON: the caller checks it is a usable DCD (parseDcd), and keeps its cache otherwise.
   */
  async function dcd(selection: DcdSetting, etag?: string): Promise<DcdReply> {
    const query = new URLSearchParams({ dcd: selection.id });
    if (selection.version) query.set("version", selection.version);
    const path = `/v1/dcd?${query}`;
    const headers: Record<string, string> = etag ? { "if-none-match": etag } : {};
    const response = await send(
      "GET",
      path,
      undefined,
      headers,
      Math.min(timeoutMs, DCD_TIMEOUT_MS),
    );
    if (response.status === 304) return { notModified: true };
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw problemOf(response.status, json);
    const newEtag = response.headers.get("etag");
    return { notModified: false, json, ...(newEtag ? { etag: newEtag } : {}) };
  }

  return {
    dcd,
    eligibility: (codes: string[], date?: string) =>
      call("POST", "/v1/eligibility", EligibilityReplySchema, { codes, ...(date ? { date } : {}) }),
    validate: (record: DcdRecord, status?: "draft") =>
      call("POST", "/v1/validate", ValidateReplySchema, { record, ...(status ? { status } : {}) }),
    /** Validated by the worker with the DCD the form used (`dcd`), not its default one. */
    register: (
      dcd: DcdRef,
      record: DcdRecord,
      status: "draft" | "submit",
      idempotencyKey: string,
    ) =>
      call(
        "POST",
        "/v1/registrations",
        RegistrationAcceptedSchema,
        { dcd: dcd.id, version: dcd.version, record, status },
        { "idempotency-key": idempotencyKey },
      ),
    /** Whether the acts are registered, by business key (the DCD names the key's fields). */
    reconcile: (dcd: DcdRef, acts: BilledAct[]) =>
      call("POST", "/v1/reconciliation", ReconciliationReplySchema, {
        dcd: dcd.id,
        version: dcd.version,
        acts,
      }),
    getRegistration: (id: string) =>
      call("GET", `/v1/registrations/${encodeURIComponent(id)}`, RegistrationViewSchema),
    deleteRegistration: (id: string) =>
      call("DELETE", `/v1/registrations/${encodeURIComponent(id)}`, RegistrationViewSchema),
    /** With the token, the health answer tells the state of this hospital's outbox. */
    health: () => call("GET", "/healthz", HealthWithOutboxSchema),
  };
}
