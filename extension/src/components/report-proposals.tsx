import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Dcd, Field, Locale } from "../../../shared-schema/src/dcd.ts";
import type { FormValue, FormValues } from "../form/form-values.ts";
import { uiText } from "../i18n/ui-text.ts";
import { applyProposals, isApplied } from "../report/apply-proposals.ts";
import { extractProposals, type Proposal } from "../report/extract-proposals.ts";

export interface ReportProposalsProps {
  dcd: Dcd;
  locale: Locale;
  /** The text of the operative report the page shows. */
  report: string;
  values: FormValues;
  onChange(name: string, value: FormValue): void;
}

const keyOf = (proposal: Proposal) => `${proposal.field}=${proposal.value}`;

/** The field a proposal fills (in a repeat block, the block's own field) and its label. */
function describe(dcd: Dcd, proposal: Proposal, locale: Locale) {
  const [name, inner] = proposal.field.split(".");
  const outer = dcd.fields.find((field) => field.name === name);
  const field: Field | undefined =
    outer?.type === "repeat" ? outer.fields.find((f) => f.name === inner) : outer;
  const label =
    outer?.type === "repeat" && field
      ? `${outer.label[locale]}: ${field.label[locale]}`
      : (field?.label[locale] ?? proposal.field);
  const valueLabel = (value: string) => {
    if (field?.type === "bool") return uiText(locale, value === "true" ? "yes" : "no");
    const list = field && "codeList" in field ? field.codeList : undefined;
    const item = dcd.codeLists
      .find((candidate) => candidate.name === list)
      ?.items.find((candidate) => candidate.value === value);
    return item?.label[locale] ?? value;
  };
  return { text: `${label}: ${valueLabel(proposal.value)}`, field, valueLabel };
}

/**
 * What the operative report on the page proposes for the clinical part of the form, each
 * with the sentence it was read from. The surgeon accepts or rejects each one: nothing is
 * filled in without a click, and "accept all" only takes those shown.
 */
export function ReportProposals(props: ReportProposalsProps) {
  const { dcd, locale, values } = props;
  const proposals = useMemo(() => extractProposals(props.report, dcd), [props.report, dcd]);
  const [rejected, setRejected] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState("");
  const list = useRef<HTMLUListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // After a decision its buttons are gone: the keyboard goes on to the next proposal.
  const focusAfter = useRef<number | undefined>(undefined);

  const pending = proposals.filter(
    (proposal) => !rejected.has(keyOf(proposal)) && !isApplied(dcd, values, proposal),
  );
  useEffect(() => {
    const after = focusAfter.current;
    if (after === undefined) return;
    focusAfter.current = undefined;
    const buttons = [...(list.current?.querySelectorAll<HTMLElement>("[data-accept]") ?? [])];
    const next = buttons.find((button) => Number(button.dataset.accept) > after) ?? buttons[0];
    (next ?? heading.current)?.focus();
  });

  const accept = (chosen: readonly Proposal[]) => {
    for (const [name, value] of Object.entries(applyProposals(dcd, values, chosen)))
      props.onChange(name, value);
  };
  const titleId = "report-proposals-title";

  return (
    <section class="banner banner-required report-proposals" aria-labelledby={titleId}>
      <h3 id={titleId} ref={heading} tabIndex={-1}>
        {uiText(locale, "reportTitle")}
      </h3>
      <p class="help">{uiText(locale, "reportIntro")}</p>
      {proposals.length === 0 ? <p>{uiText(locale, "reportNothing")}</p> : null}
      <ul ref={list}>
        {proposals.map((proposal, index) => {
          const key = keyOf(proposal);
          const { text, field, valueLabel } = describe(dcd, proposal, locale);
          const applied = isApplied(dcd, values, proposal);
          const held = field?.type === "code" ? values[proposal.field] : undefined;
          const replaces =
            !applied && typeof held === "string" && held !== "" ? valueLabel(held) : undefined;
          return (
            <li key={key}>
              <p>
                <strong>{text}</strong>
                {replaces ? ` (${uiText(locale, "reportReplaces", { value: replaces })})` : null}
              </p>
              <p class="help">
                {uiText(locale, "reportFrom")} <q>{proposal.source}</q>
              </p>
              {applied || rejected.has(key) ? (
                <p class="source">{uiText(locale, applied ? "reportInForm" : "reportRejected")}</p>
              ) : (
                <div class="actions">
                  <button
                    type="button"
                    class="secondary"
                    data-accept={index}
                    aria-label={uiText(locale, "reportAcceptLabel", { proposal: text })}
                    onClick={() => {
                      focusAfter.current = index;
                      accept([proposal]);
                      setAnnouncement(uiText(locale, "reportAnnounceAccepted", { proposal: text }));
                    }}
                  >
                    {uiText(locale, "reportAccept")}
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    aria-label={uiText(locale, "reportRejectLabel", { proposal: text })}
                    onClick={() => {
                      focusAfter.current = index;
                      setRejected(new Set(rejected).add(key));
                      setAnnouncement(uiText(locale, "reportAnnounceRejected", { proposal: text }));
                    }}
                  >
                    {uiText(locale, "reportReject")}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {pending.length > 1 ? (
        <div class="actions">
          <button
            type="button"
            class="primary"
            onClick={() => {
              focusAfter.current = proposals.length;
              accept(pending);
              setAnnouncement(uiText(locale, "reportAnnounceAll", { n: pending.length }));
            }}
          >
            {uiText(locale, "reportAcceptAll", { n: pending.length })}
          </button>
        </div>
      ) : null}
      <p class="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
