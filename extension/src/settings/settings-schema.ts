import * as z from "zod/mini";
import { EhrProfileSchema } from "../adapters/ehr-profile-schema.ts";

// Every setting once: its type, its rules, its default in a release build, and its words for
// the hospital's IT. The managed-storage schema (public/managed-schema.json, written by
// `node scripts/policy/main.ts`), the merge of policy and user values, the configuration
// problems and the policy files' check are all derived from it. Node-safe (the policy
// scripts import it); the content script never does: it is given settings by the background.

const LanguageSchema = z.enum(["auto", "fr", "nl", "de", "en"]);

export const DcdSettingSchema = z.object({
  /** A DCD technical name, e.g. SPIN_SURG. */
  id: z.string().check(z.regex(/^[A-Za-z][\w-]{0,63}$/)),
  /** A semantic version, to pin one (default: the worker's). */
  version: z.optional(z.string().check(z.regex(/^\d+\.\d+\.\d+$/))),
});

const WorkerUrlSchema = z.string().check(
  // "" is "not set" (a missing setting, said as such), not a wrong one.
  z.refine((url) => url === "" || (/^https?:\/\/\S+$/.test(url) && URL.canParse(url)), {
    error: "an http(s) URL",
  }),
  z.overwrite((url) => url.replace(/\/+$/, "")),
);

/** A setting as the managed schema shows it to IT (chrome://policy, ADMX-like tools). */
function described<T extends z.ZodMiniType>(schema: T, title: string, description: string): T {
  z.globalRegistry.add(schema, { title, description });
  return schema;
}

export const SettingsSchema = z.object({
  workerUrl: described(
    z._default(WorkerUrlSchema, ""),
    "Worker URL",
    "Base URL of the hospital's spine-reg worker, e.g. https://spine-reg.hospital.example",
  ),
  apiToken: described(
    z._default(z.string(), ""),
    "API token",
    "Bearer API token of the hospital on the worker; only the extension's background reads it",
  ),
  authorGroup: described(
    z._default(z.string(), ""),
    "Author group",
    "Default author group, prefilled in the form",
  ),
  author: described(
    z._default(z.string(), ""),
    "Default author",
    "Default author e-mail, prefilled in the form; set by policy it is the same for every user",
  ),
  dcd: described(
    z._default(DcdSettingSchema, { id: "SPIN_SURG" }),
    "Registry definition (DCD)",
    "Which DCD the form uses: its technical name (default SPIN_SURG) and, to pin one, its version (e.g. 0.1.0); the worker serves it at /v1/dcd",
  ),
  language: described(
    z._default(LanguageSchema, "auto"),
    "Language",
    "auto (the browser's language), fr, nl, de or en. No enum on purpose: the extension reports an unknown language instead of Chrome dropping it silently",
  ),
  ehrOrigins: described(
    z._default(z.array(z.string()), []),
    "EHR pages",
    "Match patterns of the EHR pages the overlay runs on, e.g. https://ehr.hospital.example/*",
  ),
  profiles: described(
    z._default(z.array(EhrProfileSchema), []),
    "EHR profiles",
    "Declarative EHR profiles (id, name, matches, fields: DCD technical name -> where to read it; see docs/deploy-by-policy.md)",
  ),
  draftRetentionDays: described(
    z._default(z.int().check(z.minimum(0), z.maximum(365)), 7),
    "Draft retention (days)",
    "Days a local draft copy is kept after its last edit (0-365)",
  ),
});

/** Every setting, the API token included: what storage, the policy and the background hold. */
export type SettingsWithToken = z.output<typeof SettingsSchema>;
export type SettingKey = keyof SettingsWithToken;
export type LanguageSetting = z.output<typeof LanguageSchema>;
export type DcdSetting = z.output<typeof DcdSettingSchema>;

export const SETTING_KEYS = Object.keys(SettingsSchema.shape) as SettingKey[];

/** The defaults of a release build: no worker and no EHR page until IT or the user sets them. */
export const RELEASE_DEFAULTS: Readonly<SettingsWithToken> = SettingsSchema.parse({});

/** One value of a setting, checked (and normalised, e.g. a URL's trailing slash dropped). */
export function parseSetting<K extends SettingKey>(key: K, value: unknown) {
  const schema: z.ZodMiniType = SettingsSchema.shape[key];
  return (schema as z.ZodMiniType<SettingsWithToken[K]>).safeParse(value);
}
