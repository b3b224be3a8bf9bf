// A JSON request body the strict way, before the route's schema sees it: 415 unless the
// Content-Type is JSON, 413 past 256 KiB or the route's own limit, 400 when it is not UTF-8
// JSON. The text is left in Hono's body cache, where the route's validator reads it; its
// shape is the route's business (422, routes/api-router.ts).

import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.ts";
import { ProblemError } from "../errors/problem-error.ts";
import { readBodyText } from "./read-body-text.ts";

export const BODY_LIMIT_BYTES = 256 * 1024;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

export const isJsonType = (type: string | undefined) => JSON_TYPE.test(type ?? "");

/** The body as text that parses as JSON, and its value: 413 past `limit`, 400 otherwise. */
async function readJsonText(
  c: Context<AppEnv>,
  limit: number,
): Promise<{ text: string; value: unknown }> {
  const malformed = () => new ProblemError(400, "malformed_json");
  const text = await readBodyText(c, limit, malformed);
  try {
    return { text, value: JSON.parse(text) };
  } catch {
    throw malformed();
  }
}

/** The body parsed: 413 past `limit`, 400 when it is not UTF-8 JSON. */
export async function readJson(c: Context<AppEnv>, limit: number): Promise<unknown> {
  return (await readJsonText(c, limit)).value;
}

export function jsonBody(limit = BODY_LIMIT_BYTES): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!isJsonType(c.req.header("Content-Type"))) {
      throw new ProblemError(415, "unsupported_media_type");
    }
    const { text } = await readJsonText(c, limit);
    // The validator reads c.req.json(), which parses Hono's cached text (the body stream is
    // read by now). Hono caches promises, although its type names the values.
    c.req.bodyCache.text = Promise.resolve(text) as unknown as string;
    await next();
  };
}
