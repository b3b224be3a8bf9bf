// Whether a directory (the worker's persisted state) holds any patient identifier of the
// given records in clear. Every file is read as raw bytes, SQLite's free pages, WAL and
// journal included, because a value deleted or rewritten by SQL may still lie there.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { DcdRecord } from "../../shared-schema/src/dcd.ts";

const PATIENT_FIELDS = [
  "IDC_PAT",
  "TX_PAT_LAST_NAM",
  "TX_PAT_FIRST_NAM",
  "D_PAT_DOB",
  "TX_IDC_PAT_INT",
] as const;

/** Where a value was found: never the value itself. */
export interface PatientDataHit {
  file: string;
  field: string;
  /** The index of a record holding the value (names are shared: one of them). */
  record: number;
}

export interface PatientDataScan {
  files: number;
  bytes: number;
  hits: PatientDataHit[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** JSON's ASCII-only spelling of a text ("M\u00fcller"), as some serializers write it. */
const jsonAscii = (text: string) =>
  text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/**
 * A short name occurs by chance in random bytes (3 given letters, in any case, about once
 * per 2 MB of ciphertext), but a leaked one sits in text: JSON, a log line, a key string.
 * So a text value counts where it is a whole word with printable characters around it.
 */
const CONTEXT = 4;
const printable = (text: string) => /^[\x20-\x7e\p{L}]*$/u.test(text);

export function findPatientData(directory: string, records: DcdRecord[]): PatientDataScan {
  const digits = new Map<string, Omit<PatientDataHit, "file">>();
  const dates = new Map<string, Omit<PatientDataHit, "file">>();
  const words = new Map<string, Omit<PatientDataHit, "file">>();
  for (const [record, values] of records.entries()) {
    for (const field of PATIENT_FIELDS) {
      const value = values[field];
      if (typeof value !== "string" || value === "") continue;
      const where = { field, record };
      if (/^\d+$/.test(value)) digits.set(value, where);
      else if (/^\d{4}-\d{2}-\d{2}$/.test(value)) dates.set(value, where);
      else
        for (const form of new Set([value, jsonAscii(value)])) words.set(form.toLowerCase(), where);
    }
  }
  const digitLengths = [...new Set([...digits.keys()].map((value) => value.length))];
  const wordPattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${[...words.keys()].map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`,
    "giu",
  );

  const scan: PatientDataScan = { files: 0, bytes: 0, hits: [] };
  const seen = new Set<string>();
  for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const file = relative(directory, path);
    const bytes = readFileSync(path);
    // Lenient UTF-8: text stays text, and bytes that are no UTF-8 become U+FFFD, not letters.
    const text = bytes.toString("utf8");
    scan.files++;
    scan.bytes += bytes.length;
    const hit = (where: Omit<PatientDataHit, "file"> | undefined) => {
      if (where === undefined) return;
      const key = `${file} ${where.field} ${where.record}`;
      if (seen.has(key)) return;
      seen.add(key);
      scan.hits.push({ file, ...where });
    };
    for (const [run] of text.matchAll(/\d+/g)) {
      for (const length of digitLengths) {
        for (let at = 0; at + length <= run.length; at++)
          hit(digits.get(run.slice(at, at + length)));
      }
    }
    for (const [date] of text.matchAll(/\d{4}-\d{2}-\d{2}/g)) hit(dates.get(date));
    if (words.size === 0) continue;
    for (const match of text.matchAll(wordPattern)) {
      const before = text.slice(Math.max(0, match.index - CONTEXT), match.index);
      const end = match.index + match[0].length;
      if (printable(before) && printable(text.slice(end, end + CONTEXT))) {
        hit(words.get(match[0].toLowerCase()));
      }
    }
  }
  return scan;
}
