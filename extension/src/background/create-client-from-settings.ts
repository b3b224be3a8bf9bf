import { createWorkerClient, type WorkerClient } from "../api/worker-client.ts";
import { loadSettings } from "../settings/load-settings.ts";
import { resolveLocale } from "../settings/resolve-locale.ts";

/** A worker client from the current settings, or undefined when URL or token are missing. */
export async function createClientFromSettings(): Promise<WorkerClient | undefined> {
  const { settings } = await loadSettings();
  if (!settings.workerUrl || !settings.apiToken) return undefined;
  const locale = resolveLocale(settings.language, navigator.languages ?? [navigator.language]);
  return createWorkerClient({ baseUrl: settings.workerUrl, token: settings.apiToken, locale });
}
