import { describe, expect, it } from "vitest";
import type { Steps } from "../../../extension/src/adapters/run-in-slices.ts";
import type { ScanResult } from "../../../extension/src/adapters/scan-page.ts";
import {
  createPageReader,
  type PageReaderOptions,
  type ReadTiming,
} from "../../../extension/src/overlay/create-page-reader.ts";

/** A reading of "version" of a page, pausing `pauses` times (a chart from the first pause). */
function* readingOf(version: string, pauses: number): Steps<ScanResult, boolean> {
  for (let i = 0; i < pauses; i++) yield true;
  return {
    values: { TX_PAT_LAST_NAM: { value: version, source: { kind: "label", detail: "Nom" } } },
    isChart: true,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

function setUp(overrides: Partial<PageReaderOptions> & { page?: { version: string } } = {}) {
  const page = overrides.page ?? { version: "A" };
  const published: string[] = [];
  const progress: boolean[] = [];
  const timings: ReadTiming[] = [];
  const controller = new AbortController();
  const reader = createPageReader({
    steps: () => readingOf(page.version, 5),
    sliceMs: 0, // every pause ends a slice
    signal: controller.signal,
    onProgress: (isChart) => progress.push(isChart),
    onRead: (scan) => published.push(String(scan.values.TX_PAT_LAST_NAM?.value)),
    onTiming: (timing) => timings.push(timing),
    ...overrides,
  });
  return { reader, page, published, progress, timings, controller };
}

describe("createPageReader", () => {
  it("publishes a reading done in slices, with its progress and timing", async () => {
    const { reader, published, progress, timings } = setUp();
    reader.read();
    expect(published).toEqual([]); // not in one go
    await settle();
    expect(published).toEqual(["A"]);
    expect(progress).toEqual([true, true, true, true, true]);
    expect(timings).toHaveLength(1);
    expect(timings[0]?.slices).toHaveLength(6);
  });

  it("never publishes a reading of a page that changed while it was read", async () => {
    const { reader, page, published } = setUp();
    reader.read();
    page.version = "B"; // single-page navigation to another patient, mid-reading
    reader.discard();
    await settle();
    expect(published).toEqual([]);
    reader.read(); // the page has settled
    await settle();
    expect(published).toEqual(["B"]);
  });

  it("lets a new reading replace one under way", async () => {
    const { reader, page, published } = setUp();
    reader.read();
    page.version = "B";
    reader.read();
    await settle();
    expect(published).toEqual(["B"]);
  });

  it("reads at once on demand, dropping a reading under way", async () => {
    const { reader, published } = setUp();
    reader.read();
    expect(reader.readNow().values.TX_PAT_LAST_NAM?.value).toBe("A");
    expect(published).toEqual(["A"]);
    await settle();
    expect(published).toEqual(["A"]); // the sliced one was dropped
  });

  it("stops with the content script", async () => {
    const { reader, published, controller } = setUp();
    reader.read();
    controller.abort();
    await settle();
    reader.read();
    await settle();
    expect(published).toEqual([]);
  });
});
