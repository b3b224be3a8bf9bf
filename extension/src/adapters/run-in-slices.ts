/** Work that pauses at each `yield` (with its progress so far), to be resumed later. */
export type Steps<T, Progress = void> = Generator<Progress, T, void>;

export interface SlicedRun<T> {
  value: T;
  /** How long each slice held the page's main thread, in ms. */
  slices: number[];
}

/** Runs the steps at once, to the end. */
export function runToEnd<T>(steps: Steps<T, unknown>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs the steps in slices of about `sliceMs` (checked at each pause), handing the main
 * thread back to the page between slices, so that reading a large page never blocks it
 * long (issue 4: a scan within 10 ms). After each slice but the last, `onSlice` gets the
 * progress so far. Resolves undefined once `signal` aborts.
 */
export async function runInSlices<T, Progress>(
  steps: Steps<T, Progress>,
  options: { sliceMs: number; signal: AbortSignal; onSlice?: (progress: Progress) => void },
): Promise<SlicedRun<T> | undefined> {
  const { sliceMs, signal, onSlice } = options;
  const slices: number[] = [];
  for (;;) {
    if (signal.aborted) return undefined;
    const started = performance.now();
    let step = steps.next();
    while (!step.done && performance.now() - started < sliceMs) step = steps.next();
    slices.push(performance.now() - started);
    if (step.done) return { value: step.value, slices };
    onSlice?.(step.value);
    await yieldToPage();
  }
}

/** Lets the page run (input, rendering, its own scripts) before the next slice. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
