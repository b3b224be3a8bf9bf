import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import { z } from "zod";
import { handleMessage, refreshRegistration } from "../background/handle-message.ts";
import { showHostAccess } from "../background/show-host-access.ts";
import { syncContentScripts } from "../background/sync-content-scripts.ts";
import type { ExtensionMessage } from "../messages/extension-message.ts";
import { isFinal } from "../registrations/local-registration.ts";
import { listRegistrations, purgeRegistrations } from "../registrations/registration-store.ts";
import { findUngrantedOrigins } from "../settings/find-ungranted-origins.ts";
import { loadSettings, watchSettings } from "../settings/load-settings.ts";

const REFRESH_ALARM = "refresh-registrations";

export default defineBackground(() => {
  // MV3 forbids eval: zod must not compile its fast paths with new Function (stack.md).
  z.config({ jitless: true });

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (typeof message !== "object" || message === null || !("type" in message)) return undefined;
    return handleMessage(message as ExtensionMessage, sender);
  });

  const sync = () => {
    syncContentScripts().catch(() => {
      // Logged without details on purpose: nothing here is worth a console full of origins.
      console.warn("spine-register: could not register the content script");
    });
    loadSettings()
      .then(({ settings }) => findUngrantedOrigins(settings.ehrOrigins))
      .then(showHostAccess)
      .catch(() => console.warn("spine-register: could not show the host access state"));
  };
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  watchSettings(sync);
  sync();

  // Registrations still travelling to HD4DP are refreshed even when no page shows them, and
  // drafts past their retention period are erased.
  browser.alarms.create(REFRESH_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name !== REFRESH_ALARM) return;
    for (const entry of await listRegistrations()) {
      if (entry.workerId && !isFinal(entry.state)) await refreshRegistration(entry.localId);
    }
    const { settings } = await loadSettings();
    await purgeRegistrations(settings.draftRetentionDays);
  });
});
