import type { Dcd, Field } from "../../dcd.ts";

/**
 * ASSUMED business key of a Qermid DCD: the patient's NISS (IDC_PAT), the main date of the
 * registration and the physician (CD_HPIN) when the DCD has one; a patient without NISS is
 * told apart by names and date of birth instead. The main date is the first required
 * top-level date that is not about the patient (D_IMPLANT, D_SURG...), else the first one.
 */
export function qermidBusinessKey(fields: Field[]): {
  businessKey: Dcd["businessKey"];
  mainDate?: string;
} {
  const names = new Set(fields.map((field) => field.name));
  const dates = fields.filter(
    (field) =>
      (field.type === "date" || field.type === "datetime") &&
      !field.system &&
      !/^(D|DT)_PAT_/.test(field.name),
  );
  const mainDate = (dates.find((field) => field.required === true) ?? dates[0])?.name;
  const tail = [mainDate, names.has("CD_HPIN") ? "CD_HPIN" : undefined].filter(
    (name): name is string => name !== undefined,
  );
  const birth = names.has("D_PAT_DOB")
    ? "D_PAT_DOB"
    : names.has("DT_PAT_DOB")
      ? "DT_PAT_DOB"
      : undefined;
  const identity = ["TX_PAT_LAST_NAM", "TX_PAT_FIRST_NAM", birth].filter(
    (name): name is string => name !== undefined && names.has(name),
  );
  const result = (businessKey: Dcd["businessKey"]) =>
    mainDate === undefined ? { businessKey } : { businessKey, mainDate };
  if (!names.has("IDC_PAT")) return result({ fields: [...identity, ...tail] });
  if (identity.length === 0) return result({ fields: ["IDC_PAT", ...tail] });
  return result({
    fields: ["IDC_PAT", ...tail],
    fallback: { when: { empty: "IDC_PAT" }, fields: [...identity, ...tail] },
  });
}
