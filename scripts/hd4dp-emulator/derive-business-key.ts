// How the emulated registry identifies a registration (domain.md §2, dcd-spin-surg.md:
// ASSUMED business key = IDC_PAT, or last name + first name + D_PAT_DOB without a NISS,
// plus D_SURG and CD_HPIN). The key is a keyed hash (HMAC-SHA-256 with a secret drawn per
// emulator) so the emulator never shows a NISS in a reply, a URL or a log line: an unkeyed
// hash would not do, a NISS has about 10^9 values and its hash is reversed by brute force.
import { createHmac } from "node:crypto";

export type BusinessKeyResult = { businessKey: string } | { missing: string[] };

function text(payload: Record<string, unknown>, field: string): string {
  const value = payload[field];
  return typeof value === "string" || typeof value === "number" ? String(value).trim() : "";
}

export function deriveBusinessKey(
  payload: Record<string, unknown>,
  secret: Uint8Array,
): BusinessKeyResult {
  // A NISS arrives with or without separators (85.04.02-169.32 or 85040216932).
  const niss = text(payload, "IDC_PAT").replace(/\D/g, "");
  const identityFields = niss ? [] : ["TX_PAT_LAST_NAM", "TX_PAT_FIRST_NAM", "D_PAT_DOB"];
  const required = [...identityFields, "D_SURG", "CD_HPIN"];
  const missing = required.filter((field) => text(payload, field) === "");
  // Without a NISS, say that one would have done too.
  if (!niss && identityFields.some((f) => missing.includes(f))) missing.unshift("IDC_PAT");
  if (missing.length > 0) return { missing };
  const identity = niss || identityFields.map((f) => text(payload, f).toUpperCase()).join("|");
  const material = [identity, text(payload, "D_SURG"), text(payload, "CD_HPIN")].join("\n");
  return { businessKey: createHmac("sha256", secret).update(material).digest("hex").slice(0, 16) };
}
