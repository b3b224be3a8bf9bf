import { createPrivateKey, type KeyObject } from "node:crypto";
import { realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { isAbsolute, relative, resolve } from "node:path";

export const HOW_TO_MAKE_A_KEY = `No CRX signing key. The key fixes the extension id that the policy files and the worker's
ALLOWED_ORIGINS name, so keep it safe and outside the repository (never commit it):

  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out ~/spine-reg-crx.pem

then either
  SPINE_REG_CRX_KEY_FILE=~/spine-reg-crx.pem npm run package
or pass the PEM text itself (CI secret):
  SPINE_REG_CRX_KEY="$(cat ~/spine-reg-crx.pem)" npm run package`;

export class SigningKeyError extends Error {}

/**
 * The CRX signing key from SPINE_REG_CRX_KEY (PEM text) or SPINE_REG_CRX_KEY_FILE (a path
 * outside the repository: a key inside it is one `git add .` away from being published).
 */
export async function readSigningKey(env: NodeJS.ProcessEnv, repoRoot: string): Promise<KeyObject> {
  const pem = env.SPINE_REG_CRX_KEY?.trim();
  const file = env.SPINE_REG_CRX_KEY_FILE?.trim();
  let text: string;
  if (pem) text = pem;
  else if (file) {
    const path = resolve(file.replace(/^~(?=\/|$)/, homedir()));
    if (isInside(realPath(path), realPath(repoRoot))) {
      throw new SigningKeyError(
        `SPINE_REG_CRX_KEY_FILE points inside the repository (${path}). Move the key outside it, e.g. to ~/spine-reg-crx.pem.`,
      );
    }
    text = await readFile(path, "utf8").catch(() => {
      throw new SigningKeyError(
        `Cannot read SPINE_REG_CRX_KEY_FILE (${path}).\n\n${HOW_TO_MAKE_A_KEY}`,
      );
    });
  } else throw new SigningKeyError(HOW_TO_MAKE_A_KEY);
  let key: KeyObject;
  try {
    key = createPrivateKey(text);
  } catch {
    throw new SigningKeyError(
      `The CRX signing key is not a PEM private key.\n\n${HOW_TO_MAKE_A_KEY}`,
    );
  }
  if (key.asymmetricKeyType !== "rsa") {
    throw new SigningKeyError(
      `The CRX signing key must be RSA (it is ${key.asymmetricKeyType}).\n\n${HOW_TO_MAKE_A_KEY}`,
    );
  }
  return key;
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}
