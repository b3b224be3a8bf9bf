import type { EmulatorState, StateStore } from "./emulator-state-schema.ts";

/**
 * Keeps the state in memory (tests, workerd). A copy comes out of load(), like from a file:
 * two apps given the same store behave like one emulator restarted. save() keeps the
 * reference, not a copy: it runs at every submission, and copying a growing state each time
 * made the emulator, not the worker, the slowest part of a load test.
 */
export function createMemoryStateStore(initial?: EmulatorState): StateStore {
  let saved = initial && structuredClone(initial);
  return {
    load: () => saved && structuredClone(saved),
    save: (state) => {
      saved = state;
    },
  };
}
