/** A cardinality `0..1`, `1..n`, `0..*`, `1..20`: `max` undefined for an open maximum. */
export interface Cardinality {
  min: number;
  max?: number;
}

const CARDINALITY = /(\d+)\s*\.\.\s*(\d+|n|\*)/i;

/** The first cardinality written in a text (`IMPLANT (1..20)`), if any. */
export function parseCardinality(text: string): Cardinality | undefined {
  const match = CARDINALITY.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  const min = Number(match[1]);
  return /^\d+$/.test(match[2]) ? { min, max: Number(match[2]) } : { min };
}

/** True when the cardinality lets a block occur more than once. */
export function isRepeating(cardinality: Cardinality): boolean {
  return cardinality.max === undefined || cardinality.max > 1;
}
