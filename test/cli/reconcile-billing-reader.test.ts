// The billing-export reader of `spine-reg reconcile` (and of POST /v1/reconciliation as
// text/csv), by properties: whatever the separator, the encoding, the quoting, the header
// names and the column order, every act comes back as written, with its row and line; a
// row with more values than the header is reported with its line, the others still read.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBillingBytes } from "../../cli/reconcile/decode-billing-bytes.ts";
import { type ActRole, billedActFieldsOf } from "../../shared-schema/src/billed-act-fields.ts";
import { SPIN_SURG } from "../../shared-schema/src/spin-surg.ts";
import { BILLING_HEADER_NAMES } from "../../worker/src/reconciliation/billing-header-names.ts";
import { readBillingCsv } from "../../worker/src/reconciliation/read-billing-csv.ts";
import { birthDateArbitrary, nissArbitrary } from "../support/synthetic-niss.ts";

const fields = billedActFieldsOf(SPIN_SURG);
if (!fields.ok) throw new Error("SPIN_SURG must be reconcilable");
const FIELDS = fields.value;

const ROLES: ActRole[] = ["niss", "date", "code", "nihii", "lastName", "firstName", "birthDate"];

/** Values a billing export holds; names with the accents Windows-1252 can write. */
const BILLED_VALUES: Record<ActRole, fc.Arbitrary<string>> = {
  niss: nissArbitrary,
  date: birthDateArbitrary.map((iso) => iso.split("-").reverse().join("/")),
  code: fc.constantFrom("281116", "281120", "224674", "105092"),
  nihii: fc.constantFrom("12345625580", "13456789480"),
  lastName: fc.constantFrom("Dubois", "Müller", "Van den Broeck", "Lefèvre; Noël", 'De "Smet"'),
  firstName: fc.constantFrom("Anaïs", "Jan", "Françoise", "Zoë"),
  birthDate: birthDateArbitrary,
};

const actArbitrary = fc.record(BILLED_VALUES);
/** A header name for a role: any listed name, or the DCD's technical one, in any case. */
const headerOf = (role: ActRole) =>
  fc
    .tuple(
      fc.constantFrom(...BILLING_HEADER_NAMES[role], FIELDS.fields[role] as string),
      fc.boolean(),
    )
    .map(([name, upper]) => (upper ? name.toUpperCase() : name));

const fileArbitrary = fc.record({
  acts: fc.array(actArbitrary, { minLength: 1, maxLength: 12 }),
  order: fc.shuffledSubarray([...ROLES, "amount", "ward"], { minLength: ROLES.length + 2 }),
  headers: fc.tuple(...ROLES.map(headerOf)),
  separator: fc.constantFrom(";", ","),
  quoteAll: fc.boolean(),
  crlf: fc.boolean(),
  encoding: fc.constantFrom("utf-8", "utf-8-bom", "windows-1252"),
  /** Rows (0-based) given one value too many. */
  bad: fc.uniqueArray(fc.nat(11), { maxLength: 3 }),
});

type File = typeof fileArbitrary extends fc.Arbitrary<infer T> ? T : never;

function cell(text: string, file: File): string {
  const needs = text.includes(file.separator) || text.includes('"') || text.includes("\n");
  return file.quoteAll || needs ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The file's bytes, and the physical line each data row starts on. */
function write(file: File): { bytes: Uint8Array; lines: number[] } {
  const newline = file.crlf ? "\r\n" : "\n";
  const header = file.order.map((column) => {
    const role = ROLES.indexOf(column as ActRole);
    return role >= 0 ? (file.headers[role] as string) : column;
  });
  const rows = file.acts.map((act, i) => {
    const cells = file.order.map((column) =>
      column === "amount" ? "12,50" : column === "ward" ? "Ortho\nB2" : act[column as ActRole],
    );
    if (file.bad.includes(i)) cells.push("overflow");
    return cells.map((text) => cell(text, file)).join(file.separator);
  });
  const text = [header.map((h) => cell(h, file)).join(file.separator), ...rows].join(newline);
  // The ward cell spans two lines: each row takes two physical lines.
  const lines = file.acts.map((_, i) => 2 + i * 2);
  if (file.encoding === "windows-1252") return { bytes: Buffer.from(text, "latin1"), lines };
  const bom = file.encoding === "utf-8-bom" ? "\uFEFF" : "";
  return { bytes: new TextEncoder().encode(`${bom}${text}`), lines };
}

describe("the billing reader", () => {
  it("gives back every act, in any column order, separator, encoding and quoting", () => {
    fc.assert(
      fc.property(fileArbitrary, (file) => {
        const { bytes, lines } = write(file);
        const read = readBillingCsv(decodeBillingBytes(bytes).text, FIELDS);
        if (!read.ok) throw new Error(JSON.stringify(read.error));
        const good = file.acts.flatMap((act, i) =>
          file.bad.includes(i) ? [] : [{ row: i + 1, line: lines[i], act: { ...act } }],
        );
        expect(read.value.rows).toEqual(good);
        expect(read.value.badRows).toEqual(
          file.acts.flatMap((_, i) =>
            file.bad.includes(i)
              ? [{ row: i + 1, line: lines[i], cells: file.order.length + 1 }]
              : [],
          ),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("--columns names columns whatever the header says, and takes them first", () => {
    const text = "Patient;Jour;Acte;Docteur\n93051822361;02/03/2026;281116;12345625580\n";
    const read = readBillingCsv(text, FIELDS, {
      niss: "Patient",
      date: "Jour",
      code: "acte",
      nihii: "DOCTEUR",
    });
    expect(read.ok && read.value.rows[0]?.act).toEqual({
      niss: "93051822361",
      date: "02/03/2026",
      code: "281116",
      nihii: "12345625580",
    });
    expect(readBillingCsv(text, FIELDS, { code: "Prestation" })).toEqual({
      ok: false,
      error: { code: "billing_column_unknown", params: { column: "Prestation" } },
    });
  });

  it("says which columns are missing, which are there twice, and where a quote is open", () => {
    expect(readBillingCsv("Date;Code\n02/03/2026;281116\n", FIELDS)).toEqual({
      ok: false,
      error: { code: "billing_columns_missing", params: { missing: "niss, nihii" } },
    });
    // Without a NISS column, names and birth date identify the patient.
    expect(readBillingCsv("Date;Code;INAMI;Nom;Prénom;Date de naissance\n", FIELDS).ok).toBe(true);
    expect(readBillingCsv("INSZ;NISS;Date;Code;RIZIV\n", FIELDS)).toEqual({
      ok: false,
      error: {
        code: "billing_column_twice",
        params: { first: "INSZ", second: "NISS", role: "niss" },
      },
    });
    expect(readBillingCsv('NISS;Date;Code;RIZIV\n1;2;"3;4\n5;6;7;8\n', FIELDS)).toEqual({
      ok: false,
      error: { code: "billing_unterminated_quote", params: { line: 2 } },
    });
    expect(readBillingCsv("\n\n", FIELDS)).toEqual({
      ok: false,
      error: { code: "billing_empty", params: {} },
    });
  });

  it("skips blank rows and trailing separators", () => {
    const text = "NISS;Date;Code;RIZIV;\n\n93051822361;02/03/2026;281116;12345625580;\n;;;;\n";
    const read = readBillingCsv(text, FIELDS);
    expect(read.ok && read.value.rows.map((r) => [r.row, r.line])).toEqual([[1, 3]]);
    expect(read.ok && read.value.badRows).toEqual([]);
  });
});
