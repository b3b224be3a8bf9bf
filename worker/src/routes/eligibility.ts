// POST /v1/eligibility: does each nomenclature code require registration (docs/domain.md §1)?

import { Hono } from "hono";
import { decideEligibilities } from "../../../shared-schema/src/eligibility.ts";
import type { AppEnv } from "../app-env.ts";
import { readJsonBody } from "../middleware/read-json-body.ts";
import { EligibilityRequestSchema } from "../schemas/api-schemas.ts";

export const eligibility = new Hono<AppEnv>().post("/", async (c) => {
  const body = await readJsonBody(c, EligibilityRequestSchema);
  const decisions = decideEligibilities(body.codes, {
    locale: c.var.locale,
    ...(body.article === undefined ? {} : { article: body.article }),
    ...(body.date === undefined ? {} : { date: body.date }),
  }).map(({ code, decision, reason, reasonCode }) => ({ code, decision, reason, reasonCode }));
  return c.json({ decisions });
});
