/** What a code list cell of a field row says: `NIC_TPE_44 (44)`, `LINK: SEX`. */
export interface CodeListCell {
  /** The list's name, usable as a DCD name (`NIC_TPE_44`, `BILLING_CODE_172`). */
  name: string;
  /** `LINK:` cells refer to a list defined elsewhere (in the sheet or on a code-list sheet). */
  link: boolean;
  /** The number in parentheses: the list's number in HD4DP (`44`). */
  listNumber?: string;
  /** Other remarks, in parentheses or after the name: `code + label`, `postcode`. */
  notes: string[];
}

const LINK = /^link\s*:?\s*/i;
const CODE_AND_LABEL = /\bcode\s*\+\s*label\b/i;

/**
 * Reads a code list cell; only its first line counts (registries add remarks on the next
 * lines). `undefined` for an empty cell or one without a name.
 */
export function parseCodeListCell(text: string): CodeListCell | undefined {
  let rest = (text.split(/\r?\n/)[0] ?? "").trim();
  const link = LINK.test(rest);
  rest = rest.replace(LINK, "");
  let listNumber: string | undefined;
  const notes: string[] = [];
  rest = rest.replace(/\(([^)]*)\)/g, (_whole, inner: string) => {
    const note = inner.trim();
    if (/^\d+$/.test(note) && listNumber === undefined) listNumber = note;
    else if (note !== "") notes.push(note);
    return " ";
  });
  if (CODE_AND_LABEL.test(rest)) {
    notes.push("code + label");
    rest = rest.replace(CODE_AND_LABEL, " ");
  }
  const name = listName(rest);
  if (name === "") return undefined;
  return listNumber === undefined ? { name, link, notes } : { name, link, listNumber, notes };
}

/**
 * A list name as a DCD name: spaces around `_` dropped (`CEMENT_NAME _81`), other spaces and
 * characters a name cannot hold as `_`, upper case so that `LINK: sex` finds `SEX`.
 */
export function listName(text: string): string {
  const name = text
    .trim()
    .replace(/\s*_\s*/g, "_")
    .replace(/[^A-Za-z0-9_.-]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toUpperCase();
  return /^[0-9.-]/.test(name) ? `_${name}` : name;
}
