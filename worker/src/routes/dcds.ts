// GET /v1/dcds: the DCDs this worker is configured with (DCDS), which one is the default,
// and whether each can be relayed over S2S or only exported as CSV.

import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";

export const dcds = new Hono<AppEnv>().get("/", (c) => {
  const catalogue = c.var.dcds;
  return c.json({
    dcds: catalogue.dcds.map(({ dcd, s2s }) => ({
      id: dcd.id,
      version: dcd.version,
      label: dcd.label[c.var.locale],
      default: dcd === catalogue.default.dcd,
      s2s: s2s.missing.length === 0,
    })),
  });
});
