import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXTENSION_ID, GECKO_ID } from "../../extension/src/extension-id.ts";
import { RELEASE_DEFAULTS, SETTING_KEYS } from "../../extension/src/settings/settings-schema.ts";
import { checkPolicyConfig } from "../../scripts/policy/check-policy-config.ts";
import { generateManagedSchema } from "../../scripts/policy/generate-managed-schema.ts";
import { generatePolicyFiles } from "../../scripts/policy/generate-policy-files.ts";
import { isSameFile } from "../../scripts/policy/main.ts";
import {
  REPO_ROOT,
  readManagedSchema,
  readPolicyConfig,
  updateUrls,
} from "../../scripts/policy/policy-config.ts";
import {
  checkManagedSchema,
  type ManagedSchema,
  validateManagedValue,
} from "../../scripts/policy/validate-managed-value.ts";
import { parsePlist } from "./parse-plist.ts";
import { parseReg, readRegPolicy } from "./parse-reg.ts";

const schema: ManagedSchema = generateManagedSchema();
const config = readPolicyConfig();
const files = generatePolicyFiles(config, schema);
const file = (name: string): string => {
  const content = files.get(name);
  if (content === undefined) throw new Error(`not generated: ${name}`);
  return content;
};

describe("the managed schema", () => {
  it("is the committed extension/public/managed-schema.json", () => {
    expect(readManagedSchema(), "run `npm run policy` and commit the managed schema").toEqual(
      schema,
    );
  });

  it("follows Chrome's rules for storage.managed_schema (else Chrome refuses the extension)", () => {
    expect(checkManagedSchema(schema)).toEqual([]);
  });

  it("declares every setting of the extension, and nothing else", () => {
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual([...SETTING_KEYS].sort());
  });

  it("gives each setting the type of its default value", () => {
    for (const key of SETTING_KEYS) {
      const value = RELEASE_DEFAULTS[key];
      expect(validateManagedValue(schema, { [key]: value }), key).toEqual([]);
    }
  });

  it("carries types only: Chrome would drop a value breaking a rule without a word", () => {
    const keywords = new Set<string>();
    const walk = (node: ManagedSchema) => {
      for (const key of Object.keys(node)) keywords.add(key);
      for (const child of Object.values(node.properties ?? {})) walk(child);
      if (node.items) walk(node.items);
      if (node.additionalProperties) walk(node.additionalProperties);
    };
    walk(schema);
    expect([...keywords].sort()).toEqual(
      ["additionalProperties", "description", "items", "properties", "title", "type"].sort(),
    );
    expect(schema.properties?.draftRetentionDays?.type).toBe("integer");
  });

  it("refuses what Chrome would drop: a wrong type, an undeclared key, a bad profile shape", () => {
    expect(validateManagedValue(schema, { apiToken: 42 })).toEqual([
      "$.apiToken: expected string, got number",
    ]);
    expect(validateManagedValue(schema, { draftRetentionDays: 1.5 })).toHaveLength(1);
    expect(validateManagedValue(schema, { workerURL: "https://x" })[0]).toContain("not declared");
    expect(
      validateManagedValue(schema, { profiles: [{ id: "a", matches: "x", fields: {} }] }),
    ).toEqual(["$.profiles[0].matches: expected array, got string"]);
    expect(
      validateManagedValue(schema, {
        profiles: [{ id: "a", fields: { X: { selecter: "#a" } } }],
      })[0],
    ).toContain("$.profiles[0].fields.X.selecter: not declared");
  });
});

describe("the example configuration (scripts/policy/example-config.json)", () => {
  it("is valid for the schema and for the extension itself", () => {
    expect(checkPolicyConfig(config, schema)).toEqual([]);
  });

  it("names the extension's own ids", () => {
    // Fix: the ids in example-config.json must be those of extension/src/extension-id.ts.
    expect(config.extensionId).toBe(EXTENSION_ID);
    expect(config.geckoId).toBe(GECKO_ID);
  });

  it("is refused when the extension would report it (bad URL, unknown language, broken profile)", () => {
    const broken = {
      ...config,
      policy: {
        ...config.policy,
        workerUrl: "spine-reg.hospital.example",
        language: "es",
        profiles: [
          { id: "x", name: "X", matches: ["https://*"], fields: { IDC_PAT: { pattern: "(" } } },
        ],
      },
    };
    expect(checkPolicyConfig(broken, schema)).toEqual([
      "policy.workerUrl: invalid (spine-reg.hospital.example)",
      "policy.language: invalid (es)",
      "policy.profiles: invalid (profile 1 (x): fields.IDC_PAT.pattern (must be a valid regular expression))",
    ]);
  });
});

describe("the generated policy files", () => {
  const { chromeUpdateXml, firefoxInstallXpi } = updateUrls(config);
  const chromeExtensionSettings = {
    [EXTENSION_ID]: { installation_mode: "force_installed", update_url: chromeUpdateXml },
  };

  it("are the committed files in docs/policy (run `node scripts/policy/main.ts` after a change)", () => {
    for (const [name, content] of files) {
      const committed = readFileSync(join(REPO_ROOT, "docs/policy", name), "utf8");
      if (!isSameFile(name, committed, content)) expect(committed, name).toBe(content);
    }
  });

  it("Windows .reg (Chrome and Edge): force install, and 3rdparty values valid for the schema", () => {
    for (const [name, root] of [
      ["windows/chrome.reg", "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome"],
      ["windows/edge.reg", "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge"],
    ] as const) {
      const reg = parseReg(file(name));
      expect(JSON.parse(String(reg.get(root)?.get("ExtensionSettings")))).toEqual(
        chromeExtensionSettings,
      );
      const values = reg.get(`${root}\\3rdparty\\extensions\\${EXTENSION_ID}\\policy`);
      if (!values) throw new Error(`${name}: no 3rdparty key`);
      const policy = readRegPolicy(values, schema);
      expect(validateManagedValue(schema, policy), name).toEqual([]);
      expect(policy).toEqual(config.policy);
    }
  });

  it("Windows JSON for Intune/GPO: the same ExtensionSettings and 3rdparty values", () => {
    expect(JSON.parse(file("windows/extension-settings.json"))).toEqual(chromeExtensionSettings);
    const policy = JSON.parse(file("windows/3rdparty-policy.json"));
    expect(validateManagedValue(schema, policy)).toEqual([]);
    expect(policy).toEqual(config.policy);
  });

  it("macOS .mobileconfig: ExtensionSettings and <browser>.extensions.<id> payloads for Chrome and Edge", () => {
    const profile = parsePlist(file("macos/spine-reg.mobileconfig")) as {
      PayloadType: string;
      PayloadContent: Record<string, unknown>[];
    };
    expect(profile.PayloadType).toBe("Configuration");
    const uuids = new Set(profile.PayloadContent.map((payload) => payload.PayloadUUID));
    expect(uuids.size).toBe(profile.PayloadContent.length);
    for (const domain of ["com.google.Chrome", "com.microsoft.Edge"]) {
      const browser = profile.PayloadContent.find((payload) => payload.PayloadType === domain);
      expect(browser?.ExtensionSettings).toEqual(chromeExtensionSettings);
      const extension = profile.PayloadContent.find(
        (payload) => payload.PayloadType === `${domain}.extensions.${EXTENSION_ID}`,
      );
      if (!extension) throw new Error(`no payload for ${domain}.extensions.${EXTENSION_ID}`);
      const policy = Object.fromEntries(
        Object.entries(extension).filter(([key]) => !key.startsWith("Payload")),
      );
      expect(validateManagedValue(schema, policy), domain).toEqual([]);
      expect(policy).toEqual(config.policy);
    }
  });

  it("Linux JSON (Chrome and Chromium folders): ExtensionSettings and 3rdparty.extensions.<id>", () => {
    const linux = JSON.parse(file("linux/spine-reg.json"));
    expect(linux.ExtensionSettings).toEqual(chromeExtensionSettings);
    expect(Object.keys(linux["3rdparty"].extensions)).toEqual([EXTENSION_ID]);
    expect(validateManagedValue(schema, linux["3rdparty"].extensions[EXTENSION_ID])).toEqual([]);
    expect(linux["3rdparty"].extensions[EXTENSION_ID]).toEqual(config.policy);
  });

  it("Firefox policies.json: force install from install_url and 3rdparty.Extensions.<gecko id>", () => {
    const { policies } = JSON.parse(file("firefox/policies.json"));
    expect(policies.ExtensionSettings).toEqual({
      [GECKO_ID]: { installation_mode: "force_installed", install_url: firefoxInstallXpi },
    });
    expect(validateManagedValue(schema, policies["3rdparty"].Extensions[GECKO_ID])).toEqual([]);
    expect(policies["3rdparty"].Extensions[GECKO_ID]).toEqual(config.policy);
  });

  it("hold no real secret: the example token is a placeholder", () => {
    for (const [name, content] of files) {
      expect(content, name).not.toMatch(/BEGIN [A-Z ]*PRIVATE KEY/);
      if (content.includes("apiToken"))
        expect(content, name).toContain("REPLACE-WITH-THE-HOSPITAL-API-TOKEN");
    }
  });
});
