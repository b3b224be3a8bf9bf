// Turns a record into the JSON body of an HD4DP v2 S2S submission (docs/domain.md §2): keyed by
// field technical names like the record, but code fields carry the id of the code-list item
// instead of its value. Dates stay ISO, integers numbers, booleans booleans, multi fields
// become arrays of ids, repeatable blocks arrays of objects; `STATUS: "draft"` is kept.

import { optionalHd4dpFields, type ScalarField } from "../csv/optional-hd4dp-fields.ts";
import type { CodeList, Dcd, DcdRecord, Field } from "../dcd.ts";
import { S2S_CODE_IDS, type S2sCodeIds } from "./s2s-code-ids.ts";

/**
 * Builds the S2S payload of `record`. Throws an Error naming the field and the value when a
 * code has no id in `ids` (open values of a list with a `format`, such as postcodes, are sent
 * as they are), and when a key is not a field of the DCD.
 */
export function toS2sPayload(
  dcd: Dcd,
  record: DcdRecord,
  ids: S2sCodeIds = S2S_CODE_IDS,
): Record<string, unknown> {
  const fields = new Map<string, Field>(dcd.fields.map((field) => [field.name, field]));
  for (const field of optionalHd4dpFields(dcd)) fields.set(field.name, field);
  const lists = new Map(dcd.codeLists.map((list) => [list.name, list]));
  const toValue = (field: ScalarField, value: unknown, where: string): unknown => {
    if (field.type === "code") return codeIdOf(field.codeList, value, where, ids, lists);
    if (field.type !== "multi") return value;
    if (!Array.isArray(value)) throw new Error(`${where} must be an array of code values.`);
    return value.map((item) => codeIdOf(field.codeList, item, where, ids, lists));
  };

  const payload: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record)) {
    if (value === undefined || value === null) continue;
    const field = fields.get(name);
    if (field === undefined) throw new Error(`"${name}" is not a field of ${dcd.id}.`);
    if (field.type !== "repeat") {
      payload[name] = toValue(field, value, name);
      continue;
    }
    if (!Array.isArray(value)) throw new Error(`${name} is a repeatable block: an array.`);
    payload[name] = value.map((entry: unknown, i) => {
      if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
        throw new Error(`${name}[${i + 1}] must be an object.`);
      }
      const out: Record<string, unknown> = {};
      for (const [subName, subValue] of Object.entries(entry)) {
        if (subValue === undefined || subValue === null) continue;
        const sub = field.fields.find((candidate) => candidate.name === subName);
        if (sub === undefined) throw new Error(`"${subName}" is not a field of the block ${name}.`);
        out[subName] = toValue(sub, subValue, `${name}[${i + 1}].${subName}`);
      }
      return out;
    });
  }
  return payload;
}

function codeIdOf(
  listName: string,
  value: unknown,
  where: string,
  ids: S2sCodeIds,
  lists: Map<string, CodeList>,
): number | string {
  if (typeof value !== "string") {
    throw new Error(`${where}: code ${JSON.stringify(value)} is not a code value (a string).`);
  }
  const table = ids[listName];
  // hasOwn: a code value such as "constructor" must not find an inherited property.
  const id = table !== undefined && Object.hasOwn(table, value) ? table[value] : undefined;
  if (id !== undefined) return id;
  const list = lists.get(listName);
  if (list?.format !== undefined && !list.items.some((item) => item.value === value)) {
    return value;
  }
  throw new Error(
    `${where}: code "${value}" of list ${listName} has no S2S id. Add it to the id table ` +
      "(ids from GET /api/dcd/codelist?codelist-id= on the HD4DP), or correct the value.",
  );
}
