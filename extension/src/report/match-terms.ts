import { type Token, tokenizeSentence } from "./tokenize-sentence.ts";

/** One word of a term: `compound` also matches the end of a longer word. */
interface TermWord {
  /** The word and its inflected forms. */
  forms: string[];
  compound: boolean;
  /** Up to GAP words may stand before it. */
  gap: boolean;
}

/** A term ready to match, with what it stands for. */
export interface CompiledTerm<T> {
  meaning: T;
  words: TermWord[];
  /** Letters of the term: between two matches of as many words, the more specific wins. */
  size: number;
}

/** Terms by the forms of their first word; those that start with a compound apart. */
export interface TermIndex<T> {
  byFirstWord: Map<string, CompiledTerm<T>[]>;
  compounds: CompiledTerm<T>[];
}

/** Words of a report that a term matches, `end` excluded. */
export interface TermMatch<T> {
  meaning: T;
  start: number;
  end: number;
}

const GAP = 2;
// Plural and inflected endings of fr/nl/de/en nouns and adjectives ("stäben", "dorsaler").
const ENDINGS = ["s", "es", "e", "en", "n", "er", "em"];

/** A term as written in the vocabulary ("*diskektomie", "voie … postérieure"), ready to match. */
export function compileTerm<T>(term: string, meaning: T): CompiledTerm<T> {
  const words: TermWord[] = [];
  let gap = false;
  let size = 0;
  for (const part of term.split(/\s+/)) {
    if (part === "…") {
      gap = true;
      continue;
    }
    const compound = part.startsWith("*");
    for (const { word } of tokenizeSentence(part)) {
      words.push({ forms: formsOf(word), compound, gap });
      size += word.length;
      gap = false;
    }
  }
  return { meaning, words, size };
}

/** The word and its inflections ("pédiculaires", "laminectomies"). */
function formsOf(word: string): string[] {
  // A short word or an abbreviation takes no ending but a plural: "rods", yet "no" is not "non".
  if (word.length <= 3) return [word, `${word}s`];
  const forms = [word, ...ENDINGS.map((ending) => word + ending)];
  if (word.endsWith("y")) forms.push(`${word.slice(0, -1)}ies`);
  return forms;
}

export function indexTerms<T>(terms: readonly CompiledTerm<T>[]): TermIndex<T> {
  const byFirstWord = new Map<string, CompiledTerm<T>[]>();
  const compounds: CompiledTerm<T>[] = [];
  for (const term of terms) {
    const first = term.words[0];
    if (!first) continue;
    if (first.compound) {
      compounds.push(term);
      continue;
    }
    for (const form of first.forms) byFirstWord.set(form, [...(byFirstWord.get(form) ?? []), term]);
  }
  return { byFirstWord, compounds };
}

function wordMatches(token: string, { forms, compound }: TermWord): boolean {
  return compound ? forms.some((form) => token.endsWith(form)) : forms.includes(token);
}

/** Where the term starts at `start`, the word after its end; else undefined. */
function matchAt<T>(tokens: readonly Token[], start: number, term: CompiledTerm<T>) {
  const clause = tokens[start]?.clause;
  let next = start;
  for (const [index, word] of term.words.entries()) {
    const last = index === 0 || !word.gap ? next : next + GAP;
    let found = -1;
    for (let at = next; at <= last && at < tokens.length; at++) {
      const token = tokens[at] as Token;
      if (token.clause !== clause) break;
      if (wordMatches(token.word, word)) {
        found = at;
        break;
      }
    }
    if (found < 0) return undefined;
    next = found + 1;
  }
  return next;
}

/** What the terms that match all the words, first to last, stand for ("Pedicle screw"). */
export function termsCovering<T>(tokens: readonly Token[], index: TermIndex<T>): Set<T> {
  const first = tokens[0]?.word ?? "";
  const candidates = [...(index.byFirstWord.get(first) ?? []), ...index.compounds];
  return new Set(
    candidates
      .filter((term) => matchAt(tokens, 0, term) === tokens.length)
      .map((term) => term.meaning),
  );
}

/**
 * Terms found in the words, left to right, each word in at most one: where terms overlap,
 * the longest wins ("instrumentation sans arthrodèse" is one thing, not a negated fusion).
 */
export function matchTerms<T>(tokens: readonly Token[], index: TermIndex<T>): TermMatch<T>[] {
  const matches: TermMatch<T>[] = [];
  let start = 0;
  while (start < tokens.length) {
    let best: TermMatch<T> | undefined;
    let bestSize = 0;
    const word = (tokens[start] as Token).word;
    const candidates = [...(index.byFirstWord.get(word) ?? []), ...index.compounds];
    for (const term of candidates) {
      const end = matchAt(tokens, start, term);
      if (end === undefined) continue;
      const longer = !best || end > best.end || (end === best.end && term.size > bestSize);
      if (longer) {
        best = { meaning: term.meaning, start, end };
        bestSize = term.size;
      }
    }
    if (best) matches.push(best);
    start = best ? best.end : start + 1;
  }
  return matches;
}
