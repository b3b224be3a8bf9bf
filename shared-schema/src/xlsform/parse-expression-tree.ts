// The syntax tree of an XLSForm (XPath-like) expression, read by a recursive-descent parser
// from the tokens of `tokenize-expression.ts`. The tree knows only the grammar
// (docs/dcd-expressions.md); `to-condition.ts` gives it a meaning in our Condition and
// Operand values, and checks its fields against the DCD.

import type { ArithmeticOperator } from "../dcd.ts";
import { ExpressionError, type Token, tokenize } from "./tokenize-expression.ts";

export type CompareOperator = "=" | "!=" | "<" | "<=" | ">" | ">=";
type Leaf = Extract<Token, { kind: "field" | "self" | "string" | "number" | "name" }>;
export type NameToken = Extract<Token, { kind: "name" }>;
export interface CallNode {
  kind: "call";
  name: string;
  args: ExpressionNode[];
  at: number;
}

/** A node of the syntax tree; `at` is the offset where its text starts. */
export type ExpressionNode =
  | Leaf
  | CallNode
  /** Parentheses are kept: they end an `or` chain that would otherwise become a oneOf. */
  | { kind: "group"; inner: ExpressionNode; at: number }
  | { kind: "logic"; op: "and" | "or"; terms: ExpressionNode[]; at: number }
  | {
      kind: "compare";
      op: CompareOperator;
      left: ExpressionNode;
      right: ExpressionNode;
      at: number;
    }
  | {
      kind: "arith";
      op: ArithmeticOperator;
      left: ExpressionNode;
      right: ExpressionNode;
      at: number;
    }
  | { kind: "negate"; operand: ExpressionNode; at: number };

// Beyond this nesting an expression is not a plausible registry rule, and recursing further
// could overflow the stack on hostile input. The conversion (to-condition.ts) recurses over
// the same tree, and stops at the same depth.
export const MAX_DEPTH = 100;
export const TOO_DEEP = "the expression is nested too deeply: split it into simpler rules";

/**
 * The syntax tree of `text`; throws an ExpressionError at the first error of the text.
 * `isFunction` tells the names of the functions the caller can translate: an unknown one is
 * refused where it is written, before any error after it.
 *
 * XPath 1.0 precedence, loosest first: or, and, = !=, < <= > >=, + -, * div mod, unary -.
 * Binary operators associate to the left; `and`/`or` chains are kept as lists.
 */
export function parseExpressionTree(
  text: string,
  isFunction: (name: string) => boolean,
): ExpressionNode {
  const { tokens, error } = tokenize(text);
  let pos = 0;
  let depth = 0;
  const peek = (): Token => {
    const token = tokens[pos];
    if (token) return token;
    throw error;
  };
  const next = (): Token => {
    const token = peek();
    pos++;
    return token;
  };
  const isPunctuator = (punctuator: string): boolean => {
    const token = peek();
    return token.kind === "punctuator" && token.text === punctuator;
  };
  /** The operator of `ops` at the current token: a punctuator or a keyword such as div. */
  const operator = <Op extends string>(ops: readonly Op[]): Op | undefined => {
    const token = peek();
    const written =
      token.kind === "punctuator" ? token.text : token.kind === "name" ? token.name : undefined;
    return ops.find((op) => op === written);
  };
  const nested = <T>(parse: () => T, at: number): T => {
    if (++depth > MAX_DEPTH) throw new ExpressionError(TOO_DEEP, at);
    const result = parse();
    depth--;
    return result;
  };
  const expect = (punctuator: string, message: string): void => {
    const token = next();
    if (token.kind !== "punctuator" || token.text !== punctuator) {
      throw new ExpressionError(`${message}, found ${describe(token)}`, token.at);
    }
  };

  const chain = (op: "and" | "or", operand: () => ExpressionNode): ExpressionNode => {
    const first = operand();
    const terms = [first];
    while (operator([op])) {
      next();
      terms.push(operand());
    }
    return terms.length === 1 ? first : { kind: "logic", op, terms, at: first.at };
  };
  const leftAssociative = <Op extends string>(
    ops: readonly Op[],
    operand: () => ExpressionNode,
    make: (op: Op, left: ExpressionNode, right: ExpressionNode) => ExpressionNode,
  ): ExpressionNode => {
    let left = operand();
    for (let op = operator(ops); op; op = operator(ops)) {
      next();
      left = make(op, left, operand());
    }
    return left;
  };

  const parseOr = (): ExpressionNode => chain("or", parseAnd);
  const parseAnd = (): ExpressionNode => chain("and", parseEquality);
  const compareOf = (
    op: CompareOperator,
    left: ExpressionNode,
    right: ExpressionNode,
  ): ExpressionNode => ({
    kind: "compare",
    op,
    left,
    right,
    at: left.at,
  });
  const parseEquality = (): ExpressionNode =>
    leftAssociative(["=", "!="] as const, parseRelational, compareOf);
  const parseRelational = (): ExpressionNode =>
    leftAssociative(["<", "<=", ">", ">="] as const, parseAdditive, compareOf);
  const arithOf = (
    op: ArithmeticOperator,
    left: ExpressionNode,
    right: ExpressionNode,
  ): ExpressionNode => ({
    kind: "arith",
    op,
    left,
    right,
    at: left.at,
  });
  const parseAdditive = (): ExpressionNode =>
    leftAssociative(["+", "-"] as const, parseMultiplicative, arithOf);
  const parseMultiplicative = (): ExpressionNode =>
    leftAssociative(["*", "div", "mod"] as const, parseUnary, arithOf);

  const parseUnary = (): ExpressionNode => {
    const token = peek();
    if (token.kind !== "punctuator" || token.text !== "-") return parsePrimary();
    next();
    return nested(() => ({ kind: "negate", operand: parseUnary(), at: token.at }), token.at);
  };

  const parsePrimary = (): ExpressionNode => {
    const token = next();
    if (token.kind === "name" && isPunctuator("(")) {
      if (!isFunction(token.name)) {
        throw new ExpressionError(
          `unknown function ${token.name}(): not supported, rewrite the rule without it`,
          token.at,
        );
      }
      return nested(() => parseCall(token), token.at);
    }
    if (token.kind === "punctuator" && token.text === "(") {
      return nested(() => parseGroup(token.at), token.at);
    }
    if (token.kind === "punctuator" || token.kind === "end") {
      throw new ExpressionError(
        `expected a value (a field such as \${D_SURG}, a number, a quoted text or a function), found ${describe(token)}`,
        token.at,
      );
    }
    return token;
  };

  const parseGroup = (at: number): ExpressionNode => {
    const inner = parseOr();
    expect(")", 'expected ")" to close the parenthesis');
    return { kind: "group", inner, at };
  };

  const parseCall = (name: NameToken): ExpressionNode => {
    next(); // (
    const args: ExpressionNode[] = [];
    if (!isPunctuator(")")) {
      args.push(parseOr());
      while (isPunctuator(",")) {
        next();
        args.push(parseOr());
      }
    }
    expect(")", `expected ")" after the arguments of ${name.name}()`);
    return { kind: "call", name: name.name, args, at: name.at };
  };

  if (peek().kind === "end") throw new ExpressionError("the expression is empty", 0);
  const root = parseOr();
  const rest = peek();
  if (rest.kind === "punctuator" && rest.text === ")") {
    throw new ExpressionError('unexpected ")": no "(" matches it', rest.at);
  }
  if (rest.kind !== "end") {
    throw new ExpressionError(
      `unexpected ${describe(rest)} after a complete expression: join conditions with and / or`,
      rest.at,
    );
  }
  return root;
}

function describe(token: Token): string {
  switch (token.kind) {
    case "end":
      return "the end of the expression";
    case "field":
      return `\${${token.name}}`;
    case "self":
      return '"."';
    case "string":
      return token.value.includes("'") ? `"${token.value}"` : `'${token.value}'`;
    case "number":
      return token.text;
    case "name":
      return `"${token.name}"`;
    case "punctuator":
      return `"${token.text}"`;
  }
}
