import { createWorkerClient, type WorkerClient } from "../api/worker-client.ts";
import { loadSettings } from "../settings/load-settings.ts";
import { resolveLocale } from "../settings/resolve-locale.ts";
import type { SettingsWithToken } from "../settings/settings.ts";

/** A worker URL and a token: enough to try the worker (whether it accepts them is its say). */
export function isConfigured(settings: SettingsWithToken): boolean {
  return settings.workerUrl !== "" && settings.apiToken !== "";
}

/** A worker client from the current settings, or undefined when URL or token are missing. */
export async function createClientFromSettings(): Promise<WorkerClient | undefined> {
  const { settings } = await loadSettings();
  if (!isConfigured(settings)) return undefined;
  const locale = resolveLocale(settings.language, navigator.languages ?? [navigator.language]);
  return createWorkerClient({ baseUrl: settings.workerUrl, token: settings.apiToken, locale });
}
