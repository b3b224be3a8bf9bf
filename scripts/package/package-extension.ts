import { createPublicKey, type KeyObject } from "node:crypto";
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { createCrx3 } from "./create-crx3.ts";
import { createZip, type ZipEntry } from "./create-zip.ts";
import { createFirefoxUpdates, createUpdateXml } from "./update-manifests.ts";

export interface PackageOptions {
  /** Built Chrome MV3 extension (extension/.output/chrome-mv3). */
  chromeDir: string;
  /** Built Firefox MV3 extension (extension/.output/firefox-mv3). */
  firefoxDir: string;
  outDir: string;
  /** Where outDir's files will be served, e.g. https://spine-reg.hospital.example/extension */
  baseUrl: string;
  signingKey: KeyObject;
}

export interface PackageResult {
  id: string;
  geckoId: string;
  version: string;
  files: string[];
}

/**
 * The self-hosted distribution: a signed CRX3 whose manifest `key` is the signing key's
 * public key (so the id is the same everywhere), Chrome's update.xml, the Firefox XPI and
 * its updates.json. The built folders are read, never changed.
 */
export async function packageExtension(options: PackageOptions): Promise<PackageResult> {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const chromeManifest = await readManifest(options.chromeDir);
  const firefoxManifest = await readManifest(options.firefoxDir);
  const version = String(chromeManifest.version);
  if (firefoxManifest.version !== version) {
    throw new Error(
      `Chrome build ${version} and Firefox build ${firefoxManifest.version} differ: rebuild both`,
    );
  }
  const geckoId = (
    firefoxManifest.browser_specific_settings as { gecko?: { id?: string } } | undefined
  )?.gecko?.id;
  if (!geckoId) throw new Error("The Firefox build has no browser_specific_settings.gecko.id");

  // The manifest `key` is the signing key's public half: id, manifest and policy agree.
  const publicKeyBase64 = createPublicKey(options.signingKey)
    .export({ type: "spki", format: "der" })
    .toString("base64");
  const crxName = `spine-reg-${version}.crx`;
  const chromeArchive = await zipFolder(options.chromeDir, {
    ...chromeManifest,
    key: publicKeyBase64,
    update_url: `${baseUrl}/update.xml`,
  });
  const crx = createCrx3(chromeArchive, options.signingKey);
  const id = crx.id;

  const xpiName = `spine-reg-${version}.xpi`;
  const gecko = (firefoxManifest.browser_specific_settings as { gecko: Record<string, unknown> })
    .gecko;
  const firefoxArchive = await zipFolder(options.firefoxDir, {
    ...firefoxManifest,
    browser_specific_settings: {
      ...(firefoxManifest.browser_specific_settings as object),
      gecko: { ...gecko, update_url: `${baseUrl}/updates.json` },
    },
  });

  await mkdir(options.outDir, { recursive: true });
  const outputs: [string, string | Buffer][] = [
    // The folder ignores itself: packages never end up in git.
    [".gitignore", "*\n"],
    [crxName, crx.crx],
    ["update.xml", createUpdateXml({ id, version, codebase: `${baseUrl}/${crxName}` })],
    [xpiName, firefoxArchive],
    [
      "updates.json",
      createFirefoxUpdates({ geckoId, version, updateLink: `${baseUrl}/${xpiName}` }),
    ],
  ];
  for (const [name, content] of outputs) await writeFile(join(options.outDir, name), content);
  // The Firefox policy's install_url names a stable file (scripts/policy/policy-config.ts).
  await copyFile(join(options.outDir, xpiName), join(options.outDir, "spine-reg-latest.xpi"));
  return {
    id,
    geckoId,
    version,
    files: [
      ...outputs.map(([name]) => name).filter((name) => name !== ".gitignore"),
      "spine-reg-latest.xpi",
    ],
  };
}

async function readManifest(dir: string): Promise<Record<string, unknown>> {
  const path = join(dir, "manifest.json");
  const text = await readFile(path, "utf8").catch(() => {
    throw new Error(`No build at ${dir} (manifest.json missing)`);
  });
  return JSON.parse(text) as Record<string, unknown>;
}

/** The folder as a zip, manifest.json first and replaced by the given one. */
async function zipFolder(dir: string, manifest: Record<string, unknown>): Promise<Buffer> {
  const entries: ZipEntry[] = [
    { name: "manifest.json", data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
  ];
  const paths = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .filter((name) => name !== "manifest.json")
    .sort();
  for (const name of paths) entries.push({ name, data: await readFile(join(dir, name)) });
  return createZip(entries);
}
