import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { Locale } from "../../../shared-schema/src/dcd.ts";
import { uiText } from "../i18n/ui-text.ts";

interface PanelFrameProps {
  locale: Locale;
  title: string;
  onClose(): void;
  /** Escape closes the panel unless something on top of it (a dialog) takes the key. */
  escapeCloses?: boolean;
  children: ComponentChildren;
}

/** The side panel: its title (focused when it opens), Close, and what it holds. */
export function PanelFrame({
  locale,
  title,
  onClose,
  escapeCloses = true,
  children,
}: PanelFrameProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div
      class="panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="panel-title"
      lang={locale}
      onKeyDown={(event) => {
        if (event.key === "Escape" && escapeCloses) onClose();
      }}
    >
      <div class="panel-header">
        <h2 id="panel-title" ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" class="secondary close" onClick={onClose}>
          {uiText(locale, "close")}
        </button>
      </div>
      {children}
    </div>
  );
}
