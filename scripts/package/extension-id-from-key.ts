import { createHash } from "node:crypto";

/**
 * The Chrome extension id of a public key (DER SubjectPublicKeyInfo): the first 16 bytes of
 * its SHA-256, each hex digit 0-f written as a letter a-p. The CRX's crx_id is those bytes.
 */
export function extensionIdFromPublicKey(spkiDer: Uint8Array): string {
  return crxIdBytes(spkiDer)
    .toString("hex")
    .replace(/[0-9a-f]/g, (digit) => String.fromCharCode(97 + Number.parseInt(digit, 16)));
}

export function crxIdBytes(spkiDer: Uint8Array): Buffer {
  return createHash("sha256").update(spkiDer).digest().subarray(0, 16);
}
