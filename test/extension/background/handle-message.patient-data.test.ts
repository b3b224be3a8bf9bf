import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { BUNDLED_DCD } from "../../../extension/src/background/bundled-dcd.ts";
import {
  handleMessage,
  refreshRegistration,
} from "../../../extension/src/background/handle-message.ts";
import type { LocalRegistration } from "../../../extension/src/registrations/local-registration.ts";
import { purgeRegistrations } from "../../../extension/src/registrations/registration-store.ts";
import { userSettingsItem } from "../../../extension/src/settings/load-settings.ts";
import { businessKeyOf } from "../../../shared-schema/src/business-key.ts";
import { registrationView } from "../../support/registration-view.ts";
import { contentScript, EHR_PATTERN } from "./fake-sender.ts";

// Synthetic patient: no real person.
const PATIENT = {
  IDC_PAT: "85073003328",
  TX_PAT_LAST_NAM: "Vandersynth",
  TX_PAT_FIRST_NAM: "Fictiana",
  D_PAT_DOB: "1985-07-30",
};
const RECORD = {
  ...PATIENT,
  D_SURG: "2025-03-04",
  CD_HPIN: "71000123",
  CD_NOMEN: ["281120"],
};
const PAGE_URL = `https://ehr.hospital.test/patient/${PATIENT.IDC_PAT}?tab=ops`;
const PAGE = contentScript(PAGE_URL);
const DCD = { id: BUNDLED_DCD.id, version: BUNDLED_DCD.version };
const DAY = 86_400_000;

/** Everything a stolen profile could be searched with for this patient. */
function tracesOfThePatient(): string[] {
  const values = [...Object.values(PATIENT), PATIENT.TX_PAT_LAST_NAM.toUpperCase()];
  const texts = [
    ...values,
    ...Object.entries(PATIENT).map(([name, value]) => `${name}=${value.toUpperCase()}`),
    businessKeyOf(BUNDLED_DCD, RECORD),
  ];
  const hashes = texts.flatMap((text) => {
    const digest = createHash("sha256").update(text).digest();
    return [digest.toString("hex"), digest.toString("base64"), digest.toString("hex").slice(0, 32)];
  });
  return [...values, PAGE_URL, "ehr.hospital.test/patient", ...hashes];
}

async function localStorageText(): Promise<string> {
  return JSON.stringify(await fakeBrowser.storage.local.get(null));
}

/** The worker: accepts, then reports the state `settled` once asked. */
function worker(accepted: "queued" | "open", settled: "sent" | "open") {
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    if (init.method === "POST") return Response.json({ id: "w1", state: accepted });
    if (url.endsWith("/v1/registrations/w1"))
      return Response.json(registrationView({ state: settled, registrationCode: "R-0001" }));
    return Response.json({ title: "Not found", status: 404 }, { status: 404 });
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

describe("nothing of the patient is left in storage.local", () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await userSettingsItem.setValue({
      workerUrl: "https://w.test",
      apiToken: "t",
      ehrOrigins: [EHR_PATTERN],
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it("after Send: no NISS, name, birth date, hash of them, nor the page's address", async () => {
    worker("queued", "sent");
    const reply = await handleMessage(
      { type: "register", dcd: DCD, record: RECORD, status: "submit", pageUrl: PAGE_URL },
      PAGE,
    );
    expect(reply).toMatchObject({ ok: true, value: { state: "queued" } });
    const { localId } = (reply as { value: LocalRegistration }).value;
    // While it travels, the browser keeps it: a failure must be fixable.
    expect(await localStorageText()).toContain(PATIENT.IDC_PAT);

    expect((await refreshRegistration(localId))?.state).toBe("sent");
    const stored = await localStorageText();
    for (const trace of tracesOfThePatient()) expect(stored, trace).not.toContain(trace);
    // What the popup shows stays: state, code, surgery date and billed codes.
    expect(stored).toContain("R-0001");

    // The warning before a business-key change still works, from this session's memory.
    const changed = await handleMessage(
      { type: "key-changes", localId, dcd: DCD, record: { ...RECORD, D_SURG: "2025-03-05" } },
      PAGE,
    );
    expect(changed).toEqual({ ok: true, value: ["D_SURG"] });
    const same = await handleMessage(
      { type: "key-changes", localId, dcd: DCD, record: RECORD },
      PAGE,
    );
    expect(same).toEqual({ ok: true, value: [] });
    // That memory holds keyed HMACs (in storage.session: memory only), never a plain hash.
    const session = JSON.stringify(await fakeBrowser.storage.session.get(null));
    for (const trace of tracesOfThePatient()) expect(session, trace).not.toContain(trace);
  });

  it("after the retention period of a draft HD4DP keeps open, however often its state is read", async () => {
    const fetch = worker("open", "open");
    const now = Date.now();
    const reply = await handleMessage(
      { type: "register", dcd: DCD, record: RECORD, status: "draft", pageUrl: PAGE_URL },
      PAGE,
    );
    const { localId } = (reply as { value: LocalRegistration }).value;
    // The minute refresh, day after day: it neither asks the worker nor extends anything.
    expect(fetch).toHaveBeenCalledTimes(1);
    for (let day = 1; day <= 8; day++) {
      vi.setSystemTime(now + day * DAY);
      await refreshRegistration(localId);
      await purgeRegistrations(7);
      // Reopening needs the record and the page: kept for the retention period.
      if (day === 6) expect(await localStorageText()).toContain(PAGE_URL);
    }
    vi.useRealTimers();
    expect(fetch).toHaveBeenCalledTimes(1);
    const stored = await localStorageText();
    for (const trace of tracesOfThePatient()) expect(stored, trace).not.toContain(trace);
    // The entry itself goes after the history period.
    await purgeRegistrations(7, now + 31 * DAY);
    expect(await fakeBrowser.storage.local.get("registrations")).toEqual({ registrations: {} });
  });
});
