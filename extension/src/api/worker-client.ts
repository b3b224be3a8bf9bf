import { z } from "zod";
import type { DcdRecord } from "../../../shared-schema/src/dcd.ts";

// The one module that talks to the worker (issue 3). Replies are parsed, never trusted:
// a worker of another version must fail here with a clear message, not deep in the UI.
// Loose objects: a newer worker may add fields.

const DecisionSchema = z.enum(["required", "exempt", "not_in_scope", "unknown"]);
export const EligibilityReplySchema = z.looseObject({
  decisions: z.array(
    z.looseObject({
      code: z.string(),
      decision: DecisionSchema,
      reason: z.string(),
      reasonCode: z.string(),
    }),
  ),
});
export type EligibilityReply = z.infer<typeof EligibilityReplySchema>;

const IssueSchema = z.looseObject({
  field: z.string(),
  code: z.string(),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
});
export type WorkerIssue = z.infer<typeof IssueSchema>;

export const ValidateReplySchema = z.looseObject({
  valid: z.boolean(),
  issues: z.array(IssueSchema),
});

export const RegistrationStateSchema = z.enum(["queued", "open", "sent", "failed", "deleted"]);
export type RegistrationState = z.infer<typeof RegistrationStateSchema>;

export const RegistrationAcceptedSchema = z.looseObject({
  id: z.string(),
  state: RegistrationStateSchema,
});

export const RegistrationViewSchema = z.looseObject({
  id: z.string(),
  state: RegistrationStateSchema,
  businessKey: z.string().optional(),
  registrationCode: z.string().optional(),
  attempts: z.number().optional(),
  lastError: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type RegistrationView = z.infer<typeof RegistrationViewSchema>;

const ProblemSchema = z.looseObject({
  title: z.string().optional(),
  detail: z.string().optional(),
  status: z.number().optional(),
  issues: z.array(IssueSchema).optional(),
  registration: RegistrationViewSchema.optional(),
});

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

  async function call<T>(
    method: string,
    path: string,
    schema: z.ZodType<T>,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: "application/json, application/problem+json",
          "accept-language": locale,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
        // Never send the EHR's cookies or credentials anywhere.
        credentials: "omit",
      });
    } catch (error) {
      throw new WorkerUnreachableError(error);
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const problem = ProblemSchema.safeParse(json);
      const data = problem.success ? problem.data : {};
      throw new WorkerError(
        response.status,
        data.detail ?? data.title ?? `HTTP ${response.status}`,
        data.issues ?? [],
        data.registration,
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new WorkerError(
        response.status,
        `Unexpected reply from the worker for ${method} ${path}`,
      );
    }
    return parsed.data;
  }

  return {
    eligibility: (codes: string[], date?: string) =>
      call("POST", "/v1/eligibility", EligibilityReplySchema, { codes, ...(date ? { date } : {}) }),
    validate: (record: DcdRecord, status?: "draft") =>
      call("POST", "/v1/validate", ValidateReplySchema, { record, ...(status ? { status } : {}) }),
    register: (record: DcdRecord, status: "draft" | "submit", idempotencyKey: string) =>
      call(
        "POST",
        "/v1/registrations",
        RegistrationAcceptedSchema,
        { record, status },
        {
          "idempotency-key": idempotencyKey,
        },
      ),
    getRegistration: (id: string) =>
      call("GET", `/v1/registrations/${encodeURIComponent(id)}`, RegistrationViewSchema),
    deleteRegistration: (id: string) =>
      call("DELETE", `/v1/registrations/${encodeURIComponent(id)}`, RegistrationViewSchema),
  };
}
