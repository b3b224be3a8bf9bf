import { type ConfigProblem, findConfigProblems } from "./find-config-problems.ts";
import { findUngrantedOrigins } from "./find-ungranted-origins.ts";
import { loadSettings, readManagedSettings, userSettingsItem } from "./load-settings.ts";
import { DEFAULT_SETTINGS } from "./settings.ts";

/**
 * The configuration problems of this browser right now (user's values and policy). With
 * `hostAccess` (extension pages only) also the EHR pages the extension may not read yet.
 */
export async function loadConfigProblems({ hostAccess = false } = {}): Promise<ConfigProblem[]> {
  const [user, managed] = await Promise.all([userSettingsItem.getValue(), readManagedSettings()]);
  const problems = findConfigProblems(user, managed, DEFAULT_SETTINGS);
  if (!hostAccess) return problems;
  const { settings, locked } = await loadSettings();
  const ungranted = await findUngrantedOrigins(settings.ehrOrigins);
  if (ungranted.length > 0) {
    problems.push({
      key: "ehrOrigins",
      reason: "notGranted",
      source: locked.includes("ehrOrigins") ? "policy" : "user",
      detail: ungranted.join(", "),
    });
  }
  return problems;
}
