import type { EmulatorState, StateStore } from "./emulator-state-schema.ts";

/**
 * Keeps the state in memory (tests, workerd). Copies in and out, like a file would: two
 * apps given the same store behave like one emulator restarted.
 */
export function createMemoryStateStore(initial?: EmulatorState): StateStore {
  let saved = initial && structuredClone(initial);
  return {
    load: () => saved && structuredClone(saved),
    save: (state) => {
      saved = structuredClone(state);
    },
  };
}
