// A sealed value (record-cipher.ts) as one BLOB, IV first: for small values kept in one
// column, such as the registry's business key, where an IV column each would only add
// places to forget.

import type { SealedRecord } from "./record-cipher.ts";

const IV_BYTES = 12;

export function packSealed(sealed: SealedRecord): ArrayBuffer {
  const packed = new Uint8Array(IV_BYTES + sealed.ciphertext.byteLength);
  packed.set(sealed.iv, 0);
  packed.set(sealed.ciphertext, IV_BYTES);
  return packed.buffer;
}

export function unpackSealed(packed: ArrayBuffer): SealedRecord {
  const bytes = new Uint8Array(packed);
  return { iv: bytes.slice(0, IV_BYTES), ciphertext: bytes.slice(IV_BYTES) };
}
