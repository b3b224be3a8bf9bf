import type { CompiledDcd, Relevance } from "../../../shared-schema/src/compile-dcd.ts";
import type { DcdRecord, RepeatEntry } from "../../../shared-schema/src/dcd.ts";
import { type FormValues, toRecord } from "./form-values.ts";

/** The record of what the form asks now, and the relevance it was decided with. */
export interface FormView {
  record: DcdRecord;
  relevance: Relevance;
}

/**
 * The record to validate and send: the form's values minus those of fields not asked now
 * (the validator refuses them: `not_relevant`). The form keeps them, so a field shown again
 * shows what was typed. Hiding a field can hide those that depend on it, so this is repeated
 * until nothing more is hidden; each round is a few compiled conditions.
 */
export function relevantRecord(
  dcd: CompiledDcd,
  values: FormValues,
  options: { today?: string } = {},
): FormView {
  const full = toRecord(dcd.dcd, values);
  let record = full;
  let relevance = dcd.relevance(record, options);
  // A chain of dependencies is at most as long as the list of fields.
  for (let round = 0; round <= dcd.dcd.fields.length; round++) {
    const next = keepRelevant(dcd, full, record, relevance);
    if (JSON.stringify(next) === JSON.stringify(record)) break;
    record = next;
    relevance = dcd.relevance(record, options);
  }
  return { record, relevance };
}

/** The values of `full` that `relevance`, decided on `seen`, asks for. */
function keepRelevant(
  dcd: CompiledDcd,
  full: DcdRecord,
  seen: DcdRecord,
  relevance: Relevance,
): DcdRecord {
  const kept: DcdRecord = {};
  for (const field of dcd.dcd.fields) {
    const value = full[field.name];
    if (value === undefined || !relevance.field(field.name)) continue;
    if (field.type !== "repeat" || !Array.isArray(value)) {
      kept[field.name] = value;
      continue;
    }
    const seenEntries = (seen[field.name] ?? []) as RepeatEntry[];
    kept[field.name] = (value as RepeatEntry[]).map((entry, index) => {
      const decidedOn = seenEntries[index] ?? entry;
      const asked: RepeatEntry = {};
      for (const [name, v] of Object.entries(entry)) {
        if (relevance.field(`${field.name}.${name}`, decidedOn)) asked[name] = v;
      }
      return asked;
    });
  }
  return kept;
}
