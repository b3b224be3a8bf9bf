/// <reference types="vite/client" />
import {
  type LanguageSetting,
  RELEASE_DEFAULTS,
  type SettingKey,
  type SettingsWithToken,
} from "./settings-schema.ts";

export {
  type DcdSetting,
  type LanguageSetting,
  SETTING_KEYS,
  type SettingKey,
  type SettingsWithToken,
} from "./settings-schema.ts";

export type UiLocale = Exclude<LanguageSetting, "auto">;

/**
 * The settings every part of the extension may see. The API token is not among them: only
 * the background reads it (from SettingsWithToken), so neither the page's content script nor
 * the form ever holds it.
 */
export type Settings = Omit<SettingsWithToken, "apiToken">;

/**
 * A development build (`wxt`, `wxt build --mode development`) talks to the local worker and
 * reads the demo EHR (`npm start`, `npm run demo-ehr`); a release build knows neither (the
 * comparison is folded at build time: not even the address is in it), so a workstation
 * never sends to http://127.0.0.1 by mistake. The manifest's host access follows the same
 * mode (wxt.config.ts).
 */
export const DEFAULT_SETTINGS: Readonly<SettingsWithToken> =
  import.meta.env.MODE === "development"
    ? {
        ...RELEASE_DEFAULTS,
        workerUrl: "http://127.0.0.1:8787",
        ehrOrigins: ["http://127.0.0.1/*", "http://localhost/*"],
      }
    : RELEASE_DEFAULTS;

export interface EffectiveSettings {
  settings: SettingsWithToken;
  /** Keys set by policy: shown read-only. */
  locked: SettingKey[];
}
