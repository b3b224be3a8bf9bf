import { browser } from "wxt/browser";
import { MatchPattern } from "wxt/utils/match-patterns";
import { injectOverlay } from "./inject-overlay.ts";

/**
 * A registered content script reaches only the pages loaded after its registration: the
 * charts already open when the extension is installed, updated or started, or when their
 * origin is granted, get the overlay here, in every frame of these origins.
 */
export async function injectIntoOpenTabs(patterns: readonly string[]): Promise<void> {
  if (patterns.length === 0) return;
  const matchers = patterns.flatMap((pattern) => {
    try {
      return [new MatchPattern(pattern)];
    } catch {
      return []; // a pattern the browser takes that this parser does not: no frame of it
    }
  });
  const covered = (url: string) =>
    URL.canParse(url) && matchers.some((matcher) => matcher.includes(url));
  const tabs = await browser.tabs.query({ url: [...patterns] });
  await Promise.all(
    tabs.map(async ({ id }) => {
      if (id === undefined) return;
      // A discarded tab, an error page, a tab closed meanwhile: it gets the overlay on load.
      await injectOverlay(id, covered).catch(() => undefined);
    }),
  );
}
