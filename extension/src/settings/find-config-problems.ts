import { isRecord } from "../../../shared-schema/src/is-record.ts";
import { mergeSettings } from "./merge-settings.ts";
import {
  parseSetting,
  RELEASE_DEFAULTS,
  SETTING_KEYS,
  type SettingKey,
  type SettingsWithToken,
} from "./settings-schema.ts";

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
/** Values worth quoting back to IT; never the token. */
const QUOTED: ReadonlySet<SettingKey> = new Set(["workerUrl", "language"]);

/**
 * What is missing or wrong in the configuration, so the popup and the overlay can say it
 * instead of failing silently: mergeSettings ignores a wrong value, this says so. `defaults`
 * are the build's (a development build has a local worker URL, a release build none).
 */
export function findConfigProblems(
  user: unknown,
  managed: unknown,
  defaults: Readonly<SettingsWithToken>,
): ConfigProblem[] {
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
      const parsed = parseSetting(key, value);
      if (parsed.success) continue;
      const detail = detailOf(key, value, parsed.error.issues[0]);
      problems.push({ key, reason: "invalid", source, ...(detail ? { detail } : {}) });
    }
  }
  // Deployed by policy, the required settings must come from the policy or the user, never
  // from a development build's defaults (a workstation talking to http://127.0.0.1 is a
  // mistake).
  const deployedByPolicy = Object.keys(policy).length > 0;
  const { settings } = mergeSettings(own, policy, deployedByPolicy ? RELEASE_DEFAULTS : defaults);
  for (const key of REQUIRED) {
    if (problems.some((problem) => problem.key === key)) continue;
    if (settings[key] === "")
      problems.push({ key, reason: "missing", source: deployedByPolicy ? "policy" : "user" });
  }
  return problems;
}

interface Issue {
  path: PropertyKey[];
  message: string;
}

function detailOf(key: SettingKey, value: unknown, issue: Issue | undefined): string | undefined {
  if (QUOTED.has(key)) return typeof value === "string" ? value : typeof value;
  if (key !== "profiles" || !issue) return undefined;
  const [index, ...rest] = issue.path;
  const profile = typeof index === "number" && Array.isArray(value) ? value[index] : undefined;
  const name = isRecord(profile) && typeof profile.id === "string" ? ` (${profile.id})` : "";
  const where = typeof index === "number" ? `profile ${index + 1}${name}` : "profiles";
  const path = rest.map(String).join(".");
  return path ? `${where}: ${path} (${issue.message})` : `${where} (${issue.message})`;
}

function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
