// A declarative EHR profile: how to read DCD fields from one EHR's pages, as JSON, so a
// hospital adds its EHR through settings or policy without a new build.
// Types only: the content script must not carry zod; profiles are validated where they are
// saved (options page, policy load) with `EhrProfileSchema` in ehr-profile-schema.ts.

/** Date layouts an EHR may print; separators `/`, `-`, `.` and spaces are all accepted. */
export type DateLayout = "dmy" | "ymd" | "mdy";

export interface FieldRule {
  /** CSS selector of the element holding the value. */
  selector?: string;
  /** Or the visible label(s) in front of the value (any language). */
  label?: string[];
  /** Read this attribute instead of the element's value or text. */
  attribute?: string;
  /** Collect every match (multi fields such as billed codes). */
  all?: boolean;
  /** A regular expression applied to the text; the first capture group (or the match) is kept. */
  pattern?: string;
  /** How dates are written on this EHR's pages; default day-month-year. */
  dateLayout?: DateLayout;
  /** EHR value -> registry code value (case-insensitive keys), e.g. {"M": "248153007"}. */
  map?: Record<string, string>;
}

export interface EhrProfile {
  id: string;
  name: string;
  /** URL globs where the profile applies, `*` matching anything (e.g. `https://kws.*\/patient/*`). */
  matches: string[];
  /** DCD technical name -> where to read it. */
  fields: Record<string, FieldRule>;
}
