// Gives the syntax tree of an XLSForm expression (`parse-expression-tree.ts`) its meaning in
// our Condition and Operand values (dcd.ts), in the canonical forms of
// docs/dcd-expressions.md, checking the fields against the DCD. Anything we cannot
// translate faithfully is refused with an error that says what to write instead.

import type { Comparator, Condition, FieldType, FunctionName, Operand } from "../dcd.ts";
import { isIsoDate } from "../field-schema.ts";
import {
  type CallNode,
  type CompareOperator,
  type ExpressionNode,
  MAX_DEPTH,
  type NameToken,
  TOO_DEEP,
} from "./parse-expression-tree.ts";
import { ExpressionError } from "./tokenize-expression.ts";

export interface ExpressionContext {
  /** The field that `.` stands for (the row's own field), when there is one. */
  self?: string;
  /** The type of a field of the DCD, or undefined when no such field exists. */
  fieldType(name: string): FieldType | undefined;
  /** In a choice_filter: bare names (no ${}) are columns of the choice item -> {choice: name}. */
  choiceColumns?: boolean;
}

/** The condition a tree means; throws an ExpressionError when it cannot be translated. */
export function toCondition(tree: ExpressionNode, ctx: ExpressionContext): Condition {
  return conditionOf(tree, { ctx, depth: 0 });
}

/** The operand a tree means; throws an ExpressionError when it cannot be translated. */
export function toOperand(tree: ExpressionNode, ctx: ExpressionContext): Operand {
  return operandOf(tree, { ctx, depth: 0 });
}

/** Whether a function of this name can be translated (the parser refuses the others). */
export function isFunctionName(name: string): boolean {
  return FUNCTIONS.has(name);
}

interface Scope {
  ctx: ExpressionContext;
  depth: number;
}

/** What a node means by itself: a truth value or a value. */
type Lowered = { condition: Condition } | { operand: Operand };

const COMPARATORS: Record<CompareOperator, Comparator> = {
  "=": "==",
  "!=": "!=",
  "<": "<",
  "<=": "<=",
  ">": ">",
  ">=": ">=",
};

/** A value where a truth value is needed is tested for truth (XPath boolean()). */
function conditionOf(node: ExpressionNode, scope: Scope): Condition {
  const lowered = lower(node, scope);
  return "condition" in lowered ? lowered.condition : { truthy: lowered.operand };
}

/** A truth value where a value is needed is the boolean itself. */
function operandOf(node: ExpressionNode, scope: Scope): Operand {
  const lowered = lower(node, scope);
  return "operand" in lowered
    ? lowered.operand
    : { if: [lowered.condition, { value: true }, { value: false }] };
}

function lower(node: ExpressionNode, scope: Scope): Lowered {
  if (++scope.depth > MAX_DEPTH) throw new ExpressionError(TOO_DEEP, node.at);
  const lowered = lowerNode(node, scope);
  scope.depth--;
  return lowered;
}

function lowerNode(node: ExpressionNode, scope: Scope): Lowered {
  switch (node.kind) {
    case "field":
    case "self":
      return { operand: { field: fieldName(node, scope.ctx) } };
    case "string":
    case "number":
      return { operand: { value: node.value } };
    case "name":
      return { operand: choiceColumn(node, scope.ctx) };
    case "group":
      return lower(node.inner, scope);
    case "negate":
      return { operand: negation(node.operand, scope) };
    case "arith":
      return {
        operand: { arith: [operandOf(node.left, scope), node.op, operandOf(node.right, scope)] },
      };
    case "compare":
      return { condition: comparison(node.op, node.left, node.right, scope) };
    case "logic": {
      const terms = node.terms.map((term) => conditionOf(term, scope));
      if (node.op === "and") return { condition: { all: terms } };
      return { condition: sameFieldAlternatives(node.terms, terms) ?? { any: terms } };
    }
    case "call":
      return call(node, scope);
  }
}

function fieldName(
  node: Extract<ExpressionNode, { kind: "field" | "self" }>,
  ctx: ExpressionContext,
): string {
  if (node.kind === "self") {
    if (ctx.self === undefined) {
      throw new ExpressionError(
        `"." stands for the field of the row, and this expression belongs to none: refer to the field as \${NAME}`,
        node.at,
      );
    }
    return ctx.self;
  }
  if (ctx.fieldType(node.name) === undefined) {
    throw new ExpressionError(`\${${node.name}} is not a field of this DCD`, node.at);
  }
  return node.name;
}

/** The field a node names (`${F}` or `.`), or undefined when it is something else. */
function fieldOf(node: ExpressionNode, ctx: ExpressionContext): string | undefined {
  const bare = unwrap(node);
  return bare.kind === "field" || bare.kind === "self" ? fieldName(bare, ctx) : undefined;
}

function requireField(node: ExpressionNode, ctx: ExpressionContext, message: string): string {
  const field = fieldOf(node, ctx);
  if (field === undefined) throw new ExpressionError(message, node.at);
  return field;
}

function unwrap(node: ExpressionNode): ExpressionNode {
  return node.kind === "group" ? unwrap(node.inner) : node;
}

function choiceColumn(node: NameToken, ctx: ExpressionContext): Operand {
  if (ctx.choiceColumns) return { choice: node.name };
  const hint = FUNCTIONS.has(node.name)
    ? `write ${node.name}() to call the function`
    : `refer to a field as \${${node.name}}, or quote a text as '${node.name}'`;
  throw new ExpressionError(`unexpected name "${node.name}": ${hint}`, node.at);
}

// Unary minus on a number literal is a negative number: `-1` is the value -1.
function negation(operand: ExpressionNode, scope: Scope): Operand {
  return operand.kind === "number"
    ? { value: negative(operand.value) }
    : { negate: operandOf(operand, scope) };
}

/** -n, without the -0 that `- 0` would give: 0 prints and reads back as 0. */
function negative(n: number): number {
  return n === 0 ? 0 : -n;
}

/** A literal as written: a quoted text, a number (maybe negative), true() or false(). */
type Literal =
  | { kind: "string"; value: string }
  | { kind: "number"; value: number; text: string }
  | { kind: "bool"; value: boolean };

function literalOf(node: ExpressionNode): Literal | undefined {
  const bare = unwrap(node);
  switch (bare.kind) {
    case "string":
      return { kind: "string", value: bare.value };
    case "number":
      return { kind: "number", value: bare.value, text: bare.text };
    case "negate": {
      const number = bare.operand;
      return number.kind === "number"
        ? { kind: "number", value: negative(number.value), text: `-${number.text}` }
        : undefined;
    }
    case "call":
      return (bare.name === "true" || bare.name === "false") && bare.args.length === 0
        ? { kind: "bool", value: bare.name === "true" }
        : undefined;
    default:
      return undefined;
  }
}

const DECIMAL = /^-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;

/**
 * The value a field is compared with, in the type records hold for the field: numbers for
 * number fields, booleans for yes/no fields, texts for codes (`${CD_URGENCY} = 2` is the
 * code "2", as written).
 */
function coerce(literal: Literal, type: FieldType | undefined): string | number | boolean {
  switch (type) {
    case "integer":
    case "decimal":
      return literal.kind === "string" && DECIMAL.test(literal.value)
        ? Number(literal.value)
        : literal.value;
    case "bool":
      return literal.value === "true" ? true : literal.value === "false" ? false : literal.value;
    case "calculate":
      return literal.value;
    default:
      return literal.kind === "number" ? literal.text : literal.value;
  }
}

function comparison(
  op: CompareOperator,
  left: ExpressionNode,
  right: ExpressionNode,
  scope: Scope,
): Condition {
  const equality = op === "=" || op === "!=" ? fieldAndLiteral(left, right, scope.ctx) : undefined;
  if (equality) {
    const [field, literal] = equality;
    if (literal.kind === "string" && literal.value === "") {
      return op === "=" ? { empty: field } : { filled: field };
    }
    const equals: Condition = { field, equals: coerce(literal, scope.ctx.fieldType(field)) };
    return op === "=" ? equals : { not: equals };
  }
  return {
    compare: [operandOf(left, scope), COMPARATORS[op], operandOf(right, scope)],
  };
}

function fieldAndLiteral(
  left: ExpressionNode,
  right: ExpressionNode,
  ctx: ExpressionContext,
): [string, Literal] | undefined {
  for (const [a, b] of [
    [left, right],
    [right, left],
  ] as const) {
    const literal = literalOf(b);
    const field = literal && fieldOf(a, ctx);
    if (literal && field !== undefined) return [field, literal];
  }
  return undefined;
}

/**
 * `${F} = 'a' or ${F} = 'b'` is `{field: F, oneOf: [a, b]}` and an `or` of selected() on
 * one field is one includesAny, when every term of the chain is such a test, unparenthesized.
 */
function sameFieldAlternatives(nodes: ExpressionNode[], terms: Condition[]): Condition | undefined {
  if (nodes.some((node) => node.kind === "group")) return undefined;
  const first = terms[0];
  if (!first || !("field" in first)) return undefined;
  const field = first.field;
  const oneOf: (string | number)[] = [];
  const includesAny: string[] = [];
  for (const term of terms) {
    if (!("field" in term) || term.field !== field) return undefined;
    if ("equals" in term && typeof term.equals !== "boolean") oneOf.push(term.equals);
    else if ("includesAny" in term) includesAny.push(...term.includesAny);
    else return undefined;
  }
  if (oneOf.length === terms.length) return { field, oneOf };
  if (includesAny.length > 0 && oneOf.length === 0) return { field, includesAny };
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Functions

interface FunctionSpec {
  min: number;
  max: number;
  lower: (call: CallNode, scope: Scope) => Lowered;
}

const operandCall =
  (name: FunctionName) =>
  (node: CallNode, scope: Scope): Lowered => ({
    operand: { call: name, args: node.args.map((arg) => operandOf(arg, scope)) },
  });
const constant = (operand: Operand) => (): Lowered => ({ operand });
const ELIGIBILITIES = ["required", "exempt", "not_in_scope", "unknown"] as const;

// A Map, not an object: a workbook may name any function, `constructor` included.
const FUNCTIONS = new Map<string, FunctionSpec>([
  ["not", { min: 1, max: 1, lower: not }],
  ["selected", { min: 2, max: 2, lower: selected }],
  ["regex", { min: 2, max: 2, lower: regex }],
  ["true", { min: 0, max: 0, lower: constant({ value: true }) }],
  ["false", { min: 0, max: 0, lower: constant({ value: false }) }],
  ["today", { min: 0, max: 0, lower: constant({ today: true }) }],
  // now() is a date-time in XLSForm; registry rules only compare it with dates.
  ["now", { min: 0, max: 0, lower: constant({ today: true }) }],
  ["if", { min: 3, max: 3, lower: conditional }],
  ["date", { min: 1, max: 1, lower: date }],
  ["string-length", { min: 1, max: 1, lower: operandCall("string-length") }],
  ["count-selected", { min: 1, max: 1, lower: operandCall("count-selected") }],
  ["coalesce", { min: 2, max: 2, lower: operandCall("coalesce") }],
  ["decimal-date-time", { min: 1, max: 1, lower: operandCall("decimal-date-time") }],
  ["number", { min: 1, max: 1, lower: operandCall("number") }],
  ["int", { min: 1, max: 1, lower: operandCall("int") }],
  // round(x) or, as in XLSForm, round(x, digits).
  ["round", { min: 1, max: 2, lower: operandCall("round") }],
  ["concat", { min: 1, max: Number.POSITIVE_INFINITY, lower: operandCall("concat") }],
  // Our extensions: they print what XLSForm cannot say, so that our DCDs read back.
  ["add-years", { min: 2, max: 2, lower: addYears }],
  ["ordinal", { min: 1, max: 1, lower: ordinal }],
  ["niss-birth-date", { min: 1, max: 1, lower: derive("niss.birthDate") }],
  ["niss-sex-code", { min: 1, max: 1, lower: derive("niss.sexCode") }],
  ["any-eligibility", { min: 2, max: 3, lower: anyEligibility }],
]);

function call(node: CallNode, scope: Scope): Lowered {
  // The parser let through only names of FUNCTIONS.
  const spec = FUNCTIONS.get(node.name) as FunctionSpec;
  const count = node.args.length;
  if (count < spec.min || count > spec.max) {
    throw new ExpressionError(
      `${node.name}() takes ${arity(spec)}, found ${count}`,
      node.args[spec.max]?.at ?? node.at,
    );
  }
  return spec.lower(node, scope);
}

function arity({ min, max }: FunctionSpec): string {
  const plural = (n: number) => `${n} argument${n === 1 ? "" : "s"}`;
  if (min === max) return plural(min);
  if (max === Number.POSITIVE_INFINITY) return `at least ${plural(min)}`;
  return `${min} or ${plural(max)}`;
}

function not(node: CallNode, scope: Scope): Lowered {
  return { condition: { not: conditionOf(node.args[0] as ExpressionNode, scope) } };
}

function conditional(node: CallNode, scope: Scope): Lowered {
  const [test, then, otherwise] = node.args as [ExpressionNode, ExpressionNode, ExpressionNode];
  return {
    operand: {
      if: [conditionOf(test, scope), operandOf(then, scope), operandOf(otherwise, scope)],
    },
  };
}

/**
 * `selected()` on a multiple-choice field is includesAny; on a single-choice field (which
 * XLSForm allows) it is an equality, since the record holds one code, not a list.
 */
function selected(node: CallNode, { ctx }: Scope): Lowered {
  const [target, valueNode] = node.args as [ExpressionNode, ExpressionNode];
  const field = requireField(
    target,
    ctx,
    `the first argument of selected() must be a field, such as \${CD_PROCEDURE}`,
  );
  const literal = literalOf(valueNode);
  if (literal?.kind !== "string" && literal?.kind !== "number") {
    throw new ExpressionError(
      "the second argument of selected() must be a quoted code, such as '5'",
      valueNode.at,
    );
  }
  const value = literal.kind === "number" ? literal.text : literal.value;
  const type = ctx.fieldType(field);
  if (type === "multi") return { condition: { field, includesAny: [value] } };
  if (type === "code") return { condition: { field, equals: value } };
  throw new ExpressionError(
    `selected() needs a choice field, and ${field} is a ${type} field`,
    target.at,
  );
}

function regex(node: CallNode, scope: Scope): Lowered {
  const [subject, patternNode] = node.args as [ExpressionNode, ExpressionNode];
  if (patternNode.kind !== "string") {
    throw new ExpressionError(
      "the pattern of regex() must be a quoted text, such as '^[0-9]{11}$'",
      patternNode.at,
    );
  }
  try {
    new RegExp(patternNode.value);
  } catch (error) {
    throw new ExpressionError(
      `invalid regular expression in regex(): ${(error as Error).message}`,
      patternNode.at,
    );
  }
  return { condition: { regex: [operandOf(subject, scope), patternNode.value] } };
}

// A literal date is checked here, where the author can be told which cell is wrong.
function date(node: CallNode, scope: Scope): Lowered {
  const [argument] = node.args as [ExpressionNode];
  if (argument.kind === "string" && !isIsoDate(argument.value)) {
    throw new ExpressionError(
      `date() needs a date written YYYY-MM-DD, such as '2022-09-01', found '${argument.value}'`,
      argument.at,
    );
  }
  return operandCall("date")(node, scope);
}

function addYears(node: CallNode, { ctx }: Scope): Lowered {
  const [target, yearsNode] = node.args as [ExpressionNode, ExpressionNode];
  const years = literalOf(yearsNode);
  if (years?.kind !== "number" || !Number.isInteger(years.value)) {
    throw new ExpressionError(
      "the second argument of add-years() must be a whole number of years, such as -1",
      yearsNode.at,
    );
  }
  const bare = unwrap(target);
  if (bare.kind === "call" && (bare.name === "today" || bare.name === "now") && !bare.args.length) {
    return { operand: { today: true, addYears: years.value } };
  }
  const field = requireField(
    target,
    ctx,
    "add-years() moves a field or today() by whole years: its first argument must be one of them",
  );
  return { operand: { field, addYears: years.value } };
}

function ordinal(node: CallNode, { ctx }: Scope): Lowered {
  const [target] = node.args as [ExpressionNode];
  const field = requireField(target, ctx, `ordinal() takes a field, such as \${CD_LEVEL}`);
  const type = ctx.fieldType(field);
  if (type !== "code") {
    throw new ExpressionError(
      `ordinal() needs a single-choice field, and ${field} is a ${type} field`,
      target.at,
    );
  }
  return { operand: { field, ordinal: true } };
}

function derive(derivation: "niss.birthDate" | "niss.sexCode") {
  return (node: CallNode, { ctx }: Scope): Lowered => {
    const field = requireField(
      node.args[0] as ExpressionNode,
      ctx,
      `${node.name}() takes the field holding the NISS, such as \${IDC_PAT}`,
    );
    return { operand: { field, derive: derivation } };
  };
}

function anyEligibility(node: CallNode, { ctx }: Scope): Lowered {
  const [codes, decisionNode, onNode] = node.args as [
    ExpressionNode,
    ExpressionNode,
    ExpressionNode | undefined,
  ];
  const field = requireField(
    codes,
    ctx,
    `the first argument of any-eligibility() must be a field, such as \${CD_NOMEN}`,
  );
  const decision = ELIGIBILITIES.find(
    (value) => decisionNode.kind === "string" && decisionNode.value === value,
  );
  if (!decision) {
    throw new ExpressionError(
      `the second argument of any-eligibility() must be one of ${ELIGIBILITIES.map((e) => `'${e}'`).join(", ")}`,
      decisionNode.at,
    );
  }
  if (!onNode) return { condition: { field, anyEligibility: decision } };
  const on = requireField(
    onNode,
    ctx,
    `the third argument of any-eligibility() must be a date field, such as \${D_SURG}`,
  );
  return { condition: { field, anyEligibility: decision, on } };
}
