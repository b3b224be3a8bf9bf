// A keyed hash (HMAC-SHA-256) for values the outbox must recognise but must not keep:
// business keys (they contain the NISS), idempotency keys and request bodies. A plain
// SHA-256 would not do: a NISS has about 10^9 possible values, so an unkeyed hash of a
// business key is reversed by brute force in minutes. Its key (HMAC_KEY) is separate from
// the encryption keys and never rotates: the hashes identify registrations for as long as
// they are kept, and a new key would make every known business key look new.

export type KeyedHash = (value: string) => Promise<string>;

const encoder = new TextEncoder();

export async function createKeyedHash(rawKey: Uint8Array<ArrayBuffer>): Promise<KeyedHash> {
  const master = await crypto.subtle.importKey("raw", rawKey, "HKDF", false, ["deriveKey"]);
  const hmacKey = await crypto.subtle.deriveKey(
    {
      name: "HKDF",
      hash: "SHA-256",
      salt: new Uint8Array(0),
      info: encoder.encode("spine-reg outbox keyed hash v1"),
    },
    master,
    { name: "HMAC", hash: "SHA-256", length: 256 },
    false,
    ["sign"],
  );
  return async (value) => {
    const mac = await crypto.subtle.sign("HMAC", hmacKey, encoder.encode(value));
    return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, "0")).join("");
  };
}
