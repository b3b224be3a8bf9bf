import { mergeSettings } from "./merge-settings.ts";
import { SETTING_KEYS, type SettingKey } from "./settings.ts";

export interface ConfigProblem {
  key: SettingKey;
  /** notGranted: EHR pages the extension has no host access to yet (found by loadConfigProblems). */
  reason: "missing" | "invalid" | "notGranted";
  /** Who can fix it: the hospital's policy (ask IT) or the user's own options. */
  source: "policy" | "user";
  /** Technical detail for IT (English, never patient data), e.g. which profile is wrong. */
  detail?: string;
}

/** Without these the overlay cannot talk to the worker. */
const REQUIRED: readonly SettingKey[] = ["workerUrl", "apiToken"];
const DATE_LAYOUTS = new Set(["dmy", "ymd", "mdy"]);

/**
 * What is missing or wrong in the configuration, so the popup and the overlay can say it
 * instead of failing silently (issue 5). mergeSettings ignores a bad value; this says so.
 * No zod on purpose: the content script calls it and must stay small.
 */
export function findConfigProblems(user: unknown, managed: unknown): ConfigProblem[] {
  const policy = asRecord(managed);
  const own = asRecord(user);
  const problems: ConfigProblem[] = [];
  for (const key of SETTING_KEYS) {
    for (const [source, values] of [
      ["policy", policy],
      ["user", own],
    ] as const) {
      const value = values[key];
      if (value === undefined || value === null) continue;
      const detail = findValueProblem(key, value);
      if (detail !== undefined)
        problems.push({ key, reason: "invalid", source, ...(detail ? { detail } : {}) });
    }
  }
  // Deployed by policy: the required settings must come from the policy or the user, never
  // from the developer defaults (a workstation talking to http://127.0.0.1 is a mistake).
  const deployedByPolicy = Object.keys(policy).length > 0;
  const { settings } = mergeSettings(own, policy);
  for (const key of REQUIRED) {
    if (problems.some((problem) => problem.key === key)) continue;
    const fromDefaults = !isAccepted(key, policy[key]) && !isAccepted(key, own[key]);
    if (settings[key] === "" || (deployedByPolicy && fromDefaults)) {
      problems.push({ key, reason: "missing", source: deployedByPolicy ? "policy" : "user" });
    }
  }
  return problems;
}

/** undefined when the value is fine, else a detail ("" when the key alone says enough). */
function findValueProblem(key: SettingKey, value: unknown): string | undefined {
  if (key === "profiles" && Array.isArray(value)) {
    for (const [index, profile] of value.entries()) {
      const problem = findProfileProblem(profile);
      if (problem) return `profile ${index + 1}${profileName(profile)}: ${problem}`;
    }
  }
  if (key === "workerUrl" && typeof value === "string" && !URL.canParse(value)) return value;
  if (isAccepted(key, value)) return undefined;
  if (key === "language" || key === "workerUrl")
    return typeof value === "string" ? value : typeof value;
  return "";
}

function isAccepted(key: SettingKey, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  return mergeSettings({}, { [key]: value }).locked.includes(key);
}

/** The same rules as EhrProfileSchema (ehr-profile-schema.ts), without zod. */
export function findProfileProblem(profile: unknown): string | undefined {
  if (!isRecord(profile)) return "not an object";
  if (typeof profile.id !== "string" || !/^[\w.-]{1,64}$/.test(profile.id)) return "id";
  if (typeof profile.name !== "string" || profile.name.length === 0) return "name";
  if (!isStringList(profile.matches) || profile.matches.length === 0) return "matches";
  if (!isRecord(profile.fields)) return "fields";
  for (const [name, rule] of Object.entries(profile.fields)) {
    const at = `fields.${name}`;
    if (!/^[A-Z_][A-Z0-9_]*$/.test(name)) return `${at}: not a DCD technical name`;
    if (!isRecord(rule)) return `${at}: not an object`;
    if (rule.selector === undefined && rule.label === undefined)
      return `${at}: needs a selector or a label`;
    if (rule.selector !== undefined && (typeof rule.selector !== "string" || !rule.selector))
      return `${at}.selector`;
    if (rule.label !== undefined && (!isStringList(rule.label) || rule.label.length === 0))
      return `${at}.label`;
    if (rule.pattern !== undefined && !isRegExp(rule.pattern)) return `${at}.pattern`;
    if (rule.dateLayout !== undefined && !DATE_LAYOUTS.has(rule.dateLayout as string))
      return `${at}.dateLayout`;
    if (
      rule.map !== undefined &&
      !(isRecord(rule.map) && Object.values(rule.map).every((v) => typeof v === "string"))
    )
      return `${at}.map`;
  }
  return undefined;
}

function profileName(profile: unknown): string {
  return isRecord(profile) && typeof profile.id === "string" ? ` (${profile.id})` : "";
}

function isRegExp(source: unknown): boolean {
  if (typeof source !== "string") return false;
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string" && item.length > 0);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
