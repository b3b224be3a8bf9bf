import { beforeEach, describe, expect, it } from "vitest";
import type { Browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { forgetTab, rememberGrant } from "../../../extension/src/background/active-tab-grants.ts";
import { handleMessage } from "../../../extension/src/background/handle-message.ts";
import type { ExtensionMessage } from "../../../extension/src/messages/extension-message.ts";
import { userSettingsItem } from "../../../extension/src/settings/load-settings.ts";
import { contentScript, EHR_PATTERN, extensionPage } from "./fake-sender.ts";

const DCD = { id: "SPIN_SURG", version: "0.1.0" };

/** One message of each type, as its sender would write it. */
const MESSAGES: { [T in ExtensionMessage["type"]]: Extract<ExtensionMessage, { type: T }> } = {
  "load-form": { type: "load-form" },
  "page-init": { type: "page-init" },
  "config-state": { type: "config-state" },
  dcd: { type: "dcd" },
  eligibility: { type: "eligibility", codes: ["281120"] },
  register: { type: "register", dcd: DCD, record: {}, status: "draft", pageUrl: "x" },
  registration: { type: "registration", localId: "l1" },
  "key-changes": { type: "key-changes", localId: "l1", dcd: DCD, record: {} },
  "delete-registration": { type: "delete-registration", localId: "l1" },
  "list-registrations": { type: "list-registrations" },
  reopen: { type: "reopen", localId: "l1" },
  "open-options": { type: "open-options" },
  "outbox-health": { type: "outbox-health" },
  reconciliation: { type: "reconciliation", dcd: DCD, acts: [] },
};
const EXTENSION_ONLY = ["delete-registration", "list-registrations", "reopen", "outbox-health"];
const PAGE_ONLY = [
  "load-form",
  "page-init",
  "eligibility",
  "register",
  "key-changes",
  "reconciliation",
];

const EHR_PAGE = "https://ehr.hospital.test/patient/85073003328";

async function isForbidden(message: ExtensionMessage, sender: Browser.runtime.MessageSender) {
  const reply = await handleMessage(message, sender);
  return !reply.ok && reply.error.kind === "forbidden";
}

describe("who may ask the background what", () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    // No worker: what is allowed fails on its own ("config"), never as "forbidden".
    await userSettingsItem.setValue({ workerUrl: "", ehrOrigins: [EHR_PATTERN] });
  });

  it("answers the popup and the options page (in a tab or not) what is theirs", async () => {
    for (const sender of [extensionPage("/popup.html"), extensionPage("/options.html", 4)]) {
      expect(await handleMessage({ type: "list-registrations" }, sender)).toEqual({
        ok: true,
        value: [],
      });
      for (const type of PAGE_ONLY)
        expect(await isForbidden(MESSAGES[type as ExtensionMessage["type"]], sender), type).toBe(
          true,
        );
    }
  });

  it("answers our content script on an EHR page of the settings, any path, any frame", async () => {
    for (const sender of [
      contentScript(EHR_PAGE),
      contentScript("https://ehr.hospital.test/other/page?tab=2", 7, 3),
    ]) {
      const reply = await handleMessage({ type: "page-init" }, sender);
      expect(reply).toEqual({ ok: true, value: {} });
      for (const type of EXTENSION_ONLY)
        expect(await isForbidden(MESSAGES[type as ExtensionMessage["type"]], sender), type).toBe(
          true,
        );
    }
  });

  it("gives every message a sender it is answered to", async () => {
    for (const message of Object.values(MESSAGES)) {
      const forPopup = await isForbidden(message, extensionPage("/popup.html"));
      const forPage = await isForbidden(message, contentScript(EHR_PAGE));
      expect(forPopup && forPage, message.type).toBe(false);
      expect(forPopup, message.type).toBe(PAGE_ONLY.includes(message.type));
      expect(forPage, message.type).toBe(EXTENSION_ONLY.includes(message.type));
    }
  });

  it("answers a tab the user opened the registration on (activeTab) while it shows that origin", async () => {
    const page = contentScript("https://elsewhere.test/chart/1", 5);
    expect(await isForbidden({ type: "config-state" }, page)).toBe(true);
    await rememberGrant(5, "https://elsewhere.test");
    expect(await isForbidden({ type: "config-state" }, page)).toBe(false);
    // Another tab, or the same tab at another origin, was not granted.
    expect(await isForbidden({ type: "config-state" }, { ...page, tab: { id: 6 } as never })).toBe(
      true,
    );
    expect(
      await isForbidden({ type: "config-state" }, contentScript("https://third.test/", 5)),
    ).toBe(true);
    await forgetTab(5);
    expect(await isForbidden({ type: "config-state" }, page)).toBe(true);
  });

  it("refuses anyone else, without quoting the page's address", async () => {
    const refused: Browser.runtime.MessageSender[] = [
      {},
      // A page of another origin, a frame of another origin in the EHR's tab.
      contentScript("https://evil.test/"),
      contentScript("https://ads.test/frame", 7, 2),
      // A look-alike host, another scheme, an EHR page without a tab (not a content script).
      contentScript("https://ehr.hospital.test.evil.test/"),
      contentScript("http://ehr.hospital.test/"),
      { url: EHR_PAGE },
      // Another extension's page.
      { url: "chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html" },
    ];
    for (const sender of refused) {
      const reply = await handleMessage({ type: "config-state" }, sender);
      expect(reply, JSON.stringify(sender)).toMatchObject({
        ok: false,
        error: { kind: "forbidden" },
      });
      expect(JSON.stringify(reply)).not.toContain("evil");
    }
    for (const type of ["steal-everything", "toString", "__proto__"]) {
      const unknown = { type } as unknown as ExtensionMessage;
      expect(await isForbidden(unknown, extensionPage("/popup.html")), type).toBe(true);
    }
  });
});
