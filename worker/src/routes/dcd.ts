// GET /v1/dcd: a configured DCD (`?dcd=&version=`, default: the default DCD), so the
// extension validates with the same version as the worker. The ETag (its id, version and a
// hash of the JSON) lets it revalidate with If-None-Match -> 304.

import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { selectDcd } from "../dcd/select-dcd.ts";
import { ProblemError } from "../errors/problem-error.ts";
import { toProblemIssues } from "../middleware/to-problem-issues.ts";
import { DcdSelectorSchema } from "../schemas/api-schemas.ts";

export const dcd = new Hono<AppEnv>().get("/", async (c) => {
  const query = DcdSelectorSchema.safeParse(c.req.query());
  if (!query.success) {
    throw new ProblemError(422, "request_invalid", {
      extensions: { issues: toProblemIssues(query.error) },
    });
  }
  const { body, etag } = await selectDcd(c, query.data, 404).document();
  c.header("ETag", etag);
  c.header("Cache-Control", "no-cache");
  const ifNoneMatch = c.req.header("If-None-Match");
  if (ifNoneMatch?.split(",").some((tag) => tag.trim() === etag)) return c.body(null, 304);
  return c.body(body, 200, { "Content-Type": "application/json; charset=utf-8" });
});
