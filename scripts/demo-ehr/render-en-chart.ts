import { FR_STYLE } from "./demo-page-style.ts";
import type { DemoPatient } from "./demo-patients.ts";
import { escapeHtml as e } from "./escape-html.ts";
import { renderFiller } from "./render-filler.ts";
import { renderReport } from "./render-report.ts";

const LONG = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });
const SHORT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/**
 * An English chart (in the manner of a form-based EHR screen), its labels worded unlike
 * the DCD's ("Given name(s)", "D.O.B.", "SSIN", "Surgeon (NIHII)"): identity as read-only
 * form controls with their <label for>, the stay as a description list, the billed codes
 * in a column under their header. No profile covers it: the generic label reader reads it.
 */
export function renderEnChart(patient: DemoPatient, filler = 0): string {
  const input = (id: string, label: string, value: string) =>
    `<label for="${id}">${e(label)}</label><input id="${id}" value="${e(value)}" readonly>`;
  const select = (id: string, label: string, options: string[], chosen: string) =>
    `<label for="${id}">${e(label)}</label><select id="${id}" disabled>${options
      .map((o) => `<option${o === chosen ? " selected" : ""}>${e(o)}</option>`)
      .join("")}</select>`;
  const niss = patient.niss ?? "";
  const codes = patient.codes
    .map((c) => `<tr><td>${e(c.code)}</td><td>${e(c.label)}</td></tr>`)
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Chart ${e(patient.hospitalNumber)} – Demo Hospital</title>
<style>${FR_STYLE} form{display:grid;grid-template-columns:200px 1fr;gap:4px 16px}</style></head>
<body>
<header class="topbar"><strong>Demo Hospital – Patient chart</strong><nav><a href="/">Patients</a></nav></header>
<main>
<section><h1>${e(patient.firstName)} ${e(patient.lastName)}</h1><form aria-label="Patient">
${input("surname", "Surname", patient.lastName.toUpperCase())}
${input("given", "Given name(s)", patient.firstName)}
${input("dob", "D.O.B.", LONG.format(new Date(patient.birthDate)))}
${select("gender", "Gender", ["Female", "Male"], patient.sex === "female" ? "Female" : "Male")}
${input("ssin", "SSIN", niss.replace(/^(\d{6})(\d{3})(\d{2})$/, "$1 $2 $3"))}
${input("mrn", "MRN", patient.hospitalNumber)}
${input("zip", "Postal code", patient.postcode ?? "")}
${select("country", "Country of residence", ["Belgium", "Other"], patient.country === "Belgium" ? "Belgium" : "Other")}
</form></section>
<section><h2>Stay</h2><dl>
<dt>Admitted</dt><dd>${SHORT.format(new Date(patient.admission))}</dd>
<dt>Date of operation</dt><dd>${LONG.format(new Date(patient.surgery))}</dd>
<dt>Discharged</dt><dd>${e(patient.discharge)}</dd>
<dt>Urgency</dt><dd>${patient.urgent ? "Urgent" : "Elective"}</dd>
<dt>Surgeon name</dt><dd>${e(patient.surgeonName)}</dd>
<dt>Surgeon (NIHII)</dt><dd>${e(patient.surgeonNihii)}</dd>
</dl></section>
${patient.report ? `<section><h2>Operative note</h2>\n${renderReport(patient.report)}\n</section>` : ""}
<section><h2>Billing</h2>
<table><thead><tr><th>Billed codes (INAMI)</th><th>Description</th></tr></thead><tbody>${codes}</tbody></table>
</section>
${renderFiller(filler)}
</main>
<footer class="note" style="padding:0 20px 20px">Synthetic data – demonstration only.</footer>
</body></html>`;
}
