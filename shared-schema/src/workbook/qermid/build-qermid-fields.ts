import type {
  CodeList,
  Condition,
  Field,
  FieldType,
  RepeatField,
  Translations,
} from "../../dcd.ts";
import { same } from "../../translations.ts";
import { parseOperand } from "../../xlsform/parse-expression.ts";
import { columnLetter, type ReportEntry } from "../import-report.ts";
import type { CodeListResolver } from "./code-list-resolver.ts";
import type { LabelCollector } from "./label-collector.ts";
import { type Cardinality, isRepeating, parseCardinality } from "./parse-cardinality.ts";
import { parseCodeListCell } from "./parse-code-list-cell.ts";
import { type ExpectedResult, parseExpectedResult } from "./parse-expected-result.ts";
import { parseRequiredCell } from "./parse-required-cell.ts";
import type { ConditionField } from "./parse-simple-condition.ts";
import type { QermidColumns } from "./qermid-columns.ts";
import { isQermidSystemField } from "./qermid-system-fields.ts";
import { type QermidType, qermidType } from "./qermid-type.ts";
import type { ExpressionCell, RawFieldRow } from "./read-field-rows.ts";
import { readQermidCondition } from "./read-qermid-condition.ts";

type LeafField = Exclude<Field, RepeatField>;

export interface BuildContext {
  sheet: string;
  columns: QermidColumns;
  labels: LabelCollector;
  resolver: CodeListResolver;
  entries: ReportEntry[];
}

interface Draft {
  raw: RawFieldRow;
  field: LeafField;
  list?: CodeList;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** ASSUMED: a maximum for a repeat block whose cardinality is open (`0..n`). */
const OPEN_MAX_ITEMS = 100;
const REPEATABLE_TITLE =
  /\s*\((?:repeatable|repeated|repeating|herhaalbaar|herhaalbare|répétable|repetable|wiederholbar)\b([^)]*)\)\s*$/i;

/**
 * Turns the rows of a field sheet into DCD fields: each row's type, list and formats first,
 * then (knowing every field) its conditions, then the repeat blocks.
 */
export function buildQermidFields(rows: RawFieldRow[], ctx: BuildContext): Field[] {
  const drafts = draftsOf(rows, ctx);
  const byName = new Map<string, ConditionField>();
  for (const draft of drafts) {
    const info: ConditionField = { name: draft.field.name, type: draft.field.type };
    if (draft.list) info.list = draft.list;
    byName.set(draft.field.name.toUpperCase(), info);
  }
  const fieldOf = (name: string) => byName.get(name.toUpperCase());
  for (const draft of drafts) addLogic(draft, fieldOf, ctx);
  return groupRepeats(drafts, new Set(byName.keys()), ctx);
}

function where(ctx: BuildContext, row: number, column: number) {
  return { sheet: ctx.sheet, row, column: columnLetter(column) };
}

function draftsOf(rows: RawFieldRow[], ctx: BuildContext): Draft[] {
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  for (const raw of rows) {
    const at = where(ctx, raw.row, ctx.columns.name);
    if (!NAME.test(raw.name)) {
      ctx.entries.push({
        ...at,
        level: "unmapped",
        subject: raw.name,
        message: "not a technical name (letters, digits, _): the row is not imported",
        affectsValidation: true,
      });
      continue;
    }
    if (seen.has(raw.name.toUpperCase())) {
      ctx.entries.push({
        ...at,
        level: "unmapped",
        subject: raw.name,
        message: "a second field of this name: the row is not imported",
        affectsValidation: true,
      });
      continue;
    }
    seen.add(raw.name.toUpperCase());
    drafts.push(draftOf(raw, ctx));
  }
  return drafts;
}

function draftOf(raw: RawFieldRow, ctx: BuildContext): Draft {
  const at = { sheet: ctx.sheet, row: raw.row };
  const label = ctx.labels.translations(raw.labels, raw.name, at);
  const base: Base = { name: raw.name, label, required: false };
  if (Object.keys(raw.help).length > 0) base.help = ctx.labels.translations(raw.help, "", at);
  if (isQermidSystemField(raw.name)) base.system = true;
  const expected = parseExpectedResult(raw.expected);
  const typeColumn = ctx.columns.type ?? ctx.columns.name;
  const report = (level: ReportEntry["level"], message: string, affectsValidation = false) =>
    ctx.entries.push({
      ...where(ctx, raw.row, typeColumn),
      level,
      subject: raw.name,
      message,
      ...(affectsValidation ? { affectsValidation } : {}),
    });

  let type = qermidType(raw.type);
  if (!type) {
    if (raw.type === "" && /^TX_TTL_/i.test(raw.name)) type = { type: "note" };
    else if (raw.type === "" && raw.listCell !== "") type = { type: "code" };
    else {
      report(
        "unmapped",
        raw.type === ""
          ? "no type: read as a text"
          : `the type "${raw.type}" is not a Qermid type: read as a text`,
        true,
      );
      type = { type: "text" };
    }
  }
  const draft = typedDraft(raw, type, base, expected, ctx, report);
  if (raw.values.length > 0 && draft.field.type !== "code" && draft.field.type !== "multi") {
    ctx.entries.push({
      ...where(ctx, raw.values[0]?.row ?? raw.row, ctx.columns.codeValues ?? ctx.columns.name),
      level: "unmapped",
      subject: raw.name,
      message: `${raw.values.length} value row(s) under a field of type ${draft.field.type}: ignored`,
    });
  }
  return draft;
}

type Base = {
  name: string;
  label: Translations;
  required: boolean;
  help?: Translations;
  system?: boolean;
};

function typedDraft(
  raw: RawFieldRow,
  type: QermidType,
  base: Base,
  expected: ExpectedResult,
  ctx: BuildContext,
  report: (level: ReportEntry["level"], message: string, affectsValidation?: boolean) => void,
): Draft {
  const text = (format?: "niss" | "nihii-physician" | "email"): Draft => {
    const field: LeafField = { ...base, type: "text" };
    if (format) field.format = format;
    if (expected.maxLength !== undefined && !format) field.maxLength = expected.maxLength;
    return { raw, field };
  };
  switch (type.type) {
    case "note":
      return { raw, field: { ...base, type: "note" } };
    case "text":
      return text(
        expected.niss
          ? "niss"
          : expected.nihii || raw.name === "CD_HPIN"
            ? "nihii-physician"
            : expected.email
              ? "email"
              : undefined,
      );
    case "niss":
      return text("niss");
    case "patientId":
      // IDC_PAT is the NISS; other patient ids (generated, internal) are plain texts.
      return text(raw.name === "IDC_PAT" || expected.niss ? "niss" : undefined);
    case "date":
    case "datetime":
    case "time":
    case "bool":
      return { raw, field: { ...base, type: type.type } };
    case "number": {
      // Bounds with decimals say that the values have them too.
      const decimal =
        type.decimal === true || expected.decimal || !isInt(expected.min) || !isInt(expected.max);
      const field: Extract<LeafField, { type: "integer" | "decimal" }> = {
        ...base,
        type: decimal ? "decimal" : "integer",
      };
      if (expected.min !== undefined) field.min = expected.min;
      if (expected.max !== undefined) field.max = expected.max;
      return { raw, field };
    }
    case "calculate":
      // The calculation is read with the conditions, once every field's type is known.
      return { raw, field: { ...base, type: "calculate", calculation: { value: "" } } };
    case "code":
    case "multi": {
      const cell = parseCodeListCell(raw.listCell);
      const listColumn = ctx.columns.listName ?? ctx.columns.name;
      if (!cell) {
        report("unmapped", `a ${raw.type} field without a code list: read as a text`, true);
        return text();
      }
      const resolved = ctx.resolver.resolve(cell, raw.expected, where(ctx, raw.row, listColumn));
      if (resolved.kind === "physician") {
        report(
          "warning",
          `${cell.name} is HD4DP's list of physicians: read as a physician's NIHII number`,
        );
        return text("nihii-physician");
      }
      if (resolved.kind === "missing") {
        ctx.entries.push({
          ...where(ctx, raw.row, listColumn),
          level: "unmapped",
          subject: raw.name,
          message: `the code list ${cell.name} is defined neither in this sheet nor on a code-list sheet: read as a text`,
          affectsValidation: true,
        });
        return text();
      }
      const list = resolved.list;
      if (type.type === "code") {
        return { raw, field: { ...base, type: "code", codeList: list.name }, list };
      }
      const field: LeafField = { ...base, type: "multi", codeList: list.name };
      const cardinality = parseCardinality(raw.cardinality);
      if (cardinality?.max !== undefined && cardinality.max > 1) field.maxItems = cardinality.max;
      return { raw, field, list };
    }
  }
}

function isInt(n: number | undefined): boolean {
  return n === undefined || Number.isInteger(n);
}

function both(a: Condition | undefined, b: Condition | undefined): Condition | undefined {
  if (a && b) return { all: [a, b] };
  return a ?? b;
}

/** Requirement, relevance and calculation of a field, now that every field is known. */
function addLogic(
  draft: Draft,
  fieldOf: (name: string) => ConditionField | undefined,
  ctx: BuildContext,
): void {
  const { raw, field } = draft;
  const read = (cell: ExpressionCell, role: string): Condition | undefined => {
    const result = readQermidCondition(cell.text, { field: fieldOf, self: field.name });
    if (result.ok) return result.value;
    ctx.entries.push({
      ...where(ctx, raw.row, cell.column),
      level: "unmapped",
      subject: field.name,
      message: `the ${role} condition "${cell.text}" cannot be read (${result.error}): the field is imported without it`,
      affectsValidation: true,
    });
    return undefined;
  };
  const all = (cells: ExpressionCell[], role: string) =>
    cells.map((cell) => read(cell, role)).reduce<Condition | undefined>(both, undefined);

  const relevant = all(raw.relevant, "relevance");
  if (relevant) field.relevant = relevant;
  for (const cell of raw.validation) {
    ctx.entries.push({
      ...where(ctx, raw.row, cell.column),
      level: "unmapped",
      subject: field.name,
      message: `the validation "${cell.text}" is not imported: no rule checks it`,
      affectsValidation: true,
    });
  }
  if (field.type === "calculate" || field.type === "note") {
    if (field.type === "calculate") calculationOf(draft, fieldOf, ctx);
    ctx.entries.push({
      ...where(ctx, raw.row, ctx.columns.name),
      level: "mapped",
      subject: field.name,
      message: draft.field.type === "note" ? "note (a title or a text)" : describe(draft.field),
    });
    return;
  }
  const requiredColumn = ctx.columns.required ?? ctx.columns.name;
  const cell = parseRequiredCell(raw.required);
  let required: boolean | Condition | undefined;
  switch (cell.kind) {
    case "yes":
      required = true;
      break;
    case "no":
      required = raw.required === "" ? cardinalityRequired(raw.cardinality) : false;
      break;
    case "noSsin":
      if (fieldOf("IDC_PAT")) required = { empty: "IDC_PAT" };
      else {
        ctx.entries.push({
          ...where(ctx, raw.row, requiredColumn),
          level: "unmapped",
          subject: field.name,
          message: `"${raw.required}" (required without NISS) but the sheet has no IDC_PAT: read as optional`,
          affectsValidation: true,
        });
      }
      break;
    case "condition":
      required = read({ column: requiredColumn, text: cell.text }, "requirement");
      break;
    case "unknown":
      ctx.entries.push({
        ...where(ctx, raw.row, requiredColumn),
        level: "unmapped",
        subject: field.name,
        message: `the required cell "${raw.required}" is neither Y nor N nor a condition: read as optional`,
        affectsValidation: true,
      });
  }
  const requiredIf = all(raw.requiredIf, "requirement");
  if (requiredIf)
    required = required === true || !required ? requiredIf : both(required, requiredIf);
  field.required = required ?? false;
  ctx.entries.push({
    ...where(ctx, raw.row, ctx.columns.name),
    level: "mapped",
    subject: field.name,
    message: describe(field),
  });
}

/** A field in a few words, for the report: `code field (LATERALITY_63), required`. */
function describe(field: LeafField): string {
  const detail =
    field.type === "code" || field.type === "multi"
      ? ` (${field.codeList})`
      : field.type === "text" && field.format
        ? ` (${field.format})`
        : "";
  const required =
    field.required === true
      ? "required"
      : field.required === false
        ? "optional"
        : "required under a condition";
  const extras = [
    required,
    ...(field.relevant ? ["asked under a condition"] : []),
    ...(field.system ? ["system"] : []),
  ];
  return `${field.type} field${detail}, ${extras.join(", ")}`;
}

function cardinalityRequired(text: string): boolean {
  const cardinality = parseCardinality(text);
  return cardinality !== undefined && cardinality.min > 0;
}

function calculationOf(
  draft: Draft,
  fieldOf: (name: string) => ConditionField | undefined,
  ctx: BuildContext,
): void {
  const { raw } = draft;
  const source =
    raw.calculation ??
    (raw.expected.includes("${") && ctx.columns.expected !== undefined
      ? { column: ctx.columns.expected, text: raw.expected }
      : undefined);
  const fallback = () => {
    const { name, label, help, system, relevant } = draft.field;
    const text: LeafField = { name, label, type: "text", required: false, readonly: true };
    if (help) text.help = help;
    if (system) text.system = system;
    if (relevant) text.relevant = relevant;
    draft.field = text;
  };
  if (!source) {
    fallback();
    ctx.entries.push({
      ...where(ctx, raw.row, ctx.columns.type ?? ctx.columns.name),
      level: "unmapped",
      subject: raw.name,
      message:
        "a calculated field without a formula this reader can read: imported as a read-only text",
    });
    return;
  }
  const result = parseOperand(source.text, {
    self: raw.name,
    fieldType: (name: string): FieldType | undefined => {
      const field = fieldOf(name);
      return field && field.name === name ? field.type : undefined;
    },
  });
  if (result.ok) {
    draft.field = { ...draft.field, type: "calculate", calculation: result.value };
    return;
  }
  fallback();
  ctx.entries.push({
    ...where(ctx, raw.row, source.column),
    level: "unmapped",
    subject: raw.name,
    message: `the calculation "${source.text}" cannot be read (${result.error}): imported as a read-only text`,
  });
}

// ---------------------------------------------------------------------------------------
// Repeat blocks (ASSUMED convention, docs/dcd-workbooks.md): a "Block" column naming the
// block on each of its rows (`IMPLANT (1..20)` on one of them for the cardinality), or,
// without that column, a `content` title ending in "(repeatable)" (or whose cardinality
// is `0..n`) that opens a block running to the next title.

interface OpenBlock {
  repeat: RepeatField;
  key: string;
}

function groupRepeats(drafts: Draft[], names: ReadonlySet<string>, ctx: BuildContext): Field[] {
  const out: Field[] = [];
  const blocks = new Map<string, RepeatField>();
  let open: OpenBlock | undefined;
  const usedNames = new Set(names);

  const start = (key: string, title: Draft | undefined, cardinality: Cardinality | undefined) => {
    let name = key;
    if (usedNames.has(name.toUpperCase())) name = `${key}_BLOCK`;
    usedNames.add(name.toUpperCase());
    const titleRequired = title?.raw && parseRequiredCell(title.raw.required).kind === "yes";
    const minItems = Math.max(cardinality?.min ?? 0, titleRequired ? 1 : 0);
    const repeat: RepeatField = {
      name,
      type: "repeat",
      label: title ? stripRepeatable(title.field.label) : same(key),
      required: minItems > 0,
      minItems,
      maxItems: cardinality?.max ?? OPEN_MAX_ITEMS,
      fields: [],
    };
    if (title?.field.relevant) repeat.relevant = title.field.relevant;
    if (title?.field.help) repeat.help = title.field.help;
    const row = title?.raw.row;
    // The title row is the block's label, not a note of its own.
    const titleEntry = ctx.entries.find(
      (entry) =>
        entry.level === "mapped" && entry.row === row && entry.subject === title?.field.name,
    );
    if (titleEntry) titleEntry.message = `the title of the repeat block ${name}`;
    ctx.entries.push({
      level: "mapped",
      sheet: ctx.sheet,
      ...(row === undefined ? {} : { row }),
      column: columnLetter(ctx.columns.block ?? ctx.columns.name),
      subject: name,
      message: `repeat block of ${minItems} to ${repeat.maxItems} entries`,
    });
    blocks.set(key, repeat);
    out.push(repeat);
    open = { repeat, key };
  };

  for (const draft of drafts) {
    const { raw, field } = draft;
    if (ctx.columns.block !== undefined) {
      const cell = raw.block;
      if (cell === "") {
        open = undefined;
        out.push(field);
        continue;
      }
      const key = blockKey(cell);
      const cardinality = parseCardinality(cell) ?? parseCardinality(raw.cardinality);
      if (open?.key !== key) {
        const earlier = blocks.get(key);
        if (earlier) {
          ctx.entries.push({
            ...where(ctx, raw.row, ctx.columns.block),
            level: "warning",
            subject: earlier.name,
            message: "the block resumes after other rows: its fields are added to it",
          });
          open = { repeat: earlier, key };
        } else {
          start(key, field.type === "note" ? draft : undefined, cardinality);
          if (field.type === "note") continue;
        }
      } else if (cardinality) {
        updateCardinality(open.repeat, cardinality);
      }
      open?.repeat.fields.push(field);
      continue;
    }
    if (field.type === "note" && isRepeatTitle(draft)) {
      const key = field.name.replace(/^TX_TTL_/i, "") || field.name;
      start(key, draft, titleCardinality(draft));
      continue;
    }
    if (field.type === "note") open = undefined;
    if (open) open.repeat.fields.push(field);
    else out.push(field);
  }
  for (const block of blocks.values()) {
    if (block.fields.length === 0) {
      ctx.entries.push({
        level: "unmapped",
        sheet: ctx.sheet,
        subject: block.name,
        message: "a repeat block without fields: left empty",
      });
    }
  }
  return out;
}

function updateCardinality(repeat: RepeatField, cardinality: Cardinality): void {
  repeat.minItems = Math.max(repeat.minItems, cardinality.min);
  repeat.maxItems = cardinality.max ?? repeat.maxItems;
  repeat.required = repeat.minItems > 0;
}

function blockKey(cell: string): string {
  const name = cell
    .replace(/\([^)]*\)/g, " ")
    .replace(/\d+\s*\.\.\s*(\d+|n|\*)/gi, " ")
    .trim()
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toUpperCase();
  return /^[A-Z_]/.test(name) ? name : `BLOCK_${name}`;
}

function isRepeatTitle(draft: Draft): boolean {
  if (Object.values(draft.field.label).some((label) => REPEATABLE_TITLE.test(label))) return true;
  const cardinality = parseCardinality(draft.raw.cardinality);
  return cardinality !== undefined && isRepeating(cardinality);
}

function titleCardinality(draft: Draft): Cardinality | undefined {
  for (const label of Object.values(draft.field.label)) {
    const inner = REPEATABLE_TITLE.exec(label)?.[1];
    const cardinality = inner && parseCardinality(inner);
    if (cardinality) return cardinality;
  }
  return parseCardinality(draft.raw.cardinality);
}

function stripRepeatable(label: Translations): Translations {
  const strip = (text: string) => text.replace(REPEATABLE_TITLE, "").trim();
  return { fr: strip(label.fr), nl: strip(label.nl), de: strip(label.de), en: strip(label.en) };
}
