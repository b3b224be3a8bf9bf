// GET /v1/dcds: the DCDs this worker is configured with (DCDS), which one is the default,
// and whether each can be relayed over S2S or only exported as CSV.

import { createRoute } from "@hono/zod-openapi";
import { DcdListReplySchema } from "../../../shared-schema/src/api/api-schemas.ts";
import { apiRouter, commonErrors, jsonReply, security } from "./api-router.ts";

const route = createRoute({
  method: "get",
  path: "/",
  security,
  description: "The configured DCDs, the default one, and which can be relayed.",
  responses: { 200: jsonReply(DcdListReplySchema), ...commonErrors },
});

export const dcds = apiRouter().openapi(route, (c) => {
  const catalogue = c.var.dcds;
  return c.json(
    {
      dcds: catalogue.dcds.map(({ dcd, s2s }) => ({
        id: dcd.id,
        version: dcd.version,
        label: dcd.label[c.var.locale],
        default: dcd === catalogue.default.dcd,
        s2s: s2s.missing.length === 0,
      })),
    },
    200,
  );
});
