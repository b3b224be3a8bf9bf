import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../../worker/src/crypto/canonical-json.ts";
import { createKeyedHash } from "../../../worker/src/crypto/create-keyed-hash.ts";
import { findToken } from "../../../worker/src/crypto/find-token.ts";
import { createRecordCipher, KeyMissingError } from "../../../worker/src/crypto/record-cipher.ts";

const KEY = new Uint8Array(32).map((_, i) => i);
const OLD = { id: "k1", raw: KEY };
const NEW = { id: "k2", raw: new Uint8Array(32).map((_, i) => 255 - i) };

describe("record cipher", () => {
  it("round-trips, and refuses a ciphertext moved to another id", async () => {
    const cipher = await createRecordCipher([OLD]);
    const sealed = await cipher.seal("id-1", { IDC_PAT: "93051822361" });
    expect(await cipher.open("id-1", sealed)).toEqual({ IDC_PAT: "93051822361" });
    await expect(cipher.open("id-2", sealed)).rejects.toThrow();
  });

  it("refuses a tampered ciphertext", async () => {
    const cipher = await createRecordCipher([OLD]);
    const sealed = new Uint8Array(await cipher.seal("id", { a: 1 }));
    sealed[sealed.length - 1] = (sealed[sealed.length - 1] ?? 0) ^ 1;
    await expect(cipher.open("id", sealed.buffer)).rejects.toThrow();
  });

  it("seals with the first key, opens with any, and names a key that is gone", async () => {
    const before = await createRecordCipher([OLD]);
    const during = await createRecordCipher([NEW, OLD]);
    const after = await createRecordCipher([NEW]);
    const old = await before.seal("id", "BK-1");
    expect(await during.open("id", old)).toBe("BK-1");
    const fresh = await during.seal("id", "BK-1");
    expect([...new Uint8Array(fresh).subarray(0, during.currentPrefix.length)]).toEqual([
      ...during.currentPrefix,
    ]);
    expect(await after.open("id", fresh)).toBe("BK-1");
    await expect(after.open("id", old)).rejects.toEqual(new KeyMissingError("k1"));
  });
});

describe("keyed hash", () => {
  it("is stable per key, differs from a plain SHA-256 and between keys", async () => {
    const hash = await createKeyedHash(KEY);
    const other = await createKeyedHash(new Uint8Array(32));
    const value = "IDC_PAT=93051822361|D_SURG=2026-03-02|CD_HPIN=12345625580";
    const plain = [
      ...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(value))),
    ]
      .map((b) => b.toString(16).padStart(2, "0"))
      .join("");
    expect(await hash(value)).toBe(await hash(value));
    expect(await hash(value)).toMatch(/^[0-9a-f]{64}$/);
    expect(await hash(value)).not.toBe(plain);
    expect(await hash(value)).not.toBe(await other(value));
  });
});

describe("findToken", () => {
  const tokens = [
    { token: "first-token-123456", hospitalId: "h1" },
    { token: "second-token-123456", hospitalId: "h2" },
  ];
  it("finds the matching token, and only an exact match", async () => {
    expect((await findToken("second-token-123456", tokens))?.hospitalId).toBe("h2");
    expect(await findToken("second-token-12345", tokens)).toBeNull();
    expect(await findToken("", tokens)).toBeNull();
  });
});

describe("canonicalJson", () => {
  it("ignores key order, keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [2, 1] } })).toBe('{"a":{"c":[2,1],"d":2},"b":1}');
  });
});
