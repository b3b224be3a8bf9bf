// The Hono app: one sub-app per resource (routes/), shared middleware, and the one
// onError that turns every failure into application/problem+json (RFC 9457) in the
// caller's language. Bad input is always a 4xx; the only deliberate 5xx is a
// configuration mistake (a variable, or a DCD file of DCDS), whose body says what to fix.

import { OpenAPIHono } from "@hono/zod-openapi";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { negotiateLocale } from "../../shared-schema/src/negotiate-locale.ts";
import type { AppEnv } from "./app-env.ts";
import { isAllowedOrigin } from "./config/is-allowed-origin.ts";
import { ConfigError, loadConfig } from "./config/load-config.ts";
import { loadDcdCatalogue } from "./dcd/load-dcd-catalogue.ts";
import { ProblemError } from "./errors/problem-error.ts";
import { problemResponse } from "./errors/problem-response.ts";
import type { MessageCode } from "./i18n/messages.ts";
import { logError } from "./log/log-event.ts";
import { rateLimit } from "./middleware/rate-limit.ts";
import { requireAuth } from "./middleware/require-auth.ts";
import { dcd } from "./routes/dcd.ts";
import { dcds } from "./routes/dcds.ts";
import { eligibility } from "./routes/eligibility.ts";
import { exports } from "./routes/exports.ts";
import { health } from "./routes/health.ts";
import { openapiRouter } from "./routes/openapi.ts";
import { reconciliation } from "./routes/reconciliation.ts";
import { registrations } from "./routes/registrations.ts";
import { validate } from "./routes/validate.ts";

/** Codes for HTTPExceptions thrown by Hono itself rather than by our code. */
const HONO_STATUS_CODES: Partial<Record<number, MessageCode>> = {
  400: "malformed_json",
  401: "unauthorized",
  404: "not_found",
  413: "payload_too_large",
  415: "unsupported_media_type",
};

export function createApp() {
  const app = new OpenAPIHono<AppEnv>();

  app.use(async (c, next) => {
    c.set("locale", negotiateLocale(c.req.header("Accept-Language")));
    c.set("requestId", crypto.randomUUID());
    c.set("config", loadConfig(c.env));
    c.set("dcds", await loadDcdCatalogue(c.env));
    await next();
  });

  // CORS for the configured extension origins only; other origins get no CORS headers.
  app.use((c, next) =>
    cors({
      origin: (origin) => (isAllowedOrigin(c.var.config.allowedOrigins, origin) ? origin : null),
      allowMethods: ["GET", "POST", "DELETE"],
      allowHeaders: [
        "Authorization",
        "Content-Type",
        "Idempotency-Key",
        "If-None-Match",
        "Accept-Language",
      ],
      exposeHeaders: ["ETag", "Location", "Retry-After", "Content-Language"],
      maxAge: 600,
    })(c, next),
  );

  app.use("/v1/*", requireAuth, rateLimit);

  app.route("/healthz", health);
  app.route("/v1/dcd", dcd);
  app.route("/v1/dcds", dcds);
  app.route("/v1/eligibility", eligibility);
  app.route("/v1/validate", validate);
  app.route("/v1/registrations", registrations);
  app.route("/v1/exports", exports);
  app.route("/v1/reconciliation", reconciliation);
  app.route("/openapi.json", openapiRouter(app));

  // Unknown path -> 404; known path, other method -> 405 with Allow.
  const routes = app.routes
    .filter((route) => route.method !== "ALL")
    .map((route) => ({
      method: route.method,
      pattern: new RegExp(`^${route.path.replace(/:[^/]+/g, "[^/]+")}/?$`),
    }));
  app.notFound((c) => {
    const path = c.req.path;
    const methods = [...new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method))];
    if (methods.length === 0) {
      throw new ProblemError(404, "not_found", { params: { path: path.slice(0, 200) } });
    }
    if (methods.includes("GET")) methods.push("HEAD");
    const allow = methods.join(", ");
    throw new ProblemError(405, "method_not_allowed", {
      params: { path: path.slice(0, 200), allow },
      headers: { Allow: allow },
    });
  });

  app.onError((error, c) => {
    const locale = c.var.locale ?? "en";
    if (error instanceof ProblemError) {
      return problemResponse(error.status, error.code, locale, error);
    }
    if (error instanceof ConfigError) {
      logError("config.invalid", { variable: error.variable });
      return problemResponse(500, "config_invalid", locale, {
        params: { variable: error.variable, problem: error.problem, fix: error.fix },
      });
    }
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse(error.status, HONO_STATUS_CODES[error.status] ?? "not_found", locale);
    }
    // Unexpected: log the error's class only (its message may quote a value), answer 500.
    const requestId = c.var.requestId ?? "unknown";
    logError("request.failed", {
      requestId,
      method: c.req.method,
      route: c.req.routePath,
      errorName: error instanceof Error ? error.name : typeof error,
    });
    return problemResponse(500, "internal", locale, { params: { requestId } });
  });

  return app;
}
