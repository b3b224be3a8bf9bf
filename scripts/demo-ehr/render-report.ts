import { escapeHtml as e } from "./escape-html.ts";

/** The dictated operative report of a demo chart, a paragraph per sentence. */
export function renderReport(lines: readonly string[]): string {
  return lines.map((line) => `<p>${e(line)}</p>`).join("\n");
}
