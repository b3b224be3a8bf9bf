// AES-256-GCM for patient records at rest in the outbox (issue 3: "encrypted at rest").
// A fresh random 12-byte IV per record: GCM must never reuse an IV under one key.
// The registration id is bound as additional data, so a ciphertext copied onto another
// row does not decrypt.

export interface SealedRecord {
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: Uint8Array<ArrayBuffer>;
}

export interface RecordCipher {
  seal(id: string, value: unknown): Promise<SealedRecord>;
  open(id: string, sealed: SealedRecord): Promise<unknown>;
}

const encoder = new TextEncoder();

export async function createRecordCipher(rawKey: Uint8Array<ArrayBuffer>): Promise<RecordCipher> {
  const key = await crypto.subtle.importKey("raw", rawKey, "AES-GCM", false, [
    "encrypt",
    "decrypt",
  ]);
  return {
    async seal(id, value) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = encoder.encode(JSON.stringify(value));
      const ciphertext = await crypto.subtle.encrypt(
        { name: "AES-GCM", iv, additionalData: encoder.encode(id) },
        key,
        data,
      );
      return { iv, ciphertext: new Uint8Array(ciphertext) };
    },
    async open(id, sealed) {
      const plain = await crypto.subtle.decrypt(
        { name: "AES-GCM", iv: sealed.iv, additionalData: encoder.encode(id) },
        key,
        sealed.ciphertext,
      );
      return JSON.parse(new TextDecoder().decode(plain));
    },
  };
}
