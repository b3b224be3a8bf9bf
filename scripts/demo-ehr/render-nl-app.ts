import { NL_STYLE } from "./demo-page-style.ts";
import { DEMO_PATIENTS } from "./demo-patients.ts";

/**
 * A Dutch single-page chart (in the manner of a HiX screen): the shell arrives empty, the
 * chart is rendered by script some time after load from /api/nl/patients/:id, and the
 * patient list navigates with history.pushState. The profile `demo-ehr-nl` reads it through
 * its data attributes; it exercises late rendering and single-page navigation.
 */
export function renderNlApp(filler = 0): string {
  const list = DEMO_PATIENTS.filter((p) => p.layout === "nl")
    .map((p) => `<a href="/nl/patient/${p.id}" data-spa>${p.lastName}, ${p.firstName}</a>`)
    .join("");
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Patiëntendossier – Demo Ziekenhuis</title>
<style>${NL_STYLE}</style></head>
<body>
<nav aria-label="Patiënten" style="padding:8px 16px;background:#f4f4f4">${list}<a href="/">Startpagina</a></nav>
<main id="app"><p>Laden…</p></main>
<script>
const FILLER = ${Number(filler) | 0};
const $ = (html) => { const t = document.createElement("template"); t.innerHTML = html.trim(); return t.content; };
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;"})[c]);
const dmy = (iso) => iso.split("-").reverse().join("-");
async function render() {
  const app = document.getElementById("app");
  const match = /\\/nl\\/patient\\/([\\w-]+)/.exec(location.pathname);
  if (!match) { app.replaceChildren($("<h1>Patiënten</h1><p>Kies een patiënt.</p>")); return; }
  const response = await fetch("/api/nl/patients/" + match[1]);
  if (!response.ok) { app.replaceChildren($("<p>Onbekende patiënt.</p>")); return; }
  const p = await response.json();
  await new Promise((r) => setTimeout(r, 250)); // the real thing is slow too
  const codes = p.codes.map((c) => '<tr><td class="code">' + esc(c.code) + "</td><td>" + esc(c.label) + "</td></tr>").join("");
  let notes = "";
  for (let i = 0; i < FILLER / 2; i++) notes += '<div class="cell"><span>Notitie ' + (i + 1) + "</span></div>";
  app.replaceChildren($(
    '<div class="hix-bar"><span class="hix-name" data-hix="naam">' + esc(p.lastName.toUpperCase()) + ", " + esc(p.firstName) + "</span>" +
    '<span>° <span data-hix="geboortedatum">' + dmy(p.birthDate) + "</span></span>" +
    '<span>Geslacht: <span data-hix="geslacht">' + (p.sex === "male" ? "M" : "V") + "</span></span>" +
    '<span>INSZ <span data-hix="insz">' + esc(p.niss ?? "") + "</span></span>" +
    '<span>Patiëntnr. <span data-hix="patientnr">' + esc(p.hospitalNumber) + "</span></span>" +
    '<span>Postcode <span data-hix="postcode">' + esc(p.postcode ?? "") + "</span> " + esc(p.city) + "</span></div>" +
    '<h1 style="font-size:18px">Opname en ingreep</h1><div class="grid">' +
    '<div class="cell"><div class="caption">Opnamedatum</div><div>' + dmy(p.admission) + "</div></div>" +
    '<div class="cell"><div class="caption">Operatiedatum</div><div data-hix="operatiedatum">' + dmy(p.surgery) + "</div></div>" +
    '<div class="cell"><div class="caption">Ontslagdatum</div><div>' + dmy(p.discharge) + "</div></div>" +
    '<div class="cell"><div class="caption">Opnametype</div><div data-hix="opnametype">' + (p.urgent ? "Spoed" : "Gepland") + "</div></div>" +
    '<div class="cell"><div class="caption">Chirurg</div><div>' + esc(p.surgeonName) + "</div></div>" +
    '<div class="cell"><div class="caption">RIZIV-nummer chirurg</div><div>' + esc(p.surgeonNihii) + "</div></div></div>" +
    '<h2 style="font-size:15px">Aangerekende prestaties</h2><table id="verrichtingen"><tr><th>Code</th><th>Omschrijving</th></tr>' + codes + "</table>" +
    (notes ? '<div class="grid">' + notes + "</div>" : "") +
    '<p style="color:#777">Synthetische gegevens – enkel demonstratie.</p>'));
}
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-spa]");
  if (!link) return;
  event.preventDefault();
  history.pushState(null, "", link.getAttribute("href"));
  render();
});
addEventListener("popstate", render);
render();
</script>
</body></html>`;
}
