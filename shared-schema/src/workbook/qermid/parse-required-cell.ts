/**
 * A "Required" cell: `Y`/`N` (and their Dutch, French and English spellings), `noSSIN`
 * (required when the patient has no NISS, a Qermid convention), or a condition written in
 * the cell (`Y if CD_X = 1`), returned as text for the condition reader.
 */
export type RequiredCell =
  | { kind: "yes" }
  | { kind: "no" }
  | { kind: "noSsin" }
  | { kind: "condition"; text: string }
  | { kind: "unknown" };

const YES = /^(y|yes|j|ja|o|oui|x|1|true|required|mandatory|verplicht|obligatoire)$/i;
const NO = /^(n|no|nee|neen|non|0|false|optional|optioneel|facultatif|facultative)?$/i;
const CONDITIONAL = /^(?:(?:y|yes|ja|oui)\b[\s,:;-]*)?(?:only\s+)?(?:if|when|indien|als|si)\b\s*/i;

export function parseRequiredCell(text: string): RequiredCell {
  const cell = text.trim();
  if (NO.test(cell)) return { kind: "no" };
  if (YES.test(cell)) return { kind: "yes" };
  if (/^no-?(ssin|niss|insz)$/i.test(cell.replace(/\s+/g, ""))) return { kind: "noSsin" };
  const match = CONDITIONAL.exec(cell);
  if (match) return { kind: "condition", text: cell.slice(match[0].length).trim() };
  return { kind: "unknown" };
}
