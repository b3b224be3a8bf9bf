import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { encodeHd4dpCsv } from "../../shared-schema/src/csv/encode-hd4dp-csv.ts";
import { SPIN_SURG } from "../../shared-schema/src/spin-surg.ts";
import { VALID_RECORD } from "../shared-schema/fixtures/valid-record.ts";
import { runSpineReg } from "../support/run-spine-reg.ts";

// The CLI as an admin runs it: a separate process, its exit code and its output.

let dir: string;
const file = async (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "spine-reg-cli-"));
});

describe("spine-reg validate", () => {
  it("exits 0 and prints Success for every valid row", async () => {
    const path = await file("ok.csv", encodeHd4dpCsv(SPIN_SURG, [VALID_RECORD, VALID_RECORD]));
    const { code, stdout } = await runSpineReg("validate", path);
    expect(code).toBe(0);
    expect(stdout).toContain("Row 1: Success\nRow 2: Success\n");
  });

  it("exits 1 and reports the row, field and message in the requested language (--json)", async () => {
    const bad = { ...VALID_RECORD, D_ADM: "2026-03-09", CD_URGENCY: undefined };
    const path = await file("bad.csv", encodeHd4dpCsv(SPIN_SURG, [VALID_RECORD, bad]));
    const { code, stdout } = await runSpineReg("validate", path, "--json", "--locale", "nl");
    expect(code).toBe(1);
    const rows = JSON.parse(stdout);
    expect(rows[0]).toEqual({ row: 1, status: "Success", issues: [] });
    expect(rows[1]).toMatchObject({ row: 2, status: "Error" });
    expect(rows[1].issues).toContainEqual({
      field: "CD_URGENCY",
      code: "required",
      severity: "error",
      message: "Urgentie is verplicht: vul het in.",
    });
    expect(rows[1].issues.map((i: { field: string }) => i.field)).toContain("D_ADM");
  });

  it("validates a STATUS=draft row as a draft", async () => {
    const draft = encodeHd4dpCsv(SPIN_SURG, [{ STATUS: "draft", D_SURG: "2026-03-02" }]);
    const { code, stdout } = await runSpineReg("validate", await file("draft.csv", draft));
    expect(code).toBe(0);
    expect(stdout).toContain("Row 1: Success");
  });

  it.each([
    [
      "not UTF-8",
      "latin1.csv",
      Uint8Array.from([0x44, 0x5f, 0x53, 0x55, 0x52, 0x47, 0x0a, 0xe9, 0x0a]),
      /UTF-8/,
    ],
    ["a comma separator", "comma.csv", "CD_HPIN,D_SURG\n12345625580,02/03/2026\n", /separator/],
    [
      "an unknown column",
      "unknown.csv",
      "CD_HPIN;D_SURGERY\n12345625580;02/03/2026\n",
      /D_SURGERY/,
    ],
  ])("exits 2 with one clear message for a file with %s", async (_, name, content, message) => {
    const { code, stdout, stderr } = await runSpineReg("validate", await file(name, content));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
  });

  it("exits 2 for a missing file and for bad usage", async () => {
    expect(await runSpineReg("validate", join(dir, "nope.csv"))).toMatchObject({
      code: 2,
      stderr: /does not exist/,
    });
    expect(await runSpineReg("validate")).toMatchObject({
      code: 2,
      stderr: /exactly one CSV file/,
    });
    expect(await runSpineReg("validate", "x.csv", "--locale", "es")).toMatchObject({
      code: 2,
      stderr: /fr, nl, de or en/,
    });
  });

  describe("a date not written dd/mm/yyyy, as HD4DP's CSV takes it", () => {
    // An ISO date would pass validation, and HD4DP would refuse the file.
    const [header, row] = encodeHd4dpCsv(SPIN_SURG, [VALID_RECORD]).split("\r\n");
    const dob = String(VALID_RECORD.D_PAT_DOB);
    const [y, m, d] = dob.split("-");
    const csv = `${header}\r\n${row?.replace(`${d}/${m}/${y}`, dob)}\r\n`;

    it.each([
      ["en", "the date is not written as in an HD4DP CSV: write dd/mm/yyyy, e.g. 14/03/2026."],
      [
        "fr",
        "la date n'est pas écrite comme dans un CSV HD4DP : écrivez jj/mm/aaaa, p. ex. 14/03/2026.",
      ],
      [
        "nl",
        "de datum is niet geschreven zoals in een HD4DP-CSV: schrijf dd/mm/jjjj, bv. 14/03/2026.",
      ],
      [
        "de",
        "das Datum ist nicht wie in einer HD4DP-CSV geschrieben: schreiben Sie TT/MM/JJJJ, z. B. 14/03/2026.",
      ],
    ])("is an Error with the fix, in %s, never the value", async (locale, fix) => {
      expect(csv).toContain(dob);
      const path = await file(`iso-date-${locale}.csv`, csv);
      const { code, stdout } = await runSpineReg("validate", path, "--json", "--locale", locale);
      expect(code).toBe(1);
      const [result] = JSON.parse(stdout);
      expect(result.status).toBe("Error");
      expect(result.issues).toEqual([
        {
          field: "D_PAT_DOB",
          code: "csv_date_format",
          severity: "error",
          message: `D_PAT_DOB${locale === "fr" ? " :" : ":"} ${fix}`,
        },
      ]);
      expect(stdout).not.toContain(dob);
    });
  });

  describe("cells a spreadsheet would run as a formula", () => {
    // As a person may write the file by hand: the encoder itself would put a quote before
    // these. The synthetic values start with '=', '-' and a tab; "'=" is already safe.
    const [header, row] = encodeHd4dpCsv(SPIN_SURG, [VALID_RECORD]).split("\r\n");
    const csv =
      `${header};TX_IDC_PAT_INT;TX_AUTHOR_GR;TX_PATHOLOGY_OTHER\r\n` +
      `${row?.replace("REF-001", "=REF-001")};-00042;"\tortho";'=safe\r\n`;

    it("warns with row and column, never the value, and exits 0 for an otherwise valid file", async () => {
      const { code, stdout } = await runSpineReg("validate", await file("formula.csv", csv));
      expect(code).toBe(0);
      expect(stdout).toContain("Row 1: Success\n");
      expect(stdout).toContain(
        "  Warning TX_IMPL_REF_1: TX_IMPL_REF_1: the value starts with '=': a spreadsheet may " +
          "run it as a formula; it will be written as '… (prefixed with a quote).\n",
      );
      expect(stdout).toContain("Warning TX_IDC_PAT_INT: TX_IDC_PAT_INT: the value starts with '-'");
      expect(stdout).toContain("Warning TX_AUTHOR_GR: TX_AUTHOR_GR: the value starts with a tab");
      expect(stdout).not.toContain("TX_PATHOLOGY_OTHER");
      for (const value of ["REF-001", "00042", "ortho", "safe"]) {
        expect(stdout).not.toContain(value);
      }
      expect(stdout).toContain("1 rows: 1 Success, 0 Error\n");
    });

    it("words the warning in the requested language (--json)", async () => {
      const path = await file("formula-fr.csv", csv);
      const { code, stdout } = await runSpineReg("validate", path, "--json", "--locale", "fr");
      expect(code).toBe(0);
      const [result] = JSON.parse(stdout);
      expect(result.status).toBe("Success");
      expect(result.issues).toContainEqual({
        field: "TX_AUTHOR_GR",
        code: "formula_cell",
        severity: "warning",
        message:
          "TX_AUTHOR_GR : la valeur commence par une tabulation : un tableur pourrait " +
          "l'exécuter comme une formule ; elle sera écrite '… (précédée d'une apostrophe).",
      });
    });
  });
});

describe("spine-reg arguments", () => {
  it.each([
    ["validate", "spine-reg validate <file.csv>"],
    ["eligibility", "spine-reg eligibility <code>..."],
    ["reconcile", "spine-reg reconcile <billing.csv>"],
    ["dcd import", "spine-reg dcd import <workbook.xlsx>"],
    ["dcd pull", "spine-reg dcd pull --hd4dp <base-url>"],
  ])("%s --help prints its own usage and exits 0", async (command, usage) => {
    const { code, stdout, stderr } = await runSpineReg(...command.split(" "), "--help");
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toContain(usage);
    expect(stdout).toMatch(/Exit 0/);
  });

  it("names an unknown option or a missing value, with the command's usage, and exits 2", async () => {
    const unknown = await runSpineReg("validate", "x.csv", "--locales", "fr");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^spine-reg validate: Unknown option '--locales'\./);
    expect(unknown.stderr).toContain("spine-reg validate <file.csv>");
    const missing = await runSpineReg("eligibility", "281116", "--date");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /^spine-reg eligibility: Option '--date <value>' argument missing/,
    );
  });

  it("lists the commands for no command, an unknown one, or dcd without a subcommand", async () => {
    for (const argv of [[], ["frobnicate"], ["dcd"]]) {
      const { code, stderr } = await runSpineReg(...argv);
      expect(code).toBe(2);
      expect(stderr).toContain("dcd import <workbook.xlsx>");
    }
    const help = await runSpineReg("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("spine-reg <command> --help");
  });
});

describe("spine-reg eligibility", () => {
  it("prints the decision per code as JSON", async () => {
    const { code, stdout } = await runSpineReg(
      "eligibility",
      "224674",
      "281116",
      "999999",
      "--json",
      "--locale",
      "fr",
    );
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as { code: string; decision: string; reason: string }[];
    expect(rows.map((r) => [r.code, r.decision])).toEqual([
      ["224674", "exempt"],
      ["281116", "required"],
      ["999999", "unknown"],
    ]);
    expect(rows.every((r) => r.reason.length > 20)).toBe(true);
  });

  it("refuses a --date that is not YYYY-MM-DD instead of answering unknown", async () => {
    expect(await runSpineReg("eligibility", "281116", "--date", "1/1/2024")).toMatchObject({
      code: 2,
      stderr: /YYYY-MM-DD/,
    });
    const { stdout } = await runSpineReg("eligibility", "281116", "--date", "2024-01-01", "--json");
    expect(JSON.parse(stdout)[0].decision).toBe("required");
  });

  it("uses the article stated by the caller for a code not in the table", async () => {
    const { stdout } = await runSpineReg("eligibility", "100004", "--article", "14n", "--json");
    expect(JSON.parse(stdout)[0].decision).toBe("required");
  });
});
