import type { Dcd } from "../../../shared-schema/src/dcd.ts";
import {
  defaultValues,
  type FormValue,
  type FormValues,
  type RepeatRow,
  splitCodes,
} from "../form/form-values.ts";
import type { Proposal } from "./extract-proposals.ts";
import { gateOf } from "./report-targets.ts";

/**
 * The form values that accepting the proposals changes, and only those: a code field takes
 * the value, a multi field adds it, a repeat block gets an entry of that value (in an entry
 * left empty, else a new one) and the yes/no field it is asked under becomes yes.
 */
export function applyProposals(
  dcd: Dcd,
  values: FormValues,
  proposals: readonly Proposal[],
): FormValues {
  const changed: FormValues = {};
  const current = (name: string): FormValue | undefined => changed[name] ?? values[name];
  const set = (name: string, value: FormValue) => {
    if (JSON.stringify(current(name) ?? "") !== JSON.stringify(value)) changed[name] = value;
  };
  for (const { field: path, value } of proposals) {
    const [name, inner] = path.split(".") as [string, string | undefined];
    const field = dcd.fields.find((candidate) => candidate.name === name);
    if (!field) continue;
    if (field.type === "repeat") {
      if (!inner) continue;
      const gate = gateOf(dcd, field);
      if (gate) set(gate, "true");
      const rows = (current(name) as RepeatRow[] | undefined) ?? [];
      if (rows.some((row) => row[inner] === value)) continue;
      const empty = rows.findIndex((row) => !row[inner]);
      if (empty >= 0)
        set(
          name,
          rows.map((row, i) => (i === empty ? { ...row, [inner]: value } : row)),
        );
      else if (rows.length < field.maxItems)
        set(name, [...rows, { ...defaultValues(dcd, field.fields), [inner]: value }]);
    } else if (field.type === "multi") {
      const held = current(name);
      const list = Array.isArray(held) ? (held as string[]) : splitCodes(held ?? "");
      if (!list.includes(value)) set(name, [...list, value]);
    } else set(name, value);
  }
  return changed;
}

/** Whether the form holds the proposal already (accepting it would change nothing). */
export function isApplied(dcd: Dcd, values: FormValues, proposal: Proposal): boolean {
  return Object.keys(applyProposals(dcd, values, [proposal])).length === 0;
}
