// GET /healthz: liveness for load balancers and `npm start`, with no auth and no patient
// data; it answers only once the configuration and the DCD files are usable. With an API
// token it adds the hospital's outbox: how many registrations wait or failed, and a "needs
// IT" state saying what to fix (in the caller's language), which the extension's popup and
// options page show and hospital IT can poll.

import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { describeOutboxError } from "../i18n/describe-outbox-error.ts";
import { requireAuth } from "../middleware/require-auth.ts";

export const health = new Hono<AppEnv>().get(
  "/",
  async (c, next) => (c.req.header("Authorization") === undefined ? next() : requireAuth(c, next)),
  async (c) => {
    const status = { status: "ok" as const, dcdVersion: c.var.dcds.default.dcd.version };
    if (c.req.header("Authorization") === undefined) return c.json(status);
    const outbox = c.env.OUTBOX.get(c.env.OUTBOX.idFromName(c.var.hospitalId));
    const { pause, ...counts } = await outbox.health();
    const iso = (ms: number) => new Date(ms).toISOString();
    return c.json({
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
    });
  },
);
