/** The vertebral levels a report names, cranial to caudal: C1..C7, T1..T12, L1..L5, S1. */
export const SPINE_LEVELS: readonly string[] = [
  ...Array.from({ length: 7 }, (_, i) => `C${i + 1}`),
  ...Array.from({ length: 12 }, (_, i) => `T${i + 1}`),
  ...Array.from({ length: 5 }, (_, i) => `L${i + 1}`),
  "S1",
];

/**
 * How reports name a region: T is also written D (French "dorsal") and Th (German), and
 * German reports count vertebral bodies (HWK 5, BWK 12, LWK 1).
 */
const REGIONS: Record<string, string> = {
  c: "C",
  t: "T",
  d: "T",
  th: "T",
  l: "L",
  s: "S",
  hwk: "C",
  bwk: "T",
  lwk: "L",
  swk: "S",
};

/** The position in SPINE_LEVELS of a region ("l", "bwk"...) and number, if it is a level. */
export function levelIndex(region: string, number: number): number | undefined {
  const letter = REGIONS[region];
  if (!letter) return undefined;
  const index = SPINE_LEVELS.indexOf(`${letter}${number}`);
  return index >= 0 ? index : undefined;
}

/** The region and number of a written level ("L4", "th12", "D12"), if it is one. */
export function readLevel(text: string): { region: string; number: number } | undefined {
  const match = /^(c|th|t|d|l|s)(\d{1,2})$/.exec(text.trim().toLowerCase());
  if (!match) return undefined;
  return { region: match[1] as string, number: Number(match[2]) };
}
