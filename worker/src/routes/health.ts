// GET /healthz: liveness for load balancers and `npm start`, with no auth and no patient
// data; it answers only once the configuration and the DCD files are usable. With an API
// token it adds the hospital's outbox: how many registrations wait or failed, and a "needs
// IT" state saying what to fix (in the caller's language), which the extension's popup and
// options page show and hospital IT can poll.

import { createRoute } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { HealthReplySchema } from "../../../shared-schema/src/api/api-schemas.ts";
import type { AppEnv } from "../app-env.ts";
import { describeOutboxError } from "../i18n/describe-outbox-error.ts";
import { requireAuth } from "../middleware/require-auth.ts";
import { apiRouter, commonErrors, jsonReply, problem } from "./api-router.ts";

const authIfGiven: MiddlewareHandler<AppEnv> = async (c, next) =>
  c.req.header("Authorization") === undefined ? next() : requireAuth(c, next);

const route = createRoute({
  method: "get",
  path: "/",
  description: "Liveness; with an API token (optional here), that hospital's outbox too.",
  security: [{}, { bearer: [] }],
  middleware: [authIfGiven] as const,
  responses: {
    200: jsonReply(HealthReplySchema),
    401: problem("An Authorization header with an unknown API token"),
    500: commonErrors[500],
  },
});

export const health = apiRouter().openapi(route, async (c) => {
  const status = { status: "ok" as const, dcdVersion: c.var.dcds.default.dcd.version };
  if (c.req.header("Authorization") === undefined) return c.json(status, 200);
  const outbox = c.env.OUTBOX.get(c.env.OUTBOX.idFromName(c.var.hospitalId));
  const { pause, ...counts } = await outbox.health();
  const iso = (ms: number) => new Date(ms).toISOString();
  return c.json(
    {
      ...status,
      outbox: {
        ...counts,
        needsIt:
          pause?.needsIt === true
            ? {
                ...describeOutboxError(pause, c.var.locale),
                since: iso(pause.since),
                nextProbeAt: iso(pause.until),
              }
            : null,
        rateLimitedUntil: pause !== null && !pause.needsIt ? iso(pause.until) : null,
      },
    },
    200,
  );
});
