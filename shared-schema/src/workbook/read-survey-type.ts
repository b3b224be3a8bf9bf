import type { FieldType } from "../dcd.ts";

export type LeafType = Exclude<FieldType, "repeat">;

/** What the `type` cell of a survey row means. */
export type SurveyType =
  | {
      kind: "field";
      type: LeafType;
      /** The code list of a select. */
      list?: string;
      /** `select_one L or_other`: a free-text "other" answer this product cannot accept. */
      orOther?: boolean;
      /** XLSForm `hidden`: a value set by the form, never entered. */
      hidden?: boolean;
      /** The XLSForm type when it is not ours, e.g. `acknowledge` read as bool. */
      from?: string;
    }
  | { kind: "begin group" | "end group" | "begin repeat" | "end repeat" }
  /** Values the form software records by itself (start time, device id, ...). */
  | { kind: "metadata"; type: string }
  | { kind: "unknown"; type: string };

const SIMPLE: Record<string, LeafType> = {
  text: "text",
  string: "text",
  integer: "integer",
  int: "integer",
  decimal: "decimal",
  date: "date",
  time: "time",
  datetime: "datetime",
  note: "note",
  calculate: "calculate",
};
const BOOLEAN = new Set(["acknowledge", "trigger"]);
const METADATA = new Set([
  "start",
  "end",
  "today",
  "deviceid",
  "subscriberid",
  "simserial",
  "phonenumber",
  "username",
  "email",
  "audit",
  "start-geopoint",
  "background-audio",
]);

/** Reads a survey `type` cell: `select_one LEVEL`, `begin_group`, `dateTime`, ... */
export function readSurveyType(text: string): SurveyType {
  const words = text.trim().split(/\s+/);
  const head = (words[0] ?? "").toLowerCase();
  const group = /^(begin|end)[_ ]?(group|repeat)$/.exec(
    words.length === 2 ? `${head} ${(words[1] as string).toLowerCase()}` : head,
  );
  if (group) return { kind: `${group[1]} ${group[2]}` as "begin group" };
  const simple = SIMPLE[head];
  if (simple && words.length === 1) return { kind: "field", type: simple };
  if (BOOLEAN.has(head) && words.length === 1) return { kind: "field", type: "bool", from: head };
  if (head === "hidden" && words.length === 1) {
    return { kind: "field", type: "text", hidden: true, from: head };
  }
  if ((head === "select_one" || head === "select_multiple") && words[1]) {
    const orOther = words[2]?.toLowerCase() === "or_other";
    if (words.length === 2 || (words.length === 3 && orOther)) {
      return {
        kind: "field",
        type: head === "select_one" ? "code" : "multi",
        list: words[1],
        ...(orOther ? { orOther } : {}),
      };
    }
  }
  if (METADATA.has(head) && words.length === 1) return { kind: "metadata", type: head };
  return { kind: "unknown", type: text.trim() };
}
