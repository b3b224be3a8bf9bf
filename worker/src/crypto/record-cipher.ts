// AES-256-GCM for everything the outbox keeps of a patient: records, the registry's business
// keys, HD4DP's error texts. A fresh random 12-byte IV per value: GCM must never reuse an IV
// under one key. Additional data binds a value to its row and role, so a ciphertext copied
// elsewhere does not decrypt.
//
// Keys rotate (ENCRYPTION_KEYS, docs/deploy.md "Rotating the encryption key"): a value is
// sealed with the current (first) key and names its key, so it opens with any configured
// key; the outbox re-seals older values with the current key in the background, and a key
// can be removed once nothing is sealed with it.
//
// One BLOB per value: [1: format 1][1: key id length][key id, UTF-8][12: IV][ciphertext].

export interface EncryptionKey {
  id: string;
  /** Raw 32-byte AES-256 key. */
  raw: Uint8Array<ArrayBuffer>;
}

/** A sealed value names a key that is not configured (any more): IT must put it back. */
export class KeyMissingError extends Error {
  readonly keyId: string;
  constructor(keyId: string) {
    super(`no configured encryption key has the id ${keyId}`);
    this.name = "KeyMissingError";
    this.keyId = keyId;
  }
}

export interface RecordCipher {
  /** The id of the key new values are sealed with. */
  readonly currentKeyId: string;
  /** The first bytes of every value sealed with the current key (to find older ones in SQL). */
  readonly currentPrefix: Uint8Array<ArrayBuffer>;
  seal(aad: string, value: unknown): Promise<ArrayBuffer>;
  /** Throws KeyMissingError for a key not configured, another error for a forged value. */
  open(aad: string, sealed: ArrayBuffer): Promise<unknown>;
}

const FORMAT = 1;
const IV_BYTES = 12;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The first bytes of every value sealed with the key `keyId`. */
export function sealedPrefix(keyId: string): Uint8Array<ArrayBuffer> {
  const id = encoder.encode(keyId);
  return Uint8Array.from([FORMAT, id.length, ...id]);
}

export async function createRecordCipher(keys: readonly EncryptionKey[]): Promise<RecordCipher> {
  const current = keys[0];
  if (!current) throw new Error("at least one encryption key is needed");
  const imported = new Map<string, CryptoKey>();
  for (const key of keys) {
    imported.set(
      key.id,
      await crypto.subtle.importKey("raw", key.raw, "AES-GCM", false, ["encrypt", "decrypt"]),
    );
  }
  const currentKey = imported.get(current.id) as CryptoKey;
  const currentPrefix = sealedPrefix(current.id);
  return {
    currentKeyId: current.id,
    currentPrefix,
    async seal(aad, value) {
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const ciphertext = await crypto.subtle.encrypt(
        { name: "AES-GCM", iv, additionalData: encoder.encode(aad) },
        currentKey,
        encoder.encode(JSON.stringify(value)),
      );
      const packed = new Uint8Array(currentPrefix.length + IV_BYTES + ciphertext.byteLength);
      packed.set(currentPrefix, 0);
      packed.set(iv, currentPrefix.length);
      packed.set(new Uint8Array(ciphertext), currentPrefix.length + IV_BYTES);
      return packed.buffer;
    },
    async open(aad, sealed) {
      const bytes = new Uint8Array(sealed);
      if (bytes[0] !== FORMAT || bytes.length < 2) throw new TypeError("not a sealed value");
      const idEnd = 2 + (bytes[1] ?? 0);
      const keyId = decoder.decode(bytes.subarray(2, idEnd));
      const key = imported.get(keyId);
      if (!key) throw new KeyMissingError(keyId);
      const plain = await crypto.subtle.decrypt(
        {
          name: "AES-GCM",
          iv: bytes.slice(idEnd, idEnd + IV_BYTES),
          additionalData: encoder.encode(aad),
        },
        key,
        bytes.slice(idEnd + IV_BYTES),
      );
      return JSON.parse(decoder.decode(plain));
    },
  };
}
