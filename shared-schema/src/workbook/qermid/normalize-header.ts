/**
 * A header text reduced to what identifies it: lower case, no accents, `_` `-` `/` `:` and
 * line breaks as spaces, single spaces. `Label_FR`, `label fr` and `Label FR:` compare equal.
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[_\-/:*\s]+/g, " ")
    .trim();
}
