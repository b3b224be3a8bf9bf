// The DCD this worker validates and relays, compiled once per isolate. Today one DCD
// (SPIN_SURG); the outbox stores the DCD id with each registration so that a second DCD
// is an entry in DCDS, not a schema change.

import { type CompiledDcd, compileDcd } from "../../../shared-schema/src/compile-dcd.ts";
import type { Dcd } from "../../../shared-schema/src/dcd.ts";
import { SPIN_SURG } from "../../../shared-schema/src/spin-surg.ts";

export const CURRENT_DCD: Dcd = SPIN_SURG;

const DCDS: Record<string, Dcd> = { [SPIN_SURG.id]: SPIN_SURG };

export function dcdById(id: string): Dcd | undefined {
  return DCDS[id];
}

let compiled: CompiledDcd | undefined;

/** The compiled current DCD (compiled on first use: module scope must stay cheap). */
export function compiledDcd(): CompiledDcd {
  compiled ??= compileDcd(CURRENT_DCD);
  return compiled;
}
