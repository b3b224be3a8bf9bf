// The typed format of a Healthdata data collection definition (DCD). A DCD is data: every
// field, requirement, condition, code list and cross-field rule of a registry form lives in
// a value of type `Dcd`, and `compile-dcd.ts` turns it into a zod schema. Replacing the
// provisional SPIN_SURG definition by the official workbook is a data change, not a code
// change: the importer (`xlsform/`) reads Healthdata's workbooks into this format, and
// `dcd-schema.ts` checks any DCD JSON against it before use (docs/dcd.md).

export const LOCALES = ["fr", "nl", "de", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in the four languages of Belgian users. */
export type Translations = Record<Locale, string>;

export type FieldType =
  | "text"
  | "date"
  | "time"
  | "datetime"
  | "integer"
  | "decimal"
  | "code"
  | "multi"
  | "bool"
  | "repeat"
  | "note"
  | "calculate";

/**
 * Named value formats. The DCD names them; the algorithms live in `identifiers/`.
 * - `niss`: national register number, normalized to 11 digits.
 * - `nihii-physician`: 11-digit NIHII of a physician (profession digit 1).
 * - `email`: an e-mail address.
 */
export type TextFormat = "niss" | "nihii-physician" | "email";

/**
 * Formats for the values of a code or multi field whose list is defined by a rule rather
 * than by enumeration: `be-postcode` (1000..9992), `nomenclature` (6 digits, mod-7 check).
 */
export type ValueFormat = "be-postcode" | "nomenclature";

export interface CodeItem {
  value: string;
  label: Translations;
  /** In a multi field, a value that excludes every other value (e.g. "0 none"). */
  exclusive?: boolean;
  /**
   * The id of the item in HD4DP's code list: S2S submissions carry ids, not values. Known
   * when the DCD was pulled from HD4DP; otherwise `s2s/s2s-code-ids.ts` holds them.
   */
  id?: string;
  /** Extra columns of the item (XLSForm `choices` sheet), read by a field's `choiceFilter`. */
  filters?: Record<string, string>;
}

export interface CodeList {
  name: string;
  /** Enumerated values, in their natural order (the order gives `ordinal` comparisons). */
  items: CodeItem[];
  /** Values beyond `items` that are valid when they match this format. */
  format?: ValueFormat;
}

/**
 * A value a condition or a rule compares. A date operand may be moved by whole years
 * (`addYears`, negative: earlier); `ordinal` is the position of a code in its list;
 * `derive` reads a value out of an identifier field (`compile-condition.ts`).
 * The other forms carry what XLSForm expressions compute: arithmetic (dates count as days
 * since 1970-01-01), functions, `if()` and, in a `choiceFilter`, a column of the choice.
 */
export type Operand =
  | { field: string; addYears?: number; ordinal?: true; derive?: Derivation }
  | { value: string | number | boolean }
  | { today: true; addYears?: number }
  | { arith: [Operand, ArithmeticOperator, Operand] }
  | { negate: Operand }
  | { call: FunctionName; args: Operand[] }
  | { if: [Condition, Operand, Operand] }
  | { choice: string };

export type ArithmeticOperator = "+" | "-" | "*" | "div" | "mod";

/**
 * Functions an operand may call. `string-length` and `count-selected` count an empty field
 * as 0; `coalesce` is its first filled argument; `date` reads an ISO date (or a day number);
 * `decimal-date-time` turns a date or date-time into days since 1970-01-01; `number` and
 * `int` convert; `concat` joins texts.
 */
export type FunctionName =
  | "string-length"
  | "count-selected"
  | "coalesce"
  | "date"
  | "decimal-date-time"
  | "number"
  | "int"
  | "round"
  | "concat";

/** `niss.birthDate`: ISO date encoded in a NISS; `niss.sexCode`: SNOMED CT sex code. */
export type Derivation = "niss.birthDate" | "niss.sexCode";

export type Comparator = "<" | "<=" | "==" | "!=" | ">=" | ">";

export type Condition =
  | { filled: string }
  | { empty: string }
  | { field: string; equals: string | number | boolean }
  | { field: string; oneOf: (string | number)[] }
  /** A multi field holds at least one of the values. */
  | { field: string; includesAny: string[] }
  | { compare: [Operand, Comparator, Operand] }
  /**
   * At least one code of a multi field has this eligibility decision (eligibility.ts), on
   * the date held by the field `on` (default: today).
   */
  | {
      field: string;
      anyEligibility: "required" | "exempt" | "not_in_scope" | "unknown";
      on?: string;
    }
  /** The text of the operand matches the regular expression (XLSForm `regex()`). */
  | { regex: [Operand, string] }
  /** An operand used as a truth value: a number other than 0, a non-empty text, `true`. */
  | { truthy: Operand }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export type Severity = "error" | "warning";

/**
 * A rule: when `when` holds (default: always), `assert` must hold, else an issue `code` of
 * `severity` is reported on `field`. A rule whose operands are empty or invalid is skipped:
 * emptiness is the business of `required`, malformed values of the field's own checks.
 */
export interface Rule {
  code: string;
  /** The field the issue is reported on; in a repeat block, a field of its entries. */
  field: string;
  /**
   * The repeat block whose every entry the rule checks; inside it, a field name means the
   * entry's own field first, then the record's.
   */
  repeat?: string;
  severity: Severity;
  when?: Condition;
  assert: Condition;
  message: Translations;
  /** Values offered to the message as {name} placeholders, besides {field}. */
  params?: Record<string, string | number>;
}

export interface FieldBase {
  name: string;
  label: Translations;
  help?: Translations;
  /** `true`, `false`, or a condition under which the field is required. */
  required: boolean | Condition;
  /** Set by the registry or the product, never entered by the user. */
  system?: boolean;
  /**
   * The field is asked only when this holds (XLSForm `relevant`); otherwise it is not
   * required, hidden in forms, and a value in it is dropped with a warning.
   */
  relevant?: Condition;
  /** Shown but not editable (XLSForm `readonly`). */
  readonly?: boolean;
  /** The value a new form starts with (XLSForm `default`). */
  default?: string | number | boolean;
  /** Name of the section (XLSForm group) the field belongs to, see `Dcd.sections`. */
  section?: string;
  /** Message shown instead of the generic one when the required field is empty. */
  requiredMessage?: Translations;
}

export interface TextField extends FieldBase {
  type: "text";
  maxLength?: number;
  format?: TextFormat;
}
export interface DateField extends FieldBase {
  type: "date";
}
/** `HH:MM` or `HH:MM:SS`. */
export interface TimeField extends FieldBase {
  type: "time";
}
/** `YYYY-MM-DDTHH:MM` (seconds optional). */
export interface DateTimeField extends FieldBase {
  type: "datetime";
}
export interface IntegerField extends FieldBase {
  type: "integer";
  min?: number;
  max?: number;
}
export interface DecimalField extends FieldBase {
  type: "decimal";
  min?: number;
  max?: number;
}
export interface CodeField extends FieldBase {
  type: "code";
  codeList: string;
  /** Only the items for which this holds may be chosen (XLSForm `choice_filter`). */
  choiceFilter?: Condition;
}
export interface MultiField extends FieldBase {
  type: "multi";
  codeList: string;
  minItems?: number;
  /** At most this many values (default: the number of items, or 100 for an open list). */
  maxItems?: number;
  choiceFilter?: Condition;
}
export interface BoolField extends FieldBase {
  type: "bool";
}
/** Text shown in the form (XLSForm `note`), never a value. */
export interface NoteField extends FieldBase {
  type: "note";
}
/**
 * A value the registry computes (XLSForm `calculate`): never entered, computed from the
 * record before the requirements and rules that read it.
 */
export interface CalculateField extends FieldBase {
  type: "calculate";
  calculation: Operand;
}
export interface RepeatField extends FieldBase {
  type: "repeat";
  minItems: number;
  maxItems: number;
  fields: Exclude<Field, RepeatField>[];
}

export type Field =
  | TextField
  | DateField
  | TimeField
  | DateTimeField
  | IntegerField
  | DecimalField
  | CodeField
  | MultiField
  | BoolField
  | NoteField
  | CalculateField
  | RepeatField;

/** A section of the form (XLSForm `begin group`): fields name it in `section`. */
export interface Section {
  name: string;
  label: Translations;
  /** The whole section is asked only when this holds. */
  relevant?: Condition;
}

export interface Dcd {
  /** Technical DCD name, e.g. SPIN_SURG. */
  id: string;
  /** Semantic version: major may invalidate records, minor adds choices, patch fixes. */
  version: string;
  label: Translations;
  /** Where the definition comes from, and what in it is assumed. */
  source: string;
  /** Sections in form order; fields without a section come first. */
  sections?: Section[];
  fields: Field[];
  codeLists: CodeList[];
  rules: Rule[];
  /** Fields whose values identify one registration in the registry (docs/domain.md §2). */
  businessKey: { fields: string[]; fallback?: { when: Condition; fields: string[] } };
}

/** A record as JSON: technical name -> value (dates ISO YYYY-MM-DD, codes as values). */
export type RecordValue = string | number | boolean | string[] | RepeatEntry[];
export type RepeatEntry = Record<string, string | number | boolean | string[]>;
export type DcdRecord = Record<string, RecordValue | null | undefined>;

export interface Issue {
  /** Technical field name; in a repeat block `IMPLANT[2].MS_IMPL_QTY` (1-based). */
  field: string;
  code: string;
  severity: Severity;
  message: string;
  params: Record<string, string | number>;
}
