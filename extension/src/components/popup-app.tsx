import { useEffect, useState } from "preact/hooks";
import type { Locale } from "../../../shared-schema/src/dcd.ts";
import { uiText } from "../i18n/ui-text.ts";
import { sendMessage } from "../messages/send-message.ts";
import type { LocalRegistration } from "../registrations/local-registration.ts";
import { ConfigProblems } from "./config-problems.tsx";
import { DcdInUse } from "./dcd-in-use.tsx";
import { OutboxHealth } from "./outbox-health.tsx";
import { RegistrationList } from "./registration-list.tsx";

/** The toolbar popup: registrations started from this browser, with their state. */
export function PopupApp({ locale }: { locale: Locale }) {
  const [registrations, setRegistrations] = useState<LocalRegistration[]>([]);
  const [error, setError] = useState<string>();
  const [revision, setRevision] = useState(0);
  const load = async () => {
    const list = await sendMessage({ type: "list-registrations" });
    if (!list.ok) return;
    // Refresh those still travelling, then show the list again.
    const refreshed = await Promise.all(
      list.value.map(async (entry) => {
        if (!entry.workerId || entry.state === "sent" || entry.state === "deleted") return entry;
        const reply = await sendMessage({ type: "registration", localId: entry.localId });
        return reply.ok && reply.value ? reply.value : entry;
      }),
    );
    setRegistrations(refreshed);
  };
  useEffect(() => {
    void load();
  }, []);
  return (
    <main lang={locale}>
      <h1>{uiText(locale, "popupTitle")}</h1>
      <ConfigProblems locale={locale} />
      <OutboxHealth locale={locale} revision={revision} />
      <DcdInUse locale={locale} />
      {error ? <p role="alert">{error}</p> : null}
      <RegistrationList
        locale={locale}
        registrations={registrations}
        onReopen={(localId) =>
          void sendMessage({ type: "reopen", localId }).then(() => window.close())
        }
        onDelete={async (localId) => {
          const reply = await sendMessage({ type: "delete-registration", localId });
          if (!reply.ok) setError(reply.error.message);
          await load();
        }}
      />
      <p class="footer">
        <button
          type="button"
          onClick={() => {
            setRevision(revision + 1);
            void load();
          }}
        >
          {uiText(locale, "refresh")}
        </button>{" "}
        <button type="button" onClick={() => void sendMessage({ type: "open-options" })}>
          {uiText(locale, "openOptions")}
        </button>
      </p>
    </main>
  );
}
