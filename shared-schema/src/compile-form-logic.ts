import type { CompiledCondition, CompiledOperand, ConditionCompiler } from "./compile-condition.ts";
import type { Condition, Dcd, Field } from "./dcd.ts";

/**
 * The parts of a DCD that decide what a form asks, compiled once: when each field and
 * section is relevant, what each calculation computes, which choices each filter allows.
 * The validator and the forms both use it, so a field is never hidden in the browser but
 * required by the worker.
 */
export interface FormLogic {
  /** Top-level fields with a `relevant` of their own or of their section. */
  relevant: Map<string, CompiledCondition>;
  sections: Map<string, CompiledCondition>;
  /** Per repeat block, its fields that have a `relevant`. */
  entryRelevant: Map<string, Map<string, CompiledCondition>>;
  calculations: { name: string; compute: CompiledOperand }[];
  /** Per code or multi field (`REPEAT.FIELD` inside a block), its compiled choice filter. */
  choiceFilters: Map<string, CompiledCondition>;
}

function both(a: Condition | undefined, b: Condition | undefined): Condition | undefined {
  if (a && b) return { all: [a, b] };
  return a ?? b;
}

function filterOf(field: Field): Condition | undefined {
  return field.type === "code" || field.type === "multi" ? field.choiceFilter : undefined;
}

export function compileFormLogic(dcd: Dcd, compile: ConditionCompiler): FormLogic {
  const sectionConditions = new Map(
    (dcd.sections ?? []).map((section) => [section.name, section.relevant]),
  );
  const logic: FormLogic = {
    relevant: new Map(),
    sections: new Map(),
    entryRelevant: new Map(),
    calculations: [],
    choiceFilters: new Map(),
  };
  for (const [name, condition] of sectionConditions) {
    if (condition) logic.sections.set(name, compile(condition));
  }
  for (const field of dcd.fields) {
    const section = field.section ? sectionConditions.get(field.section) : undefined;
    const relevant = both(section, field.relevant);
    if (relevant) logic.relevant.set(field.name, compile(relevant));
    if (field.type === "calculate") {
      logic.calculations.push({ name: field.name, compute: compile.operand(field.calculation) });
    }
    const filter = filterOf(field);
    if (filter) logic.choiceFilters.set(field.name, compile(filter));
    if (field.type !== "repeat") continue;
    const inner = new Map<string, CompiledCondition>();
    for (const child of field.fields) {
      if (child.relevant) inner.set(child.name, compile(child.relevant));
      const childFilter = filterOf(child);
      if (childFilter) logic.choiceFilters.set(`${field.name}.${child.name}`, compile(childFilter));
    }
    if (inner.size > 0) logic.entryRelevant.set(field.name, inner);
  }
  return logic;
}

const NO_FIELDS: ReadonlySet<string> = new Set();

/**
 * Writes the calculate fields' values into `values` (in place): whatever the input held for
 * them is replaced, and an empty result leaves the field empty.
 */
export function applyCalculations(
  logic: FormLogic,
  values: Record<string, unknown>,
  today: string,
): void {
  for (const { name, compute } of logic.calculations) {
    delete values[name];
    const computed = compute({ values, invalid: NO_FIELDS, today });
    if (computed !== undefined && computed !== "") values[name] = computed;
  }
}
