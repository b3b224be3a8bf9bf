import {
  ABBREVIATIONS,
  COMPOUND_HEADS,
  EXPANSIONS,
  QUALIFIERS,
  STOP_WORDS,
  SYNONYMS,
} from "./label-words.ts";
import { foldChar } from "./normalize-text.ts";

/** A label as the words it is compared by (see label-words.ts). */
export interface LabelTokens {
  /** The label's words, each once, in the order printed. */
  required: string[];
  /** Words in brackets, "(INAMI)", "(jj/mm/aaaa)": they may say which label it is, need not. */
  optional: string[];
}

/**
 * What inflection adds at a word's end (plural s, French feminine e): "facturées" and
 * "facturé" are one word, "Sexe" and "Sex" too. Applied alike to labels and page texts, so
 * the stem need not be a word.
 */
export function stemWord(word: string): string {
  let end = word.length;
  while (end > 3 && (word[end - 1] === "s" || word[end - 1] === "e")) end--;
  return end === word.length ? word : word.slice(0, end);
}

interface WordTables {
  /** stem -> the words it stands for ([] for a stop word) */
  words: Map<string, readonly string[]>;
  heads: string[];
  qualifiers: Set<string>;
}

let tables: WordTables | undefined;

/** label-words.ts stemmed, once. */
export function wordTables(): WordTables {
  if (tables) return tables;
  const words = new Map<string, readonly string[]>();
  for (const word of STOP_WORDS) words.set(stemWord(word), []);
  for (const [canonical, list] of Object.entries(SYNONYMS))
    for (const word of [canonical, ...list]) words.set(stemWord(word), [canonical]);
  for (const [word, list] of Object.entries(EXPANSIONS)) words.set(stemWord(word), list);
  tables = {
    words,
    heads: COMPOUND_HEADS.map(stemWord),
    qualifiers: new Set(QUALIFIERS.map((word) => words.get(stemWord(word))?.[0] ?? stemWord(word))),
  };
  return tables;
}

/**
 * The words a folded, lower-case word stands for: the word its synonyms are compared by,
 * nothing for a stop word, a compound's parts when its first part is a known word ("geburtsdatum" ->
 * birth date, "patientennr" -> patient nr), or else its stem.
 */
function wordsOf(word: string, out: string[]): void {
  const { words, heads } = wordTables();
  const stem = stemWord(word);
  const known = words.get(stem);
  if (known) {
    out.push(...known);
    return;
  }
  for (const head of heads) {
    if (stem.length < head.length + 3 || !stem.endsWith(head)) continue;
    const rest = words.get(stemWord(stem.slice(0, -head.length)));
    // Only a known first part makes a compound: not "sur" (a stop word) of "Surname", nor
    // "kamer" of "Kamernummer".
    if (!rest || rest.length === 0) break;
    out.push(...rest, ...(words.get(head) ?? []));
    return;
  }
  out.push(stem);
}

const OPENING = "([{";
const CLOSING = ")]}";

/**
 * A text's label words: folded (case, accents, ß), split at anything but letters and
 * digits, a dotted acronym joined ("D.O.B." is "dob"), each word replaced by what it
 * stands for (wordsOf), the words in brackets apart. Punctuation, colons and asterisks say
 * nothing.
 */
export function labelTokens(text: string): LabelTokens {
  const required: string[] = [];
  const optional: string[] = [];
  let depth = 0;
  let word = "";
  let acronym = "";

  const add = (raw: string, next: string) => {
    const target = depth > 0 ? optional : required;
    const abbreviation = next === "-" || next === "." ? ABBREVIATIONS[raw] : undefined;
    if (abbreviation) target.push(abbreviation);
    else wordsOf(raw, target);
  };
  const endAcronym = () => {
    if (acronym !== "") add(acronym, "");
    acronym = "";
  };
  const endWord = (next: string) => {
    if (word === "") return;
    // Single letters each followed by a dot are one word: "D.O.B.", "N.R." (not "N° x").
    if (word.length === 1 && (next === "." || acronym !== "")) {
      acronym += word;
      if (next !== ".") endAcronym();
    } else {
      endAcronym();
      add(word, next);
    }
    word = "";
  };

  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const char = text[i] as string;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      word += char;
      continue;
    }
    if (code >= 65 && code <= 90) {
      word += String.fromCharCode(code + 32);
      continue;
    }
    if (code > 127) {
      const folded = foldChar(char);
      if (isLetters(folded)) {
        word += folded;
        continue;
      }
    }
    endWord(char);
    if (OPENING.includes(char)) depth++;
    else if (CLOSING.includes(char)) depth = Math.max(0, depth - 1);
  }
  endWord("");
  endAcronym();
  const unique = [...new Set(required)];
  const seen = new Set(unique);
  return { required: unique, optional: [...new Set(optional)].filter((t) => !seen.has(t)) };
}

/** "" (an accent), "e", "ss": what a folded letter may be ("–", "°", "'" are none). */
function isLetters(folded: string): boolean {
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    if (code < 97 || code > 122) return false;
  }
  return true;
}
