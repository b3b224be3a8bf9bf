// A full stop ends a sentence only before a capital or a digit, so "z.B. die" and "L4-5."
// stay whole; a line break always ends one (reports are often written line by line).
const SENTENCE_END = /(?<=[.!?])\s+(?=[\p{Lu}\d«"(])|\s*\n\s*/u;

/** The sentences of a report, as written (each a proposal's source). */
export function splitSentences(text: string): string[] {
  return text
    .split(SENTENCE_END)
    .map((sentence) => sentence.trim())
    .filter((sentence) => /[\p{L}\d]/u.test(sentence));
}
