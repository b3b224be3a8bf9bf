import type { Locale } from "../../dcd.ts";

/** A value of a code list as the workbook writes it, before labels are completed. */
export interface RawValue {
  sheet: string;
  row: number;
  code: string;
  labels: Partial<Record<Locale, string>>;
  /** The item's id in HD4DP, when a code-list sheet has an id column. */
  id?: string;
}

/** A code list defined in the workbook: under a field row, or on a code-list sheet. */
export interface RawList {
  name: string;
  sheet: string;
  /** Where it is defined (the field row, or its first row on a code-list sheet). */
  row: number;
  column?: number;
  values: RawValue[];
  /** Remarks of its cell (`code + label`, `postcode`). */
  notes: string[];
}
