import { chartPath } from "./chart-path.ts";
import { FR_STYLE } from "./demo-page-style.ts";
import { DEMO_PATIENTS, MORE_DEMO_PATIENTS } from "./demo-patients.ts";
import { escapeHtml as e } from "./escape-html.ts";

export function renderIndex(): string {
  const items = [...DEMO_PATIENTS, ...MORE_DEMO_PATIENTS]
    .map((p) => {
      const href = chartPath(p);
      const codes = p.codes.map((c) => c.code).join(", ");
      return `<li><a href="${href}">${e(p.lastName)}, ${e(p.firstName)}</a> (${p.layout}, ${p.niss ? "NISS" : "sans NISS / zonder INSZ"}; ${codes})</li>`;
    })
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Demo EHR</title><style>${FR_STYLE}</style></head>
<body><header class="topbar"><strong>Demo EHR – synthetic patients</strong></header>
<main><section><h1>Charts</h1><ul>${items}</ul>
<p class="note">French, German and English charts are read by the generic label reader (the German and English ones print their labels unlike the DCD: "Geb.-Datum", "OP-Datum", "D.O.B.", "Surgeon (NIHII)"), Dutch charts by the declarative profile <code>demo-ehr-nl</code>. Every chart also opens inside a same-origin frame of a portal: <code>/portal/&lt;id&gt;</code>. Add <code>?filler=5000</code> to a chart for a 5,000-element page.</p></section></main></body></html>`;
}
