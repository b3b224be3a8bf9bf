import { FAULT_KINDS, type FaultKind, type Faults } from "./parse-faults.ts";

export interface PickedFault {
  kind: FaultKind;
  /** Strike after the call was processed: the registry did the work, the caller never hears it. */
  afterProcessing: boolean;
}

const DEFAULT_POST_PROCESSING_SHARE = 0.25;

/** Draws whether this call fails, and how, from the fault switches. */
export function pickFault(faults: Faults, random: () => number): PickedFault | undefined {
  const failRate = faults.failRate ?? 0;
  if (failRate <= 0 || random() >= failRate) return undefined;
  const weights = FAULT_KINDS.map((kind) => faults.mix?.[kind] ?? (faults.mix ? 0 : 1));
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total <= 0) return undefined;
  let draw = random() * total;
  let kind: FaultKind = FAULT_KINDS[FAULT_KINDS.length - 1] as FaultKind;
  for (const [index, candidate] of FAULT_KINDS.entries()) {
    draw -= weights[index] ?? 0;
    if (draw < 0) {
      kind = candidate;
      break;
    }
  }
  const share = faults.postProcessingShare ?? DEFAULT_POST_PROCESSING_SHARE;
  return { kind, afterProcessing: kind !== "429" && random() < share };
}

/** A small seedable PRNG (mulberry32), so a fault run can be replayed with the same seed. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
