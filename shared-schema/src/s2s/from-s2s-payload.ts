// Reads an HD4DP v2 S2S payload back into a record, the inverse of `toS2sPayload`: code-list
// item ids become code values again (a string in a code field is an open value, such as a
// postcode, and is kept as it is).

import { optionalHd4dpFields, type ScalarField } from "../csv/optional-hd4dp-fields.ts";
import type { Dcd, DcdRecord, Field, RecordValue, RepeatEntry } from "../dcd.ts";
import { S2S_CODE_IDS, type S2sCodeIds } from "./s2s-code-ids.ts";

type ScalarValue = string | number | boolean | string[];

// Reverse tables are built once per id table, not once per payload.
const reverseCache = new WeakMap<S2sCodeIds, Map<string, Map<number, string>>>();

/**
 * Builds the record of an S2S payload. Keys that are not fields of the DCD are ignored (a
 * payload read from HD4DP may carry its own metadata); an id that is not in `ids`, or a value
 * of the wrong JSON type, throws an Error naming the field.
 */
export function fromS2sPayload(
  dcd: Dcd,
  payload: Record<string, unknown>,
  ids: S2sCodeIds = S2S_CODE_IDS,
): DcdRecord {
  const fields = new Map<string, Field>(dcd.fields.map((field) => [field.name, field]));
  for (const field of optionalHd4dpFields(dcd)) fields.set(field.name, field);
  const reverse = reverseOf(ids);
  const fromValue = (field: ScalarField, value: unknown, where: string): ScalarValue => {
    if (field.type === "code") return codeValueOf(field.codeList, value, where, reverse);
    if (field.type === "multi") {
      if (!Array.isArray(value)) throw new Error(`${where} must be an array of code ids.`);
      return value.map((item) => codeValueOf(field.codeList, item, where, reverse));
    }
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      return value;
    }
    throw new Error(`${where}: ${JSON.stringify(value)} is not a ${field.type} value.`);
  };

  const record: DcdRecord = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    const field = fields.get(name);
    if (field === undefined) continue;
    if (field.type !== "repeat") {
      record[name] = fromValue(field, value, name);
      continue;
    }
    if (!Array.isArray(value)) throw new Error(`${name} is a repeatable block: an array.`);
    record[name] = value.map((entry: unknown, i): RepeatEntry => {
      if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
        throw new Error(`${name}[${i + 1}] must be an object.`);
      }
      const out: RepeatEntry = {};
      for (const [subName, subValue] of Object.entries(entry)) {
        if (subValue === undefined || subValue === null) continue;
        const sub = field.fields.find((candidate) => candidate.name === subName);
        if (sub !== undefined)
          out[subName] = fromValue(sub, subValue, `${name}[${i + 1}].${subName}`);
      }
      return out;
    }) satisfies RecordValue;
  }
  return record;
}

function codeValueOf(
  listName: string,
  value: unknown,
  where: string,
  reverse: Map<string, Map<number, string>>,
): string {
  if (typeof value === "string") return value;
  if (typeof value !== "number") {
    throw new Error(`${where}: ${JSON.stringify(value)} is neither a code id nor a code value.`);
  }
  const code = reverse.get(listName)?.get(value);
  if (code === undefined) {
    throw new Error(`${where}: id ${value} is not an item of code list ${listName}.`);
  }
  return code;
}

function reverseOf(ids: S2sCodeIds): Map<string, Map<number, string>> {
  let reverse = reverseCache.get(ids);
  if (reverse === undefined) {
    reverse = new Map(
      Object.entries(ids).map(([list, table]) => [
        list,
        new Map(Object.entries(table).map(([value, id]) => [id, value])),
      ]),
    );
    reverseCache.set(ids, reverse);
  }
  return reverse;
}
