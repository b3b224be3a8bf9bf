// `--columns niss=INSZ,date="Date de prestation",code=Code` -> which header names the user
// says hold which part of an act, overriding the names recognised by default.

import { ACT_ROLES, type ActRole } from "../../shared-schema/src/billed-act-fields.ts";

/** The mapping, or the message saying what is wrong with it. */
export function parseColumnsOption(option: string): Partial<Record<ActRole, string>> | string {
  const columns: Partial<Record<ActRole, string>> = {};
  for (const part of option.split(",")) {
    const equals = part.indexOf("=");
    const role = part.slice(0, equals).trim() as ActRole;
    const header = part
      .slice(equals + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1");
    if (equals < 0 || !ACT_ROLES.includes(role) || header === "") {
      return `--columns takes role=header pairs separated by ',', the roles being ${ACT_ROLES.join(", ")}; got "${part}".`;
    }
    columns[role] = header;
  }
  return columns;
}
