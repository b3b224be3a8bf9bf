import type { EffectiveSettings } from "./settings.ts";
import { parseSetting, SETTING_KEYS, type SettingsWithToken } from "./settings-schema.ts";

/**
 * Policy (managed storage) over the user's values over the defaults, each value checked by
 * the settings schema. A wrong value is ignored rather than trusted (a typo in a policy
 * file must not break the overlay); findConfigProblems says so.
 */
export function mergeSettings(
  user: unknown,
  managed: unknown,
  defaults: Readonly<SettingsWithToken>,
): EffectiveSettings {
  const settings: Record<string, unknown> = { ...defaults };
  const locked: EffectiveSettings["locked"] = [];
  for (const key of SETTING_KEYS) {
    const fromPolicy = acceptedValue(managed, key);
    if (fromPolicy.accepted) {
      settings[key] = fromPolicy.value;
      locked.push(key);
      continue;
    }
    const fromUser = acceptedValue(user, key);
    if (fromUser.accepted) settings[key] = fromUser.value;
  }
  return { settings: settings as SettingsWithToken, locked };
}

function acceptedValue(
  source: unknown,
  key: keyof SettingsWithToken,
): { accepted: false } | { accepted: true; value: unknown } {
  if (typeof source !== "object" || source === null) return { accepted: false };
  const value = (source as Record<string, unknown>)[key];
  if (value === undefined || value === null) return { accepted: false };
  const parsed = parseSetting(key, value);
  return parsed.success ? { accepted: true, value: parsed.data } : { accepted: false };
}
