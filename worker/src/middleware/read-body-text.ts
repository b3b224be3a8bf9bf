import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import { ProblemError } from "../errors/problem-error.ts";

/**
 * The body as UTF-8 text: 413 past `limit` bytes (checked while streaming, so a lying
 * Content-Length does not help); `notUtf8()` is thrown for other bytes.
 */
export async function readBodyText(
  c: Context<AppEnv>,
  limit: number,
  notUtf8: () => Error,
): Promise<string> {
  const tooLarge = () => new ProblemError(413, "payload_too_large", { params: { limit } });
  const declared = Number(c.req.header("Content-Length") ?? "0");
  if (declared > limit) throw tooLarge();
  const request = c.req.raw;
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
