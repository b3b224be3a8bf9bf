// GET /v1/dcd: the DCD in use, so the extension validates with the same version as the
// worker. The ETag (a hash of the JSON) lets it revalidate with If-None-Match -> 304.

import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { CURRENT_DCD } from "../dcd/current-dcd.ts";

let cached: { body: string; etag: string } | undefined;

async function dcdDocument() {
  if (!cached) {
    const body = JSON.stringify(CURRENT_DCD);
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body));
    const hex = [...new Uint8Array(digest).slice(0, 16)]
      .map((b) => b.toString(16).padStart(2, "0"))
      .join("");
    cached = { body, etag: `"${CURRENT_DCD.id}-${CURRENT_DCD.version}-${hex}"` };
  }
  return cached;
}

export const dcd = new Hono<AppEnv>().get("/", async (c) => {
  const { body, etag } = await dcdDocument();
  c.header("ETag", etag);
  c.header("Cache-Control", "no-cache");
  const ifNoneMatch = c.req.header("If-None-Match");
  if (ifNoneMatch?.split(",").some((tag) => tag.trim() === etag)) return c.body(null, 304);
  return c.body(body, 200, { "Content-Type": "application/json; charset=utf-8" });
});
