// The nomenclature code -> article table behind `decideEligibility`, as data (docs/domain.md §1):
// the official list of art. 14 n) codes was not available, so this table is the one place
// that assumption lives. An administrator replaces it by a table validated with
// ELIGIBILITY_TABLE_SCHEMA (eligibility-table-schema.ts); no code changes.

export interface EligibilityEntry {
  /** A 6-digit nomenclature code (mod-7 check digit). */
  code: string;
  /** The nomenclature article, e.g. "14n" for art. 14 n) or "2" for art. 2. */
  article: string;
  decision: "required" | "exempt" | "not_in_scope";
  note?: string;
  /** First day (ISO YYYY-MM-DD) on which the decision holds. */
  validFrom: string;
  /** Last day (inclusive) on which the decision holds; open-ended when absent. */
  validTo?: string;
  /** Where the entry comes from, and what in it is assumed. */
  source: string;
}

export interface EligibilityTable {
  version: string;
  source: string;
  validFrom: string;
  entries: EligibilityEntry[];
}

// Art. 14 n) took effect on 1 Sept 2022 (RD 17 June 2022); insurers refuse unregistered acts
// since 1 April 2023, which changes the consequence, not the obligation.
const ART_14N_FROM = "2022-09-01";

const EXEMPT_SOURCE =
  "RD 17 June 2022 (MB 15 July 2022), art. 14 n) § 1, II. A, as summarised in " +
  "docs/domain.md §1; to be checked against the official INAMI list when imported.";
const EXEMPT_NOTE = "§ 1, II. Non-bloody treatments, A. Treatment of fractures and luxations";

const REQUIRED_SOURCE =
  "ILLUSTRATIVE (ASSUMED) until the official INAMI art. 14 n) list is imported: INAMI " +
  "NomenSoft names 281116 'Cure chirurgicale d'une hernie discale cervicale'; its article " +
  "14 n) is assumed, and its hospitalised code 281120 is derived by the +1/mod-7 pairing rule.";

const CONSULTATION_SOURCE =
  "ILLUSTRATIVE: RD 17 June 2022 art. 1 (MB 15 July 2022, refli.be/fr/lex/2022032632) puts " +
  "the spine consultation of an orthopaedic surgeon or neurosurgeon in art. 2 " +
  "(consultations), not in art. 14 n). Not the official list.";

function exempt(code: string): EligibilityEntry {
  return {
    code,
    article: "14n",
    decision: "exempt",
    note: EXEMPT_NOTE,
    validFrom: ART_14N_FROM,
    source: EXEMPT_SOURCE,
  };
}

export const ELIGIBILITY_TABLE: EligibilityTable = {
  version: "0.1.0-illustrative",
  source:
    "Provisional table: the six exempt codes of docs/domain.md §1 plus a few illustrative codes. " +
    "ASSUMED: the full list of art. 14 n) codes; codes absent from this table are answered " +
    "'unknown', never 'not required'. Replace by the official INAMI list.",
  validFrom: ART_14N_FROM,
  entries: [
    // The three exempt pairs, ambulatory then hospitalised.
    exempt("224674"),
    exempt("224685"),
    exempt("225853"),
    exempt("225864"),
    exempt("225875"),
    exempt("225886"),
    // Illustrative art. 14 n) pair (a "+4" pair: the ambulatory code ends in 6).
    {
      code: "281116",
      article: "14n",
      decision: "required",
      note: "Surgical treatment of a cervical disc herniation (ambulatory)",
      validFrom: ART_14N_FROM,
      source: REQUIRED_SOURCE,
    },
    {
      code: "281120",
      article: "14n",
      decision: "required",
      note: "Surgical treatment of a cervical disc herniation (hospitalised)",
      validFrom: ART_14N_FROM,
      source: REQUIRED_SOURCE,
    },
    // Spine-related but not art. 14 n): consultations (no ambulatory/hospitalised pair).
    {
      code: "105092",
      article: "2",
      decision: "not_in_scope",
      note: "Spine diagnostic assessment consultation, orthopaedic surgeon or neurosurgeon",
      validFrom: ART_14N_FROM,
      source: CONSULTATION_SOURCE,
    },
    {
      code: "105114",
      article: "2",
      decision: "not_in_scope",
      note: "Same consultation, accredited physician",
      validFrom: ART_14N_FROM,
      source: CONSULTATION_SOURCE,
    },
  ],
};
