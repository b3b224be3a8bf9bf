import { useEffect, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import { describeConfigProblems } from "../settings/config-problem-text.ts";
import type { ConfigProblem } from "../settings/find-config-problems.ts";
import { loadConfigProblems } from "../settings/load-config-problems.ts";
import { watchSettings } from "../settings/load-settings.ts";
import type { UiLocale } from "../settings/settings.ts";

/** What is wrong with the configuration and whom to ask; nothing when all is well. */
export function ConfigProblems({ locale }: { locale: UiLocale }) {
  const [problems, setProblems] = useState<ConfigProblem[]>([]);
  useEffect(() => {
    const load = () => void loadConfigProblems({ hostAccess: true }).then(setProblems);
    load();
    // A policy pushed while the popup is open applies at once (storage.onChanged), and so
    // does access granted in the options page.
    const unwatch = watchSettings(load);
    browser.permissions.onAdded.addListener(load);
    browser.permissions.onRemoved.addListener(load);
    return () => {
      unwatch();
      browser.permissions.onAdded.removeListener(load);
      browser.permissions.onRemoved.removeListener(load);
    };
  }, []);
  if (problems.length === 0) return null;
  const { title, lines, ask } = describeConfigProblems(problems, locale);
  return (
    <div role="alert" class="error" data-testid="config-problems">
      <strong>{title}</strong>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>{ask}</p>
    </div>
  );
}
