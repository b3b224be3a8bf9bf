import { browser } from "wxt/browser";

/**
 * EHR pages of the settings the extension may not read yet are said on the toolbar icon,
 * on every page, rather than left silent: a badge, and a title saying where to
 * click. The popup says it in full.
 */
export async function showHostAccess(ungranted: readonly string[]): Promise<void> {
  const missing = ungranted.length > 0;
  await browser.action.setBadgeText({ text: missing ? "!" : "" });
  if (missing) await browser.action.setBadgeBackgroundColor({ color: "#a4000f" });
  await browser.action.setTitle({
    title: browser.i18n.getMessage(missing ? "hostAccessMissing" : "extName"),
  });
}
