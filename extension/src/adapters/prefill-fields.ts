// The DCD fields an EHR page can hold, and how each value is interpreted. Everything else
// in SPIN_SURG is clinical detail the surgeon enters in the overlay.

export type ValueKind =
  | "niss"
  | "nihii"
  | "text"
  | "date"
  | "sex"
  | "postcode"
  | "country"
  | "codes"
  | "urgency";

/** Not a DCD field: a country other than Belgium means residence code 9999. */
export const COUNTRY = "_COUNTRY";

export const PREFILL_FIELDS: Readonly<Record<string, ValueKind>> = {
  CD_HPIN: "nihii",
  IDC_PAT: "niss",
  TX_IDC_PAT_INT: "text",
  TX_PAT_LAST_NAM: "text",
  TX_PAT_FIRST_NAM: "text",
  D_PAT_DOB: "date",
  CD_PAT_SEX: "sex",
  CD_PAT_PLC_RESDC: "postcode",
  [COUNTRY]: "country",
  D_ADM: "date",
  D_SURG: "date",
  D_DISCH: "date",
  CD_NOMEN: "codes",
  CD_URGENCY: "urgency",
};

/** Fields whose presence means the page is a patient chart worth an overlay. */
export const CHART_FIELDS = ["IDC_PAT", "TX_PAT_LAST_NAM", "D_PAT_DOB", "CD_NOMEN", "D_SURG"];

/** The DCD fields the author settings prefill (Healthdata's common block). */
export const SETTING_FIELDS = { authorGroup: "TX_AUTHOR_GR", author: "TX_AUTHOR" } as const;
