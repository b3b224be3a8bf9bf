// Checks a billed act and builds from it the part of a record its business key is made of,
// normalized as the DCD validation normalizes a registration (a NISS or a NIHII as its 11
// digits, dates ISO), so that its keyed hash is the one the outbox stored on enqueue. Each
// problem names the act's role and a message code of shared-schema; its text names the DCD
// field and never quotes the value (it may be a NISS in the wrong column).

import type {
  ActRole,
  BilledAct,
  BilledActFields,
} from "../../../shared-schema/src/billed-act-fields.ts";
import type { Dcd, DcdRecord, Locale } from "../../../shared-schema/src/dcd.ts";
import { formatMessage } from "../../../shared-schema/src/i18n/format-message.ts";
import { digitsOf } from "../../../shared-schema/src/identifiers/digits-of.ts";
import { parseNihii } from "../../../shared-schema/src/identifiers/nihii.ts";
import { parseNiss } from "../../../shared-schema/src/identifiers/niss.ts";
import { isNomenclatureCode } from "../../../shared-schema/src/identifiers/nomenclature.ts";
import { MESSAGES, type MessageCode } from "../../../shared-schema/src/messages.ts";
import { parseBillingDate } from "./parse-billing-date.ts";

export interface ActProblem {
  role: ActRole;
  /** A message code of shared-schema/src/messages.ts, e.g. `niss_checksum`, `required`. */
  code: MessageCode;
  message: string;
}

export interface CheckedAct {
  /** The 6-digit code, when it is one. */
  code?: string;
  /** ISO, when the date is a date. */
  date?: string;
  /** Problems of the code and the date: without them nothing can be decided. */
  problems: ActProblem[];
  /** The business-key values, or what keeps them from being known. */
  identity: { record: DcdRecord } | { problems: ActProblem[] };
}

export interface ActContext {
  dcd: Dcd;
  fields: BilledActFields;
  locale: Locale;
}

/** Accepted between the digits of a code, as billing exports print them: 281-116, 281.116. */
const CODE_SEPARATORS = " .-";

export function checkBilledAct(act: BilledAct, context: ActContext): CheckedAct {
  const { fields, key, fallbackKey } = context.fields;
  const problem = (role: ActRole, code: MessageCode): ActProblem => {
    const name = fields[role];
    const label = context.dcd.fields.find((field) => field.name === name)?.label[context.locale];
    return {
      role,
      code,
      message: formatMessage(MESSAGES[code][context.locale], context.locale, {
        field: label ?? role,
      }),
    };
  };
  const text = (role: ActRole) => act[role]?.trim() ?? "";

  const checked: CheckedAct = { problems: [], identity: { problems: [] } };
  const code = digitsOf(text("code"), 6, CODE_SEPARATORS);
  if (text("code") === "") checked.problems.push(problem("code", "required"));
  else if (code === undefined || !isNomenclatureCode(code)) {
    checked.problems.push(problem("code", "invalid_nomenclature"));
  } else checked.code = code;
  const date = parseBillingDate(text("date"));
  if (text("date") === "") checked.problems.push(problem("date", "required"));
  else if (date === undefined) checked.problems.push(problem("date", "invalid_date"));
  else checked.date = date;

  const identity: ActProblem[] = [];
  const record: DcdRecord = {};
  const nissText = text("niss");
  const needed = nissText !== "" || !fallbackKey ? key : fallbackKey;
  for (const role of Object.keys(fields) as ActRole[]) {
    const name = fields[role] as string;
    if (!needed.includes(name)) continue;
    const value = text(role);
    if (role === "code") {
      if (code !== undefined) record[name] = isMulti(context.dcd, name) ? [code] : code;
      continue;
    }
    if (role === "date") {
      if (date !== undefined) record[name] = date;
      continue;
    }
    if (value === "") {
      identity.push(problem(role, "required"));
      continue;
    }
    if (role === "niss") {
      const niss = parseNiss(value);
      if (niss.ok) record[name] = niss.niss;
      else identity.push(problem(role, `niss_${niss.reason}`));
    } else if (role === "nihii") {
      const physician = formatOf(context.dcd, name) === "nihii-physician";
      const nihii = parseNihii(value, physician ? { profession: "1" } : undefined);
      if (nihii.ok) record[name] = nihii.nihii;
      else identity.push(problem(role, `nihii_${nihii.reason}`));
    } else if (role === "birthDate") {
      const birthDate = parseBillingDate(value);
      if (birthDate === undefined) identity.push(problem(role, "invalid_date"));
      else record[name] = birthDate;
    } else record[name] = value;
  }
  checked.identity = identity.length > 0 ? { problems: identity } : { record };
  return checked;
}

function isMulti(dcd: Dcd, name: string): boolean {
  return dcd.fields.find((field) => field.name === name)?.type === "multi";
}

function formatOf(dcd: Dcd, name: string): string | undefined {
  const field = dcd.fields.find((candidate) => candidate.name === name);
  return field?.type === "text" ? field.format : undefined;
}
