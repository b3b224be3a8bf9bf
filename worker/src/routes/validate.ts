// POST /v1/validate: the rules of the DCD named in the body (default: the default DCD) on a
// record, messages in the caller's language. The same compiled schema as the extension's,
// so a rule never differs between the two. Issues go out without params and unknown field
// names withheld (to-public-issues.ts).

import {
  ValidateReplySchema,
  ValidateRequestSchema,
} from "../../../shared-schema/src/api/api-schemas.ts";
import { selectDcd } from "../dcd/select-dcd.ts";
import { toPublicIssues } from "../errors/to-public-issues.ts";
import { apiRouter, jsonPostRoute } from "./api-router.ts";

const route = jsonPostRoute(ValidateRequestSchema, ValidateReplySchema);

export const validate = apiRouter().openapi(route, (c) => {
  const body = c.req.valid("json");
  const configured = selectDcd(c, body, 422);
  const result = configured.compiled().validate(body.record, {
    locale: c.var.locale,
    draft: body.status === "draft",
  });
  const issues = toPublicIssues(result.issues, c.var.locale, configured.dcd.id);
  return c.json({ valid: result.valid, issues }, 200);
});
