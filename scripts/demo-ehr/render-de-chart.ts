import { formatNiss } from "../../shared-schema/src/identifiers/niss.ts";
import { FR_STYLE } from "./demo-page-style.ts";
import type { DemoPatient } from "./demo-patients.ts";
import { escapeHtml as e } from "./escape-html.ts";
import { formatDmy } from "./format-demo-date.ts";
import { renderFiller } from "./render-filler.ts";
import { renderReport } from "./render-report.ts";

const LONG = new Intl.DateTimeFormat("de-BE", { dateStyle: "long", timeZone: "UTC" });

/**
 * A German chart (in the manner of an East Belgian hospital's screen), its labels worded
 * unlike the DCD's ("Geb.-Datum", "INSZ-Nr.", "OP-Datum", "Operateur (LIKIV)"): identity as
 * an ARIA grid of row headers and cells, the stay as a table under a header row, the
 * surgeon as "Label: value", the billed codes under a heading. No profile covers it: the
 * generic label reader reads it.
 */
export function renderDeChart(patient: DemoPatient, filler = 0): string {
  const row = (label: string, value: string) =>
    `<div role="row"><span role="rowheader">${e(label)}</span><span role="gridcell">${value}</span></div>`;
  const codes = patient.codes
    .map((c) => `<tr><td>${e(c.code)}</td><td>${e(c.label)}</td></tr>`)
    .join("");
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Patientenakte ${e(patient.hospitalNumber)} – Demo-Klinik</title>
<style>${FR_STYLE} [role=row]{display:grid;grid-template-columns:200px 1fr;gap:16px;padding:2px 0}[role=rowheader]{font-weight:600}</style></head>
<body>
<header class="topbar"><strong>Demo-Klinik – Patientenakte</strong><nav><a href="/">Patientenliste</a></nav></header>
<main>
<section><h1>${e(patient.lastName.toUpperCase())}, ${e(patient.firstName)}</h1>
<div role="grid" aria-label="Stammdaten">
${row("Familienname", e(patient.lastName.toUpperCase()))}
${row("Vorname", e(patient.firstName))}
${row("Geb.-Datum", LONG.format(new Date(patient.birthDate)))}
${row("Geschlecht", patient.sex === "female" ? "weiblich" : "männlich")}
${row("INSZ-Nr.", patient.niss ? formatNiss(patient.niss) : "—")}
${row("Patienten-Nr.", e(patient.hospitalNumber))}
${row("PLZ / Wohnort", `${e(patient.postcode ?? "")} ${e(patient.city)}`)}
${row("Land", e(patient.country))}
</div></section>
<section><h2>Aufenthalt</h2><table>
<thead><tr><th>Aufnahme am</th><th>OP-Datum</th><th>Entlassen am</th><th>Dringlichkeit</th></tr></thead>
<tbody><tr><td>${formatDmy(patient.admission, ".")}</td><td>${LONG.format(new Date(patient.surgery))}</td><td>${formatDmy(patient.discharge, ".")}</td><td>${patient.urgent ? "Notfall" : "geplant"}</td></tr></tbody>
</table></section>
<section><h2>Operationsbericht</h2>
<p><span>Name des Operateurs</span> <span>${e(patient.surgeonName)}</span></p>
<p>Operateur (LIKIV): ${e(patient.surgeonNihii.replace(/^(\d)(\d{5})(\d{2})(\d{3})$/, "$1-$2-$3-$4"))}</p>
${renderReport(patient.report ?? [])}
</section>
<section><h2>Abgerechnete Leistungen (Nomenklatur)</h2>
<table><thead><tr><th>Code</th><th>Bezeichnung</th></tr></thead><tbody>${codes}</tbody></table>
</section>
${renderFiller(filler)}
</main>
<footer class="note" style="padding:0 20px 20px">Synthetische Daten – nur zur Demonstration.</footer>
</body></html>`;
}
