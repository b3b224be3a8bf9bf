import { createPublicKey, type KeyObject, sign } from "node:crypto";
import { crxIdBytes, extensionIdFromPublicKey } from "./extension-id-from-key.ts";

// CRX3 (components/crx_file/crx3.proto in Chromium):
//   "Cr24" | uint32le 3 | uint32le header size | CrxFileHeader | zip archive
//   CrxFileHeader { repeated AsymmetricKeyProof sha256_with_rsa = 2; bytes signed_header_data = 10000; }
//   AsymmetricKeyProof { bytes public_key = 1; bytes signature = 2; }
//   SignedData { bytes crx_id = 1; }
// The signature covers "CRX3 SignedData\0" | uint32le size of signed_header_data |
// signed_header_data | archive.
const MAGIC = Buffer.from("Cr24", "latin1");
const SIGNATURE_CONTEXT = Buffer.from("CRX3 SignedData\x00", "latin1");

export interface Crx3 {
  crx: Buffer;
  /** The extension id, from the signing key's public key. */
  id: string;
  /** DER SubjectPublicKeyInfo, base64: the manifest `key` that gives the same id. */
  publicKeyBase64: string;
}

/** Signs a zip archive as a CRX3 with an RSA private key (SHA-256 with RSA, PKCS#1 v1.5). */
export function createCrx3(archive: Uint8Array, privateKey: KeyObject): Crx3 {
  if (privateKey.asymmetricKeyType !== "rsa")
    throw new Error("the CRX signing key must be an RSA key");
  const publicKey = createPublicKey(privateKey).export({ type: "spki", format: "der" });
  const signedData = lengthDelimited(1, crxIdBytes(publicKey));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(signedData.length);
  const signature = sign(
    "sha256",
    Buffer.concat([SIGNATURE_CONTEXT, size, signedData, archive]),
    privateKey,
  );
  const proof = Buffer.concat([lengthDelimited(1, publicKey), lengthDelimited(2, signature)]);
  const header = Buffer.concat([lengthDelimited(2, proof), lengthDelimited(10000, signedData)]);
  const prefix = Buffer.alloc(12);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(3, 4);
  prefix.writeUInt32LE(header.length, 8);
  return {
    crx: Buffer.concat([prefix, header, archive]),
    id: extensionIdFromPublicKey(publicKey),
    publicKeyBase64: publicKey.toString("base64"),
  };
}

/** A protobuf field of wire type 2 (bytes or embedded message). */
function lengthDelimited(field: number, bytes: Uint8Array): Buffer {
  return Buffer.concat([varint((field << 3) | 2), varint(bytes.length), bytes]);
}

function varint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}
