// /v1/registrations: submit a record of the DCD named in the body (default: the default
// DCD) to the hospital's outbox (202 once it is durably stored; the outbox relays it with
// that DCD version), read its delivery state, delete it before delivery.

import { createRoute, z } from "@hono/zod-openapi";
import {
  IdempotencyKeySchema,
  RegistrationAcceptedSchema,
  RegistrationRequestSchema,
  type RegistrationView,
  RegistrationViewSchema,
} from "../../../shared-schema/src/api/api-schemas.ts";
import { businessKeyOf } from "../../../shared-schema/src/business-key.ts";
import type { Locale } from "../../../shared-schema/src/dcd.ts";
import { selectDcd } from "../dcd/select-dcd.ts";
import { ProblemError } from "../errors/problem-error.ts";
import { toPublicIssues } from "../errors/to-public-issues.ts";
import { describeOutboxError } from "../i18n/describe-outbox-error.ts";
import { formatMessage } from "../i18n/messages.ts";
import { jsonBody } from "../middleware/json-body.ts";
import type { RegistrationRecordView } from "../outbox/outbox-views.ts";
import { submitPayload } from "../registry/hd4dp-contract.ts";
import {
  apiRouter,
  bodyErrors,
  commonErrors,
  jsonReply,
  jsonRequest,
  problem,
  rejectInvalidRequest,
  security,
  type ValidationResult,
} from "./api-router.ts";

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function outboxOf(env: Env, hospitalId: string) {
  return env.OUTBOX.get(env.OUTBOX.idFromName(hospitalId));
}

/** The outbox's view with its error in the caller's language. */
function toView(view: RegistrationRecordView, locale: Locale): RegistrationView {
  const { error, ...rest } = view;
  if (!error) return rest;
  const described = describeOutboxError(error, locale);
  return { ...rest, lastError: `${described.title}. ${described.detail}`, error: described };
}

const submitRoute = createRoute({
  method: "post",
  path: "/",
  security,
  middleware: [jsonBody()] as const,
  request: {
    headers: z.object({
      "idempotency-key": IdempotencyKeySchema.describe(
        "Same key + same body -> same id; same key + other body -> 409.",
      ),
    }),
    body: jsonRequest(RegistrationRequestSchema),
  },
  responses: {
    202: jsonReply(RegistrationAcceptedSchema, "Stored in the outbox"),
    409: problem("Idempotency-Key reused with another body"),
    ...commonErrors,
    ...bodyErrors,
    400: problem("Malformed JSON, or no Idempotency-Key header"),
  },
});

const idParams = z.object({ id: z.string().describe("The id POST answered with.") });

const readRoute = createRoute({
  method: "get",
  path: "/{id}",
  security,
  description:
    "The delivery state. For a delivered registration, asks HD4DP (at most once a minute) whether it was withdrawn there.",
  request: { params: idParams },
  responses: {
    200: jsonReply(RegistrationViewSchema),
    404: problem("No such registration for this hospital"),
    ...commonErrors,
  },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/{id}",
  security,
  description:
    "Deletes a registration not delivered yet. Once delivered: 409 (corrections and withdrawals go through the registry).",
  request: { params: idParams },
  responses: {
    200: jsonReply(RegistrationViewSchema),
    404: problem("No such registration for this hospital"),
    409: problem("Already delivered, or being delivered"),
    ...commonErrors,
  },
});

// The Idempotency-Key is checked before the body, and its absence is a 400 of its own.
function keyFirst(result: ValidationResult): undefined {
  if (!result.success && result.target === "header") {
    throw new ProblemError(400, "idempotency_key_missing");
  }
  return rejectInvalidRequest(result);
}

export const registrations = apiRouter()
  .openapi(
    submitRoute,
    async (c) => {
      const key = c.req.valid("header")["idempotency-key"];
      const body = c.req.valid("json");
      const draft = body.status === "draft";
      const configured = selectDcd(c, body, 422);
      const { dcd } = configured;
      // A DCD without S2S item ids is a configuration mistake (500 naming the fix), whatever
      // the record.
      const ids = configured.s2sCodeIds();
      const dcdParams = { dcd: dcd.id };
      const result = configured.compiled().validate(body.record, { locale: c.var.locale, draft });
      if (!result.valid || !result.record) {
        throw new ProblemError(422, "record_invalid", {
          params: dcdParams,
          extensions: { issues: toPublicIssues(result.issues, c.var.locale, dcd.id) },
        });
      }
      try {
        // Refuse now what the outbox could never send, rather than fail it later.
        submitPayload(dcd, ids, result.record, draft);
      } catch {
        throw new ProblemError(422, "record_invalid", {
          params: dcdParams,
          extensions: {
            issues: [
              {
                field: "(record)",
                code: "s2s_unencodable",
                severity: "error",
                message: formatMessage("record_unencodable", c.var.locale).detail,
              },
            ],
          },
        });
      }
      const enqueued = await outboxOf(c.env, c.var.hospitalId).enqueue({
        idempotencyKey: key,
        body,
        dcdId: dcd.id,
        dcdVersion: dcd.version,
        record: result.record,
        draft,
        businessKey: draft ? null : businessKeyOf(dcd, result.record),
      });
      if (enqueued.outcome === "conflict") throw new ProblemError(409, "idempotency_conflict");
      if (enqueued.outcome === "queue_full") {
        throw new ProblemError(429, "queue_full", {
          params: { queued: enqueued.queued },
          headers: { "Retry-After": "60" },
        });
      }
      const { id, state } = enqueued;
      c.header("Location", `/v1/registrations/${id}`);
      return c.json({ id, state }, 202);
    },
    keyFirst,
  )
  .openapi(readRoute, async (c) => {
    const id = c.req.param("id");
    const view = ID.test(id) ? await outboxOf(c.env, c.var.hospitalId).read(id) : null;
    if (!view)
      throw new ProblemError(404, "registration_not_found", { params: { id: id.slice(0, 40) } });
    return c.json(toView(view, c.var.locale), 200);
  })
  .openapi(deleteRoute, async (c) => {
    const id = c.req.param("id");
    const params = { id: id.slice(0, 40) };
    if (!ID.test(id)) throw new ProblemError(404, "registration_not_found", { params });
    const removed = await outboxOf(c.env, c.var.hospitalId).remove(id);
    switch (removed.outcome) {
      case "not_found":
        throw new ProblemError(404, "registration_not_found", { params });
      case "in_progress":
        throw new ProblemError(409, "delivery_in_progress", {
          params,
          headers: { "Retry-After": "5" },
        });
      case "delivered":
        throw new ProblemError(409, "registration_delivered", {
          params: { ...params, state: removed.view.state },
          extensions: { registration: toView(removed.view, c.var.locale) },
        });
      case "deleted":
        return c.json(toView(removed.view, c.var.locale), 200);
    }
  });
