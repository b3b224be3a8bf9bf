import { browser } from "wxt/browser";

/**
 * The EHR origins of the settings the extension may not read yet. Chrome has no policy that
 * grants host access to a force-installed extension's optional permissions (ExtensionSettings'
 * runtime_allowed_hosts only lifts runtime_blocked_hosts), so a policy's origins wait for one
 * click in the options page (docs/deploy-by-policy.md). Extension pages only: content
 * scripts have no permissions API.
 */
export async function findUngrantedOrigins(origins: readonly string[]): Promise<string[]> {
  const ungranted: string[] = [];
  for (const origin of origins) {
    try {
      if (!(await browser.permissions.contains({ origins: [origin] }))) ungranted.push(origin);
    } catch {
      // Not a match pattern: it can never be granted, and the content script skips it too.
    }
  }
  return ungranted;
}
