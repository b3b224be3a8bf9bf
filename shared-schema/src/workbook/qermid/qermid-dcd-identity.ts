import { normalizeHeader } from "./normalize-header.ts";
import { gridCell, type SheetGrid } from "./sheet-grid.ts";

/** Where a DCD's id, version and title come from, and what they are. */
export interface QermidDcdIdentity {
  id: string;
  version?: string;
  title?: string;
  /** The Healthdata project, `HDBP0386`. */
  project?: string;
  /** The version the file name gives, when a cell gives another one. */
  conflictingFileVersion?: string;
  idFrom: "cell" | "file name" | "sheet name";
}

// HD_DCD_SPEC_HDBP0386_ORTHOPRIDE_HIP_Primo-implantatie_v1.2.0.xlsx: the registry's
// abbreviation is the upper-case words after the project, the DCD's name the rest.
const FILE_NAME = /^HD_DCD_SPEC_(HDBP\d+)_(.+?)_v(\d+(?:\.\d+){0,2})(?:\.xlsx|\.xlsm|\.xls)?$/i;
const ID_KEYS =
  /^(dcd|dcd name|dcd id|technical dcd name|dcd technical name|technische dcd naam|nom technique du dcd)$/;
const VERSION_KEYS = /^(version|dcd version|versie|version du dcd)$/;

export interface FileNameParts {
  project: string;
  abbreviation: string;
  name?: string;
  version: string;
}

export function parseSpecFileName(fileName: string): FileNameParts | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const match = FILE_NAME.exec(base);
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  const words = match[2].split("_");
  const upper = words.findIndex((word) => word !== word.toUpperCase());
  const abbreviation = (upper < 0 ? words : words.slice(0, upper)).join("_");
  const name = upper < 0 ? undefined : words.slice(upper).join("_");
  const parts = { project: match[1].toUpperCase(), abbreviation, version: semver(match[3]) };
  return name === undefined ? parts : { ...parts, name };
}

/** `1.2` -> `1.2.0`: a DCD version has three numbers. */
export function semver(text: string): string {
  const numbers = text
    .replace(/^v/i, "")
    .split(".")
    .filter((n) => n !== "");
  while (numbers.length < 3) numbers.push("0");
  return numbers.slice(0, 3).join(".");
}

/** A text as a DCD id: upper case, `_` for anything but letters and digits. */
export function dcdId(text: string): string {
  const id = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toUpperCase();
  return /^[0-9]/.test(id) ? `_${id}` : id;
}

/**
 * The DCD's id, version and title. A cell above the header (`DCD` / `Version`, the value in
 * the next cell or after a colon) wins over the file name, which wins over the sheet name.
 * With several field sheets the file name names the registry, the sheet the DCD.
 */
export function qermidDcdIdentity(
  fileName: string,
  grid: SheetGrid,
  headerRow: number,
  severalSheets: boolean,
): QermidDcdIdentity {
  let cellId: string | undefined;
  let cellVersion: string | undefined;
  let title: string | undefined;
  for (let row = 1; row < headerRow; row++) {
    const width = grid.rows[row - 1]?.length ?? 0;
    for (let column = 1; column <= width; column++) {
      const text = gridCell(grid, row, column);
      if (text === "") continue;
      const colon = /^([^:]{1,30}):\s*(.+)$/.exec(text);
      const key = normalizeHeader(colon?.[1] ?? text);
      const value = colon?.[2]?.trim() ?? nextText(grid, row, column);
      if (ID_KEYS.test(key) && value) {
        cellId ??= dcdId(value);
        break;
      }
      if (VERSION_KEYS.test(key) && value && /^v?\d+(\.\d+){0,2}$/i.test(value)) {
        cellVersion ??= semver(value);
        break;
      }
      title ??= text;
      break;
    }
  }
  const file = parseSpecFileName(fileName);
  const sheetPart = grid.name
    .trim()
    .replace(/^(fields|flds|field list)\s*[-_ ]\s*/i, "")
    .trim();
  const dcdName = severalSheets ? sheetPart : (file?.name ?? sheetPart);
  const identity: QermidDcdIdentity = cellId
    ? { id: cellId, idFrom: "cell" }
    : file
      ? { id: dcdId(`${file.abbreviation}_${dcdName}`), idFrom: "file name" }
      : { id: dcdId(sheetPart) || "QERMID_DCD", idFrom: "sheet name" };
  const version = cellVersion ?? file?.version;
  if (version) identity.version = version;
  if (cellVersion && file && file.version !== cellVersion) {
    identity.conflictingFileVersion = file.version;
  }
  if (title) identity.title = title;
  if (file) identity.project = file.project;
  return identity;
}

function nextText(grid: SheetGrid, row: number, column: number): string | undefined {
  const width = grid.rows[row - 1]?.length ?? 0;
  for (let c = column + 1; c <= width; c++) {
    const text = gridCell(grid, row, c);
    if (text !== "") return text;
  }
  return undefined;
}
