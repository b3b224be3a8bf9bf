import { normalizeText } from "../adapters/normalize-text.ts";
import { sameOriginFrames } from "../adapters/same-origin-frames.ts";
import { UNREAD } from "../adapters/value-of-element.ts";

/** How charts title the operative report, folded as normalizeText folds them. */
const TITLES = [
  // fr
  "protocole operatoire",
  "compte rendu operatoire",
  "compte-rendu operatoire",
  "rapport operatoire",
  "compte rendu d'intervention",
  // nl
  "operatieverslag",
  "operatieprotocol",
  "operatief verslag",
  "verslag operatie",
  // de
  "operationsbericht",
  "op-bericht",
  "op bericht",
  "operationsprotokoll",
  "op-protokoll",
  // en
  "operative report",
  "operation report",
  "operative note",
  "operation note",
  "op note",
  "surgical report",
];

/** Elements a chart titles a block with. */
const TITLE_SELECTOR =
  "h1, h2, h3, h4, h5, h6, [role=heading], dt, th, legend, caption, summary, label, strong, b";
const HEADING = /^H([1-6])$/;
/** Block elements whose end is a line end in the report's text (sentences split there). */
const BLOCKS = new Set(
  "P DIV LI DD DT TR BR H1 H2 H3 H4 H5 H6 SECTION ARTICLE PRE BLOCKQUOTE TABLE UL OL".split(" "),
);
/** A title is short; a longer text that starts like one is a sentence of the report. */
const TITLE_MAX = 60;
/** Bound on what is handed to the form: the longest real report is far shorter. */
const REPORT_MAX = 20_000;

const SHOW_ELEMENT_AND_TEXT = 1 | 4;

function isTitle(text: string): boolean {
  const folded = normalizeText(text).replace(/[\s:*.-]+$/, "");
  if (folded.length === 0 || folded.length > TITLE_MAX) return false;
  return TITLES.some((title) => folded === title || folded.startsWith(`${title} `));
}

/** The text of `nodes` with a line end after each block, as the page lays it out. */
function blockText(nodes: readonly Node[]): string {
  let out = "";
  for (const start of nodes) {
    if (start.nodeType === 3) {
      out += start.nodeValue ?? "";
      continue;
    }
    if (start.nodeType !== 1) continue;
    const element = start as Element;
    if (UNREAD.has(element.tagName)) continue;
    const walker = element.ownerDocument.createTreeWalker(element, SHOW_ELEMENT_AND_TEXT);
    for (let node: Node | null = element; node; node = walker.nextNode()) {
      if (node.nodeType === 3) {
        const parent = node.parentElement?.tagName ?? "";
        if (!UNREAD.has(parent) && parent !== "TEXTAREA") out += node.nodeValue ?? "";
      } else if (BLOCKS.has((node as Element).tagName)) out += "\n";
      else if ((node as Element).tagName === "TEXTAREA")
        out += `\n${(node as HTMLTextAreaElement).value ?? ""}\n`;
    }
    if (BLOCKS.has(element.tagName)) out += "\n";
  }
  return out;
}

/** What a title element titles: the text after it in its block or section. */
function bodyOf(title: Element): string {
  const doc = title.ownerDocument;
  if (title.tagName === "LABEL") {
    const id = title.getAttribute("for");
    const control = id ? doc.getElementById(id) : title.querySelector("textarea, input");
    if (control) return blockText([control]);
  }
  if (title.tagName === "DT") {
    const parts: Node[] = [];
    for (
      let next = title.nextElementSibling;
      next?.tagName === "DD";
      next = next.nextElementSibling
    )
      parts.push(next);
    return blockText(parts);
  }
  if (title.tagName === "TH") {
    const row = title.parentElement;
    return row ? blockText(Array.from(row.children).filter((cell) => cell !== title)) : "";
  }
  if (title.tagName === "LEGEND" || title.tagName === "CAPTION" || title.tagName === "SUMMARY") {
    const block = title.parentElement;
    return block ? blockText(Array.from(block.childNodes).filter((node) => node !== title)) : "";
  }
  // A heading: what follows it up to the next heading of its rank or above; a heading at the
  // end of its wrapper (a header bar) titles what follows the wrapper.
  const rank = Number(HEADING.exec(title.tagName)?.[1] ?? 7);
  let from: Element = title;
  while (!from.nextSibling && from.parentElement && from.parentElement !== doc.body)
    from = from.parentElement;
  const parts: Node[] = [];
  for (let next = from.nextSibling; next; next = next.nextSibling) {
    const level = next.nodeType === 1 ? HEADING.exec((next as Element).tagName)?.[1] : undefined;
    if (level !== undefined && Number(level) <= rank) break;
    parts.push(next);
  }
  return blockText(parts);
}

/**
 * The operative report the page shows, as text with its line ends, or undefined where the
 * page titles none: the blocks under a title such as "Protocole opératoire",
 * "Operatieverslag", "OP-Bericht" or "Operative report" (a heading, a term, a label, a
 * table header), in this document and its same-origin frames. Read when the form opens and
 * when the page changes, never stored.
 */
export function findOperativeReport(doc: Document): string | undefined {
  const texts: string[] = [];
  for (const root of [doc, ...sameOriginFrames(doc)]) {
    const titled = new Set<Element>();
    for (const title of Array.from(root.querySelectorAll(TITLE_SELECTOR))) {
      if (!isTitle(title.textContent ?? "")) continue;
      // A title inside a block already read (a <strong> in a heading) is the same report.
      if (Array.from(titled).some((seen) => seen.contains(title))) continue;
      titled.add(title);
      const body = bodyOf(title)
        .split("\n")
        .map((line) => line.replace(/\s+/g, " ").trim())
        .filter((line) => line !== "")
        .join("\n");
      if (body !== "") texts.push(body);
    }
    for (const area of Array.from(root.querySelectorAll("textarea[aria-label]"))) {
      if (isTitle(area.getAttribute("aria-label") ?? "")) texts.push(blockText([area]).trim());
    }
  }
  const report = [...new Set(texts)].join("\n\n").slice(0, REPORT_MAX);
  return report === "" ? undefined : report;
}
