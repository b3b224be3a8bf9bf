import type { Dcd, Field, RepeatField, TextField } from "../dcd.ts";
import { same } from "../translations.ts";

export type ScalarField = Exclude<Field, RepeatField>;

/**
 * Fields that HD4DP accepts in every CSV upload and S2S submission whatever the DCD: the
 * author columns (registry defaults when absent) and `STATUS` (`draft` creates an Open record)
 * (docs/domain.md §2). A DCD may define them itself; this lists them as text fields so that the
 * codecs accept them when it does not.
 */
export const OPTIONAL_HD4DP_FIELD_NAMES = [
  "TX_AUTHOR_GR",
  "TX_AUTHOR",
  "TX_COAUTHOR",
  "STATUS",
] as const;

/** The optional HD4DP fields that `dcd` does not define, as text fields. */
export function optionalHd4dpFields(dcd: Dcd): ScalarField[] {
  const defined = new Set(dcd.fields.map((field) => field.name));
  return OPTIONAL_HD4DP_FIELD_NAMES.filter((name) => !defined.has(name)).map(
    (name): TextField => ({ name, type: "text", label: same(name), required: false }),
  );
}
