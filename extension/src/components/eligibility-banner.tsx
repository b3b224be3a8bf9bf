import type { Locale } from "../../../shared-schema/src/dcd.ts";
import type { Eligibility } from "../../../shared-schema/src/eligibility.ts";
import { type UiTextKey, uiText } from "../i18n/ui-text.ts";

interface EligibilityBannerProps {
  locale: Locale;
  decisions: Pick<Eligibility, "code" | "decision" | "reason">[];
  /** "server": the worker answered; "local": decided in the browser; "checking": waiting. */
  origin: "server" | "local" | "checking";
  /** The worker's reason for refusing to check, in its words. */
  refusal?: string | undefined;
}

/** Before anything else: do the billed codes need a registration at all? */
export function EligibilityBanner({ locale, decisions, origin, refusal }: EligibilityBannerProps) {
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
          {decisions.map((d) => (
            <li key={d.code} data-decision={d.decision}>
              <strong>
                {d.code}: {uiText(locale, `decision_${d.decision}` as UiTextKey)}
              </strong>
              <br />
              <span class="reason">{d.reason}</span>
            </li>
          ))}
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
