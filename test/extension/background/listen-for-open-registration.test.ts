import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Browser } from "wxt/browser";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  createMenus,
  listenForOpenRegistration,
} from "../../../extension/src/background/listen-for-open-registration.ts";
import { OPEN_REGISTRATION_COMMAND } from "../../../extension/src/background/open-registration-command.ts";
import { fakeScripting, probed } from "./fake-scripting.ts";

const PAGE = "https://intranet.hospital.test/planning";
const pageTab = { id: 12, url: PAGE } as Browser.tabs.Tab;

/** The listeners of an event the fake browser leaves out, to call as the browser would. */
function heard<T extends (...args: never[]) => unknown>(event: { addListener(listener: T): void }) {
  const listeners: T[] = [];
  vi.spyOn(event, "addListener").mockImplementation((listener) => void listeners.push(listener));
  return (...args: Parameters<T>) => Promise.all(listeners.map((listener) => listener(...args)));
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the toolbar button, the context menu and the keyboard shortcut", () => {
  let command: (command: string, tab?: Browser.tabs.Tab) => Promise<unknown>;
  let menu: (info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) => Promise<unknown>;
  let opened: { frameId: number; anyPage: boolean }[];

  beforeEach(() => {
    fakeBrowser.reset();
    command = heard(fakeBrowser.commands.onCommand);
    menu = heard(fakeBrowser.contextMenus.onClicked);
    fakeScripting({ inject: ({ func }) => (func ? [probed(0, PAGE), probed(3, PAGE)] : []) });
    opened = [];
    vi.spyOn(fakeBrowser.tabs, "sendMessage").mockImplementation((async (
      _tabId: number,
      message: { anyPage: boolean },
      options: { frameId: number },
    ) => {
      if (message.anyPage) opened.push({ frameId: options.frameId, anyPage: true });
      return message.anyPage;
    }) as never);
    listenForOpenRegistration();
  });
  afterEach(() => vi.restoreAllMocks());

  const registrationsPages = async () =>
    (await fakeBrowser.tabs.query({})).filter((tab) => tab.url?.endsWith("/popup.html"));

  it("open the registration on the page shown, the menu in the frame pointed at", async () => {
    await fakeBrowser.action.onClicked.trigger(pageTab);
    await command(OPEN_REGISTRATION_COMMAND, pageTab);
    await menu({ menuItemId: "register-this-operation", frameId: 3 } as never, pageTab);
    await settled();
    expect(opened).toEqual([
      { frameId: 0, anyPage: true },
      { frameId: 0, anyPage: true },
      { frameId: 3, anyPage: true },
    ]);
    expect(await registrationsPages()).toEqual([]);
  });

  it("show the registrations where no page can be read, and from the button's menu", async () => {
    await fakeBrowser.action.onClicked.trigger({ id: 4, url: "chrome://newtab/" } as never);
    await settled();
    expect(await registrationsPages()).toHaveLength(1);
    await menu({ menuItemId: "show-registrations" } as never);
    await settled();
    expect(await registrationsPages()).toHaveLength(2);
    expect(opened).toEqual([]);
  });

  it("leave other commands alone", async () => {
    await command("_execute_action", pageTab);
    await settled();
    expect(opened).toEqual([]);
  });

  it("have their menu entries, in the browser's language", async () => {
    const created: Browser.contextMenus.CreateProperties[] = [];
    const removeAll = vi.spyOn(fakeBrowser.contextMenus, "removeAll").mockResolvedValue();
    vi.spyOn(fakeBrowser.contextMenus, "create").mockImplementation((properties) => {
      created.push(properties);
      return properties.id ?? "";
    });
    vi.spyOn(fakeBrowser.i18n, "getMessage").mockImplementation((key) => `«${key}»`);
    await createMenus();
    await createMenus();
    expect(removeAll).toHaveBeenCalledTimes(2);
    expect(created.slice(2)).toEqual([
      {
        id: "register-this-operation",
        title: "«registerThisOperation»",
        contexts: ["page", "frame", "selection", "link", "editable", "image"],
      },
      { id: "show-registrations", title: "«showRegistrations»", contexts: ["action"] },
    ]);
  });
});
