// Reads a JSON request body the strict way: 415 unless the Content-Type is
// JSON, 413 past 256 KiB or the route's own limit (checked while streaming, so a lying
// Content-Length does not help), 400 when it does not parse, 422 when it does not have the
// schema's shape.

import type { Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../app-env.ts";
import { ProblemError } from "../errors/problem-error.ts";
import { toProblemIssues } from "./to-problem-issues.ts";

export const BODY_LIMIT_BYTES = 256 * 1024;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

export async function readJsonBody<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
  limit = BODY_LIMIT_BYTES,
): Promise<z.infer<S>> {
  if (!JSON_TYPE.test(c.req.header("Content-Type") ?? "")) {
    throw new ProblemError(415, "unsupported_media_type");
  }
  const text = await readBodyText(c, limit, () => new ProblemError(400, "malformed_json"));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ProblemError(400, "malformed_json");
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ProblemError(422, "request_invalid", {
      extensions: { issues: toProblemIssues(parsed.error) },
    });
  }
  return parsed.data;
}

/** The body as UTF-8 text: 413 past `limit` bytes; `notUtf8()` is thrown for other bytes. */
export async function readBodyText(
  c: Context<AppEnv>,
  limit: number,
  notUtf8: () => Error,
): Promise<string> {
  const tooLarge = () => new ProblemError(413, "payload_too_large", { params: { limit } });
  const declared = Number(c.req.header("Content-Length") ?? "0");
  if (declared > limit) throw tooLarge();
  return readLimited(c.req.raw, limit, tooLarge, notUtf8);
}

async function readLimited(
  request: Request,
  limit: number,
  tooLarge: () => Error,
  notUtf8: () => Error,
): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw notUtf8();
  }
}
