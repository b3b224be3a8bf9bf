import type { Locale } from "../dcd.ts";

// The one renderer of every message of the product (worker, extension, CLI), on a subset of
// ICU MessageFormat: `{name}` is replaced by params.name, and
// `{n, plural, =0 {none} one {# file} other {# files}}` picks the form that Intl.PluralRules
// gives for the locale (`#` is the number, written as in Belgium; `=N` is an exact value,
// taken before any category; a category the message does not spell out reads as `other`). A placeholder without its
// value stays visible as `{name}`: a missing value is a bug to see, never an empty hole. A
// malformed template (a DCD's message from a workbook may have a stray brace) is shown as
// written; placeholdersOf, which the catalogue tests use, refuses it.

export type MessageParams = Record<string, string | number>;

const rules = new Map<Locale, Intl.PluralRules>();

function pluralOf(locale: Locale, n: number): string {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  return rule.select(n);
}

const numbers = new Map<Locale, Intl.NumberFormat>();

/** `#`: the number as Belgians of that language write it (1 000 in French, 1.000 in Dutch). */
function numberOf(locale: Locale, n: number): string {
  let format = numbers.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(`${locale}-BE`);
    numbers.set(locale, format);
  }
  return format.format(n);
}

/** The end of the argument opened at `start` (the index of its `{`), nested braces counted. */
function closingBrace(template: string, start: number): number {
  let depth = 0;
  for (let i = start; i < template.length; i++) {
    if (template[i] === "{") depth++;
    else if (template[i] === "}" && --depth === 0) return i;
  }
  throw new Error(`unclosed "{" in "${template}"`);
}

/** The forms of a plural argument: `one {…} other {…}`, braces nested inside kept whole. */
function formsOf(text: string): Map<string, string> {
  const forms = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    while (text[i] === " ") i++;
    if (i >= text.length) break;
    const open = text.indexOf("{", i);
    if (open < 0) throw new Error(`plural form without a body: "${text.slice(i)}"`);
    const close = closingBrace(text, open);
    forms.set(text.slice(i, open).trim(), text.slice(open + 1, close));
    i = close + 1;
  }
  if (!forms.has("other")) throw new Error(`a plural needs an "other" form: "${text}"`);
  return forms;
}

const PLURAL = /^\s*(\w+)\s*,\s*plural\s*,/;

/** A template's literal text, and its arguments: a placeholder, or a plural with its forms. */
type Piece = string | { name: string; forms?: Map<string, string> };

function piecesOf(template: string): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{", i);
    if (open < 0) {
      pieces.push(template.slice(i));
      break;
    }
    if (open > i) pieces.push(template.slice(i, open));
    const close = closingBrace(template, open);
    const inner = template.slice(open + 1, close);
    const plural = PLURAL.exec(inner);
    pieces.push(
      plural
        ? { name: plural[1] as string, forms: formsOf(inner.slice(plural[0].length)) }
        : { name: inner.trim() },
    );
    i = close + 1;
  }
  return pieces;
}

/** `template` in `locale` with its placeholders and plurals filled from `params`. */
export function formatMessage(
  template: string,
  locale: Locale,
  params: MessageParams = {},
): string {
  try {
    return fill(template, locale, params);
  } catch {
    return template;
  }
}

function fill(template: string, locale: Locale, params: MessageParams): string {
  let out = "";
  for (const piece of piecesOf(template)) {
    if (typeof piece === "string") {
      out += piece;
      continue;
    }
    const { name, forms } = piece;
    const value = params[name];
    if (!forms) out += name in params ? String(value) : `{${name}}`;
    else if (typeof value !== "number") out += `{${name}}`;
    else {
      const form =
        forms.get(`=${value}`) ?? forms.get(pluralOf(locale, value)) ?? forms.get("other");
      out += fill((form as string).replaceAll("#", numberOf(locale, value)), locale, params);
    }
  }
  return out;
}

/** The names a template uses, plural arguments and those inside their forms included. */
export function placeholdersOf(template: string): Set<string> {
  const names = new Set<string>();
  for (const piece of piecesOf(template)) {
    if (typeof piece === "string") continue;
    names.add(piece.name);
    for (const form of piece.forms?.values() ?? []) {
      for (const name of placeholdersOf(form)) names.add(name);
    }
  }
  return names;
}
