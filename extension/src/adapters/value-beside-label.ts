import { cssString, UNREAD, valueOfElement } from "./value-of-element.ts";

const CELLS = "th, td, [role=gridcell], [role=cell], [role=rowheader], [role=columnheader]";
const ROWS = "tr, [role=row]";
const GRIDS = "table, [role=grid], [role=treegrid], [role=table]";

/** Elements a label may fill on its own, whose structure says where the value is. */
export const LABEL_HOLDERS = `label, dt, ${CELLS}`;

/**
 * The value a page shows for a label: what names the label (`aria-labelledby`), the
 * control of a `<label>`, the `<dd>` of a `<dt>`, the cell beside a row header or the
 * cells below a column header (tables and ARIA grids), else what follows the label, at
 * most three levels up ("<div><span>Label</span></div><div>value</div>"). `holder` is the
 * element the label fills (LABEL_HOLDERS), if any; `isLabel` says whether a text is itself
 * a label: a neighbour that is one holds no value ("Nom | Prénom" above their values).
 */
export function valueBesideLabel(
  label: Text,
  holder: Element | undefined,
  isLabel: (text: string) => boolean,
): string | undefined {
  const element = holder ?? (label.parentElement as Element);
  const named = labelledBy(element);
  if (named !== undefined) return named;
  if (holder?.tagName === "LABEL") {
    const id = holder.getAttribute("for");
    const control = id
      ? holder.ownerDocument.getElementById(id)
      : holder.querySelector("input, select, textarea");
    if (control) return valueOfElement(control);
  } else if (holder?.tagName === "DT") {
    return definitionOf(holder);
  } else if (holder) {
    return cellValue(holder, isLabel);
  }
  return valueAfter(holder ?? label, isLabel);
}

/** The value of the element whose `aria-labelledby` names the label's element. */
function labelledBy(element: Element): string | undefined {
  if (!element.id) return undefined;
  const target = element.ownerDocument.querySelector(
    `[aria-labelledby~="${cssString(element.id)}"]`,
  );
  return target ? valueOfElement(target) : undefined;
}

/** Every `<dd>` after the `<dt>`, up to the next `<dt>` (a list of codes). */
function definitionOf(term: Element): string | undefined {
  const values: string[] = [];
  for (let next = term.nextElementSibling; next && next.tagName !== "DT"; ) {
    if (next.tagName === "DD") values.push(valueOfElement(next));
    next = next.nextElementSibling;
  }
  return values.length > 0 ? values.join(" ") : undefined;
}

function cellValue(cell: Element, isLabel: (text: string) => boolean): string | undefined {
  const row = cell.closest(ROWS);
  if (!row) return valueAfter(cell, isLabel);
  const cells = cellsOf(row);
  const next = cells[cells.indexOf(cell) + 1];
  if (!isColumnHeader(cell, next, isLabel)) return next ? valueOfElement(next) : undefined;
  return columnValue(cell, row);
}

function cellsOf(row: Element): Element[] {
  return Array.from(row.querySelectorAll(CELLS)).filter((cell) => cell.closest(ROWS) === row);
}

/** A header of the column below it, rather than of the row beside it. */
function isColumnHeader(
  cell: Element,
  next: Element | undefined,
  isLabel: (text: string) => boolean,
): boolean {
  const role = cell.getAttribute("role");
  if (role === "columnheader") return true;
  if (role === "rowheader") return false;
  const scope = cell.getAttribute("scope");
  if (scope === "col") return true;
  if (scope === "row") return false;
  if (cell.closest("thead")) return true;
  if (!next) return true;
  if (
    cell.tagName === "TH" &&
    (next.tagName === "TH" || next.getAttribute("role") === "columnheader")
  )
    return true;
  return isLabel(valueOfElement(next).trim());
}

/** The cells below a column header, every row of them (a list of billed codes). */
function columnValue(header: Element, headerRow: Element): string | undefined {
  const grid = header.closest(GRIDS);
  if (!grid) return undefined;
  const column = header.getAttribute("aria-colindex");
  const position = cellsOf(headerRow).indexOf(header);
  const rows = Array.from(grid.querySelectorAll(ROWS)).filter((row) => row.closest(GRIDS) === grid);
  const values: string[] = [];
  for (const row of rows.slice(rows.indexOf(headerRow) + 1)) {
    const cells = cellsOf(row);
    // A virtualised grid numbers its columns; the position would shift with the cells shown.
    const cell = column
      ? cells.find((candidate) => candidate.getAttribute("aria-colindex") === column)
      : cells[position];
    if (cell) values.push(valueOfElement(cell));
  }
  return values.length > 0 ? values.join(" ") : undefined;
}

/** The first text shown after the node, punctuation aside, its element and two levels up. */
function valueAfter(start: Node, isLabel: (text: string) => boolean): string | undefined {
  let current: Node | null = start;
  // A text, then its element: one level more.
  const levels = start.nodeType === 3 ? 4 : 3;
  for (let level = 0; current && level < levels; level++) {
    for (let next = current.nextSibling; next; next = next.nextSibling) {
      const value = withoutSeparator(shownText(next));
      if (value === "") continue;
      return isLabel(value) ? undefined : value;
    }
    const parent: Element | null = current.parentElement;
    if (!parent || parent.tagName === "BODY") break;
    current = parent;
  }
  return undefined;
}

function shownText(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? "";
  if (node.nodeType !== 1 || UNREAD.has((node as Element).tagName)) return "";
  return valueOfElement(node as Element);
}

/** "Label" ": value", "Label" "– value": the separator is no part of the value. */
function withoutSeparator(text: string): string {
  return text.replace(/^[\s:*|–—-]+/, "").trim();
}
