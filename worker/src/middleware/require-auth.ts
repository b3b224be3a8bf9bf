// Bearer API tokens per hospital (API_TOKENS), compared in constant time (find-token.ts).
// 401: no token or an unknown one. 403: a valid token sent from a browser origin that is
// not in ALLOWED_ORIGINS (a page or extension that obtained a token must not be able to
// use it from elsewhere; see isAllowedOrigin for Firefox's). Requests without an Origin header (hospital systems, curl) are
// not browser requests and pass.

import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env.ts";
import { isAllowedOrigin } from "../config/is-allowed-origin.ts";
import { findToken } from "../crypto/find-token.ts";
import { ProblemError } from "../errors/problem-error.ts";

export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const found = match?.[1] ? await findToken(match[1], c.var.config.apiTokens) : null;
  if (!found) {
    throw new ProblemError(401, "unauthorized", {
      headers: { "WWW-Authenticate": 'Bearer realm="spine-reg"' },
    });
  }
  const origin = c.req.header("Origin");
  if (origin !== undefined && !isAllowedOrigin(c.var.config.allowedOrigins, origin)) {
    throw new ProblemError(403, "origin_forbidden", { params: { origin: origin.slice(0, 200) } });
  }
  c.set("hospitalId", found.hospitalId);
  c.set("token", found.token);
  await next();
});
