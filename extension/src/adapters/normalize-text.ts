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
    else if (code > 127) {
      const lower = char.toLowerCase();
      char = FOLD[lower] ?? lower.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    }
    if (pendingSpace) {
      out += " ";
      pendingSpace = false;
    }
    out += char;
    if (out.length > maxLength + 2) return undefined;
  }
  let end = out.length;
  while (end > 0 && (out[end - 1] === ":" || out[end - 1] === "*" || out[end - 1] === " ")) end--;
  const result = end === out.length ? out : out.slice(0, end);
  return result.length > maxLength ? undefined : result;
}

export function normalizeText(text: string): string {
  return normalizeLabel(text) ?? "";
}
