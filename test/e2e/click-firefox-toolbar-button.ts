import type { Browser, Page } from "puppeteer-core";

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface ChromeTree {
  contexts: { context: string; url: string }[];
}

/**
 * Clicks the extension's toolbar button on this page's tab in Firefox, as the user would:
 * Firefox started with --remote-allow-system-access (launch-firefox.ts) lets WebDriver BiDi
 * run script in its own window, where the button is. An MV3 extension's button starts in the
 * extensions panel: it is pinned to the toolbar first, as a user may do. The action runs with
 * what a click grants (activeTab).
 */
export async function clickFirefoxToolbarButton(
  browser: Browser,
  page: Page,
  extensionId: string,
): Promise<void> {
  await page.bringToFront();
  // Puppeteer's own BiDi connection: Firefox takes one session at a time.
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send("browsingContext.getTree", { "moz:scope": "chrome" }))
    .result as ChromeTree;
  const window = tree.contexts.find((c) => c.url === "chrome://browser/content/browser.xhtml");
  if (!window) throw new Error("no Firefox window to click in");
  // Firefox's widget id of an extension's button (ExtensionCommon.makeWidgetId).
  const widget = `${extensionId.toLowerCase().replace(/[^a-z0-9_-]/g, "_")}-browser-action`;
  const evaluated = (await connection.send("script.evaluate", {
    expression: `(() => {
      const id = ${JSON.stringify(widget)};
      if (!CustomizableUI.getWidget(id)?.provider) return "no such button";
      CustomizableUI.addWidgetToArea(id, CustomizableUI.AREA_NAVBAR);
      const node = CustomizableUI.getWidget(id).forWindow(window).node;
      const button = node.querySelector(".unified-extensions-item-action-button") ?? node;
      // The command event a click on the button fires.
      button.doCommand();
      return "clicked";
    })()`,
    target: { context: window.context },
    awaitPromise: false,
  })) as { result: { result?: { value: string }; exceptionDetails?: { text: string } } };
  const outcome = evaluated.result.result?.value ?? evaluated.result.exceptionDetails?.text;
  if (outcome !== "clicked") throw new Error(`toolbar button ${widget}: ${outcome}`);
}
