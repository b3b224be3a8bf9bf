import type { EhrProfile } from "../adapters/ehr-profile.ts";

export type UiLocale = "fr" | "nl" | "de" | "en";
export type LanguageSetting = "auto" | UiLocale;

/** Which registry definition the form uses: its id, and a version to pin (default: the worker's). */
export interface DcdSetting {
  id: string;
  version?: string;
}

/**
 * Everything a user or a hospital administrator can set. The same keys are the managed
 * storage (policy) schema in public/managed-schema.json: a key set by policy wins over the
 * user's value and shows locked.
 */
export interface Settings {
  /** The worker, e.g. https://spine.hospital.be (no trailing slash). */
  workerUrl: string;
  /** Bearer token of the hospital on the worker; never synced across devices. */
  apiToken: string;
  /** The DCD's author group, prefilled (see adapters/prefill-fields.ts). */
  authorGroup: string;
  /** E-mail of the author, prefilled. */
  author: string;
  dcd: DcdSetting;
  language: LanguageSetting;
  /** Match patterns of the EHR pages the content script may run on. */
  ehrOrigins: string[];
  /** Declarative EHR profiles (JSON), tried before the built-in ones. */
  profiles: EhrProfile[];
  /** Days a local draft copy (with patient data) is kept before it is erased. */
  draftRetentionDays: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  workerUrl: "http://127.0.0.1:8787",
  apiToken: "",
  authorGroup: "",
  author: "",
  dcd: { id: "SPIN_SURG" },
  language: "auto",
  ehrOrigins: ["http://127.0.0.1/*", "http://localhost/*"],
  profiles: [],
  draftRetentionDays: 7,
};

export type SettingKey = keyof Settings;
export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

export interface EffectiveSettings {
  settings: Settings;
  /** Keys set by policy: shown read-only. */
  locked: SettingKey[];
}
