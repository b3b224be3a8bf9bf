// The overlay's eligibility banner says, for each billed code that requires registration,
// whether this act is registered already, asking through an injected function (the
// background's message in the product): what the surgeon reads, in their language.

import { h } from "preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { ReconciliationReply } from "../../../extension/src/api/worker-client.ts";
import { EligibilityBanner } from "../../../extension/src/components/eligibility-banner.tsx";
import {
  type FindRegistrations,
  useEligibility,
} from "../../../extension/src/form/use-eligibility.ts";
import { ReconciliationStatusSchema } from "../../../shared-schema/src/api/api-schemas.ts";
import type { BilledAct } from "../../../shared-schema/src/billed-act-fields.ts";
import type { DcdRecord, Locale } from "../../../shared-schema/src/dcd.ts";
import { SPIN_SURG } from "../../../shared-schema/src/spin-surg.ts";
import { makeNiss } from "../../support/synthetic-niss.ts";
import { renderInPage } from "../render-in-page.ts";

const RECORD: DcdRecord = {
  IDC_PAT: makeNiss("1971-02-03", 41),
  D_SURG: "2026-03-02",
  CD_HPIN: "12345625580",
  CD_NOMEN: ["281116", "224674", "281120"],
};

function Harness(props: { record: DcdRecord; locale: Locale; find: FindRegistrations }) {
  const codes = props.record.CD_NOMEN as string[];
  const eligibility = useEligibility(codes, String(props.record.D_SURG), props.locale, {
    dcd: SPIN_SURG,
    record: props.record,
    find: props.find,
  });
  return h(EligibilityBanner, { locale: props.locale, ...eligibility });
}

type Act = ReconciliationReply["acts"][number];

/** Answers with the given status per code, as the worker replies, and records what was asked. */
function answering(byCode: Record<string, Omit<Act, "row">>) {
  const asked: BilledAct[][] = [];
  const find: FindRegistrations = async (acts) => {
    asked.push(acts);
    const answered: Act[] = acts.map((act, i) => ({
      row: i + 1,
      ...(byCode[act.code] ?? { status: "missing" }),
    }));
    const counts = Object.fromEntries(
      ReconciliationStatusSchema.options.map((status) => [
        status,
        answered.filter((act) => act.status === status).length,
      ]),
    ) as ReconciliationReply["counts"];
    return {
      ok: true,
      value: {
        dcd: { id: SPIN_SURG.id, version: SPIN_SURG.version },
        registry: "read",
        counts,
        acts: answered,
      },
    };
  };
  return { find, asked };
}

async function show(find: FindRegistrations, locale: Locale = "en", record = RECORD) {
  const page = renderInPage(h(Harness, { record, locale, find }));
  // Effects run after the next frame (at most 100 ms), then the banner waits 400 ms for the
  // page to settle before asking.
  await vi.advanceTimersByTimeAsync(1000);
  return page;
}

const lineOf = (root: Element, code: string) =>
  [...root.querySelectorAll("li")].find((li) => li.textContent?.startsWith(code));

describe("the eligibility banner: is the act registered already?", () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  });
  let page: Awaited<ReturnType<typeof show>> | undefined;
  afterEach(() => {
    page?.unmount();
    vi.useRealTimers();
  });

  it("registered: on which date, with its registration code", async () => {
    const { find, asked } = answering({
      "281116": {
        status: "registered",
        registrationCode: "206.26.000123.45",
        registeredAt: "2026-03-03T09:30:00.000Z",
      },
    });
    page = await show(find);
    const line = lineOf(page.root, "281116");
    expect(line?.querySelector(".registration")?.textContent).toBe(
      "Registered on 03/03/2026, registration code 206.26.000123.45.",
    );
    // Only the codes that require registration are asked about, with the act's identity.
    expect(asked).toEqual([
      [
        { niss: RECORD.IDC_PAT, date: "2026-03-02", code: "281116", nihii: "12345625580" },
        { niss: RECORD.IDC_PAT, date: "2026-03-02", code: "281120", nihii: "12345625580" },
      ],
    ]);
    // An exempt code says nothing of a registration.
    expect(lineOf(page.root, "224674")?.querySelector(".registration")).toBeNull();
  });

  it("not registered yet: the invoice will be refused, in the surgeon's language", async () => {
    const { find } = answering({});
    const said = {
      en: "Not registered yet: the invoice will be refused.",
      fr: "Pas encore enregistrée : la facture sera refusée.",
      nl: "Nog niet geregistreerd: de factuur zal geweigerd worden.",
      de: "Noch nicht registriert: Die Rechnung wird abgelehnt.",
    } as const;
    for (const locale of ["en", "fr", "nl", "de"] as const) {
      page = await show(find, locale);
      const line = lineOf(page.root, "281120");
      expect(line?.querySelector(".registration")?.getAttribute("data-registration")).toBe(
        "missing",
      );
      expect(line?.querySelector(".registration")?.textContent).toBe(said[locale]);
      page.unmount();
    }
    page = undefined;
  });

  it("queued, draft, failed: what remains to do", async () => {
    const { find } = answering({
      "281116": { status: "draft" },
      "281120": { status: "failed", reasonText: "HD4DP weigerde de registratie" },
    });
    page = await show(find, "nl");
    expect(lineOf(page.root, "281116")?.textContent).toContain(
      "Er staat een ontwerp open in HD4DP",
    );
    expect(lineOf(page.root, "281120")?.textContent).toContain(
      "HD4DP weigerde de registratie (HD4DP weigerde de registratie)",
    );
    page.unmount();
    page = await show(answering({ "281116": { status: "queued" } }).find, "fr");
    expect(lineOf(page.root, "281116")?.textContent).toContain("en cours d'envoi à HD4DP");
  });

  it("says nothing when the worker cannot tell (an invalid act, no answer)", async () => {
    page = await show(answering({ "281116": { status: "invalid" } }).find);
    expect(page.root.querySelector(".registration[data-registration=invalid]")).toBeNull();
    page.unmount();
    page = await show(async () => ({ ok: false, error: { kind: "unreachable", message: "x" } }));
    expect(page.root.querySelector(".registration")).toBeNull();
  });

  it("asks again when the act changes (another patient on the page)", async () => {
    const { find, asked } = answering({});
    page = renderInPage(h(Harness, { record: RECORD, locale: "en", find }));
    await vi.advanceTimersByTimeAsync(1000);
    const other = { ...RECORD, IDC_PAT: makeNiss("1980-05-06", 12) };
    page.unmount();
    page = renderInPage(h(Harness, { record: other, locale: "en", find }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(asked.map((acts) => acts[0]?.niss)).toEqual([RECORD.IDC_PAT, other.IDC_PAT]);
  });
});
