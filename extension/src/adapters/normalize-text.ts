// Latin-1 letters of fr/nl/de/en pages, folded without String.prototype.normalize where a
// table does: the reader folds the short texts of a page in its first, cold reading, and
// the normaliser's tables cost milliseconds to load.
const FOLD: Record<string, string> = {
  à: "a",
  á: "a",
  â: "a",
  ä: "a",
  ã: "a",
  å: "a",
  æ: "ae",
  ç: "c",
  è: "e",
  é: "e",
  ê: "e",
  ë: "e",
  ì: "i",
  í: "i",
  î: "i",
  ï: "i",
  ñ: "n",
  ò: "o",
  ó: "o",
  ô: "o",
  ö: "o",
  õ: "o",
  ø: "o",
  œ: "oe",
  ù: "u",
  ú: "u",
  û: "u",
  ü: "u",
  ý: "y",
  ÿ: "y",
  ß: "ss",
  "’": "'",
  "‘": "'",
  "`": "'",
  "´": "'",
};

/**
 * One non-ASCII character, lower case and without accents ("" for a combining accent, as
 * in text written in NFD). NFD is asked only where it can give a letter: pages are full of
 * "–", "«", "°" and "€", which have no canonical decomposition (neither has anything from
 * U+0080 to U+00BF, and nothing at or above U+2000 decomposes into a Latin letter).
 */
export function foldChar(char: string): string {
  const lower = char.toLowerCase();
  const folded = FOLD[lower];
  if (folded !== undefined) return folded;
  const code = lower.charCodeAt(0);
  if (lower.length === 1 && (code < 0xc0 || code >= 0x2000)) return lower;
  if (code >= 0x300 && code <= 0x36f) return "";
  return lower.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

/** Lower case, no accents, blanks (no-break spaces too) collapsed into single spaces, trimmed. */
export function normalizeText(text: string): string {
  let out = "";
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 32 || code === 160) {
      pendingSpace = out.length > 0;
      continue;
    }
    const char = text[i] as string;
    const folded = code < 128 ? char.toLowerCase() : foldChar(char);
    if (folded === "") continue;
    if (pendingSpace) {
      out += " ";
      pendingSpace = false;
    }
    out += folded;
  }
  return out;
}
