import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { handleMessage } from "../../../extension/src/background/handle-message.ts";
import { userSettingsItem } from "../../../extension/src/settings/load-settings.ts";
import { extensionPage } from "./fake-sender.ts";

const POPUP = extensionPage("/popup.html");

const OUTBOX = {
  queued: 12,
  failed: 1,
  needsIt: {
    code: "forbidden",
    title: "HD4DP verweigert den Server (HTTP 403)",
    detail: "Die IT muss das Konto freischalten.",
    since: "2026-12-02T10:00:00.000Z",
    nextProbeAt: "2026-12-02T10:01:00.000Z",
  },
  rateLimitedUntil: null,
  waiting: { dcdUnavailable: 0, keyMissing: 0 },
  sealedWithOldKeys: 0,
};

/** The worker as the background's fetch sees it: one reply, the request noted. */
function worker(status: number, body: unknown) {
  const requests: { url: string; headers: Record<string, string> }[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    requests.push({ url, headers: init.headers as Record<string, string> });
    return new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": status < 400 ? "application/json" : "application/problem+json" },
    });
  });
  return requests;
}

describe("the outbox's health (background)", () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await userSettingsItem.setValue({
      workerUrl: "http://worker.test",
      apiToken: "hospital-token",
      language: "de",
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it("asks the worker with the API token and the language, and answers its outbox", async () => {
    const requests = worker(200, { status: "ok", dcdVersion: "0.1.0", outbox: OUTBOX });
    expect(await handleMessage({ type: "outbox-health" }, POPUP)).toEqual({
      ok: true,
      value: OUTBOX,
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe("http://worker.test/healthz");
    expect(requests[0]?.headers.authorization).toBe("Bearer hospital-token");
    expect(requests[0]?.headers["accept-language"]).toBe("de");
  });

  it("answers the worker's refusal of the token with its words", async () => {
    worker(401, { title: "Unauthorized", status: 401, detail: "Unknown API token" });
    expect(await handleMessage({ type: "outbox-health" }, POPUP)).toMatchObject({
      ok: false,
      error: { kind: "worker", status: 401, message: "Unknown API token" },
    });
  });

  it("does not ask without a token", async () => {
    await userSettingsItem.setValue({ workerUrl: "http://worker.test" });
    const requests = worker(200, {});
    expect(await handleMessage({ type: "outbox-health" }, POPUP)).toMatchObject({
      ok: false,
      error: { kind: "config" },
    });
    expect(requests).toEqual([]);
  });
});
