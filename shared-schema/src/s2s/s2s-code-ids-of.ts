// The HD4DP item ids a DCD's code values are sent as over S2S. One source per DCD, never
// mixed, so a made-up id cannot slip in next to real ones: the DCD's own `CodeItem.id`s when
// it carries any (a DCD pulled from HD4DP carries them all), otherwise the ASSUMED table of
// s2s-code-ids.ts, which is SPIN_SURG's only. HD4DP numbers its code-list items (ASSUMED,
// hd4dp-definition-contract.ts), so an id is a whole number.

import type { Dcd } from "../dcd.ts";
import { S2S_CODE_IDS, S2S_CODE_IDS_DCD, type S2sCodeIds } from "./s2s-code-ids.ts";

export interface DcdS2sCodeIds {
  ids: S2sCodeIds;
  source: "dcd" | "assumed table" | "none";
  /**
   * The enumerated items a code or multi field of the DCD may hold that have no usable id,
   * e.g. `SEX 248153007`: while there are any, the DCD cannot be relayed over S2S.
   */
  missing: string[];
}

const WHOLE_NUMBER = /^\d{1,15}$/;

export function s2sCodeIdsOf(dcd: Dcd): DcdS2sCodeIds {
  const used = new Set<string>();
  for (const field of dcd.fields) {
    for (const f of field.type === "repeat" ? field.fields : [field]) {
      if (f.type === "code" || f.type === "multi") used.add(f.codeList);
    }
  }
  const lists = dcd.codeLists.filter((list) => used.has(list.name));
  const carried = dcd.codeLists.some((list) => list.items.some((item) => item.id !== undefined));
  const source = carried ? "dcd" : dcd.id === S2S_CODE_IDS_DCD ? "assumed table" : "none";
  const ids: S2sCodeIds = {};
  const missing: string[] = [];
  for (const list of lists) {
    const table: Record<string, number> = {};
    for (const item of list.items) {
      const where = `${list.name} ${item.value}`;
      if (source === "dcd") {
        if (item.id === undefined) missing.push(where);
        else if (!WHOLE_NUMBER.test(item.id))
          missing.push(`${where} (id "${item.id}" is not a number)`);
        else table[item.value] = Number(item.id);
        continue;
      }
      const assumed = S2S_CODE_IDS[list.name];
      // hasOwn: a code value such as "constructor" must not find an inherited property.
      if (source === "assumed table" && assumed && Object.hasOwn(assumed, item.value)) {
        table[item.value] = assumed[item.value] as number;
      } else missing.push(where);
    }
    ids[list.name] = table;
  }
  return { ids, source, missing };
}
