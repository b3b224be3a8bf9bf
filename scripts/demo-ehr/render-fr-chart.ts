import { formatNiss } from "../../shared-schema/src/identifiers/niss.ts";
import { FR_STYLE } from "./demo-page-style.ts";
import type { DemoPatient } from "./demo-patients.ts";
import { escapeHtml as e } from "./escape-html.ts";
import { formatDmy, formatFrLong } from "./format-demo-date.ts";
import { renderFiller } from "./render-filler.ts";
import { renderReport } from "./render-report.ts";

/**
 * A French, server-rendered chart (in the manner of a KWS/Xperthis screen): identity as a
 * definition list, the stay as a header/cell table, the surgery date inside a sentence, the
 * billed codes as a table under a heading. No profile covers it: the generic label reader
 * reads it.
 */
export function renderFrChart(patient: DemoPatient, filler = 0): string {
  const rows = patient.codes
    .map(
      (c) =>
        `<tr><td>${e(c.code)}</td><td>${e(c.label)}</td><td>${formatDmy(patient.surgery)}</td></tr>`,
    )
    .join("");
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Dossier ${e(patient.hospitalNumber)} – Clinique Démo</title>
<style>${FR_STYLE}</style></head>
<body>
<header class="topbar"><strong>Clinique Démo – Dossier patient</strong><nav><a href="/">Liste des patients</a></nav></header>
<main>
<section aria-labelledby="id-title"><h1 id="id-title">${e(patient.firstName)} ${e(patient.lastName.toUpperCase())}</h1>
<dl>
<dt>NISS</dt><dd>${patient.niss ? formatNiss(patient.niss) : "— (patient étranger)"}</dd>
<dt>Nom</dt><dd>${e(patient.lastName.toUpperCase())}</dd>
<dt>Prénom</dt><dd>${e(patient.firstName)}</dd>
<dt>Date de naissance</dt><dd>${formatDmy(patient.birthDate)}</dd>
<dt>Sexe</dt><dd>${patient.sex === "female" ? "Féminin" : "Masculin"}</dd>
${patient.postcode ? `<dt>Code postal</dt><dd>${e(patient.postcode)} ${e(patient.city)}</dd>` : `<dt>Localité</dt><dd>${e(patient.city)}</dd>`}
<dt>Pays</dt><dd>${e(patient.country)}</dd>
<dt>N° de dossier</dt><dd>${e(patient.hospitalNumber)}</dd>
</dl></section>
<section><h2>Séjour</h2><table>
<tr><th>Date d'admission</th><td>${formatDmy(patient.admission)}</td></tr>
<tr><th>Date de sortie</th><td>${formatDmy(patient.discharge)}</td></tr>
<tr><th>Urgence</th><td>${patient.urgent ? "Urgente" : "Programmée"}</td></tr>
</table></section>
<section><h2>Protocole opératoire</h2>
<p>Date de l'intervention : ${formatFrLong(patient.surgery)}</p>
<p><span>Chirurgien</span> <span>${e(patient.surgeonName)}</span> – <span>INAMI</span> <span>${e(patient.surgeonNihii)}</span></p>
${patient.report ? renderReport(patient.report) : `<p class="note">Abord et gestes : voir compte rendu dicté.</p>`}
</section>
<section><h2>Prestations facturées</h2>
<table><thead><tr><th>Code</th><th>Libellé</th><th>Date</th></tr></thead><tbody>${rows}</tbody></table>
</section>
${renderFiller(filler)}
</main>
<footer class="note" style="padding:0 20px 20px">Données synthétiques – démonstration uniquement.</footer>
</body></html>`;
}
