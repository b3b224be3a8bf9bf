// Latin-1 letters of fr/nl/de/en labels, folded without String.prototype.normalize: the
// generic reader normalises every short text of the page, and must scan 5,000 elements
// within 10 ms (issue 4).
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
 * Lower case, no accents, single spaces, no trailing colon/asterisk: how labels are
 * compared. Returns undefined as soon as the result would exceed `maxLength` (a long text
 * is no label), which keeps the scan cheap.
 */
export function normalizeLabel(
  text: string,
  maxLength = Number.POSITIVE_INFINITY,
): string | undefined {
  // Fast path, same result: printable ASCII words with single spaces (most of a page's
  // short texts) need only lower case, done natively, after one pass over char codes that
  // allocates nothing; the cold scan of a 5,000-element page stays out of the character
  // loop of foldLabel (issue 4).
  let start = 0;
  let end = text.length;
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  // Too long for the fast path: foldLabel gives up as soon as its output is.
  if (end - start > maxLength + 2) return foldLabel(text, maxLength);
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code > 32 && code < 127) continue;
    if (code === 32 && text.charCodeAt(i + 1) > 32 && text.charCodeAt(i + 1) < 127) continue;
    return foldLabel(text, maxLength);
  }
  return trimLabelEnd(text.slice(start, end).toLowerCase(), maxLength);
}

/** What foldLabel treats as a space: control characters, space, no-break space. */
function isBlank(code: number): boolean {
  return code <= 32 || code === 160;
}

function foldLabel(text: string, maxLength: number): string | undefined {
  let out = "";
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 32 || code === 160) {
      pendingSpace = out.length > 0;
      continue;
    }
    let char = text[i] as string;
    if (code >= 65 && code <= 90) char = String.fromCharCode(code + 32);
    else if (code > 127) char = foldChar(char);
    if (pendingSpace) {
      out += " ";
      pendingSpace = false;
    }
    out += char;
    if (out.length > maxLength + 2) return undefined;
  }
  return trimLabelEnd(out, maxLength);
}

/**
 * One non-ASCII character, lower case and without accents. NFD is asked only where it can
 * give a letter: its first use loads the normaliser's tables (milliseconds, cold), and
 * pages are full of "–", "«", "°" and "€", which have no canonical decomposition (neither
 * has anything from U+0080 to U+00BF, and nothing at or above U+2000 decomposes into a
 * letter once lower-cased: a label never matches there either way).
 */
function foldChar(char: string): string {
  const lower = char.toLowerCase();
  const folded = FOLD[lower];
  if (folded !== undefined) return folded;
  const code = lower.charCodeAt(0);
  if (lower.length === 1 && (code < 0xc0 || code >= 0x2000)) return lower;
  if (code >= 0x300 && code <= 0x36f) return ""; // a combining accent (text written in NFD)
  return lower.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

function trimLabelEnd(out: string, maxLength: number): string | undefined {
  let end = out.length;
  while (end > 0 && (out[end - 1] === ":" || out[end - 1] === "*" || out[end - 1] === " ")) end--;
  const result = end === out.length ? out : out.slice(0, end);
  return result.length > maxLength ? undefined : result;
}

export function normalizeText(text: string): string {
  return normalizeLabel(text) ?? "";
}
