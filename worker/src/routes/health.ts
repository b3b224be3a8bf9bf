// GET /healthz: liveness for load balancers and `npm start`; no auth, no patient data. It
// answers only once the configuration and the DCD files are usable.

import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";

export const health = new Hono<AppEnv>().get("/", (c) =>
  c.json({ status: "ok" as const, dcdVersion: c.var.dcds.default.dcd.version }),
);
