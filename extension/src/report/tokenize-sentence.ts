/** A word of a report sentence, folded, with what stood between it and the word before. */
export interface Token {
  word: string;
  /** The punctuation before it ("-", "/", ","...), spaces dropped; "" when only spaces. */
  before: string;
  /** Part of the sentence between two marks (",", ";", ":", brackets): a negation's reach. */
  clause: number;
  /** As `clause`, but a ":" does not end it: "Navigation : non" is one statement. */
  statement: number;
}

const FOLDED: Record<string, string> = { ß: "ss", œ: "oe", æ: "ae" };

/** Lower case without accents: "Stäbe", "stabe" and "STÄBE" are one word. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[ßœæ]/g, (char) => FOLDED[char] ?? char);
}

const WORD = /[a-z0-9]+/g;
const ENDS_CLAUSE = /[,;()[\]]|\s[-–—]\s/;

/** The words of a sentence, each knowing its clause (hyphens and slashes join, not split). */
export function tokenizeSentence(sentence: string): Token[] {
  const folded = foldText(sentence);
  const tokens: Token[] = [];
  let clause = 0;
  let statement = 0;
  let last = 0;
  for (const match of folded.matchAll(WORD)) {
    const between = folded.slice(last, match.index);
    if (tokens.length > 0 && ENDS_CLAUSE.test(between)) {
      clause++;
      statement++;
    } else if (tokens.length > 0 && between.includes(":")) clause++;
    tokens.push({ word: match[0], before: between.replace(/\s+/g, ""), clause, statement });
    last = match.index + match[0].length;
  }
  return tokens;
}
