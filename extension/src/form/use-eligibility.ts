import { useEffect, useMemo, useState } from "preact/hooks";
import type { Locale } from "../../../shared-schema/src/dcd.ts";
import { decideEligibilities } from "../../../shared-schema/src/eligibility.ts";
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
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The eligibility of the billed codes: decided at once in the browser with the shared
 * table, then replaced by the worker's answer (the worker's table is the one an
 * administrator maintains).
 */
export function useEligibility(
  codes: string[],
  surgeryDate: string | undefined,
  locale: Locale,
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

  if (clean.length === 0) return { decisions: [], origin: "local" };
  if (origin === "server" && server?.key === key) return { decisions: server.decisions, origin };
  if (origin === "local" && refusal) return { decisions: local, origin, refusal };
  return { decisions: local, origin: origin === "server" ? "checking" : origin };
}
