// A fixed-window rate limit per API token (RATE_LIMIT_PER_MINUTE), counted in this
// isolate's memory. Deliberately simple: Cloudflare runs several isolates, so the real
// ceiling is a small multiple of the limit. It protects the outbox and HD4DP from a runaway
// client loop; it is not a security boundary (the token is).

import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env.ts";
import { ProblemError } from "../errors/problem-error.ts";

const WINDOW_MS = 60_000;
const windows = new Map<string, { start: number; count: number }>();

export const rateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const limit = c.var.config.rateLimitPerMinute;
  const now = Date.now();
  const start = now - (now % WINDOW_MS);
  const key = c.var.token;
  let window = windows.get(key);
  if (!window || window.start !== start) {
    window = { start, count: 0 };
    windows.set(key, window);
  }
  window.count++;
  if (window.count > limit) {
    const retryAfter = Math.ceil((start + WINDOW_MS - now) / 1000);
    throw new ProblemError(429, "rate_limited", {
      params: { limit, retryAfter },
      headers: { "Retry-After": String(retryAfter) },
    });
  }
  await next();
});
