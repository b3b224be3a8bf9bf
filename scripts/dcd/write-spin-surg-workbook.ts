// Writes SPIN_SURG as a workbook in Healthdata's XLSForm layout, for people who want to read
// our DCD in Excel or compare it with an official one. The file is generated, not committed:
// the JSON in shared-schema/dcds/ stays the source.
//
// Usage: npm run dcd:workbook [-- <out.xlsx>]

import { writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { SPIN_SURG } from "../../shared-schema/src/spin-surg.ts";
import { writeXlsformWorkbook } from "../../shared-schema/src/workbook/write-xlsform-workbook.ts";

const REPO_ROOT = join(import.meta.dirname, "../..");
const out =
  process.argv[2] ??
  join(REPO_ROOT, `shared-schema/dcds/HD_DCD_SPEC_${SPIN_SURG.id}_v${SPIN_SURG.version}.xlsx`);

await writeFile(out, await writeXlsformWorkbook(SPIN_SURG));
console.log(`Wrote ${relative(process.cwd(), out) || out}`);
