import { useEffect, useState } from "preact/hooks";
import type { Locale } from "../../../shared-schema/src/dcd.ts";
import type { DcdDelivery } from "../dcd/dcd-delivery.ts";
import { type UiTextKey, uiText } from "../i18n/ui-text.ts";
import type { Reply } from "../messages/extension-message.ts";
import { sendMessage } from "../messages/send-message.ts";

/**
 * Which DCD and version the form uses, and where it came from (the worker, this browser's
 * copy, the extension's own), with why the worker's is not in use when it is not.
 * `revision` changes when the settings do: the DCD is asked for again.
 */
export function DcdInUse({ locale, revision }: { locale: Locale; revision?: unknown }) {
  const [reply, setReply] = useState<Reply<DcdDelivery>>();
  useEffect(() => {
    let current = true;
    void sendMessage({ type: "dcd" }).then((next) => current && setReply(next));
    return () => {
      current = false;
    };
  }, [revision]);
  if (!reply) return null;
  if (!reply.ok) {
    return (
      <p class="error" data-testid="dcd-in-use">
        {uiText(locale, "dcdUnavailable", { detail: reply.error.message })}
      </p>
    );
  }
  const { dcd, origin, reason } = reply.value;
  const inUse = uiText(locale, "dcdInUse", {
    label: dcd.label[locale],
    id: dcd.id,
    version: dcd.version,
    origin: uiText(locale, `dcdOrigin_${origin}` as UiTextKey),
  });
  const why = reason
    ? uiText(locale, "dcdFallback", {
        reason: uiText(locale, `dcdReason_${reason.kind}` as UiTextKey, {
          detail: reason.detail ?? "",
        }),
      })
    : "";
  return (
    <p class="dcd-in-use" data-testid="dcd-in-use" data-origin={origin}>
      {why ? `${inUse} ${why}` : inUse}
    </p>
  );
}
