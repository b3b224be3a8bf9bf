import { type ComponentChild, render } from "preact";
import type { ScanResult } from "../adapters/scan-page.ts";
import { PanelFrame } from "../components/panel-frame.tsx";
import { RegisterPanel } from "../components/register-panel.tsx";
import { uiText } from "../i18n/ui-text.ts";
import type { FormHandle, FormOpenOptions } from "../overlay/form-module.ts";
import { findOperativeReport } from "../report/find-operative-report.ts";
import { loadFormDcd } from "./form-dcd.ts";
import { PANEL_CSS } from "./panel-css.ts";

/**
 * Renders the panel in the overlay's shadow root; the content script keeps the handle. The
 * DCD comes from the background first: until then the panel says it is loading.
 */
export function openForm(options: FormOpenOptions): FormHandle {
  const { locale } = options;
  const style = document.createElement("style");
  style.textContent = PANEL_CSS;
  const root = document.createElement("div");
  options.container.replaceChildren(style, root);

  const listeners = new Set<(scan: ScanResult) => void>();
  const subscribeScan = (listener: (scan: ScanResult) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  // The page as last read: the form starts from it once the DCD is there.
  let scan = options.scan;
  // The operative report as the page shows it now: read here, in the form's bundle, since
  // only an open form proposes values from it.
  const page = options.container.ownerDocument;
  let report = findOperativeReport(page);
  let showPanel: (() => void) | undefined;
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    render(null, root);
    options.container.replaceChildren();
    options.onClose();
  };
  const notice = (text: string, role: "status" | "alert"): ComponentChild => (
    <PanelFrame locale={locale} title={uiText(locale, "registration")} onClose={close}>
      <div class="panel-body">
        <p role={role}>{text}</p>
      </div>
    </PanelFrame>
  );

  render(notice(uiText(locale, "loading"), "status"), root);
  void loadFormDcd().then((loaded) => {
    if (!open) return;
    if (!loaded.ok) {
      const text = uiText(locale, "dcdUnavailable", { detail: loaded.error.message });
      render(notice(text, "alert"), root);
      return;
    }
    const initialScan = scan;
    showPanel = () =>
      render(
        <RegisterPanel
          dcd={loaded.value}
          locale={locale}
          settings={options.settings}
          pageUrl={options.pageUrl}
          initialScan={initialScan}
          subscribeScan={subscribeScan}
          {...(report ? { report } : {})}
          {...(options.draftLocalId ? { draftLocalId: options.draftLocalId } : {})}
          onClose={close}
        />,
        root,
      );
    showPanel();
  });
  return {
    updateScan: (next) => {
      scan = next;
      for (const listener of listeners) listener(next);
      if (!open) return;
      const nextReport = findOperativeReport(page);
      if (nextReport === report) return;
      report = nextReport;
      showPanel?.();
    },
    close,
  };
}
