import type { Dcd, RepeatField } from "../dcd.ts";
import { optionalHd4dpFields, type ScalarField } from "./optional-hd4dp-fields.ts";

/**
 * A column of an HD4DP CSV file: a scalar field of the DCD (or an optional HD4DP field), or
 * entry `index` (1-based) of a sub-field of a repeatable block, written `NAME_index`
 * (ASSUMED naming, docs/domain.md §2).
 */
export type CsvColumn =
  | { name: string; field: ScalarField; repeat?: undefined; index?: undefined }
  | { name: string; field: ScalarField; repeat: RepeatField; index: number };

export type ColumnLookup = { ok: true; column: CsvColumn } | { ok: false; message: string };

const UNDERSCORE = 95;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const MAX_SUGGESTION_DISTANCE = 2;

/**
 * Returns a function that maps a CSV column name to what it holds in `dcd`, or to an English
 * message that says why the name is unknown and, when one is close, which name was meant.
 * The encoder and the decoder share it so that they accept exactly the same columns.
 */
export function createColumnResolver(dcd: Dcd): (name: string) => ColumnLookup {
  const scalars = new Map<string, ScalarField>();
  const subFields = new Map<string, { repeat: RepeatField; field: ScalarField }>();
  for (const field of dcd.fields) {
    if (field.type === "repeat") {
      for (const sub of field.fields) subFields.set(sub.name, { repeat: field, field: sub });
    } else {
      scalars.set(field.name, field);
    }
  }
  for (const field of optionalHd4dpFields(dcd)) scalars.set(field.name, field);

  return (name) => {
    const field = scalars.get(name);
    if (field !== undefined) return { ok: true, column: { name, field } };
    const suffix = repeatSuffixOf(name);
    if (suffix !== undefined) {
      const sub = subFields.get(name.slice(0, suffix.at));
      if (sub !== undefined) {
        const { repeat } = sub;
        if (suffix.index <= repeat.maxItems) {
          return { ok: true, column: { name, field: sub.field, repeat, index: suffix.index } };
        }
        const base = sub.field.name;
        return {
          ok: false,
          message:
            `Column "${name}" is beyond the repeatable block ${repeat.name}, which holds at most ` +
            `${repeat.maxItems} entries (${base}_1 to ${base}_${repeat.maxItems}): ` +
            "remove the column or move its values to a lower entry number.",
        };
      }
    }
    if (name === "") {
      return {
        ok: false,
        message:
          "A column of the header has no name: remove the empty column (often a trailing ';').",
      };
    }
    const index = suffix === undefined ? 1 : suffix.index;
    const candidates = [...scalars.keys()];
    for (const [sub, { repeat }] of subFields) {
      candidates.push(`${sub}_${index <= repeat.maxItems ? index : 1}`);
    }
    const closest = closestName(name, candidates);
    const hint = closest === undefined ? "" : ` Did you mean "${closest}"?`;
    return {
      ok: false,
      message:
        `Unknown column "${name}" in the header: it is not a field of ${dcd.id}.${hint} ` +
        "Fix the column name or remove the column.",
    };
  };
}

/** `CD_IMPL_TYPE_12` -> { at: 11, index: 12 }; no leading zero, index >= 1. */
function repeatSuffixOf(name: string): { at: number; index: number } | undefined {
  const at = name.lastIndexOf("_");
  if (at <= 0 || at === name.length - 1 || name.charCodeAt(at) !== UNDERSCORE) return undefined;
  if (name.charCodeAt(at + 1) === DIGIT_0) return undefined;
  for (let i = at + 1; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code < DIGIT_0 || code > DIGIT_9) return undefined;
  }
  return { at, index: Number(name.slice(at + 1)) };
}

function closestName(name: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = MAX_SUGGESTION_DISTANCE + 1;
  for (const candidate of candidates) {
    const distance = levenshtein(name.toUpperCase(), candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Edit distance; only run on the error path, so the plain two-row version is enough. */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
