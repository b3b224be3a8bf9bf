import type { Page } from "playwright-core";
import { browserSession, type LaunchedExtension } from "./launch-extension.ts";

/**
 * Clicks the extension's toolbar button on the tab of this page, as the user would: headless
 * Chromium has no toolbar, its DevTools protocol runs the action instead, with what a click
 * grants (activeTab). The page's URL names its tab.
 */
export async function clickToolbarButton(browser: LaunchedExtension, page: Page): Promise<void> {
  const cdp = await browserSession(browser.context);
  try {
    const { targetInfos } = await cdp.send("Target.getTargets", { filter: [{ type: "tab" }] });
    const tab = targetInfos.find((target) => target.url === page.url());
    if (!tab) throw new Error(`no tab shows ${page.url()}`);
    await cdp.send("Extensions.triggerAction", { id: browser.extensionId, targetId: tab.targetId });
  } finally {
    await cdp.detach();
  }
}
