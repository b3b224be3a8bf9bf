import type { Browser } from "wxt/browser";
import { browser } from "wxt/browser";
import { OPEN_REGISTRATION_COMMAND } from "./open-registration-command.ts";
import { openRegistrationOnTab } from "./open-registration-on-tab.ts";
import { openRegistrationsPage } from "./open-registrations-page.ts";

const PAGE_MENU = "register-this-operation";
const REGISTRATIONS_MENU = "show-registrations";

/**
 * The context menu: "Register this operation" on any page, and on the toolbar button the
 * registrations (the popup's page). Menus outlive the service worker but not every browser
 * keeps them across restarts: made again on install and start-up.
 */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: PAGE_MENU,
    title: browser.i18n.getMessage("registerThisOperation"),
    contexts: ["page", "frame", "selection", "link", "editable", "image"],
  });
  browser.contextMenus.create({
    id: REGISTRATIONS_MENU,
    title: browser.i18n.getMessage("showRegistrations"),
    contexts: ["action"],
  });
}

/**
 * The toolbar button, the context menu and the keyboard shortcut open the registration on
 * the page shown. Where no page can be read (a browser page), the button and the shortcut
 * show the registrations instead of nothing.
 */
export function listenForOpenRegistration(): void {
  const openOrList = async (tab: Browser.tabs.Tab | undefined) => {
    if (!(await openRegistrationOnTab(tab))) await openRegistrationsPage();
  };
  browser.action.onClicked.addListener((tab) => void openOrList(tab));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === OPEN_REGISTRATION_COMMAND) void openOrList(tab);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === PAGE_MENU) void openRegistrationOnTab(tab, info.frameId);
    else if (info.menuItemId === REGISTRATIONS_MENU) void openRegistrationsPage();
  });
}
