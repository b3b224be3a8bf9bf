import {
  type DcdSetting,
  DEFAULT_SETTINGS,
  type EffectiveSettings,
  SETTING_KEYS,
  type Settings,
} from "./settings.ts";

const LANGUAGES = new Set(["auto", "fr", "nl", "de", "en"]);

/**
 * Policy (managed storage) over the user's values over the defaults. A value of the wrong
 * type is ignored rather than trusted: a typo in a policy file must not break the overlay.
 * No zod here on purpose: the content script calls this and must stay small.
 */
export function mergeSettings(user: unknown, managed: unknown): EffectiveSettings {
  const settings = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
  const locked: (keyof Settings)[] = [];
  for (const key of SETTING_KEYS) {
    const fromPolicy = pick(managed, key);
    if (fromPolicy !== undefined) {
      settings[key] = fromPolicy;
      locked.push(key);
      continue;
    }
    const fromUser = pick(user, key);
    if (fromUser !== undefined) settings[key] = fromUser;
  }
  return { settings: settings as unknown as Settings, locked };
}

function pick(source: unknown, key: keyof Settings): unknown {
  if (typeof source !== "object" || source === null) return undefined;
  const value = (source as Record<string, unknown>)[key];
  const fallback = DEFAULT_SETTINGS[key];
  if (value === undefined || value === null) return undefined;
  switch (key) {
    case "language":
      return typeof value === "string" && LANGUAGES.has(value) ? value : undefined;
    case "ehrOrigins":
      return Array.isArray(value) && value.every((v) => typeof v === "string") ? value : undefined;
    case "profiles":
      return Array.isArray(value) && value.every(isProfileLike) ? value : undefined;
    case "dcd":
      return dcdSettingOf(value);
    case "draftRetentionDays":
      return typeof value === "number" && value >= 0 && value <= 365 ? value : undefined;
    case "workerUrl":
      return typeof value === "string" && /^https?:\/\/\S+$/.test(value)
        ? value.replace(/\/+$/, "")
        : undefined;
    default:
      return typeof value === typeof fallback ? value : undefined;
  }
}

/** A DCD technical name (e.g. SPIN_SURG), and a semantic version when one is pinned. */
export function dcdSettingOf(value: unknown): DcdSetting | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { id, version } = value as Record<string, unknown>;
  if (typeof id !== "string" || !/^[A-Za-z][\w-]{0,63}$/.test(id)) return undefined;
  if (version === undefined) return { id };
  return typeof version === "string" && /^\d+\.\d+\.\d+$/.test(version)
    ? { id, version }
    : undefined;
}

function isProfileLike(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const profile = value as Record<string, unknown>;
  return (
    typeof profile.id === "string" &&
    Array.isArray(profile.matches) &&
    typeof profile.fields === "object" &&
    profile.fields !== null
  );
}
