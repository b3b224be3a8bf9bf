import "../../../shared-schema/src/jitless-zod.ts";
import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import { forgetEndedGrants } from "../background/forget-ended-grants.ts";
import { handleMessage, refreshRegistration } from "../background/handle-message.ts";
import { injectIntoOpenTabs } from "../background/inject-into-open-tabs.ts";
import {
  createMenus,
  listenForOpenRegistration,
} from "../background/listen-for-open-registration.ts";
import { restrictStorageAccess } from "../background/restrict-storage-access.ts";
import { showHostAccess } from "../background/show-host-access.ts";
import {
  registerKnownContentScripts,
  syncContentScripts,
} from "../background/sync-content-scripts.ts";
import type { ExtensionMessage } from "../messages/extension-message.ts";
import { isFinal } from "../registrations/local-registration.ts";
import { listRegistrations, purgeRegistrations } from "../registrations/registration-store.ts";
import { findUngrantedOrigins } from "../settings/find-ungranted-origins.ts";
import { loadSettings, watchSettings } from "../settings/load-settings.ts";

const REFRESH_ALARM = "refresh-registrations";

export default defineBackground(() => {
  // First: the storage holding the API token is closed to content scripts before any runs.
  void restrictStorageAccess();

  // Logged without details on purpose: nothing here is worth a console full of origins.
  const notRegistered = () => {
    console.warn("spine-register: could not register the content script");
    return [];
  };
  // First of all, without waiting for the policy (managed storage can take seconds to
  // answer while the browser starts): a chart opened now gets its overlay.
  const known = registerKnownContentScripts().catch(notRegistered);

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (typeof message !== "object" || message === null || !("type" in message)) return undefined;
    return handleMessage(message as ExtensionMessage, sender);
  });
  listenForOpenRegistration();
  forgetEndedGrants();

  /** The content script and the toolbar icon as the settings and permissions say now. */
  const sync = (): Promise<string[]> => {
    loadSettings()
      .then(({ settings }) => findUngrantedOrigins(settings.ehrOrigins))
      .then(showHostAccess)
      .catch(() => console.warn("spine-register: could not show the host access state"));
    return syncContentScripts().catch(notRegistered);
  };
  const reachOpenTabs = (origins: Promise<string[]>) => {
    origins
      .then(injectIntoOpenTabs)
      .catch(() => console.warn("spine-register: could not start the overlay in the open tabs"));
  };
  const synced = sync();
  // Installed (a policy's force-install lands on a running browser), updated, or the browser
  // started: the charts already open get the overlay, at once, and again once the policy
  // has answered.
  const start = () => {
    createMenus().catch(() => console.warn("spine-register: could not create the menus"));
    reachOpenTabs(known);
    reachOpenTabs(synced);
  };
  browser.runtime.onInstalled.addListener(start);
  browser.runtime.onStartup.addListener(start);
  // An origin newly granted or configured: its charts already open too.
  browser.permissions.onAdded.addListener(() => reachOpenTabs(sync()));
  browser.permissions.onRemoved.addListener(() => void sync());
  watchSettings(() => reachOpenTabs(sync()));

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
