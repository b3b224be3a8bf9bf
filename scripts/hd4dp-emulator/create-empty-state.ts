import type { EmulatorState } from "./emulator-state-schema.ts";
import { randomHex } from "./hex.ts";

/** A freshly installed HD4DP: no records, and a business-key secret of its own. */
export function createEmptyState(): EmulatorState {
  return {
    format: 1,
    businessKeySecret: randomHex(32),
    sequence: 0,
    registrations: [],
    deliveries: [],
    replies: [],
  };
}
