import { labelTokens } from "../../../extension/src/adapters/label-tokens.ts";

/**
 * The label words of a text, written out ("nr inami surgeon (nihii)"): how two labels are
 * the same label. Idempotent: the words it writes stand for themselves.
 */
export function normalizeLabel(text: string): string {
  const { required, optional } = labelTokens(text);
  const main = required.join(" ");
  if (optional.length === 0) return main;
  return main === "" ? `(${optional.join(" ")})` : `${main} (${optional.join(" ")})`;
}
