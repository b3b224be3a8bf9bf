// GET /healthz: liveness for load balancers and `npm start`; no auth, no patient data.

import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { CURRENT_DCD } from "../dcd/current-dcd.ts";

export const health = new Hono<AppEnv>().get("/", (c) =>
  c.json({ status: "ok" as const, dcdVersion: CURRENT_DCD.version }),
);
