// POST /v1/eligibility: does each nomenclature code require registration (docs/domain.md §1)?

import {
  EligibilityReplySchema,
  EligibilityRequestSchema,
} from "../../../shared-schema/src/api/api-schemas.ts";
import { decideEligibilities } from "../../../shared-schema/src/eligibility.ts";
import { apiRouter, jsonPostRoute } from "./api-router.ts";

const route = jsonPostRoute(EligibilityRequestSchema, EligibilityReplySchema);

export const eligibility = apiRouter().openapi(route, (c) => {
  const body = c.req.valid("json");
  const decisions = decideEligibilities(body.codes, {
    locale: c.var.locale,
    ...(body.article === undefined ? {} : { article: body.article }),
    ...(body.date === undefined ? {} : { date: body.date }),
  }).map(({ code, decision, reason, reasonCode }) => ({ code, decision, reason, reasonCode }));
  return c.json({ decisions }, 200);
});
