import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Issue, Locale } from "../../../shared-schema/src/dcd.ts";
import type { ScanResult } from "../adapters/scan-page.ts";
import type { FormDcd } from "../form/form-dcd.ts";
import type { FormValue } from "../form/form-values.ts";
import {
  type FormState,
  type Prefill,
  prefillFromScan,
  stateFromDraft,
} from "../form/initial-form-state.ts";
import { relevantRecord } from "../form/relevant-record.ts";
import { useEligibility } from "../form/use-eligibility.ts";
import { uiText } from "../i18n/ui-text.ts";
import type { ReplyError } from "../messages/extension-message.ts";
import { sendMessage } from "../messages/send-message.ts";
import type { LocalRegistration } from "../registrations/local-registration.ts";
import type { Settings } from "../settings/settings.ts";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { DcdForm } from "./dcd-form.tsx";
import { EligibilityBanner } from "./eligibility-banner.tsx";
import { PanelFrame } from "./panel-frame.tsx";
import { RegistrationStatus } from "./registration-status.tsx";

export interface RegisterPanelProps {
  dcd: FormDcd;
  locale: Locale;
  settings: Settings;
  pageUrl: string;
  initialScan: ScanResult;
  /** Called with each new scan of the page while the panel is open. */
  subscribeScan(listener: (scan: ScanResult) => void): () => void;
  /** The operative report the page shows, whose proposals the form offers. */
  report?: string;
  draftLocalId?: string;
  onClose(): void;
}

const POLL_MS = 1500;

/** The registration form: prefilled, validated live, saved or sent through the background. */
export function RegisterPanel(props: RegisterPanelProps) {
  const { locale, settings, dcd } = props;
  const definition = dcd.compiled.dcd;
  const ref = { id: definition.id, version: definition.version };
  const [form, setForm] = useState<FormState>(() =>
    prefillFromScan(definition, props.initialScan, settings, locale),
  );
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [registration, setRegistration] = useState<LocalRegistration>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [serverIssues, setServerIssues] = useState<Issue[]>([]);
  const [confirmFields, setConfirmFields] = useState<string[]>();
  const [changedScan, setChangedScan] = useState<ScanResult>();
  const [configured, setConfigured] = useState(true);
  const summary = useRef<HTMLDivElement>(null);

  // Hidden fields keep their values in `form`, but stay out of what is validated and sent.
  const view = useMemo(() => relevantRecord(dcd.compiled, form.values), [dcd, form.values]);
  const { record } = view;
  const validation = useMemo(
    () => dcd.compiled.validate(record, { locale }),
    [dcd, record, locale],
  );
  const codes = dcd.eligibility && record[dcd.eligibility.codes];
  const actDate = dcd.eligibility?.on && record[dcd.eligibility.on];
  const eligibility = useEligibility(
    Array.isArray(codes) ? (codes as string[]) : [],
    typeof actDate === "string" ? actDate : undefined,
    locale,
    {
      dcd: dcd.compiled.dcd,
      record,
      find: (acts) =>
        sendMessage({
          type: "reconciliation",
          dcd: { id: dcd.compiled.dcd.id, version: dcd.compiled.dcd.version },
          acts,
        }),
    },
  );

  // The background alone knows whether a worker and a token are set: the page never sees it.
  useEffect(() => {
    void sendMessage({ type: "config-state" }).then((reply) => {
      if (reply.ok) setConfigured(reply.value.configured);
    });
  }, []);

  // A reopened draft replaces the page's values with the saved ones.
  useEffect(() => {
    if (!props.draftLocalId) return;
    void sendMessage({ type: "registration", localId: props.draftLocalId }).then((reply) => {
      if (!reply.ok || !reply.value) return;
      setRegistration(reply.value);
      if (reply.value.record) setForm(stateFromDraft(definition, reply.value.record, locale));
    });
  }, [props.draftLocalId, locale, definition]);

  // Late rendering fills what is still empty; another patient on the page is only offered.
  useEffect(
    () =>
      props.subscribeScan((scan) => {
        const next = prefillFromScan(definition, scan, settings, locale);
        setForm((current) => {
          const values = { ...current.values };
          const prefill = { ...current.prefill };
          let conflict = false;
          for (const [name, offered] of Object.entries(next.prefill)) {
            const known = current.prefill[name];
            if (known && !same(known.value, offered.value)) conflict = true;
            else if (!known && isEmpty(values[name])) {
              values[name] = offered.value;
              prefill[name] = offered;
            }
          }
          if (conflict) setChangedScan(scan);
          return { values, prefill };
        });
      }),
    [props.subscribeScan, settings, locale, definition],
  );

  // Follow a registration on its way to HD4DP until it settles.
  const travelling = registration?.workerId && registration.state === "queued";
  useEffect(() => {
    if (!travelling || !registration) return;
    const timer = setInterval(async () => {
      const reply = await sendMessage({ type: "registration", localId: registration.localId });
      if (reply.ok && reply.value) setRegistration(reply.value);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [travelling, registration?.localId]);

  const issuesOf = (path: string): Issue[] => {
    const base = path.replace(/\[\d+\].*$/, "");
    const visible = attempted || touched.has(base) || !isEmpty(form.values[base]);
    return visible ? validation.issues.filter((issue) => issue.field === path) : [];
  };

  const setValue = (name: string, value: FormValue) => {
    setForm((current) => ({ ...current, values: { ...current.values, [name]: value } }));
    setServerIssues([]);
  };
  const touch = (name: string) => {
    if (!touched.has(name)) setTouched(new Set(touched).add(name));
  };

  async function submit(status: "draft" | "submit", confirmed = false) {
    setProblem(undefined);
    const check =
      status === "draft" ? dcd.compiled.validate(record, { locale, draft: true }) : validation;
    if (!check.valid) {
      setAttempted(true);
      queueMicrotask(() => summary.current?.focus());
      return;
    }
    if (status === "submit" && registration?.submitted && !confirmed) {
      const changes = await sendMessage({
        type: "key-changes",
        localId: registration.localId,
        dcd: ref,
        record,
      });
      if (changes.ok && changes.value.length > 0) {
        setConfirmFields(changes.value);
        return;
      }
    }
    setBusy(true);
    const reply = await sendMessage({
      type: "register",
      ...(registration ? { localId: registration.localId } : {}),
      dcd: ref,
      record,
      status,
      pageUrl: props.pageUrl,
    });
    setBusy(false);
    if (reply.ok) {
      setRegistration(reply.value);
      setServerIssues([]);
    } else {
      setProblem(describeProblem(locale, reply.error));
      setServerIssues((reply.error.issues ?? []).map((i) => ({ ...i, params: {} })));
    }
  }

  const errors = validation.issues.filter((issue) => issue.severity === "error");
  const warnings = validation.issues.filter((issue) => issue.severity === "warning");
  const labelOf = (path: string) => {
    const field = definition.fields.find((f) => f.name === path.replace(/\[.*$/, ""));
    return field?.label[locale] ?? path;
  };
  const focusField = (path: string) => {
    const root = summary.current?.getRootNode() as ShadowRoot | undefined;
    const control = root?.querySelector<HTMLElement>(`[name="${CSS.escape(path)}"]`);
    control?.focus();
  };
  const sourceOf = (name: string): string | undefined => {
    const prefill: Prefill | undefined = form.prefill[name];
    if (!prefill) return undefined;
    return same(prefill.value, form.values[name]) ? prefill.source : uiText(locale, "editedSource");
  };

  return (
    <PanelFrame
      locale={locale}
      title={uiText(locale, "panelTitle", { label: definition.label[locale] })}
      onClose={props.onClose}
      escapeCloses={!confirmFields}
    >
      <div class="panel-body">
        {dcd.eligibility ? (
          <EligibilityBanner
            locale={locale}
            decisions={eligibility.decisions}
            origin={eligibility.origin}
            refusal={eligibility.refusal}
            registrations={eligibility.registrations}
          />
        ) : null}
        {changedScan ? (
          <div class="notice" role="status">
            <p>{uiText(locale, "pageChanged")}</p>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setForm(prefillFromScan(definition, changedScan, settings, locale));
                setChangedScan(undefined);
                setRegistration(undefined);
                setAttempted(false);
                setTouched(new Set());
              }}
            >
              {uiText(locale, "usePageValues")}
            </button>
          </div>
        ) : null}
        {!configured ? (
          <div class="notice" role="note">
            <p>{uiText(locale, "notConfigured")}</p>
            <button
              type="button"
              class="secondary"
              onClick={() => void sendMessage({ type: "open-options" })}
            >
              {uiText(locale, "openOptions")}
            </button>
          </div>
        ) : null}
        <div
          ref={summary}
          tabIndex={-1}
          class="summary"
          role={attempted && errors.length > 0 ? "alert" : undefined}
        >
          {attempted && errors.length > 0 ? (
            <div class="error-summary">
              <h3>{uiText(locale, "errorSummaryTitle")}</h3>
              <p>{uiText(locale, "errorsSummary", { n: errors.length })}</p>
              <ul>
                {errors.map((issue) => (
                  <li key={`${issue.field}-${issue.code}`}>
                    <button type="button" class="link" onClick={() => focusField(issue.field)}>
                      {labelOf(issue.field)}
                    </button>
                    : {issue.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {problem ? (
            <div class="error-summary" role="alert">
              <p>{problem}</p>
              {serverIssues.length > 0 ? (
                <ul>
                  {serverIssues.map((issue) => (
                    <li key={`${issue.field}-${issue.code}`}>{issue.message}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </div>
        <form
          class="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
          }}
        >
          <DcdForm
            dcd={dcd}
            locale={locale}
            values={form.values}
            view={view}
            issuesOf={issuesOf}
            sourceOf={sourceOf}
            {...(props.report ? { report: props.report } : {})}
            onChange={setValue}
            onBlur={touch}
          />
        </form>
      </div>
      <div class="panel-footer">
        {/* Beside Send, so the state and the registration code are seen without scrolling. */}
        <RegistrationStatus locale={locale} registration={registration} busy={busy} />
        <p class="counts" aria-live="polite">
          {errors.length > 0 ? uiText(locale, "errorsSummary", { n: errors.length }) : ""}{" "}
          {warnings.length > 0 ? uiText(locale, "warningsSummary", { n: warnings.length }) : ""}
        </p>
        <div class="actions">
          {/* aria-disabled, not disabled: a disabled button drops the keyboard focus. */}
          <button
            type="button"
            class="secondary"
            aria-disabled={busy ? "true" : undefined}
            onClick={() => busy || void submit("draft")}
          >
            {uiText(locale, "save")}
          </button>
          <button
            type="button"
            class="primary"
            aria-disabled={busy ? "true" : undefined}
            onClick={() => busy || void submit("submit")}
          >
            {busy ? uiText(locale, "sending") : uiText(locale, "send")}
          </button>
        </div>
      </div>
      {confirmFields ? (
        <ConfirmDialog
          title={uiText(locale, "confirmKeyTitle")}
          body={uiText(locale, "confirmKeyBody", { fields: confirmFields.map(labelOf).join(", ") })}
          confirmLabel={uiText(locale, "confirmKeyYes")}
          cancelLabel={uiText(locale, "confirmKeyNo")}
          onCancel={() => setConfirmFields(undefined)}
          onConfirm={() => {
            setConfirmFields(undefined);
            void submit("submit", true);
          }}
        />
      ) : null}
    </PanelFrame>
  );
}

function isEmpty(value: FormValue | undefined): boolean {
  return value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

function same(a: FormValue | undefined, b: FormValue | undefined): boolean {
  return JSON.stringify(a ?? "") === JSON.stringify(b ?? "");
}

function describeProblem(locale: Locale, error: ReplyError): string {
  if (error.kind === "config") return uiText(locale, "notConfigured");
  if (error.kind === "unreachable") return uiText(locale, "networkError");
  return uiText(locale, "workerError", { detail: error.message });
}
