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
 * Runs the steps in slices: a slice stops at its first pause once `sliceMs` have passed, and
 * the main thread goes back to the browser before the next one (input and rendering are not
 * held up), so that reading a large page never holds it long (no slice beyond 10 ms).
 * After each slice but the last, in that slice, `onSlice` gets the progress so far;
 * each slice's time includes it. Resolves undefined once `signal` aborts.
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
    if (step.done) {
      slices.push(performance.now() - started);
      return { value: step.value, slices };
    }
    onSlice?.(step.value);
    slices.push(performance.now() - started);
    await yieldToBrowser();
  }
}

/**
 * Ends the slice's task: scheduler.yield() (Chrome, Edge) resumes ahead of the page's other
 * tasks but after pending input and rendering; elsewhere a new task.
 */
function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
