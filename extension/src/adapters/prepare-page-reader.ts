import { defaultLabelDictionary, readByLabels } from "./read-by-labels.ts";
import type { Steps } from "./run-in-slices.ts";
import { type ScanResult, scanPage } from "./scan-page.ts";

// A chart in every layout the generic reader knows, with made-up values of every kind it
// interprets (no person's data: the NISS of an unknown birth date, counter 1; a NIHII of
// sequence 0), each passing its check digits so that every step of reading it runs.
const SAMPLE_CHART = `<dl><dt>NISS</dt><dd>00.00.00-001.96</dd><dt>Nom</dt><dd>EXEMPLE</dd>
<dt>Prénom</dt><dd>Exemple</dd><dt>N° de dossier</dt><dd>X-0</dd><dt>Geb.-Datum</dt><dd>01/02/2000</dd><dt>Sexe</dt><dd>Féminin</dd></dl>
<div role="grid"><div role="row"><span role="rowheader">Code postal</span><span role="gridcell">1000 Ville</span></div></div>
<input aria-label="Pays" value="Belgique">
<table><tr><th>Date d'admission</th><td>01.02.2025</td></tr><tr><th>Urgence</th><td>Programmée</td></tr></table>
<p>Date de l'intervention : 2 février 2025</p><p><span>INAMI</span> <span>1-00000-07-000</span></p>
<label for="s">Date de sortie</label><input id="s" value="2025-02-03">
<table><tr><th>Nomenclature</th><th>Libellé</th></tr><tr><td>000000</td><td>–</td></tr></table>`;

/**
 * Reads a small sample chart, off the page, so that the first reading of the real page
 * does not also pay for compiling the reader (V8 compiles functions and regular
 * expressions on first use: most of a first scan's time). Run by the content
 * script while the page is still loading, in three steps (see runInSlices): the labels'
 * dictionary (at once if it was asked for already), the label reader, then the value
 * readers. Returns what it read (for the tests: every kind of value, so every path is
 * compiled).
 */
export function* preparePageReader(
  parse: (html: string) => Document = (html) => new DOMParser().parseFromString(html, "text/html"),
): Steps<ScanResult> {
  defaultLabelDictionary();
  yield;
  // Parsed apart from the page: inert, never shown, nothing of it runs or loads.
  const sample = parse(`<html><body>${SAMPLE_CHART}</body></html>`);
  readByLabels(sample);
  yield;
  return scanPage(sample, "about:blank", []);
}
