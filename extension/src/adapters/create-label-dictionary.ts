import { createLabelHint } from "./create-label-hint.ts";
import { labelTokens, stemWord, wordTables } from "./label-tokens.ts";
import { ABBREVIATIONS, EXPANSIONS, SYNONYMS } from "./label-words.ts";
import type { LabelMatch } from "./match-label.ts";
import { normalizeText } from "./normalize-text.ts";

export interface DictionaryLabel {
  field: string;
  /** Its label words (labelTokens): a text holding them all may be this label. */
  words: readonly string[];
}

export interface LabelDictionary {
  /** label word -> the labels filed under it (each label under its rarest word) */
  index: ReadonlyMap<string, readonly DictionaryLabel[]>;
  /** label word -> the fields whose labels use it */
  owners: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Texts already matched, as printed, with their match: the page is read again at every
   * change, and prints its labels again and again (matchLabel fills it).
   */
  matches: Map<string, LabelMatch>;
  /** Words that say whose or which value (label-words.ts QUALIFIERS): free beside a label. */
  qualifiers: ReadonlySet<string>;
  /** The longest label as printed, folded: a much longer text is no label. */
  maxLength: number;
  /** How many fields the labels name: once each has its best label, the rest can wait. */
  fieldCount: number;
  /**
   * Finds a word of some label in a text (createLabelHint): one native test rejects most of
   * a page's texts before any is split into words.
   */
  hint: RegExp;
}

/** The dictionary of a field -> labels table (any language, any registry). */
export function createLabelDictionary(
  labels: Readonly<Record<string, readonly string[]>>,
): LabelDictionary {
  const entries: DictionaryLabel[] = [];
  const owners = new Map<string, Set<string>>();
  const hintWords = new Set<string>();
  /** label word -> how many labels use it */
  const frequency = new Map<string, number>();
  let maxLength = 0;
  for (const [field, texts] of Object.entries(labels)) {
    for (const text of texts) {
      // Words in a label's brackets ("Né(e) le") are not asked of the page's text.
      const words = labelTokens(text).required;
      if (words.length === 0) continue;
      entries.push({ field, words });
      for (const word of words) {
        const fields = owners.get(word) ?? new Set<string>();
        fields.add(field);
        owners.set(word, fields);
        frequency.set(word, (frequency.get(word) ?? 0) + 1);
      }
      const folded = normalizeText(text);
      maxLength = Math.max(maxLength, folded.length);
      for (const word of folded.split(/[^a-z0-9]+/)) hintWords.add(word);
    }
  }
  // A page may print any word that stands for a label's word, or for a qualifier that
  // starts a compound ("Patientname"); a stop word alone is no sign of a label.
  const { words: meanings, qualifiers } = wordTables();
  for (const word of spellings()) {
    const meaning = meanings.get(stemWord(word)) ?? [stemWord(word)];
    if (meaning.some((part) => owners.has(part) || qualifiers.has(part))) hintWords.add(word);
  }
  for (const word of hintWords)
    if (meanings.get(stemWord(word))?.length === 0) hintWords.delete(word);
  for (const [word, meaning] of Object.entries(ABBREVIATIONS))
    if (owners.has(meaning)) hintWords.add(word);

  const index = new Map<string, DictionaryLabel[]>();
  for (const entry of entries) {
    let rarest = entry.words[0] as string;
    for (const word of entry.words)
      if ((frequency.get(word) ?? 0) < (frequency.get(rarest) ?? 0)) rarest = word;
    const filed = index.get(rarest);
    if (filed) filed.push(entry);
    else index.set(rarest, [entry]);
  }
  return {
    index,
    owners,
    matches: new Map(),
    qualifiers,
    maxLength,
    fieldCount: Object.keys(labels).length,
    hint: createLabelHint(hintWords),
  };
}

/** Every word label-words.ts knows, as printed. */
function spellings(): string[] {
  return [
    ...Object.entries(SYNONYMS).flatMap(([canonical, words]) => [canonical, ...words]),
    ...Object.keys(EXPANSIONS),
  ];
}
