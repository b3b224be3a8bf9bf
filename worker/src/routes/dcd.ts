// GET /v1/dcd: a configured DCD (`?dcd=&version=`, default: the default DCD), so the
// extension validates with the same version as the worker. The ETag (its id, version and a
// hash of the JSON) lets it revalidate with If-None-Match -> 304.

import { createRoute } from "@hono/zod-openapi";
import { DcdSelectorSchema } from "../../../shared-schema/src/api/api-schemas.ts";
import { DcdSchema } from "../../../shared-schema/src/dcd-schema.ts";
import { selectDcd } from "../dcd/select-dcd.ts";
import { apiRouter, commonErrors, jsonReply, problem, security } from "./api-router.ts";

const route = createRoute({
  method: "get",
  path: "/",
  security,
  description: "A configured DCD (default: the default DCD), with an ETag (If-None-Match -> 304).",
  request: { query: DcdSelectorSchema },
  responses: {
    200: jsonReply(DcdSchema, "The DCD (docs/dcd.md)"),
    304: { description: "Not modified" },
    404: problem("No such DCD here; `configured` lists those there are"),
    422: problem("dcd or version malformed"),
    ...commonErrors,
  },
});

export const dcd = apiRouter().openapi(route, async (c) => {
  const { body, etag } = await selectDcd(c, c.req.valid("query"), 404).document();
  c.header("ETag", etag);
  c.header("Cache-Control", "no-cache");
  const ifNoneMatch = c.req.header("If-None-Match");
  if (ifNoneMatch?.split(",").some((tag) => tag.trim() === etag)) return c.body(null, 304);
  return c.body(body, 200, { "Content-Type": "application/json; charset=utf-8" });
});
