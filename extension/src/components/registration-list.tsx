import type { Locale } from "../../../shared-schema/src/dcd.ts";
import { type UiTextKey, uiText } from "../i18n/ui-text.ts";
import type { LocalRegistration } from "../registrations/local-registration.ts";

interface RegistrationListProps {
  locale: Locale;
  registrations: LocalRegistration[];
  onReopen(localId: string): void;
  onDelete(localId: string): void;
}

/** The popup's list: no patient data, only the surgery date, the codes and the state. */
export function RegistrationList({
  locale,
  registrations,
  onReopen,
  onDelete,
}: RegistrationListProps) {
  if (registrations.length === 0) return <p>{uiText(locale, "popupEmpty")}</p>;
  return (
    <ul class="registrations">
      {registrations.map((entry) => (
        <li key={entry.localId} data-state={entry.state}>
          <div>
            <strong>{uiText(locale, `state_${entry.state}` as UiTextKey)}</strong>
            {entry.status === "draft" && entry.state !== "deleted" ? " · draft" : ""}
          </div>
          <div>
            {entry.surgeryDate ? uiText(locale, "surgeryOn", { date: entry.surgeryDate }) : ""}
            {entry.codes.length > 0 ? ` · ${entry.codes.join(", ")}` : ""}
          </div>
          {entry.registrationCode ? (
            <div>
              {uiText(locale, "registrationCode")}: <code>{entry.registrationCode}</code>
            </div>
          ) : null}
          {entry.lastError && entry.state !== "sent" ? (
            <div class="error">
              {uiText(locale, "lastError")}: {entry.lastError}
            </div>
          ) : null}
          {entry.record && entry.state !== "sent" && entry.state !== "deleted" ? (
            <div class="row-actions">
              <button type="button" onClick={() => onReopen(entry.localId)}>
                {uiText(locale, "reopen")}
              </button>
              <button type="button" onClick={() => onDelete(entry.localId)}>
                {uiText(locale, "deleteDraft")}
              </button>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
