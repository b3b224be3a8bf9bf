import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import {
  type BilledAct,
  billedActFieldsOf,
  billedActsOf,
} from "../../../shared-schema/src/billed-act-fields.ts";
import type { Dcd, DcdRecord, Locale } from "../../../shared-schema/src/dcd.ts";
import { decideEligibilities } from "../../../shared-schema/src/eligibility.ts";
import type { ActRegistration, ReconciliationReply } from "../api/worker-client.ts";
import type { Reply } from "../messages/extension-message.ts";
import { sendMessage } from "../messages/send-message.ts";

export interface EligibilityView {
  decisions: {
    code: string;
    decision: "required" | "exempt" | "not_in_scope" | "unknown";
    reason: string;
  }[];
  origin: "server" | "local" | "checking";
  /** Why the worker refused to check (its own words), when it answered with a refusal. */
  refusal?: string;
  /** Per code that requires registration: whether this act is registered already. */
  registrations?: Partial<Record<string, ActRegistration>>;
}

/** Asks the worker, through the background, whether each act is registered. */
export type FindRegistrations = (acts: BilledAct[]) => Promise<Reply<ReconciliationReply>>;

export interface RegistrationLookup {
  /** The form's DCD: it names the fields an act's business key is made of. */
  dcd: Dcd;
  /** The record as the form holds it: the acts are its billed codes. */
  record: DcdRecord;
  find: FindRegistrations;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The eligibility of the billed codes: decided at once in the browser with the shared
 * table, then replaced by the worker's answer (the worker's table is the one an
 * administrator maintains). With `lookup`, each act whose code requires registration is
 * looked up too, so the surgeon sees whether the invoice would be refused.
 */
export function useEligibility(
  codes: string[],
  surgeryDate: string | undefined,
  locale: Locale,
  lookup?: RegistrationLookup,
): EligibilityView {
  const date = surgeryDate && ISO_DATE.test(surgeryDate) ? surgeryDate : undefined;
  const clean = codes.filter((code) => code.length <= 20).slice(0, 200);
  const key = `${clean.join(",")}|${date ?? ""}|${locale}`;
  const local = useMemo(
    () => decideEligibilities(clean, { locale, ...(date ? { date } : {}) }),
    // `key` stands for codes, date and locale.
    [key],
  );
  const [server, setServer] = useState<{ key: string; decisions: EligibilityView["decisions"] }>();
  const [origin, setOrigin] = useState<EligibilityView["origin"]>("checking");
  const [refusal, setRefusal] = useState<string>();

  // `key` stands for codes, date and locale.
  useEffect(() => {
    if (clean.length === 0) return;
    let cancelled = false;
    setOrigin("checking");
    const timer = setTimeout(async () => {
      const reply = await sendMessage({
        type: "eligibility",
        codes: clean,
        ...(date ? { date } : {}),
      });
      if (cancelled) return;
      if (reply.ok) {
        setServer({ key, decisions: reply.value.decisions });
        setOrigin("server");
      } else {
        // Unreachable is one thing; a refusal (a token or an origin the worker does not
        // accept: 401, 403) is another, which hospital IT must fix: say which.
        const refused =
          reply.error.kind === "worker" &&
          (reply.error.status === 401 || reply.error.status === 403);
        setRefusal(refused ? reply.error.message : undefined);
        setOrigin("local");
      }
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key]);

  const view: EligibilityView =
    clean.length === 0
      ? { decisions: [], origin: "local" }
      : origin === "server" && server?.key === key
        ? { decisions: server.decisions, origin }
        : origin === "local" && refusal
          ? { decisions: local, origin, refusal }
          : { decisions: local, origin: origin === "server" ? "checking" : origin };

  const registrations = useRegistrations(view.decisions, lookup);
  return registrations ? { ...view, registrations } : view;
}

/** The registration of each act whose code requires one, once the worker said. */
function useRegistrations(
  decisions: EligibilityView["decisions"],
  lookup: RegistrationLookup | undefined,
): EligibilityView["registrations"] {
  const required = new Set(decisions.filter((d) => d.decision === "required").map((d) => d.code));
  const fields = lookup && billedActFieldsOf(lookup.dcd);
  const acts =
    lookup && fields?.ok
      ? billedActsOf(fields.value, lookup.record).filter((act) => required.has(act.code))
      : [];
  // The acts themselves stand for the key: it holds the NISS, in this page's memory only.
  const key = JSON.stringify(acts);
  // The latest function, without asking again each time the caller makes a new one.
  const find = useRef(lookup?.find);
  find.current = lookup?.find;
  const [found, setFound] = useState<{ key: string; byCode: EligibilityView["registrations"] }>();

  // `key` stands for the acts.
  useEffect(() => {
    const ask = find.current;
    if (acts.length === 0 || !ask) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      const reply = await ask(acts);
      if (cancelled || !reply.ok) return;
      const byCode = Object.fromEntries(
        reply.value.acts.map((answer, i) => [acts[i]?.code ?? "", answer]),
      );
      setFound({ key, byCode });
    }, 400);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key]);

  return found?.key === key ? found.byCode : undefined;
}
