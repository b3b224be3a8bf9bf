// How the emulated registry identifies a registration: by the business-key fields of the
// record's own DCD (`businessKey`, with its fallback, e.g. names and birth date for a
// patient without a NISS), as the real HD4DP does per registry (ASSUMED). The key is a keyed
// hash (HMAC-SHA-256 with a secret drawn per emulator state) so the emulator never shows a
// NISS in a reply, a URL or a log line: an unkeyed hash would not do, a NISS has about 10^9
// values and its hash is reversed by brute force. WebCrypto, not node:crypto: the emulator
// also runs in workerd.
import { businessKeyOf } from "../../shared-schema/src/business-key.ts";
import type { Dcd, DcdRecord } from "../../shared-schema/src/dcd.ts";
import { fromHex, toHex } from "./hex.ts";

export type BusinessKeyResult = { businessKey: string } | { missing: string[] };

function text(payload: Record<string, unknown>, field: string): string {
  const value = payload[field];
  return typeof value === "string" || typeof value === "number" ? String(value).trim() : "";
}

/** The HMAC key of each secret, imported once: importKey per submission is half a millisecond. */
const hmacKeys = new Map<string, Promise<CryptoKey>>();

function hmacKeyOf(secretHex: string): Promise<CryptoKey> {
  let key = hmacKeys.get(secretHex);
  if (!key) {
    key = crypto.subtle.importKey(
      "raw",
      fromHex(secretHex),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    hmacKeys.set(secretHex, key);
  }
  return key;
}

export async function deriveBusinessKey(
  dcd: Dcd,
  payload: Record<string, unknown>,
  secretHex: string,
): Promise<BusinessKeyResult> {
  // A NISS arrives with or without separators (85.04.02-169.32 or 85040216932).
  const values: DcdRecord = { ...payload } as DcdRecord;
  for (const field of dcd.fields) {
    if ("format" in field && field.format === "niss" && typeof values[field.name] === "string") {
      values[field.name] = String(values[field.name]).replace(/\D/g, "");
    }
  }
  const material = businessKeyOf(dcd, values);
  const missing = material
    .split("|")
    .map((part) => part.split("=")[0] ?? "")
    .filter((field) => text(values, field) === "");
  const { fields, fallback } = dcd.businessKey;
  if (missing.length > 0) {
    // Without the main identifier, say that it would have done too.
    const main = fields.filter((f) => text(values, f) === "" && !missing.includes(f));
    return { missing: fallback ? [...main, ...missing] : missing };
  }
  const mac = await crypto.subtle.sign(
    "HMAC",
    await hmacKeyOf(secretHex),
    new TextEncoder().encode(`${dcd.id}\n${material}`),
  );
  return { businessKey: toHex(new Uint8Array(mac)).slice(0, 16) };
}
