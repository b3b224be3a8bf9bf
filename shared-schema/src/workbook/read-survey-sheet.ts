import type {
  CodeList,
  Condition,
  DecimalField,
  Field,
  FieldBase,
  FieldType,
  IntegerField,
  Rule,
  Section,
  TextField,
  TextFormat,
} from "../dcd.ts";
import { same } from "../translations.ts";
import { columnLetter, type ReportEntry } from "./import-report.ts";
import { type LanguageFill, TableColumns } from "./language-columns.ts";
import type { SheetTable, TableRow } from "./read-sheet-table.ts";
import { type LeafType, readSurveyType, type SurveyType } from "./read-survey-type.ts";
import { reportUnusedColumns } from "./report-unused-columns.ts";
import type { ExpressionSite, ExpressionTranslator } from "./translate-expression.ts";
import {
  GENERIC_CONSTRAINT_MESSAGE,
  readYesNo,
  SURVEY_COLUMNS,
  TECHNICAL_FIELDS,
  TYPE_SPECIFIC_COLUMNS,
} from "./xlsform-extensions.ts";

// repeat_count (standard XLSForm) is read, never written: our repeats write min_items and max_items.
const READ_COLUMNS = new Set([...SURVEY_COLUMNS, "repeat_count"]);
const WHY_IGNORED: Record<string, string> = {
  appearance: "it changes how a form looks, not what a record may hold",
  guidance_hint: "tooltips are not shown by this product",
  order: "rows are read in sheet order",
  "hd::number_format":
    "HD4DP's limit on digits and decimals is not checked here: a number with more digits may still be refused by HD4DP",
};
const TEXT_FORMATS: readonly TextFormat[] = ["niss", "nihii-physician", "email"];
/** Entries of a repeat without max_items (the DCD format needs a bound). */
const DEFAULT_MAX_ITEMS = 100;

type Leaf = Exclude<Field, { type: "repeat" }>;

interface NestedGroup {
  name: string;
  row: TableRow;
  /** Parsed once, when the first field inside needs it; null when it cannot be. */
  relevant?: Condition | null;
}

interface Shell {
  row: TableRow;
  name: string;
  type: LeafType | "repeat";
  list?: string;
  system: boolean;
  section?: string;
  /** Groups inside the section (or inside the repeat) around this field, outermost first. */
  groups: NestedGroup[];
  repeat?: Shell;
  children: Shell[];
}

type Frame =
  | { kind: "section"; name: string; row: TableRow }
  | { kind: "group"; group: NestedGroup }
  | { kind: "repeat"; shell: Shell }
  | { kind: "skipped repeat"; row: TableRow };

export interface SurveyRead {
  fields: Field[];
  sections: Section[];
  /** Rules from `constraint` cells, in row order. */
  rules: Rule[];
  ruleRows: number[];
  /** Every field, including repeat entries: name -> type, for expressions elsewhere. */
  types: Map<string, FieldType>;
  /** The row of each field. */
  rows: Map<string, number>;
}

/**
 * Reads the `survey` sheet in two passes: the first finds every field and its type (an
 * expression may name a field defined further down), the second translates each row.
 * Top-level groups become sections; groups inside them are flattened, their `relevant`
 * added to each field's; `begin repeat` becomes a repeat field.
 */
export class SurveyReader {
  private readonly columns: TableColumns;
  private readonly sheet: string;
  private readonly notes = new Map<string, { entry: ReportEntry; count: number }>();
  private readonly sectionRows = new Map<string, TableRow>();
  readonly result: SurveyRead = {
    fields: [],
    sections: [],
    rules: [],
    ruleRows: [],
    types: new Map(),
    rows: new Map(),
  };
  private readonly shells: Shell[] = [];
  private readonly table: SheetTable;
  private readonly fill: LanguageFill;
  private readonly codeLists: CodeList[];
  private readonly entries: ReportEntry[];

  constructor(
    table: SheetTable,
    fill: LanguageFill,
    codeLists: CodeList[],
    entries: ReportEntry[],
  ) {
    this.table = table;
    this.fill = fill;
    this.codeLists = codeLists;
    this.entries = entries;
    this.columns = new TableColumns(table);
    this.sheet = table.sheet;
  }

  /** First pass: structure and types. */
  scan(): void {
    const { columns, result } = this;
    reportUnusedColumns(
      columns,
      (base) => READ_COLUMNS.has(base),
      this.entries,
      (base) =>
        WHY_IGNORED[base] ??
        (base.startsWith("destination::") ? "it says where HD4DP sends a value" : undefined),
    );
    const stack: Frame[] = [];
    for (const row of this.table.rows) {
      const typeText = columns.text(row, "type");
      const name = columns.text(row, "name");
      const skipping = stack.some((frame) => frame.kind === "skipped repeat");
      const type = readSurveyType(typeText);
      if (skipping) {
        if (type.kind === "begin repeat") stack.push({ kind: "skipped repeat", row });
        if (type.kind === "end repeat") {
          while (stack.length > 0 && stack.pop()?.kind !== "skipped repeat") {}
        }
        continue;
      }
      if (!typeText) {
        this.push(row, "type", name, {
          level: name ? "unmapped" : "warning",
          message: name
            ? `Row without a type: field ${name} is skipped.`
            : "Row without type and name: ignored.",
          ...(name ? { affectsValidation: true } : {}),
        });
        continue;
      }
      switch (type.kind) {
        case "begin group":
          this.beginGroup(stack, row, name);
          break;
        case "end group": {
          const top = stack.at(-1);
          if (top?.kind === "group" || top?.kind === "section") stack.pop();
          else
            this.push(row, "type", name, {
              level: "warning",
              message: "end group without a begin group: ignored.",
            });
          break;
        }
        case "begin repeat": {
          if (stack.some((frame) => frame.kind === "repeat")) {
            this.push(row, "type", name, {
              level: "unmapped",
              message: `Repeat ${name} inside a repeat cannot be expressed in a DCD: it and its fields are skipped.`,
              affectsValidation: true,
            });
            stack.push({ kind: "skipped repeat", row });
            break;
          }
          const shell = this.shell(stack, row, name || `repeat_${row.row}`, "repeat", type);
          if (shell) stack.push({ kind: "repeat", shell });
          break;
        }
        case "end repeat": {
          const at = stack.findLastIndex((frame) => frame.kind === "repeat");
          if (at < 0) {
            this.push(row, "type", name, {
              level: "warning",
              message: "end repeat without a begin repeat: ignored.",
            });
            break;
          }
          if (at < stack.length - 1) {
            this.push(row, "type", name, {
              level: "warning",
              message: "end repeat closes groups left open inside the repeat.",
            });
          }
          stack.length = at;
          break;
        }
        case "metadata":
          this.push(row, "type", name, {
            level: "warning",
            message: `${type.type} is recorded by the form software, not entered: field ${name || "(no name)"} is skipped.`,
          });
          break;
        case "unknown":
          if (!name) {
            this.push(row, "type", name, {
              level: "unmapped",
              message: `Type "${type.type}" without a name: the row is skipped.`,
              affectsValidation: true,
            });
            break;
          }
          this.push(row, "type", name, {
            level: "unmapped",
            message: `Type "${type.type}" is not known: ${name} is kept as a text field that accepts any text.`,
            affectsValidation: true,
          });
          this.shell(stack, row, name, "text", type);
          break;
        case "field": {
          if (!name) {
            this.push(row, "name", name, {
              level: "unmapped",
              message: `A ${typeText} row has no name: it is skipped.`,
              affectsValidation: true,
            });
            break;
          }
          this.shell(stack, row, name, type.type, type);
          break;
        }
      }
    }
    for (const frame of stack) {
      const row =
        frame.kind === "repeat"
          ? frame.shell.row
          : frame.kind === "group"
            ? frame.group.row
            : frame.row;
      this.push(row, "type", undefined, {
        level: "warning",
        message: `This ${frame.kind === "repeat" || frame.kind === "skipped repeat" ? "repeat" : "group"} is not closed: it ends with the sheet.`,
      });
    }
    for (const shell of this.shells) {
      result.types.set(shell.name, shell.type);
      for (const child of shell.children) result.types.set(child.name, child.type);
    }
  }

  private beginGroup(stack: Frame[], row: TableRow, name: string): void {
    const groupName = name || `group_${row.row}`;
    if (!name) {
      this.push(row, "name", undefined, {
        level: "warning",
        message: `A group without a name is named ${groupName}.`,
      });
    }
    if (stack.length > 0) {
      stack.push({ kind: "group", group: { name: groupName, row } });
      this.note("nested group", row, {
        level: "mapped",
        message:
          "Groups inside groups or repeats are flattened: their relevant applies to each of their fields; their labels are not kept.",
      });
      return;
    }
    stack.push({ kind: "section", name: groupName, row });
    if (this.sectionRows.has(groupName)) return;
    this.sectionRows.set(groupName, row);
    this.result.sections.push({ name: groupName, label: this.label(row, groupName) });
  }

  private shell(
    stack: Frame[],
    row: TableRow,
    name: string,
    fieldType: LeafType | "repeat",
    type: SurveyType,
  ): Shell | undefined {
    if (this.result.rows.has(name)) {
      this.push(row, "name", name, {
        level: "unmapped",
        message: `Field ${name} is defined twice (first at row ${this.result.rows.get(name)}): this row is skipped.`,
        affectsValidation: true,
      });
      return undefined;
    }
    this.result.rows.set(name, row.row);
    let typeOf = fieldType;
    let list = type.kind === "field" ? type.list : undefined;
    if (name.startsWith("TX_TTL_") && typeOf !== "note" && typeOf !== "repeat") {
      this.note("title", row, {
        level: "mapped",
        message: "Title fields (TX_TTL_*) are read as notes: they hold no value.",
      });
      typeOf = "note";
      list = undefined;
    }
    if (type.kind === "field" && type.from) {
      this.note(type.from, row, {
        level: "mapped",
        message:
          type.type === "bool"
            ? `Type ${type.from} is read as a yes/no field (bool).`
            : `Type ${type.from} is read as a text field set by the registry (system).`,
      });
    }
    if (type.kind === "field" && type.orOther) {
      this.push(row, "type", name, {
        level: "unmapped",
        message: `or_other: the free-text "other" answer is not supported; only the choices of ${list} are accepted.`,
        affectsValidation: true,
      });
    }
    if (list !== undefined && !this.codeLists.some((l) => l.name === list)) {
      this.push(row, "type", name, {
        level: "unmapped",
        message: `List ${list} is not in the choices sheet: an empty list stands in, which accepts no value.`,
        affectsValidation: true,
      });
      this.codeLists.push({ name: list, items: [] });
    }
    const system = TECHNICAL_FIELDS.has(name) || (type.kind === "field" && type.hidden === true);
    const section = stack[0]?.kind === "section" ? stack[0].name : undefined;
    const repeatAt = stack.findLastIndex((frame) => frame.kind === "repeat");
    const repeat = repeatAt >= 0 ? (stack[repeatAt] as { shell: Shell }).shell : undefined;
    const groups = stack
      .slice(repeatAt + 1)
      .flatMap((frame) => (frame.kind === "group" ? [frame.group] : []));
    const shell: Shell = {
      row,
      name,
      type: typeOf,
      ...(list !== undefined ? { list } : {}),
      system,
      ...(section !== undefined && !repeat ? { section } : {}),
      groups,
      ...(repeat ? { repeat } : {}),
      children: [],
    };
    if (repeat) repeat.children.push(shell);
    else this.shells.push(shell);
    return shell;
  }

  /** Second pass: translate each field, its expressions and its constraint. */
  translate(expressions: ExpressionTranslator): SurveyRead {
    const { result } = this;
    for (const section of result.sections) {
      const row = this.sectionRows.get(section.name) as TableRow;
      const relevant = this.expression(
        expressions,
        row,
        "relevant",
        section.name,
        "the section is always asked",
      );
      if (relevant) section.relevant = relevant;
    }
    for (const shell of this.shells) {
      const field = this.field(shell, expressions);
      if (field) result.fields.push(field);
    }
    for (const { entry, count } of this.notes.values()) {
      this.entries.push(
        count > 1 ? { ...entry, message: `${entry.message} (${count} rows)` } : entry,
      );
    }
    return result;
  }

  private field(shell: Shell, expressions: ExpressionTranslator): Field | undefined {
    const { row, name } = shell;
    const base = this.base(shell, expressions);
    const leaf = (field: Leaf): Leaf => {
      this.constraint(shell, expressions);
      return field;
    };
    const ignoreExtensions = (allowed: string[]) => {
      for (const column of [
        ...TYPE_SPECIFIC_COLUMNS,
        "choice_filter",
        "calculation",
        "repeat_count",
      ]) {
        if (allowed.includes(column) || !this.columns.text(row, column)) continue;
        this.push(row, column, name, {
          level: ["choice_filter", "calculation"].includes(column) ? "unmapped" : "warning",
          message: `${column} does not apply to a ${shell.type} field: ignored.`,
          ...(["choice_filter", "calculation"].includes(column) ? { affectsValidation: true } : {}),
        });
      }
    };
    switch (shell.type) {
      case "text": {
        ignoreExtensions(["max_length", "format"]);
        const field: TextField = { ...base, type: "text" };
        const maxLength = this.number(row, "max_length", name, "positive");
        if (maxLength !== undefined) field.maxLength = maxLength;
        const format = this.columns.text(row, "format");
        if (format) {
          if (TEXT_FORMATS.includes(format as TextFormat)) field.format = format as TextFormat;
          else {
            this.push(row, "format", name, {
              level: "unmapped",
              message: `format "${format}" is not one of ${TEXT_FORMATS.join(", ")}: the text is not checked.`,
              affectsValidation: true,
            });
          }
        }
        return leaf(field);
      }
      case "integer":
      case "decimal": {
        ignoreExtensions(["min", "max"]);
        const field: IntegerField | DecimalField = { ...base, type: shell.type };
        const min = this.number(row, "min", name, "any");
        const max = this.number(row, "max", name, "any");
        if (min !== undefined) field.min = min;
        if (max !== undefined) field.max = max;
        return leaf(field);
      }
      case "code":
      case "multi": {
        ignoreExtensions(
          shell.type === "multi" ? ["choice_filter", "min_items", "max_items"] : ["choice_filter"],
        );
        const field: Leaf =
          shell.type === "code"
            ? { ...base, type: "code", codeList: shell.list as string }
            : { ...base, type: "multi", codeList: shell.list as string };
        if (field.type === "multi") {
          const minItems = this.number(row, "min_items", name, "count");
          const maxItems = this.number(row, "max_items", name, "positive");
          if (minItems !== undefined) field.minItems = minItems;
          if (maxItems !== undefined) field.maxItems = maxItems;
        }
        const filter = this.expression(
          expressions,
          row,
          "choice_filter",
          name,
          "every choice of the list is accepted",
          true,
        );
        if (filter) field.choiceFilter = filter;
        return leaf(field);
      }
      case "calculate": {
        ignoreExtensions(["calculation"]);
        const text = this.columns.text(row, "calculation");
        let calculation = text
          ? expressions.operand(
              text,
              this.site(row, "calculation", name, "the field is kept with an empty calculation"),
            )
          : undefined;
        if (!text) {
          this.push(row, "calculation", name, {
            level: "unmapped",
            message: "A calculate field without calculation: it is kept with an empty calculation.",
            affectsValidation: true,
          });
        }
        calculation ??= { value: "" };
        return leaf({ ...base, type: "calculate", calculation });
      }
      case "repeat": {
        ignoreExtensions(["min_items", "max_items", "repeat_count"]);
        let minItems = this.number(row, "min_items", name, "count");
        let maxItems = this.number(row, "max_items", name, "positive");
        const count = this.columns.text(row, "repeat_count");
        if (count) {
          if (/^\d+$/.test(count) && Number(count) > 0) {
            minItems ??= Number(count);
            maxItems ??= Number(count);
          } else {
            this.push(row, "repeat_count", name, {
              level: "unmapped",
              message: `repeat_count "${count}" is not a number: the number of entries is not checked against it.`,
              affectsValidation: true,
            });
          }
        }
        if (maxItems === undefined) {
          this.note("max_items", row, {
            level: "mapped",
            message: `A repeat without max_items (or repeat_count) accepts up to ${DEFAULT_MAX_ITEMS} entries.`,
          });
        }
        this.constraint(shell, expressions);
        const fields = shell.children.flatMap((child) => {
          const field = this.field(child, expressions);
          return field && field.type !== "repeat" ? [field] : [];
        });
        return {
          ...base,
          type: "repeat",
          minItems: minItems ?? 0,
          maxItems: maxItems ?? DEFAULT_MAX_ITEMS,
          fields,
        };
      }
      default: {
        ignoreExtensions([]);
        return leaf({ ...base, type: shell.type });
      }
    }
  }

  private base(shell: Shell, expressions: ExpressionTranslator): FieldBase {
    const { row, name } = shell;
    const label = this.fill.read(this.columns, row, "label");
    if (!label && !shell.system) {
      this.note("no label", row, {
        level: "warning",
        message: "Fields without a label show their name instead.",
      });
    }
    const base: FieldBase = { name, label: label ?? same(name), required: false };
    const help = this.fill.read(this.columns, row, "hint");
    if (help) base.help = help;

    const requiredText = this.columns.text(row, "required");
    if (requiredText) {
      const yesNo = readYesNo(requiredText);
      base.required =
        yesNo ??
        this.expression(expressions, row, "required", name, "the field is left optional") ??
        false;
    }
    const systemText = this.columns.text(row, "system");
    const system = systemText ? readYesNo(systemText) : undefined;
    if (systemText && system === undefined) {
      this.push(row, "system", name, {
        level: "warning",
        message: `system "${systemText}" is neither yes nor no: ignored.`,
      });
    }
    if (system !== undefined) base.system = shell.system || system;
    else if (shell.system) base.system = true;

    const own = this.expression(expressions, row, "relevant", name, "the field is always asked");
    const conditions = [
      ...shell.groups.flatMap((group) => this.groupRelevant(group, expressions)),
      ...(own ? [own] : []),
    ];
    if (conditions.length === 1) base.relevant = conditions[0] as Condition;
    else if (conditions.length > 1) base.relevant = { all: conditions };

    const readonlyText = this.columns.text(row, "read_only");
    if (readonlyText) {
      const readonly = readYesNo(readonlyText);
      if (readonly === undefined) {
        this.push(row, "read_only", name, {
          level: "unmapped",
          message: `read_only "${readonlyText}" is not yes or no: the field is editable.`,
        });
      } else base.readonly = readonly;
    }
    const defaultValue = this.defaultValue(shell);
    if (defaultValue !== undefined) base.default = defaultValue;
    if (shell.section !== undefined) base.section = shell.section;
    const requiredMessage = this.fill.read(this.columns, row, "required_message");
    if (requiredMessage) base.requiredMessage = requiredMessage;
    return base;
  }

  private groupRelevant(group: NestedGroup, expressions: ExpressionTranslator): Condition[] {
    if (group.relevant === undefined) {
      group.relevant =
        this.expression(
          expressions,
          group.row,
          "relevant",
          group.name,
          "the fields of the group are asked regardless of it",
        ) ?? null;
    }
    return group.relevant ? [group.relevant] : [];
  }

  private defaultValue(shell: Shell): string | number | boolean | undefined {
    const { row, name, type } = shell;
    const text = this.columns.text(row, "default");
    if (!text) return undefined;
    const refuse = (why: string) => {
      this.push(row, "default", name, {
        level: "unmapped",
        message: `default "${text}" ${why}: new forms start empty.`,
      });
      return undefined;
    };
    if (type === "repeat") return refuse("does not apply to a repeat");
    if (/\$\{|\(\)|^[a-z][\w-]*\(/i.test(text) && type !== "text" && type !== "note") {
      return refuse("is an expression, not a value");
    }
    if (type === "integer")
      return /^-?\d+$/.test(text) ? Number(text) : refuse("is not a whole number");
    if (type === "decimal") {
      const n = Number(text.replace(",", "."));
      return Number.isFinite(n) ? n : refuse("is not a number");
    }
    if (type === "bool") return readYesNo(text) ?? refuse("is neither yes nor no");
    if (type === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(text))
      return refuse("is not a date YYYY-MM-DD");
    return text;
  }

  private constraint(shell: Shell, expressions: ExpressionTranslator): void {
    const { row, name } = shell;
    const text = this.columns.text(row, "constraint");
    const code = this.columns.text(row, "constraint_code");
    if (!text) {
      if (code)
        this.push(row, "constraint_code", name, {
          level: "warning",
          message: "constraint_code without a constraint: ignored.",
        });
      return;
    }
    const assert = this.expression(expressions, row, "constraint", name, "the rule is not checked");
    if (!assert) return;
    const rule: Rule = {
      code: code || "constraint",
      field: name,
      ...(shell.repeat ? { repeat: shell.repeat.name } : {}),
      severity: "error",
      assert,
      message:
        this.fill.read(this.columns, row, "constraint_message") ?? GENERIC_CONSTRAINT_MESSAGE,
    };
    this.result.rules.push(rule);
    this.result.ruleRows.push(row.row);
  }

  private label(row: TableRow, name: string) {
    return this.fill.read(this.columns, row, "label") ?? same(name);
  }

  private number(
    row: TableRow,
    base: string,
    name: string,
    kind: "any" | "count" | "positive",
  ): number | undefined {
    const text = this.columns.text(row, base);
    if (!text) return undefined;
    const n = Number(text.replace(",", "."));
    const ok =
      Number.isFinite(n) &&
      (kind === "any" || (Number.isInteger(n) && (kind === "count" ? n >= 0 : n > 0)));
    if (ok) return n;
    const expected =
      kind === "any" ? "a number" : kind === "count" ? "a whole number >= 0" : "a whole number > 0";
    this.push(row, base, name, {
      level: "unmapped",
      message: `${base} "${text}" is not ${expected}: the bound is not checked.`,
      affectsValidation: true,
    });
    return undefined;
  }

  private expression(
    expressions: ExpressionTranslator,
    row: TableRow,
    base: string,
    subject: string,
    fallback: string,
    choiceColumns = false,
  ): Condition | undefined {
    const text = this.columns.text(row, base);
    if (!text) return undefined;
    const site = this.site(row, base, subject, fallback);
    if (choiceColumns) site.choiceColumns = true;
    return expressions.condition(text, site);
  }

  private site(row: TableRow, base: string, subject: string, fallback: string): ExpressionSite {
    const column = this.columns.column(base) as number;
    return {
      sheet: this.sheet,
      row: row.row,
      column,
      header: this.table.headers[column] ?? base,
      subject,
      self: subject,
      fallback,
    };
  }

  private push(
    row: TableRow,
    base: string,
    subject: string | undefined,
    entry: Omit<ReportEntry, "sheet">,
  ): void {
    const column = this.columns.column(base);
    this.entries.push({
      sheet: this.sheet,
      row: row.row,
      ...(column !== undefined ? { column: columnLetter(column) } : {}),
      ...(subject ? { subject } : {}),
      ...entry,
    });
  }

  /** One entry per kind of mapping note, however many rows it concerns. */
  private note(key: string, row: TableRow, entry: Omit<ReportEntry, "sheet">): void {
    const known = this.notes.get(key);
    if (known) known.count++;
    else this.notes.set(key, { entry: { sheet: this.sheet, row: row.row, ...entry }, count: 1 });
  }
}
