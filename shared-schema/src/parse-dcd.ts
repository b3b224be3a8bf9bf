import type { Condition, Dcd, Field, Operand } from "./dcd.ts";
import { DcdSchema } from "./dcd-schema.ts";

/** A DCD JSON that cannot be used: every problem, each with where it is. */
export class DcdFormatError extends Error {
  readonly problems: string[];
  constructor(source: string, problems: string[]) {
    super(`${source} is not a usable DCD:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "DcdFormatError";
    this.problems = problems;
  }
}

/**
 * Checks a DCD JSON value against the `Dcd` format (dcd-schema.ts) and its references (every
 * field a condition names exists, every code list a field names is defined, names are
 * unique), so that a broken definition fails when it is loaded, with every problem listed,
 * instead of when a record happens to reach the broken part.
 */
export function parseDcd(value: unknown, source = "The DCD"): Dcd {
  // Jitless here too: a DCD is parsed when a module loads, before an entry point can set
  // `z.config({ jitless: true })`, and MV3 pages and Workers forbid the eval zod would try.
  const parsed = DcdSchema.safeParse(value, { jitless: true });
  if (!parsed.success) {
    throw new DcdFormatError(
      source,
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`),
    );
  }
  const problems = referenceProblems(parsed.data);
  if (problems.length > 0) throw new DcdFormatError(source, problems);
  return parsed.data;
}

function referenceProblems(dcd: Dcd): string[] {
  const problems: string[] = [];
  const lists = new Set(dcd.codeLists.map((list) => list.name));
  const sections = new Set((dcd.sections ?? []).map((section) => section.name));
  const top = new Map<string, Field>();
  const all = new Set<string>();

  const checkUnique = (kind: string, names: string[]) => {
    const once = new Set<string>();
    for (const n of names) {
      if (once.has(n)) problems.push(`${kind} ${n} is defined twice: rename or remove one`);
      once.add(n);
    }
  };
  checkUnique("The code list", [...dcd.codeLists.map((list) => list.name)]);
  checkUnique("The section", [...(dcd.sections ?? []).map((section) => section.name)]);

  const visit = (field: Field, where: string) => {
    if (all.has(field.name) && where === "fields") {
      problems.push(`fields: ${field.name} is defined twice: rename or remove one`);
    }
    all.add(field.name);
    if ((field.type === "code" || field.type === "multi") && !lists.has(field.codeList)) {
      problems.push(`${where}.${field.name}: names the code list ${field.codeList}, not defined`);
    }
    if (field.section !== undefined && !sections.has(field.section)) {
      problems.push(`${where}.${field.name}: names the section ${field.section}, not defined`);
    }
  };
  for (const field of dcd.fields) {
    top.set(field.name, field);
    visit(field, "fields");
    if (field.type === "repeat") for (const inner of field.fields) visit(inner, field.name);
  }

  const checkCondition = (condition: Condition | undefined, where: string) => {
    if (!condition) return;
    for (const n of fieldsOfCondition(condition)) {
      if (!all.has(n)) problems.push(`${where}: refers to the field ${n}, not defined`);
    }
  };
  for (const field of dcd.fields) {
    const inner = field.type === "repeat" ? field.fields : [];
    for (const f of [field, ...inner]) {
      const where = `fields.${f.name}`;
      if (typeof f.required === "object") checkCondition(f.required, `${where}.required`);
      checkCondition(f.relevant, `${where}.relevant`);
      if ((f.type === "code" || f.type === "multi") && f.choiceFilter) {
        checkCondition(f.choiceFilter, `${where}.choiceFilter`);
      }
      if (f.type === "calculate") {
        for (const n of fieldsOfOperand(f.calculation)) {
          if (!all.has(n)) problems.push(`${where}.calculation: refers to ${n}, not defined`);
        }
      }
    }
  }
  for (const section of dcd.sections ?? []) {
    checkCondition(section.relevant, `sections.${section.name}.relevant`);
  }
  dcd.rules.forEach((rule, i) => {
    const where = `rules[${i}] (${rule.code})`;
    if (rule.repeat !== undefined) {
      const block = top.get(rule.repeat);
      if (block?.type !== "repeat") {
        problems.push(`${where}: repeat ${rule.repeat} is not a repeat block`);
      } else if (!block.fields.some((f) => f.name === rule.field)) {
        problems.push(`${where}: ${rule.field} is not a field of ${rule.repeat}`);
      }
    } else if (!top.has(rule.field)) {
      problems.push(`${where}: reports on the field ${rule.field}, not defined`);
    }
    checkCondition(rule.when, `${where}.when`);
    checkCondition(rule.assert, `${where}.assert`);
  });
  const key = dcd.businessKey;
  for (const n of [...key.fields, ...(key.fallback?.fields ?? [])]) {
    if (!top.has(n)) problems.push(`businessKey: names the field ${n}, not defined`);
  }
  checkCondition(key.fallback?.when, "businessKey.fallback.when");
  return problems;
}

/** Every field name a condition reads. */
export function fieldsOfCondition(condition: Condition): string[] {
  if ("all" in condition) return condition.all.flatMap(fieldsOfCondition);
  if ("any" in condition) return condition.any.flatMap(fieldsOfCondition);
  if ("not" in condition) return fieldsOfCondition(condition.not);
  if ("filled" in condition) return [condition.filled];
  if ("empty" in condition) return [condition.empty];
  if ("compare" in condition) {
    return [...fieldsOfOperand(condition.compare[0]), ...fieldsOfOperand(condition.compare[2])];
  }
  if ("regex" in condition) return fieldsOfOperand(condition.regex[0]);
  if ("truthy" in condition) return fieldsOfOperand(condition.truthy);
  if ("anyEligibility" in condition) {
    return condition.on ? [condition.field, condition.on] : [condition.field];
  }
  return [condition.field];
}

/** Every field name an operand reads. */
export function fieldsOfOperand(operand: Operand): string[] {
  if ("field" in operand) return [operand.field];
  if ("arith" in operand) {
    return [...fieldsOfOperand(operand.arith[0]), ...fieldsOfOperand(operand.arith[2])];
  }
  if ("negate" in operand) return fieldsOfOperand(operand.negate);
  if ("call" in operand) return operand.args.flatMap(fieldsOfOperand);
  if ("if" in operand) {
    const [test, then, otherwise] = operand.if;
    return [...fieldsOfCondition(test), ...fieldsOfOperand(then), ...fieldsOfOperand(otherwise)];
  }
  return [];
}
