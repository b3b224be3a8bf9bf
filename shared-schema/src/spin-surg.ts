import type { Dcd } from "./dcd.ts";
import { SPIN_SURG_CODE_LISTS } from "./spin-surg-code-lists.ts";
import { SPIN_SURG_FIELDS } from "./spin-surg-fields.ts";
import { SPIN_SURG_RULES } from "./spin-surg-rules.ts";
import { t } from "./translations.ts";

/**
 * SPIN_SURG 0.1.0: the provisional definition of shared/spec/dcd-spin-surg.md, shipped until
 * the official Healthdata workbook is imported. Every rule of that page is in this data.
 */
export const SPIN_SURG: Dcd = {
  id: "SPIN_SURG",
  version: "0.1.0",
  label: t("Spine – chirurgie", "Spine – chirurgie", "Spine – Chirurgie", "Spine – surgery"),
  source:
    "Provisional definition (shared/spec/dcd-spin-surg.md): common block after Healthdata's " +
    "Qermid registers; spine block after Spine Tango; ASSUMED until the official workbook.",
  fields: SPIN_SURG_FIELDS,
  codeLists: SPIN_SURG_CODE_LISTS,
  rules: SPIN_SURG_RULES,
  // ASSUMED (dcd-spin-surg.md): NISS + surgery date + surgeon; without a NISS the names and
  // the birth date stand in for it.
  businessKey: {
    fields: ["IDC_PAT", "D_SURG", "CD_HPIN"],
    fallback: {
      when: { empty: "IDC_PAT" },
      fields: ["TX_PAT_LAST_NAM", "TX_PAT_FIRST_NAM", "D_PAT_DOB", "D_SURG", "CD_HPIN"],
    },
  },
};
