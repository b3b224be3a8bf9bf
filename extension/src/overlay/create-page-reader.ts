import { runInSlices, runToEnd, type Steps } from "../adapters/run-in-slices.ts";
import type { ScanResult } from "../adapters/scan-page.ts";

export interface ReadTiming {
  /** From the reading's start to its result, the page's own work between slices included. */
  ms: number;
  /** How long each slice held the main thread, the last one with publishing its result. */
  slices: number[];
}

export interface PageReaderOptions {
  /** A reading of the page as it is now, pausing now and then (scanPageInSteps). */
  steps: () => Steps<ScanResult, boolean>;
  /** Where a slice stops at its next pause. */
  sliceMs: number;
  /** Released with the content script. */
  signal: AbortSignal;
  /** After each slice of a reading: whether what was read so far makes the page a chart. */
  onProgress: (isChart: boolean) => void;
  /** A complete reading of one version of the page. */
  onRead: (scan: ScanResult) => void;
  /** How a reading done in slices went (no patient data), once its result is published. */
  onTiming?: (timing: ReadTiming) => void;
}

export interface PageReader {
  /** Reads the page in slices, replacing a reading under way; publishes it when complete. */
  read(): void;
  /**
   * The page changed: a reading under way would mix two versions of it (two patients, on a
   * single-page EHR), so it is dropped, never published. The caller reads again once the
   * page has settled.
   */
  discard(): void;
  /** Reads the page at once (one task, one version of it) and publishes it. */
  readNow(): ScanResult;
}

/**
 * Keeps the page's readings in order: one at a time, in slices so that a large page is
 * never held long, and none published from a page that changed while it was read.
 */
export function createPageReader(options: PageReaderOptions): PageReader {
  const { steps, sliceMs, signal, onProgress, onRead, onTiming } = options;
  let underWay: AbortController | undefined;
  const discard = () => {
    underWay?.abort();
    underWay = undefined;
  };
  signal.addEventListener("abort", discard, { once: true });

  return {
    read() {
      discard();
      if (signal.aborted) return;
      const reading = new AbortController();
      underWay = reading;
      const started = performance.now();
      void runInSlices(steps(), { sliceMs, signal: reading.signal, onSlice: onProgress }).then(
        (run) => {
          if (!run || reading.signal.aborted) return;
          underWay = undefined;
          const publishing = performance.now();
          onRead(run.value);
          // Publishing runs in the same task as the last slice: it counts in that slice.
          const slices = [...run.slices];
          slices[slices.length - 1] = (slices.at(-1) ?? 0) + (performance.now() - publishing);
          onTiming?.({ ms: performance.now() - started, slices });
        },
      );
    },
    discard,
    readNow() {
      discard();
      const scan = runToEnd(steps());
      onRead(scan);
      return scan;
    },
  };
}
