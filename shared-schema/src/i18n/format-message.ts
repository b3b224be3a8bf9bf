import type { Locale } from "../dcd.ts";

// The one renderer of every message of the product (worker, extension, CLI), on a subset of
// ICU MessageFormat: `{name}` is replaced by params.name, and
// `{n, plural, =0 {none} one {# file} other {# files}}` picks the form that Intl.PluralRules
// gives for the locale (`#` is the number, written as in Belgium, `=N` an exact value before any category; a
// category the message does not spell out reads as `other`). A placeholder without its
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

/** The forms of a plural argument: `one {…} other {…}`, braces nested inside kept whole. */
function formsOf(text: string): Map<string, string> {
  const forms = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    while (text[i] === " ") i++;
    if (i >= text.length) break;
    const open = text.indexOf("{", i);
    if (open < 0) throw new Error(`plural form without a body: "${text.slice(i)}"`);
    const selector = text.slice(i, open).trim();
    let depth = 1;
    let j = open + 1;
    for (; j < text.length && depth > 0; j++) {
      if (text[j] === "{") depth++;
      else if (text[j] === "}") depth--;
    }
    if (depth > 0) throw new Error(`unclosed plural form "${selector}"`);
    forms.set(selector, text.slice(open + 1, j - 1));
    i = j;
  }
  if (!forms.has("other")) throw new Error(`a plural needs an "other" form: "${text}"`);
  return forms;
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

const PLURAL = /^\s*(\w+)\s*,\s*plural\s*,/;

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
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{", i);
    if (open < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, open);
    const close = closingBrace(template, open);
    const inner = template.slice(open + 1, close);
    const plural = PLURAL.exec(inner);
    if (plural) {
      const name = plural[1] as string;
      const value = params[name];
      if (typeof value !== "number") out += `{${name}}`;
      else {
        const forms = formsOf(inner.slice(plural[0].length));
        const form =
          forms.get(`=${value}`) ?? forms.get(pluralOf(locale, value)) ?? forms.get("other");
        out += fill((form as string).replaceAll("#", numberOf(locale, value)), locale, params);
      }
    } else {
      const name = inner.trim();
      out += name in params ? String(params[name]) : `{${name}}`;
    }
    i = close + 1;
  }
  return out;
}

/** The names a template uses, plural arguments and those inside their forms included. */
export function placeholdersOf(template: string): Set<string> {
  const names = new Set<string>();
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{", i);
    if (open < 0) break;
    const close = closingBrace(template, open);
    const inner = template.slice(open + 1, close);
    const plural = PLURAL.exec(inner);
    if (plural) {
      names.add(plural[1] as string);
      for (const form of formsOf(inner.slice(plural[0].length)).values()) {
        for (const name of placeholdersOf(form)) names.add(name);
      }
    } else names.add(inner.trim());
    i = close + 1;
  }
  return names;
}
