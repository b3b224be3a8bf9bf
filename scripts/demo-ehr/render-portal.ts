import { chartPath } from "./chart-path.ts";
import { FR_STYLE } from "./demo-page-style.ts";
import type { DemoPatient } from "./demo-patients.ts";

/**
 * A clinical portal that shows the chart in a frame of the same origin, as many EHRs do:
 * the portal's bar is not part of the chart, the frame is.
 */
export function renderPortal(patient: DemoPatient): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal</title><style>${FR_STYLE}
iframe{border:0;width:100%;height:calc(100vh - 60px)}</style></head>
<body><header class="topbar"><strong>Clinical portal</strong> <nav>Agenda · Patients · Messages</nav></header>
<iframe src="${chartPath(patient)}" title="Chart"></iframe></body></html>`;
}
