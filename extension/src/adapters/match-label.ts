import type { DictionaryLabel, LabelDictionary } from "./create-label-dictionary.ts";
import { labelTokens } from "./label-tokens.ts";

export interface LabelMatch {
  field: string;
  /**
   * What the text says beyond the label: 0 when nothing (the label itself, or with a
   * qualifier such as "du patient"); a word of the same field's other labels costs ½
   * ("N° INAMI" read by "INAMI"), any other word 1.
   */
  penalty: number;
  /** How many words of the text the label accounts for. */
  size: number;
}

/**
 * Which field a text is the label of, if any: a field's label matches when the text holds
 * all its words (in any order, brackets included, one at least outside them) and says less
 * beyond them than the label says; a text that also holds a word of another field's labels is not that label ("Nom du
 * chirurgien" is no patient's name, "Date de naissance" no surgery date). The best label
 * wins: the smallest penalty, then the most words; a tie between two fields is no match.
 */
export function matchLabel(dictionary: LabelDictionary, text: string): LabelMatch | undefined {
  const remembered = dictionary.matches.get(text);
  if (remembered) return remembered;
  const { required, optional } = labelTokens(text);
  if (required.length === 0) return undefined;
  const present = new Set([...required, ...optional]);
  let best: LabelMatch | undefined;
  let tied = false;
  for (const word of present) {
    for (const label of dictionary.index.get(word) ?? []) {
      // Brackets say which label it is ("Chirurgien (INAMI)"), not that there is one.
      if (!label.words.every((part) => present.has(part))) continue;
      if (!label.words.some((part) => required.includes(part))) continue;
      const penalty = penaltyOf(dictionary, label, required, optional);
      if (penalty === undefined || penalty >= label.words.length) continue;
      const size = label.words.length;
      if (!best || penalty < best.penalty || (penalty === best.penalty && size > best.size)) {
        best = { field: label.field, penalty, size };
        tied = false;
      } else if (penalty === best.penalty && size === best.size && label.field !== best.field) {
        tied = true;
      }
    }
  }
  if (tied || !best) return undefined;
  // Labels only: a text that is none may be a patient's, and is not kept.
  if (dictionary.matches.size >= REMEMBERED) dictionary.matches.clear();
  dictionary.matches.set(text, best);
  return best;
}

/** A page prints a few dozen labels; this many, every reading after the first finds them. */
const REMEMBERED = 500;

/** Undefined when the text names another field's thing. */
function penaltyOf(
  dictionary: LabelDictionary,
  label: DictionaryLabel,
  required: readonly string[],
  optional: readonly string[],
): number | undefined {
  let penalty = 0;
  for (const word of required) {
    if (label.words.includes(word) || dictionary.qualifiers.has(word)) continue;
    const owners = dictionary.owners.get(word);
    if (owners === undefined) penalty += 1;
    else if (owners.has(label.field)) penalty += 0.5;
    else return undefined;
  }
  // Brackets cost nothing ("(jj/mm/aaaa)"), unless they name another thing.
  for (const word of optional) {
    if (label.words.includes(word) || dictionary.qualifiers.has(word)) continue;
    const owners = dictionary.owners.get(word);
    if (owners !== undefined && !owners.has(label.field)) return undefined;
  }
  return penalty;
}
