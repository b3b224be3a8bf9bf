import { execFile } from "node:child_process";
import { createHash, createPublicKey, generateKeyPairSync, verify } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extensionIdFromPublicKey } from "../../scripts/package/extension-id-from-key.ts";
import { type PackageResult, packageExtension } from "../../scripts/package/package-extension.ts";
import { readSigningKey } from "../../scripts/package/read-signing-key.ts";
import { REPO_ROOT } from "../../scripts/policy/policy-config.ts";
import { readZip } from "./read-zip.ts";

const BASE_URL = "https://updates.hospital.example/spine-reg";
const GECKO_ID = "spine-register@spine-reg.be";
const work = mkdtempSync(join(tmpdir(), "spine-package-"));
const out = join(work, "dist");
// A throwaway key: the real one never exists on a test machine.
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const publicDer = createPublicKey(privateKey).export({ type: "spki", format: "der" });
let result: PackageResult;

/** A small built extension, as WXT writes it (the real build is exercised by `npm run package`). */
function writeBuild(dir: string, manifest: Record<string, unknown>): void {
  mkdirSync(join(dir, "icon"), { recursive: true });
  writeFileSync(
    join(dir, "manifest.json"),
    JSON.stringify({ manifest_version: 3, name: "spine", version: "1.2.3", ...manifest }),
  );
  writeFileSync(join(dir, "background.js"), "console.log('spine-reg');\n".repeat(50));
  writeFileSync(join(dir, "icon/16.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
}

beforeAll(async () => {
  writeBuild(join(work, "chrome-mv3"), { key: "AAAA-the-dev-key" });
  writeBuild(join(work, "firefox-mv3"), { browser_specific_settings: { gecko: { id: GECKO_ID } } });
  result = await packageExtension({
    chromeDir: join(work, "chrome-mv3"),
    firefoxDir: join(work, "firefox-mv3"),
    outDir: out,
    baseUrl: `${BASE_URL}/`,
    signingKey: privateKey,
  });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** CrxFileHeader fields, read with a protobuf reader independent of the writer. */
function readProtobuf(bytes: Buffer): Map<number, Buffer[]> {
  const fields = new Map<number, Buffer[]>();
  let at = 0;
  const varint = () => {
    let value = 0;
    let shift = 1;
    for (;;) {
      const byte = bytes[at++] ?? 0;
      value += (byte & 0x7f) * shift;
      shift *= 128;
      if (byte < 0x80) return value;
    }
  };
  while (at < bytes.length) {
    const tag = varint();
    expect(tag & 7, "only length-delimited fields are expected").toBe(2);
    const length = varint();
    const list = fields.get(tag >>> 3) ?? [];
    list.push(bytes.subarray(at, at + length));
    fields.set(tag >>> 3, list);
    at += length;
  }
  return fields;
}

describe("npm run package: the signed CRX3", () => {
  it("has the Cr24 magic, version 3, a header that parses and a verified RSA signature", () => {
    const crx = readFileSync(join(out, `spine-reg-1.2.3.crx`));
    expect(crx.toString("latin1", 0, 4)).toBe("Cr24");
    expect(crx.readUInt32LE(4)).toBe(3);
    const headerSize = crx.readUInt32LE(8);
    const header = readProtobuf(crx.subarray(12, 12 + headerSize));
    const archive = crx.subarray(12 + headerSize);

    const proofs = header.get(2) ?? [];
    expect(proofs).toHaveLength(1);
    const proof = readProtobuf(proofs[0] as Buffer);
    const publicKey = proof.get(1)?.[0] as Buffer;
    const signature = proof.get(2)?.[0] as Buffer;
    expect(publicKey.equals(publicDer)).toBe(true);

    const signedData = header.get(10000)?.[0] as Buffer;
    const crxId = readProtobuf(signedData).get(1)?.[0] as Buffer;
    expect(crxId.equals(createHash("sha256").update(publicKey).digest().subarray(0, 16))).toBe(
      true,
    );
    expect(result.id).toBe(extensionIdFromPublicKey(publicKey));
    expect(result.id).toMatch(/^[a-p]{32}$/);

    const size = Buffer.alloc(4);
    size.writeUInt32LE(signedData.length);
    const signed = Buffer.concat([
      Buffer.from("CRX3 SignedData\x00", "latin1"),
      size,
      signedData,
      archive,
    ]);
    expect(
      verify(
        "sha256",
        signed,
        createPublicKey({ key: publicKey, format: "der", type: "spki" }),
        signature,
      ),
    ).toBe(true);
    // A single flipped byte in the archive breaks it.
    const tampered = Buffer.from(signed);
    tampered[tampered.length - 1] = (tampered.at(-1) ?? 0) ^ 1;
    expect(
      verify(
        "sha256",
        tampered,
        createPublicKey({ key: publicKey, format: "der", type: "spki" }),
        signature,
      ),
    ).toBe(false);
  });

  it("holds the build with manifest.json carrying the same version, the signing key and the update URL", () => {
    const crx = readFileSync(join(out, "spine-reg-1.2.3.crx"));
    const files = readZip(crx.subarray(12 + crx.readUInt32LE(8)));
    const manifest = JSON.parse(String(files.get("manifest.json")));
    expect(manifest.version).toBe("1.2.3");
    expect(manifest.key).toBe(publicDer.toString("base64"));
    expect(extensionIdFromPublicKey(Buffer.from(manifest.key, "base64"))).toBe(result.id);
    expect(manifest.update_url).toBe(`${BASE_URL}/update.xml`);
    expect(String(files.get("background.js"))).toContain("spine-reg");
    expect(files.get("icon/16.png")).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
  });

  it("is what update.xml points at, with the same id and version", () => {
    const xml = readFileSync(join(out, "update.xml"), "utf8");
    expect(xml).toContain(
      "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    );
    expect(xml).toContain(`<app appid='${result.id}'>`);
    expect(xml).toContain(
      `<updatecheck codebase='${BASE_URL}/spine-reg-1.2.3.crx' version='1.2.3' />`,
    );
  });
});

describe("npm run package: Firefox", () => {
  it("writes the XPI with the update_url of updates.json, which points back at it", () => {
    const files = readZip(readFileSync(join(out, "spine-reg-1.2.3.xpi")));
    const manifest = JSON.parse(String(files.get("manifest.json")));
    expect(manifest.version).toBe("1.2.3");
    expect(manifest.browser_specific_settings.gecko).toEqual({
      id: GECKO_ID,
      update_url: `${BASE_URL}/updates.json`,
    });
    expect(readFileSync(join(out, "spine-reg-latest.xpi"))).toEqual(
      readFileSync(join(out, "spine-reg-1.2.3.xpi")),
    );
    expect(JSON.parse(readFileSync(join(out, "updates.json"), "utf8"))).toEqual({
      addons: {
        [GECKO_ID]: {
          updates: [{ version: "1.2.3", update_link: `${BASE_URL}/spine-reg-1.2.3.xpi` }],
        },
      },
    });
  });

  it("keeps the output out of git", () => {
    expect(readFileSync(join(out, ".gitignore"), "utf8")).toBe("*\n");
  });
});

describe("the signing key", () => {
  it("comes from SPINE_REG_CRX_KEY or a SPINE_REG_CRX_KEY_FILE outside the repository", async () => {
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect((await readSigningKey({ SPINE_REG_CRX_KEY: pem }, REPO_ROOT)).asymmetricKeyType).toBe(
      "rsa",
    );
    const file = join(work, "key.pem");
    writeFileSync(file, pem);
    expect(
      (await readSigningKey({ SPINE_REG_CRX_KEY_FILE: file }, REPO_ROOT)).asymmetricKeyType,
    ).toBe("rsa");
    await expect(
      readSigningKey({ SPINE_REG_CRX_KEY_FILE: join(REPO_ROOT, "key.pem") }, REPO_ROOT),
    ).rejects.toThrow(/inside the repository/);
  });

  it("is explained, with the openssl command, when missing: exit 1 before any build", async () => {
    const env = { ...process.env };
    delete env.SPINE_REG_CRX_KEY;
    delete env.SPINE_REG_CRX_KEY_FILE;
    const run = promisify(execFile)(
      process.execPath,
      [join(REPO_ROOT, "scripts/package/main.ts")],
      { env },
    );
    const failure = await run.then(
      () => undefined,
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(
      "openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out ~/spine-reg-crx.pem",
    );
    expect(failure?.stdout).toBe("");
  });
});
