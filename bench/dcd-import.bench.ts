// How long `spine-reg dcd import` takes on a workbook the size of a large Healthdata DCD
// (400 survey rows with conditions and constraints, 40 lists), as the hospital's IT runs it:
// a whole process, cold, from the command line; and the import alone, in process.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importWorkbook } from "../shared-schema/src/workbook/import-workbook.ts";
import { buildWorkbook, type TestCell } from "../test/shared-schema/workbook/build-workbook.ts";

const ROWS = 400;
const LISTS = 40;
const CLI_RUNS = 7;
const IN_PROCESS_RUNS = 11;

function surveyRows(): TestCell[][] {
  const header = [
    "type",
    "name",
    "label::French",
    "label::Dutch",
    "label::English",
    "required",
    "relevant",
    "constraint",
    "constraint_message::English",
  ];
  const rows: TestCell[][] = [header, ["begin group", "GRP_MAIN", "Principal", "Hoofd", "Main"]];
  for (let i = 0; rows.length < ROWS - 1; i++) {
    const name = (prefix: string) => `${prefix}_${String(i).padStart(3, "0")}`;
    const kind = i % 4;
    if (kind === 0) {
      rows.push([`select_one LIST_${i % LISTS}`, name("CD"), "Choix", "Keuze", "Choice", "yes"]);
    } else if (kind === 1) {
      const code = `CD_${String(i - 1).padStart(3, "0")}`;
      rows.push([
        "date",
        name("D"),
        "Date",
        "Datum",
        "Date",
        `\${${code}} = '1'`,
        `\${${code}} != ''`,
        ". <= today()",
        "Not in the future",
      ]);
    } else if (kind === 2) {
      rows.push([
        "integer",
        name("MS"),
        "Nombre",
        "Aantal",
        "Count",
        "no",
        null,
        ". >= 0 and . <= 1000",
        "0 to 1000",
      ]);
    } else {
      rows.push([
        "text",
        name("TX"),
        "Texte",
        "Tekst",
        "Text",
        "no",
        null,
        "string-length(.) <= 200",
      ]);
    }
  }
  rows.push(["end group"]);
  return rows;
}

function choiceRows(): TestCell[][] {
  const rows: TestCell[][] = [
    ["list_name", "name", "label::French", "label::Dutch", "label::English"],
  ];
  for (let list = 0; list < LISTS; list++) {
    for (let item = 1; item <= 8; item++) {
      rows.push([`LIST_${list}`, String(item), `choix ${item}`, `keuze ${item}`, `choice ${item}`]);
    }
  }
  return rows;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const bytes = await buildWorkbook({
  settings: [
    ["form_title", "form_id", "version", "default_language"],
    ["Bench DCD", "BENCH_DCD", "1.0.0", "English"],
  ],
  survey: surveyRows(),
  choices: choiceRows(),
});
const dir = mkdtempSync(join(tmpdir(), "dcd-import-bench-"));
const file = join(dir, "HD_DCD_SPEC_HDBP0000_BENCH_v1.0.0.xlsx");
writeFileSync(file, bytes);

try {
  const first = await importWorkbook(bytes, file);
  if (first.dcd.fields.length < ROWS - 10) throw new Error("the bench workbook did not import");

  const cli: number[] = [];
  for (let run = 0; run < CLI_RUNS; run++) {
    const start = performance.now();
    const result = spawnSync(
      process.execPath,
      ["bin/spine-reg.js", "dcd", "import", file, "--out", join(dir, "dcd.json")],
      { encoding: "utf8" },
    );
    cli.push(performance.now() - start);
    if (result.status !== 0)
      throw new Error(`dcd import exited ${result.status}: ${result.stdout}`);
  }
  const inProcess: number[] = [];
  for (let run = 0; run < IN_PROCESS_RUNS; run++) {
    const start = performance.now();
    await importWorkbook(bytes, file);
    inProcess.push(performance.now() - start);
  }
  const cliMs = median(cli);
  console.log(
    `${ROWS}-row survey, ${LISTS} lists, ${(bytes.length / 1024).toFixed(0)} KiB xlsx, ` +
      `${first.dcd.fields.length} fields, ${first.dcd.rules.length} rules`,
  );
  console.log("| measure | median ms | target |");
  console.log("|---|---:|---|");
  console.log(
    `| spine-reg dcd import, whole process (${CLI_RUNS} runs) | ${cliMs.toFixed(0)} | < 2000 ${cliMs < 2000 ? "met" : "MISSED"} |`,
  );
  console.log(
    `| importWorkbook in process, warm (${IN_PROCESS_RUNS} runs) | ${median(inProcess).toFixed(0)} | |`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
