import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { createShadowRootUi } from "wxt/utils/content-script-ui/shadow-root";
import { BUILTIN_PROFILES } from "../adapters/builtin-profiles.ts";
import { observePageChanges } from "../adapters/observe-page-changes.ts";
import { type ScanResult, scanPage } from "../adapters/scan-page.ts";
import { sendMessage } from "../messages/send-message.ts";
import { createConfigProblemNotice } from "../settings/create-config-problem-notice.ts";
import { loadConfigProblems } from "../settings/load-config-problems.ts";
import { loadSettings } from "../settings/load-settings.ts";
import { resolveLocale } from "../settings/resolve-locale.ts";
import type { FormHandle } from "./form-module.ts";
import { LAUNCH_TEXT } from "./launch-text.ts";
import { LAUNCHER_CSS } from "./launcher-css.ts";

/**
 * The page side: reads the chart, shows the launcher when the page is a chart, loads the
 * form on demand. Patient data stays in memory here and is never logged.
 */
export async function startOverlay(ctx: ContentScriptContext): Promise<void> {
  const [{ settings }, problems] = await Promise.all([loadSettings(), loadConfigProblems()]);
  if (ctx.isInvalid) return;
  const profiles = [...settings.profiles, ...BUILTIN_PROFILES];
  const locale = resolveLocale(settings.language, navigator.languages ?? [navigator.language]);
  const text = LAUNCH_TEXT[locale];
  const scanNow = () => scanPage(document, location.href, profiles);

  const scanStarted = performance.now();
  let scan: ScanResult = scanNow();
  // How long reading the page took (no patient data): read by bench/extension.bench.ts.
  const scanMs = performance.now() - scanStarted;
  let form: FormHandle | undefined;
  let button: HTMLButtonElement | undefined;
  let panel: HTMLElement | undefined;

  const ui = await createShadowRootUi(ctx, {
    name: "spine-register-overlay",
    position: "inline",
    anchor: "body",
    append: "last",
    css: LAUNCHER_CSS,
    // Keystrokes typed in the form must not trigger the EHR's own shortcuts.
    isolateEvents: true,
    onMount(container, _shadow, host) {
      host.setAttribute("data-spine-register", "");
      host.dataset.scanMs = scanMs.toFixed(2);
      button = document.createElement("button");
      button.type = "button";
      button.className = "launcher";
      button.textContent = text.launch;
      button.setAttribute("aria-haspopup", "dialog");
      button.setAttribute("aria-expanded", "false");
      button.addEventListener("click", () => void openForm());
      panel = document.createElement("div");
      container.append(button, panel);
      // A wrong or incomplete configuration is said, never silent (issue 5).
      if (problems.length > 0) container.append(createConfigProblemNotice(problems, locale));
    },
    onRemove() {
      form?.close();
      form = undefined;
    },
  });

  async function openForm(draftLocalId?: string) {
    if (!button || !panel) return;
    if (form) return;
    if (!globalThis.__spineRegisterForm) {
      button.setAttribute("aria-busy", "true");
      const reply = await sendMessage({ type: "load-form" });
      button.removeAttribute("aria-busy");
      if (!reply.ok || !globalThis.__spineRegisterForm) {
        const error = document.createElement("p");
        error.className = "launch-error";
        error.setAttribute("role", "alert");
        error.textContent = text.failed;
        panel.replaceChildren(error);
        return;
      }
    }
    button.hidden = true;
    button.setAttribute("aria-expanded", "true");
    form = globalThis.__spineRegisterForm.open({
      container: panel,
      scan,
      locale,
      settings,
      pageUrl: location.href,
      ...(draftLocalId ? { draftLocalId } : {}),
      onClose() {
        form = undefined;
        if (!button) return;
        button.hidden = false;
        button.setAttribute("aria-expanded", "false");
        // After the panel's removal has settled, or the browser's focus fix-up wins.
        const launcher = button;
        setTimeout(() => launcher.focus(), 0);
        update();
      },
    });
  }

  function update() {
    if (ctx.isInvalid) return;
    if (scan.isChart && !ui.mounted) ui.mount();
    else if (!scan.isChart && ui.mounted && !form) ui.remove();
    form?.updateScan(scan);
  }
  update();

  // Late rendering and single-page navigation: rescan when the page changes (not when the
  // overlay itself does), released with the content script (extension update, unload).
  const rescan = () => {
    scan = scanNow();
    update();
  };
  observePageChanges(document.body, rescan, { signal: ctx.signal, ignore: () => ui.shadowHost });
  ctx.addEventListener(window, "wxt:locationchange", rescan);

  const init = await sendMessage({ type: "page-init" });
  if (init.ok && init.value.reopenLocalId && ui.mounted) void openForm(init.value.reopenLocalId);
}
