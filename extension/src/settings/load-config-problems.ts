import { type ConfigProblem, findConfigProblems } from "./find-config-problems.ts";
import { readManagedSettings, userSettingsItem } from "./load-settings.ts";

/** The configuration problems of this browser right now (user's values and policy). */
export async function loadConfigProblems(): Promise<ConfigProblem[]> {
  const [user, managed] = await Promise.all([userSettingsItem.getValue(), readManagedSettings()]);
  return findConfigProblems(user, managed);
}
