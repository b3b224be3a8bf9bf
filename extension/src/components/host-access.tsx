import { useEffect, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import { uiText } from "../i18n/ui-text.ts";
import { findUngrantedOrigins } from "../settings/find-ungranted-origins.ts";
import type { UiLocale } from "../settings/settings.ts";

/**
 * The EHR pages of the settings (a policy's included) the extension may not read yet, and
 * the one click that grants them: no policy can (docs/deploy-by-policy.md).
 */
export function HostAccess({ locale, origins }: { locale: UiLocale; origins: readonly string[] }) {
  const [ungranted, setUngranted] = useState<string[]>([]);
  const [denied, setDenied] = useState(false);
  const key = origins.join("\n");
  useEffect(() => {
    const load = () =>
      void findUngrantedOrigins(key.split("\n").filter(Boolean)).then(setUngranted);
    load();
    browser.permissions.onAdded.addListener(load);
    browser.permissions.onRemoved.addListener(load);
    return () => {
      browser.permissions.onAdded.removeListener(load);
      browser.permissions.onRemoved.removeListener(load);
    };
  }, [key]);
  if (ungranted.length === 0) return null;

  const allow = () => {
    // Called first thing in the click: Chrome grants host access only within a user gesture.
    browser.permissions
      .request({ origins: ungranted })
      .catch(() => false)
      .then(async (granted) => {
        setDenied(!granted);
        setUngranted(await findUngrantedOrigins(origins));
      });
  };
  return (
    <section class="host-access" aria-labelledby="host-access-title" data-testid="host-access">
      <h2 id="host-access-title">{uiText(locale, "hostAccessTitle")}</h2>
      <p>{uiText(locale, "hostAccessWhy")}</p>
      <ul>
        {ungranted.map((origin) => (
          <li key={origin}>
            <code>{origin}</code>
          </li>
        ))}
      </ul>
      <button type="button" onClick={allow}>
        {uiText(locale, "allowAccess")}
      </button>
      {denied ? (
        <p role="alert" class="error">
          {uiText(locale, "permissionDenied")}
        </p>
      ) : null}
    </section>
  );
}
