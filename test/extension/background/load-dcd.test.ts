import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { findDcd } from "../../../extension/src/background/find-dcd.ts";
import { loadDcd } from "../../../extension/src/background/load-dcd.ts";
import { userSettingsItem } from "../../../extension/src/settings/load-settings.ts";
import { SPIN_SURG } from "../../../shared-schema/src/spin-surg.ts";
import { TINY_REGISTRY_DCD } from "../fixtures/tiny-registry-dcd.ts";

/** The worker as the background's fetch sees it: one reply per call, each request noted. */
function worker(...replies: (() => Response)[]) {
  const requests: { url: string; ifNoneMatch?: string }[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    requests.push({
      url,
      ...(headers["if-none-match"] ? { ifNoneMatch: headers["if-none-match"] } : {}),
    });
    const reply = replies.shift();
    if (!reply) throw new TypeError("Failed to fetch");
    return reply();
  });
  return requests;
}

const dcdReply = (body: unknown, etag: string) => () =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { "content-type": "application/json", etag },
  });
const notModified = () => new Response(null, { status: 304 });
const down = () => {
  throw new TypeError("Failed to fetch");
};

describe("the DCD in use (background)", () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await userSettingsItem.setValue({
      workerUrl: "http://worker.test",
      apiToken: "t",
      dcd: { id: "TINY_REG" },
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it("downloads it, then revalidates it with its ETag: a 304 keeps the cached copy", async () => {
    const requests = worker(dcdReply(TINY_REGISTRY_DCD, '"tiny-1"'), notModified);
    const first = await loadDcd();
    expect(first).toMatchObject({ origin: "worker", etag: '"tiny-1"' });
    expect(first.dcd).toEqual(TINY_REGISTRY_DCD);
    expect(first.reason).toBeUndefined();
    const second = await loadDcd();
    expect(second).toMatchObject({ origin: "worker", etag: '"tiny-1"' });
    expect(second.dcd).toEqual(TINY_REGISTRY_DCD);
    expect(requests).toEqual([
      { url: "http://worker.test/v1/dcd?dcd=TINY_REG" },
      { url: "http://worker.test/v1/dcd?dcd=TINY_REG", ifNoneMatch: '"tiny-1"' },
    ]);
  });

  it("uses the cached copy when the worker is down, and says why", async () => {
    worker(dcdReply(TINY_REGISTRY_DCD, '"tiny-1"'), down);
    await loadDcd();
    const offline = await loadDcd();
    expect(offline).toMatchObject({ origin: "cache", reason: { kind: "unreachable" } });
    expect(offline.dcd.id).toBe("TINY_REG");
  });

  it("uses the cached copy when the worker refuses, with the worker's words", async () => {
    const refused = () =>
      new Response(JSON.stringify({ title: "Unauthorized", detail: "Unknown API token" }), {
        status: 401,
        headers: { "content-type": "application/problem+json" },
      });
    worker(dcdReply(TINY_REGISTRY_DCD, '"tiny-1"'), refused);
    await loadDcd();
    expect(await loadDcd()).toMatchObject({
      origin: "cache",
      reason: { kind: "refused", detail: "Unknown API token" },
    });
  });

  it("falls back to the bundled DCD when the worker's reply is not a usable DCD", async () => {
    await userSettingsItem.setValue({ workerUrl: "http://worker.test", apiToken: "t" });
    worker(dcdReply({ id: "SPIN_SURG", fields: "garbage" }, '"bad"'));
    const delivered = await loadDcd();
    expect(delivered.origin).toBe("bundled");
    expect(delivered.dcd).toBe(SPIN_SURG);
    expect(delivered.reason?.kind).toBe("unusable");
    expect(delivered.reason?.detail).toMatch(/\S/);
    // Nothing unusable was cached: the next download is asked for without an ETag.
    const requests = worker(notModified);
    await loadDcd();
    expect(requests[0]?.ifNoneMatch).toBeUndefined();
  });

  it("refuses a reply of another DCD or version than the settings pin", async () => {
    await userSettingsItem.setValue({
      workerUrl: "http://worker.test",
      apiToken: "t",
      dcd: { id: "SPIN_SURG", version: "0.1.0" },
    });
    const requests = worker(dcdReply(TINY_REGISTRY_DCD, '"tiny-1"'));
    const delivered = await loadDcd();
    expect(requests[0]?.url).toBe("http://worker.test/v1/dcd?dcd=SPIN_SURG&version=0.1.0");
    expect(delivered).toMatchObject({ origin: "bundled", reason: { kind: "unusable" } });
    expect(delivered.reason?.detail).toContain("TINY_REG");
  });

  it("says when no copy of the DCD asked for exists", async () => {
    worker(down);
    await expect(loadDcd()).rejects.toThrow(/TINY_REG/);
  });

  it("uses the bundled DCD, without asking, when the worker is not configured", async () => {
    await userSettingsItem.setValue({});
    const requests = worker();
    expect(await loadDcd()).toMatchObject({ origin: "bundled", reason: { kind: "notConfigured" } });
    expect(requests).toEqual([]);
  });

  it("finds the DCD a registration was made with for its business key", async () => {
    worker(dcdReply(TINY_REGISTRY_DCD, '"tiny-1"'));
    await loadDcd();
    expect((await findDcd({ id: "TINY_REG", version: "1.2.0" })).businessKey.fields).toEqual([
      "VISIT_DATE",
      "CENTRE",
    ]);
    expect(await findDcd({ id: "SPIN_SURG", version: SPIN_SURG.version })).toBe(SPIN_SURG);
    await expect(findDcd({ id: "OTHER", version: "1.0.0" })).rejects.toThrow(/OTHER/);
  });
});
