import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";

export const REPO_ROOT = resolve(import.meta.dirname, "../..");
export const EXAMPLE_CONFIG_PATH = resolve(import.meta.dirname, "example-config.json");
export const MANAGED_SCHEMA_PATH = resolve(REPO_ROOT, "extension/public/managed-schema.json");

/** What a hospital deployment needs besides the settings themselves. */
export const PolicyConfigSchema = z.strictObject({
  /** Chrome/Edge id: sha256 of the signing key's public key, 32 letters a-p. */
  extensionId: z.string().regex(/^[a-p]{32}$/, "32 letters a-p"),
  geckoId: z.string().min(3),
  /** Where `npm run package` output is served: update.xml, updates.json, the CRX and XPI. */
  updateBaseUrl: z.url({ protocol: /^https$/ }).transform((url) => url.replace(/\/+$/, "")),
  organization: z.string().min(1),
  /** Reverse-DNS prefix of the macOS profile's identifiers. */
  profileIdentifier: z.string().regex(/^[\w-]+(\.[\w-]+)+$/),
  /** The 3rdparty (managed storage) values: checked against the managed schema. */
  policy: z.record(z.string(), z.unknown()),
});
export type PolicyConfig = z.infer<typeof PolicyConfigSchema>;

export function readPolicyConfig(path = EXAMPLE_CONFIG_PATH): PolicyConfig {
  return PolicyConfigSchema.parse(JSON.parse(readFileSync(path, "utf8")));
}

export function readManagedSchema(): unknown {
  return JSON.parse(readFileSync(MANAGED_SCHEMA_PATH, "utf8"));
}

/** The URLs every policy file and the packaged update manifests agree on. */
export function updateUrls(config: PolicyConfig) {
  return {
    chromeUpdateXml: `${config.updateBaseUrl}/update.xml`,
    firefoxUpdatesJson: `${config.updateBaseUrl}/updates.json`,
    // Firefox installs from this stable name; later versions come through updates.json.
    firefoxInstallXpi: `${config.updateBaseUrl}/spine-reg-latest.xpi`,
  };
}
