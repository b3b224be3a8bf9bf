import type { Locale } from "../../../shared-schema/src/dcd.ts";
import { type UiTextKey, uiText } from "../i18n/ui-text.ts";
import type { LocalRegistration } from "../registrations/local-registration.ts";

interface RegistrationStatusProps {
  locale: Locale;
  registration: LocalRegistration | undefined;
  busy: boolean;
}

/** The registration's state and, once HD4DP gave it, its registration code (live region). */
export function RegistrationStatus({ locale, registration, busy }: RegistrationStatusProps) {
  const state = busy ? "saving" : (registration?.state ?? "local");
  return (
    <div class={`status status-${state}`} role="status" aria-live="polite" data-testid="status">
      <span class="status-label">{uiText(locale, "status")}:</span>{" "}
      <strong data-state={state}>{uiText(locale, `state_${state}` as UiTextKey)}</strong>
      {registration?.registrationCode ? (
        <p>
          {uiText(locale, "registrationCode")}:{" "}
          <strong class="registration-code" data-testid="registration-code">
            {registration.registrationCode}
          </strong>
        </p>
      ) : null}
      {registration?.lastError && registration.state !== "sent" ? (
        <p class="status-error">
          {uiText(locale, "lastError")}: {registration.lastError}
        </p>
      ) : null}
    </div>
  );
}
