import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_PROFILES } from "../../../extension/src/adapters/builtin-profiles.ts";
import { scanPage } from "../../../extension/src/adapters/scan-page.ts";
import { syntheticNihii } from "../../../scripts/demo-ehr/synthetic-niss.ts";
import { makeNiss } from "../../support/synthetic-niss.ts";
import { parsePage } from "../parse-page.ts";

// Synthetic charts whose labels are worded unlike the DCD's, one per language and one per
// layout the generic reader knows (test/extension/fixtures/pages), read as the content
// script reads them: every value in the registry's format.
const page = (name: string) =>
  parsePage(readFileSync(resolve(import.meta.dirname, "../fixtures/pages", name), "utf8"));
const valuesOf = (doc: Document) =>
  Object.fromEntries(
    Object.entries(scanPage(doc, "https://ehr.example/chart", BUILTIN_PROFILES).values).map(
      ([field, found]) => [field, found.value],
    ),
  );
const SURGEON = syntheticNihii(23456, "780");
const FEMALE = "248152002";
const MALE = "248153007";

describe("charts worded unlike the DCD", () => {
  it("reads the French chart, and not the surgeon's name as the patient's", () => {
    expect(valuesOf(page("fr-chart.html"))).toEqual({
      IDC_PAT: makeNiss("1971-02-28", 318),
      TX_PAT_LAST_NAM: "LEFÈVRE",
      TX_PAT_FIRST_NAM: "Camille",
      D_PAT_DOB: "1971-02-28",
      CD_PAT_SEX: FEMALE,
      CD_PAT_PLC_RESDC: "5000",
      TX_IDC_PAT_INT: "NA-2026-0042",
      D_ADM: "2026-03-02",
      D_SURG: "2026-03-03",
      D_DISCH: "2026-03-06",
      CD_URGENCY: "1",
      CD_HPIN: SURGEON,
      CD_NOMEN: ["281120"],
    });
  });

  it("reads the Dutch chart, and not the doctor's name as the patient's", () => {
    expect(valuesOf(page("nl-chart.html"))).toEqual({
      IDC_PAT: makeNiss("1993-05-18", 223),
      TX_IDC_PAT_INT: "H0093518",
      TX_PAT_LAST_NAM: "VERMEULEN",
      TX_PAT_FIRST_NAM: "Bram",
      D_PAT_DOB: "1993-05-18",
      CD_PAT_SEX: MALE,
      CD_PAT_PLC_RESDC: "9000",
      D_ADM: "2026-03-02",
      D_SURG: "2026-03-03",
      D_DISCH: "2026-03-06",
      CD_URGENCY: "1",
      CD_HPIN: SURGEON,
      CD_NOMEN: ["281120"],
    });
  });

  it("reads the German chart: abbreviations, compounds, another word order", () => {
    expect(valuesOf(page("de-chart.html"))).toEqual({
      TX_PAT_LAST_NAM: "KRAUSE",
      TX_PAT_FIRST_NAM: "Lena",
      D_PAT_DOB: "1979-08-21",
      CD_PAT_SEX: FEMALE,
      CD_PAT_PLC_RESDC: "4700",
      IDC_PAT: makeNiss("1979-08-21", 260),
      TX_IDC_PAT_INT: "E-0815",
      D_ADM: "2026-03-02",
      D_SURG: "2026-03-03",
      D_DISCH: "2026-03-06",
      CD_URGENCY: "2",
      CD_HPIN: SURGEON,
      CD_NOMEN: ["281116", "281120"],
    });
  });

  it("reads the English chart: controls, a checked radio button, a text area", () => {
    expect(valuesOf(page("en-chart.html"))).toEqual({
      IDC_PAT: makeNiss("1964-12-03", 152),
      TX_PAT_LAST_NAM: "O'NEILL",
      TX_PAT_FIRST_NAM: "Sarah",
      D_PAT_DOB: "1964-12-03",
      CD_PAT_SEX: FEMALE,
      CD_PAT_PLC_RESDC: "1180",
      TX_IDC_PAT_INT: "EX-77120",
      D_ADM: "2026-03-02",
      D_SURG: "2026-03-03",
      D_DISCH: "2026-03-06",
      CD_URGENCY: "1",
      CD_HPIN: SURGEON,
      CD_NOMEN: ["281120"],
    });
  });
});

describe("charts in each layout", () => {
  it("reads a chart inside a same-origin frame, and skips a cross-origin one silently", () => {
    const shell = page("iframe-outer.html");
    const chart = page("iframe-chart.html");
    // linkedom loads no frames: give them what a browser gives a content script.
    Object.defineProperty(shell.getElementById("chart"), "contentDocument", { value: chart });
    Object.defineProperty(shell.getElementById("ads"), "contentDocument", {
      get() {
        throw new Error("SecurityError: Blocked a frame from accessing a cross-origin frame.");
      },
    });
    expect(valuesOf(shell)).toEqual({
      IDC_PAT: makeNiss("1990-03-09", 88),
      TX_PAT_LAST_NAM: "GOOSSENS",
      TX_PAT_FIRST_NAM: "Marie",
      D_PAT_DOB: "1990-03-09",
      D_SURG: "2026-03-03",
    });
  });

  it("reads ARIA grids: row headers, and column headers by their column index", () => {
    expect(valuesOf(page("aria-grid.html"))).toEqual({
      IDC_PAT: makeNiss("2001-06-30", 402),
      TX_PAT_LAST_NAM: "JACOBS",
      TX_PAT_FIRST_NAM: "Emma",
      D_PAT_DOB: "2001-06-30",
      D_ADM: "2026-03-02",
      D_SURG: "2026-03-03",
      D_DISCH: "2026-03-06",
      CD_NOMEN: ["281120", "281116"],
    });
  });

  it("reads a description list: grouped items, a label in parts, several <dd>", () => {
    expect(valuesOf(page("definition-list.html"))).toEqual({
      IDC_PAT: makeNiss("1955-01-25", 17),
      TX_PAT_LAST_NAM: "PEETERS",
      D_PAT_DOB: "1955-01-25",
      CD_PAT_SEX: MALE,
      D_SURG: "2026-03-03",
      CD_NOMEN: ["281116", "281120"],
    });
  });

  it("reads a table whose first column holds the labels", () => {
    expect(valuesOf(page("table-header-column.html"))).toEqual({
      IDC_PAT: makeNiss("1993-05-18", 223),
      TX_PAT_LAST_NAM: "WILLIAMS",
      TX_PAT_FIRST_NAM: "Tom",
      D_PAT_DOB: "1993-05-18",
      D_SURG: "2026-03-03",
      CD_NOMEN: ["281120", "281116"],
    });
  });
});
