import type { Locale } from "../../../shared-schema/src/dcd.ts";
import type { Eligibility } from "../../../shared-schema/src/eligibility.ts";
import type { ActRegistration } from "../api/worker-client.ts";
import { type UiTextKey, uiText } from "../i18n/ui-text.ts";

interface EligibilityBannerProps {
  locale: Locale;
  decisions: Pick<Eligibility, "code" | "decision" | "reason">[];
  /** "server": the worker answered; "local": decided in the browser; "checking": waiting. */
  origin: "server" | "local" | "checking";
  /** The worker's reason for refusing to check, in its words. */
  refusal?: string | undefined;
  /** Per code that requires registration: whether this act is registered already. */
  registrations?: Partial<Record<string, ActRegistration>> | undefined;
}

/** Before anything else: do the billed codes need a registration at all? */
export function EligibilityBanner({
  locale,
  decisions,
  origin,
  refusal,
  registrations,
}: EligibilityBannerProps) {
  const overall = decisions.some((d) => d.decision === "required")
    ? "required"
    : decisions.some((d) => d.decision === "unknown")
      ? "unknown"
      : decisions.length > 0
        ? decisions[0]?.decision
        : "unknown";
  return (
    <section
      class={`banner banner-${overall}`}
      aria-labelledby="eligibility-title"
      data-testid="eligibility"
    >
      <h3 id="eligibility-title">{uiText(locale, "eligibilityTitle")}</h3>
      {decisions.length === 0 ? (
        <p>{uiText(locale, "eligibilityNone")}</p>
      ) : (
        <ul>
          {decisions.map((d) => {
            const registration = d.decision === "required" ? registrations?.[d.code] : undefined;
            const said = registration && registrationText(registration, locale);
            return (
              <li key={d.code} data-decision={d.decision}>
                <strong>
                  {d.code}: {uiText(locale, `decision_${d.decision}` as UiTextKey)}
                </strong>
                <br />
                <span class="reason">{d.reason}</span>
                {said ? (
                  <p class="registration" data-registration={registration.status}>
                    {said}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <p class="banner-origin" aria-live="polite">
        {origin === "checking"
          ? uiText(locale, "eligibilityChecking")
          : origin === "local"
            ? refusal
              ? uiText(locale, "eligibilityRefused", { detail: refusal })
              : uiText(locale, "eligibilityOffline")
            : ""}
      </p>
    </section>
  );
}

/** What the surgeon reads of an act's registration; nothing for an act the worker could not look up. */
function registrationText(registration: ActRegistration, locale: Locale): string | undefined {
  const date = registration.registeredAt
    ? new Intl.DateTimeFormat(`${locale}-BE`, {
        day: "2-digit",
        month: "2-digit",
        year: "numeric",
        timeZone: "Europe/Brussels",
      }).format(new Date(registration.registeredAt))
    : undefined;
  switch (registration.status) {
    case "registered":
      if (date === undefined) return uiText(locale, "actRegistered");
      return registration.registrationCode
        ? uiText(locale, "actRegisteredOn", { date, code: registration.registrationCode })
        : uiText(locale, "actRegisteredOnNoCode", { date });
    case "queued":
      return uiText(locale, "actQueued");
    case "draft":
      return uiText(locale, "actDraft");
    case "failed":
      return uiText(locale, "actFailed", { reason: registration.reasonText ?? "" });
    case "missing":
      return uiText(locale, "actMissing");
    default:
      return undefined;
  }
}
