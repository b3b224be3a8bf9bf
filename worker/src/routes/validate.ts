// POST /v1/validate: the rules of the DCD named in the body (default: the default DCD) on a
// record, messages in the caller's language. The same compiled schema as the extension's,
// so a rule never differs between the two. Issues go out without params and unknown field
// names withheld (to-public-issues.ts).

import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { selectDcd } from "../dcd/select-dcd.ts";
import { toPublicIssues } from "../errors/to-public-issues.ts";
import { readJsonBody } from "../middleware/read-json-body.ts";
import { ValidateRequestSchema } from "../schemas/api-schemas.ts";

export const validate = new Hono<AppEnv>().post("/", async (c) => {
  const body = await readJsonBody(c, ValidateRequestSchema);
  const configured = selectDcd(c, body, 422);
  const result = configured.compiled().validate(body.record, {
    locale: c.var.locale,
    draft: body.status === "draft",
  });
  return c.json({
    valid: result.valid,
    issues: toPublicIssues(result.issues, c.var.locale, configured.dcd.id),
  });
});
