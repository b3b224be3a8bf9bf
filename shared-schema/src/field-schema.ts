import * as z from "zod/mini";
import "./jitless-zod.ts";
import { daysInMonth } from "./days-in-month.ts";
import type { CodeList, Field, TextFormat, ValueFormat } from "./dcd.ts";
import { parseNihii } from "./identifiers/nihii.ts";
import { parseNiss } from "./identifiers/niss.ts";
import { isNomenclatureCode } from "./identifiers/nomenclature.ts";
import { isBelgianPostcode } from "./identifiers/postcode.ts";

// The zod schema of one field's value, from its DCD type and format. Malformed values raise
// issues whose `params.code` names the message (messages.ts); requirement and cross-field
// rules are checked on the whole record (record-schema.ts).

type Payload<T = string> = z.core.ParsePayload<T>;

// Checks are raw check functions pushing onto payload.issues: zod's superRefine allocates a
// closure per call, which tripled the cost of validating a record (bench/shared-schema).
function fail(
  payload: Payload<unknown>,
  code: string,
  params?: Record<string, string | number>,
): void {
  payload.issues.push({
    code: "custom",
    input: payload.value,
    params: params ? { code, ...params } : { code },
    message: code,
    path: [],
    continue: true,
  });
}

const DIGIT_0 = 48;
const DASH = 45;
const COLON = 58;
const T = 84;
const OPEN_LIST_MAX = 100;

/** `HH:MM` or `HH:MM:SS`, 24-hour clock. */
export function isTime(value: string): boolean {
  if (value.length !== 5 && value.length !== 8) return false;
  if (value.charCodeAt(2) !== COLON) return false;
  const hours = digitsAt(value, 0, 2);
  const minutes = digitsAt(value, 3, 2);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return false;
  if (value.length === 5) return true;
  const seconds = digitsAt(value, 6, 2);
  return value.charCodeAt(5) === COLON && seconds >= 0 && seconds <= 59;
}

/** YYYY-MM-DD of a real calendar day. Character codes, not a regex: 5 dates per record. */
export function isIsoDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) {
    return false;
  }
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The number written by `count` digits at `start`, or -1 when one is not a digit. */
function digitsAt(value: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const digit = value.charCodeAt(i) - DIGIT_0;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

// Deliberately simple: one @, no spaces, a dot in the domain. The registry checks the rest.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks a text format and, for identifiers, normalizes the value to its bare digits. */
function checkTextFormat(format: TextFormat): (payload: Payload) => void {
  if (format === "email") {
    return (payload) => {
      if (!EMAIL.test(payload.value)) fail(payload, "invalid_email");
    };
  }
  if (format === "niss") {
    return (payload) => {
      const niss = parseNiss(payload.value);
      if (niss.ok) payload.value = niss.niss;
      else fail(payload, `niss_${niss.reason}`);
    };
  }
  return (payload) => {
    const nihii = parseNihii(payload.value, { profession: "1" });
    if (nihii.ok) payload.value = nihii.nihii;
    else fail(payload, `nihii_${nihii.reason}`);
  };
}

const VALUE_FORMATS: Record<ValueFormat, { test(value: string): boolean; code: string }> = {
  "be-postcode": { test: isBelgianPostcode, code: "invalid_postcode" },
  nomenclature: { test: isNomenclatureCode, code: "invalid_nomenclature" },
};

/** A predicate for the values of a code list, and the message code when one is not in it. */
function codeTest(list: CodeList): { isValid(value: string): boolean; code: string } {
  const values = new Set(list.items.map((item) => item.value));
  const format = list.format ? VALUE_FORMATS[list.format] : undefined;
  if (!format) return { isValid: (value) => values.has(value), code: "invalid_code" };
  return { isValid: (value) => values.has(value) || format.test(value), code: format.code };
}

export function fieldSchema(
  field: Field,
  lists: ReadonlyMap<string, CodeList>,
  entrySchema?: (fields: Field[]) => z.ZodMiniType,
): z.ZodMiniType {
  switch (field.type) {
    case "text": {
      const schema =
        field.maxLength === undefined ? z.string() : z.string().check(z.maxLength(field.maxLength));
      const format = field.format;
      return format ? schema.check(checkTextFormat(format)) : schema;
    }
    case "date":
      return z.string().check((payload) => {
        if (!isIsoDate(payload.value)) fail(payload, "invalid_date");
      });
    case "time":
      return z.string().check((payload) => {
        if (!isTime(payload.value)) fail(payload, "invalid_time");
      });
    case "datetime":
      return z.string().check((payload) => {
        const value = payload.value;
        const ok =
          value.length >= 16 &&
          value.charCodeAt(10) === T &&
          isIsoDate(value.slice(0, 10)) &&
          isTime(value.slice(11));
        if (!ok) fail(payload, "invalid_datetime");
      });
    case "decimal":
      return z.number().check(...boundsOf(field));
    case "note":
      // Text shown to the person filling in the form: nothing to validate, nothing to send.
      return z.pipe(
        z.unknown(),
        z.transform(() => undefined),
      );
    case "calculate":
      // Computed by the record schema from the other fields; what the input says is ignored.
      return z.union([z.string(), z.number(), z.boolean()]);
    case "integer":
      return z.int().check(...boundsOf(field));
    case "bool":
      return z.boolean();
    case "code": {
      const test = codeTest(listOf(field.codeList, lists));
      return z.string().check((payload) => {
        if (!test.isValid(payload.value)) fail(payload, test.code, { value: payload.value });
      });
    }
    case "multi": {
      const list = listOf(field.codeList, lists);
      const test = codeTest(list);
      const exclusive = list.items.filter((item) => item.exclusive);
      // An open list (a format) has no natural bound: 100 values is far beyond any form.
      const maxItems = field.maxItems ?? (list.format ? OPEN_LIST_MAX : list.items.length);
      return z.array(z.string()).check((payload) => {
        const values = payload.value;
        if (values.length > maxItems) {
          fail(payload, "too_many_values", { max: maxItems });
          return;
        }
        for (let i = 0; i < values.length; i++) {
          const value = values[i] as string;
          if (!test.isValid(value)) fail(payload, test.code, { value });
          else if (values.indexOf(value) < i) fail(payload, "duplicate_value", { value });
        }
        if (values.length < 2) return;
        for (const item of exclusive) {
          if (values.includes(item.value)) fail(payload, "exclusive_value", { value: item.value });
        }
      });
    }
    case "repeat": {
      if (!entrySchema) throw new Error(`${field.name}: a repeat block cannot be nested`);
      return z.array(entrySchema(field.fields)).check(z.maxLength(field.maxItems));
    }
  }
}

/** A number field's bounds as zod checks (`too_small` / `too_big` issues). */
function boundsOf(field: { min?: number; max?: number }): z.core.$ZodCheck<number>[] {
  const checks: z.core.$ZodCheck<number>[] = [];
  if (field.min !== undefined) checks.push(z.gte(field.min));
  if (field.max !== undefined) checks.push(z.lte(field.max));
  return checks;
}

function listOf(name: string, lists: ReadonlyMap<string, CodeList>): CodeList {
  const list = lists.get(name);
  // A DCD that names a missing list is a broken definition: fail when it is compiled.
  if (!list) throw new Error(`The DCD names the code list ${name}, which it does not define`);
  return list;
}
