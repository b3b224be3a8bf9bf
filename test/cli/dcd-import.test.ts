import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { encodeHd4dpCsv } from "../../shared-schema/src/csv/encode-hd4dp-csv.ts";
import type { Dcd } from "../../shared-schema/src/dcd.ts";
import { parseDcd } from "../../shared-schema/src/parse-dcd.ts";
import { SPIN_SURG } from "../../shared-schema/src/spin-surg.ts";
import { columnLetter } from "../../shared-schema/src/workbook/import-report.ts";
import { writeXlsformWorkbook } from "../../shared-schema/src/workbook/write-xlsform-workbook.ts";
import { orthoprideHipSheets } from "../shared-schema/fixtures/orthopride-hip-workbook.ts";
import { VALID_RECORD } from "../shared-schema/fixtures/valid-record.ts";
import { buildWorkbook } from "../shared-schema/workbook/build-workbook.ts";
import { runSpineReg } from "../support/run-spine-reg.ts";

// `spine-reg dcd import` and `validate --dcd` as an admin runs them: a separate process,
// its exit code and its output.

let dir: string;
const file = async (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
};
const withoutSource = ({ source: _, ...dcd }: Dcd) => dcd;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "spine-reg-dcd-"));
});

const SURVEY_HEADERS = ["type", "name", "label::English", "required", "constraint"];

describe("spine-reg dcd import", () => {
  it("reads the DCD sheet --sheet names in a Qermid workbook that holds several", async () => {
    const revision = [
      ["DCD", "ORTHOPRIDE_HIP_REVISION"],
      [],
      [],
      [],
      ["Technical name", "Type", "Required", "Label_FR", "Labels NL"],
      ["D_REV", "date", "Y", "Date de révision", "Revisiedatum"],
    ];
    const workbook = await file(
      "HD_DCD_SPEC_HDBP0386_ORTHOPRIDE_HIP_v1.2.0.xlsx",
      await buildWorkbook({ ...orthoprideHipSheets(), Fields_Revisie: revision }),
    );
    const first = await runSpineReg("dcd", "import", workbook, "--json");
    expect(JSON.parse(first.stdout).dcd.id).toBe("ORTHOPRIDE_HIP_PRIMO");
    const chosen = await runSpineReg(
      "dcd",
      "import",
      workbook,
      "--sheet",
      "Fields_Revisie",
      "--json",
    );
    const { dcd } = JSON.parse(chosen.stdout);
    expect(dcd.id).toBe("ORTHOPRIDE_HIP_REVISION");
    expect(dcd.fields.map((f: { name: string }) => f.name)).toEqual(["D_REV"]);
  });

  it("imports our own workbook, writes the DCD with --out and exits 0", async () => {
    const workbook = await file(
      "HD_DCD_SPEC_SPIN_SURG_v0.1.0.xlsx",
      await writeXlsformWorkbook(SPIN_SURG),
    );
    const out = join(dir, "spin.json");
    const { code, stdout } = await runSpineReg("dcd", "import", workbook, "--out", out);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "HD_DCD_SPEC_SPIN_SURG_v0.1.0.xlsx (XLSForm workbook) -> SPIN_SURG 0.1.0",
    );
    expect(stdout).toContain("Result: every construct that changes validation was mapped.");
    expect(stdout).toContain(`Wrote ${out}.`);
    const written = parseDcd(JSON.parse(await readFile(out, "utf8")), out);
    expect(written.fields).toEqual(SPIN_SURG.fields);
    expect(written.source).toContain("HD_DCD_SPEC_SPIN_SURG_v0.1.0.xlsx");
  });

  it("exits 1 and names the sheet, row and column of an untranslatable expression", async () => {
    const workbook = await file(
      "lookup.xlsx",
      await buildWorkbook({
        settings: [
          ["form_id", "version"],
          ["LOOKUP", "1.0.0"],
        ],
        survey: [
          SURVEY_HEADERS,
          ["integer", "MS_AGE", "Age", "yes", ". >= 0"],
          ["text", "TX_CODE", "Code", "no", "pulldata('x','y')"],
        ],
        choices: [["list_name", "name", "label::English"]],
      }),
    );
    const out = join(dir, "lookup.json");
    const { code, stdout } = await runSpineReg("dcd", "import", workbook, "--out", out);
    expect(code).toBe(1);
    const constraint = columnLetter(SURVEY_HEADERS.indexOf("constraint") + 1);
    expect(stdout).toContain("Not mapped, changes what validation accepts (1):");
    expect(stdout).toMatch(
      new RegExp(
        `sheet survey, row 3, column ${constraint} \\[TX_CODE\\]: constraint "pulldata\\('x','y'\\)" cannot be translated`,
      ),
    );
    expect(stdout).toMatch(/^Result: 1 construct\(s\) that change validation could not be mapped/m);
    // The DCD passes its checks: it is written, weaker, for whoever fixes the gap.
    expect(parseDcd(JSON.parse(await readFile(out, "utf8"))).rules).toHaveLength(1);

    const json = await runSpineReg("dcd", "import", workbook, "--json");
    expect(json.code).toBe(1);
    const { dcd, report } = JSON.parse(json.stdout);
    expect(dcd.id).toBe("LOOKUP");
    expect(report.entries).toContainEqual(
      expect.objectContaining({
        level: "unmapped",
        sheet: "survey",
        row: 3,
        column: constraint,
        subject: "TX_CODE",
        affectsValidation: true,
      }),
    );
    expect(json.stderr).toContain("Nothing written");
  });

  it("exits 2 with one line for a file that is missing, not a workbook, or of neither layout", async () => {
    const other = await buildWorkbook({ Patients: [["Name", "Birth"]] });
    const [missing, csv, neither] = await Promise.all([
      runSpineReg("dcd", "import", join(dir, "nope.xlsx")),
      runSpineReg("dcd", "import", await file("data.xlsx", "CD_HPIN;D_SURG\n")),
      runSpineReg("dcd", "import", await file("patients.xlsx", other)),
    ]);
    expect(missing).toMatchObject({ code: 2, stdout: "", stderr: /does not exist/ });
    expect(csv).toMatchObject({ code: 2, stdout: "" });
    expect(csv.stderr).toMatch(
      /^spine-reg: data\.xlsx is not an Excel workbook \(\.xlsx\)[^\n]*\n$/,
    );
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(
      /^spine-reg: patients\.xlsx is neither [^\n]*"survey" sheet[^\n]*\n$/,
    );
  });

  it("refuses bad usage with exit 2", async () => {
    const [none, unknown, noFile, help] = await Promise.all([
      runSpineReg("dcd"),
      runSpineReg("dcd", "export", "x"),
      runSpineReg("dcd", "import"),
      runSpineReg("dcd", "import", "--help"),
    ]);
    expect(none).toMatchObject({ code: 2, stderr: /dcd needs a subcommand/ });
    expect(unknown).toMatchObject({ code: 2, stderr: /unknown command dcd export/ });
    expect(noFile).toMatchObject({ code: 2, stderr: /exactly one workbook/ });
    expect(help).toMatchObject({ code: 0, stdout: /spine-reg dcd import <workbook.xlsx>/ });
  });
});

describe("spine-reg validate --dcd", () => {
  it("validates against the DCD file given, and by default against SPIN_SURG", async () => {
    const csv = await file("ok.csv", encodeHd4dpCsv(SPIN_SURG, [VALID_RECORD]));
    expect(await runSpineReg("validate", csv)).toMatchObject({ code: 0, stdout: /Row 1: Success/ });

    // The same DCD through the workbook road validates the same way.
    const workbook = await file("spin.xlsx", await writeXlsformWorkbook(SPIN_SURG));
    const imported = join(dir, "imported.json");
    expect((await runSpineReg("dcd", "import", workbook, "--out", imported)).code).toBe(0);
    expect(await runSpineReg("validate", csv, "--dcd", imported)).toMatchObject({
      code: 0,
      stdout: /Row 1: Success/,
    });

    // A stricter DCD: the hospital patient number becomes required.
    const stricter = withoutSource(SPIN_SURG) as Dcd;
    const strict: Dcd = {
      ...stricter,
      source: "test",
      fields: SPIN_SURG.fields.map((f) =>
        f.name === "TX_IDC_PAT_INT" ? { ...f, required: true } : f,
      ),
    };
    const strictPath = await file("strict.json", JSON.stringify(strict));
    const { code, stdout } = await runSpineReg("validate", csv, "--dcd", strictPath, "--json");
    expect(code).toBe(1);
    expect(JSON.parse(stdout)[0].issues).toContainEqual(
      expect.objectContaining({ field: "TX_IDC_PAT_INT", code: "required" }),
    );
  });

  it("exits 2 when the DCD file is missing, not JSON, or not a usable DCD", async () => {
    const csv = await file("one.csv", encodeHd4dpCsv(SPIN_SURG, [VALID_RECORD]));
    const broken = await file("broken.json", JSON.stringify({ ...SPIN_SURG, version: "one" }));
    const [missing, notJson, unusable, noValue] = await Promise.all([
      runSpineReg("validate", csv, "--dcd", join(dir, "none.json")),
      runSpineReg("validate", csv, "--dcd", await file("bad.json", "{")),
      runSpineReg("validate", csv, "--dcd", broken),
      runSpineReg("validate", csv, "--dcd"),
    ]);
    expect(missing).toMatchObject({ code: 2, stderr: /none\.json: it does not exist/ });
    expect(notJson).toMatchObject({ code: 2, stderr: /bad\.json is not JSON/ });
    expect(unusable).toMatchObject({ code: 2, stderr: /broken\.json is not a usable DCD/ });
    expect(unusable.stderr).toContain("version");
    expect(noValue).toMatchObject({ code: 2, stderr: /--dcd needs a value/ });
  });
});
