import { describe, expect, it } from "vitest";
import { extractProposals } from "../../../extension/src/report/extract-proposals.ts";
import { findOperativeReport } from "../../../extension/src/report/find-operative-report.ts";
import { findDemoPatient } from "../../../scripts/demo-ehr/demo-patients.ts";
import { renderDeChart } from "../../../scripts/demo-ehr/render-de-chart.ts";
import { renderEnChart } from "../../../scripts/demo-ehr/render-en-chart.ts";
import { renderFrChart } from "../../../scripts/demo-ehr/render-fr-chart.ts";
import { spinSurg } from "../../../shared-schema/src/spin-surg-schema.ts";
import { parsePage } from "../parse-page.ts";

const page = (body: string) => parsePage(`<html><body>${body}</body></html>`);
const demo = (id: string) => {
  const patient = findDemoPatient(id);
  if (!patient?.report) throw new Error(`no demo patient ${id} with a report`);
  return patient as typeof patient & { report: string[] };
};

describe("findOperativeReport", () => {
  it.each([
    ["fr-dubois", renderFrChart],
    ["de-schmitz", renderDeChart],
    ["en-carter", renderEnChart],
  ] as const)("reads the report of the demo chart %s, a line per sentence", (id, render) => {
    const patient = demo(id);
    const report = findOperativeReport(parsePage(render(patient, 0)));
    const lines = report?.split("\n") ?? [];
    for (const sentence of patient.report) expect(lines).toContain(sentence);
    // Only the report's section: not the billing table that follows it.
    for (const { code } of patient.codes) expect(report).not.toContain(code);
    // What the form proposes from it: levels and approach of the dictated report.
    const proposals = extractProposals(report ?? "", spinSurg.dcd);
    expect(proposals.map((p) => p.field)).toEqual(
      expect.arrayContaining(["CD_LEVEL_FROM", "CD_LEVEL_TO", "CD_APPROACH", "CD_PROCEDURE"]),
    );
  });

  it("stops at the next heading of the same rank, reads deeper headings as part of it", () => {
    const report = findOperativeReport(
      page(`<h2>Compte rendu opératoire :</h2><p>Discectomie L4-L5.</p><h3>Suites</h3>
        <p>Lever J1.</p><h2>Facturation</h2><p>281120</p>`),
    );
    expect(report).toBe("Discectomie L4-L5.\nSuites\nLever J1.");
  });

  it("reads a heading that ends its header bar as titling what follows the bar", () => {
    const report = findOperativeReport(
      page(`<div class="bar"><span>Dossier</span><h4>OP-Bericht</h4></div>
        <div>Mikrodiskektomie L5/S1.</div>`),
    );
    expect(report).toBe("Mikrodiskektomie L5/S1.");
  });

  it.each([
    [
      "a term of a description list",
      `<dl><dt>Operatieverslag</dt><dd>Discectomie L5-S1.</dd><dd>Geen implantaat.</dd>
       <dt>Ontslag</dt><dd>Dag 2</dd></dl>`,
      "Discectomie L5-S1.\nGeen implantaat.",
    ],
    [
      "a label and its text area",
      `<label for="r">Operative report*</label><textarea id="r">Decompression L3-L4.</textarea>`,
      "Decompression L3-L4.",
    ],
    [
      "a text area named by aria-label",
      `<textarea aria-label="Protocole opératoire">Laminectomie L4.</textarea>`,
      "Laminectomie L4.",
    ],
    [
      "a row header",
      `<table><tr><th>Operationsbericht</th><td>Spondylodese L4/5.</td></tr>
       <tr><th>Entlassung</th><td>Tag 5</td></tr></table>`,
      "Spondylodese L4/5.",
    ],
    [
      "a fieldset's legend",
      `<fieldset><legend>Operation note</legend><p>Kyphoplasty T12.</p></fieldset>`,
      "Kyphoplasty T12.",
    ],
  ])("reads %s", (_kind, html, expected) => {
    expect(findOperativeReport(page(html))).toBe(expected);
  });

  it("reads the report of a same-origin frame", () => {
    const outer = page(`<h1>Portail</h1><iframe></iframe>`);
    const frame = outer.querySelector("iframe") as HTMLIFrameElement;
    const inner = parsePage(
      `<html><body><h2>OP-Bericht</h2><p>Nukleotomie L4/5.</p></body></html>`,
    );
    Object.defineProperty(frame, "contentDocument", { value: inner });
    expect(findOperativeReport(outer)).toBe("Nukleotomie L4/5.");
  });

  it("finds nothing where no block is titled as a report, and leaves scripts out", () => {
    expect(findOperativeReport(page(`<h2>Séjour</h2><p>Discectomie L4-L5.</p>`))).toBeUndefined();
    expect(
      findOperativeReport(
        page(`<h2>Protocole opératoire</h2><script>var x = "L4-L5";</script><p>Arthrodèse.</p>`),
      ),
    ).toBe("Arthrodèse.");
    // A sentence that starts like a title is not one.
    expect(
      findOperativeReport(
        page(
          `<p><strong>Protocole opératoire de la patiente, relu et validé par le chirurgien le lendemain</strong></p>`,
        ),
      ),
    ).toBeUndefined();
  });
});
