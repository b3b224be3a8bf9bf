// The report for the billing office as one self-contained HTML file (no external resource:
// it is opened from a disk or a mail, often without network): the verdict, counts per
// status with filters, a bar chart of acts per week (inline SVG) and the table of every row,
// sortable, in the user's language. Patients are named only with --with-names. Works without
// its script too (every row shown, unsorted); the script only sorts and filters.

import {
  type ReconciliationStatus,
  ReconciliationStatusSchema,
} from "../../shared-schema/src/api/api-schemas.ts";
import type { Locale } from "../../shared-schema/src/dcd.ts";
import { formatMessage } from "../../shared-schema/src/i18n/format-message.ts";
import { belgianDate, reportColumns } from "./report-columns.ts";
import type { ReportRow } from "./report-rows.ts";
import { REPORT_WORDS } from "./report-words.ts";
import type { ReportSummary } from "./summarize-report.ts";

export interface HtmlReportInput {
  rows: readonly ReportRow[];
  summary: ReportSummary;
  registry: "read" | "unavailable";
  locale: Locale;
  withNames: boolean;
  /** The billing file's name, without its folder. */
  file: string;
  dcd: string;
  /** When the check ran (ISO 8601). */
  at: string;
}

/** Text and background of each status: contrast above 4.5:1 (WCAG AA). */
const COLORS: Record<ReconciliationStatus, { text: string; background: string; bar: string }> = {
  registered: { text: "#0b5a2a", background: "#dcf3e3", bar: "#2e8b57" },
  queued: { text: "#123f73", background: "#dde9f8", bar: "#4a7fc1" },
  draft: { text: "#5c3d00", background: "#fbecc7", bar: "#d19a16" },
  failed: { text: "#7a1010", background: "#fbdcdc", bar: "#b3261e" },
  missing: { text: "#7a1010", background: "#fde4d6", bar: "#e0622b" },
  not_required: { text: "#3a3a3a", background: "#ececec", bar: "#9e9e9e" },
  invalid: { text: "#4d1f66", background: "#efe0f7", bar: "#8e44ad" },
};

/** What the chart counts: the acts that need (or may need) a registration. */
const CHARTED: ReconciliationStatus[] = ["registered", "queued", "draft", "failed", "missing"];

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

export function writeHtmlReport(input: HtmlReportInput): string {
  const { locale, summary } = input;
  const words = REPORT_WORDS[locale];
  const number = (n: number) => n.toLocaleString(`${locale}-BE`);
  const columns = reportColumns(locale, input.withNames);
  const statusColumn = columns.findIndex((c) => c.key === "status");

  const filters = ReconciliationStatusSchema.options
    .filter((status) => summary.counts[status] > 0)
    .map(
      (status) =>
        `<label class="filter"><input type="checkbox" name="status" value="${status}" checked> <span class="s s-${status}">${escapeHtml(words.status[status])}</span> ${number(summary.counts[status])}</label>`,
    )
    .join("\n");
  const head = columns
    .map(
      (c, i) =>
        `<th scope="col" aria-sort="none"><button type="button" data-column="${i}" aria-label="${escapeHtml(formatMessage(words.sortBy, locale, { column: c.label }))}">${escapeHtml(c.label)}</button></th>`,
    )
    .join("");
  const body = input.rows
    .map((row) => {
      const cells = columns.map((c, i) => {
        const text = escapeHtml(c.text(row));
        const sort = escapeHtml(String(c.sortValue(row)));
        const shown = i === statusColumn ? `<span class="s s-${row.status}">${text}</span>` : text;
        return `<td data-sort="${sort}">${shown}</td>`;
      });
      return `<tr data-status="${row.status}">${cells.join("")}</tr>`;
    })
    .join("\n");
  const verdict =
    summary.refused > 0
      ? `<p class="verdict bad">${escapeHtml(formatMessage(words.attention, locale, { n: summary.refused }))}</p>`
      : `<p class="verdict good">${escapeHtml(words.allGood)}</p>`;
  const notes = [
    input.registry === "unavailable" ? words.registryUnavailable : undefined,
    summary.unknownUnregistered > 0
      ? formatMessage(words.unknownCodes, locale, { n: summary.unknownUnregistered })
      : undefined,
  ]
    .filter((note): note is string => note !== undefined)
    .map((note) => `<p class="note">${escapeHtml(note)}</p>`)
    .join("\n");

  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(words.title)}</title>
<style>${STYLE}${ReconciliationStatusSchema.options
    .map((s) => `.s-${s}{color:${COLORS[s].text};background:${COLORS[s].background}}`)
    .join("")}</style>
</head>
<body>
<main>
<h1>${escapeHtml(words.title)}</h1>
<p>${escapeHtml(formatMessage(words.generated, locale, { file: input.file, date: belgianDate(input.at), dcd: input.dcd }))}</p>
${verdict}
${notes}
<section aria-labelledby="counts">
<h2 id="counts">${escapeHtml(formatMessage(words.summary, locale, { n: summary.total }))}</h2>
<fieldset><legend>${escapeHtml(words.filter)}</legend>
${filters}
</fieldset>
</section>
<section aria-labelledby="chart">
<h2 id="chart">${escapeHtml(words.chartTitle)}</h2>
${weekChart(input.rows, locale)}
</section>
<section aria-labelledby="acts">
<h2 id="acts">${escapeHtml(words.tableTitle)}</h2>
<p id="shown" aria-live="polite"></p>
<div class="scroll" tabindex="0">
<table aria-labelledby="acts">
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>
</section>
</main>
<script>${SCRIPT.replace("__SHOWN__", escapeHtml(words.acts))}</script>
</body>
</html>
`;
}

/** Monday of the week of an ISO date, as an ISO date. */
function mondayOf(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

function weekChart(rows: readonly ReportRow[], locale: Locale): string {
  const words = REPORT_WORDS[locale];
  const weeks = new Map<string, Record<ReconciliationStatus, number>>();
  for (const row of rows) {
    if (!row.date || !CHARTED.includes(row.status)) continue;
    const week = mondayOf(row.date);
    let counts = weeks.get(week);
    if (!counts) {
      counts = Object.fromEntries(CHARTED.map((s) => [s, 0])) as Record<
        ReconciliationStatus,
        number
      >;
      weeks.set(week, counts);
    }
    counts[row.status]++;
  }
  const sorted = [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b));
  const totals = sorted.map(([, counts]) => CHARTED.reduce((sum, s) => sum + counts[s], 0));
  const max = Math.max(1, ...totals);
  const bar = 22;
  const gap = 8;
  const top = 16;
  const plot = 180;
  const left = 40;
  const width = Math.max(320, left + sorted.length * (bar + gap) + gap);
  const height = top + plot + 40;
  const labelEvery = Math.max(1, Math.ceil(sorted.length / 12));
  const bars = sorted
    .map(([week, counts], i) => {
      const x = left + gap + i * (bar + gap);
      let y = top + plot;
      const parts = CHARTED.filter((s) => counts[s] > 0).map((s) => {
        const h = (counts[s] / max) * plot;
        y -= h;
        return `<rect x="${x}" y="${y.toFixed(1)}" width="${bar}" height="${h.toFixed(1)}" fill="${COLORS[s].bar}"></rect>`;
      });
      const tip = `${formatMessage(words.week, locale, { date: belgianDate(week) })}: ${CHARTED.filter(
        (s) => counts[s] > 0,
      )
        .map((s) => `${words.status[s]} ${counts[s]}`)
        .join(", ")}`;
      const label =
        i % labelEvery === 0
          ? `<text x="${x + bar / 2}" y="${top + plot + 16}" text-anchor="middle">${belgianDate(week).slice(0, 5)}</text>`
          : "";
      return `<g><title>${escapeHtml(tip)}</title>${parts.join("")}${label}</g>`;
    })
    .join("");
  const legend = CHARTED.map(
    (s) =>
      `<li><span class="swatch" style="background:${COLORS[s].bar}"></span>${escapeHtml(words.status[s])}</li>`,
  ).join("");
  // Focusable: a chart of many weeks scrolls sideways, by keyboard too.
  return `<figure tabindex="0" aria-labelledby="chart-title">
<svg role="img" aria-labelledby="chart-title chart-desc" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<title id="chart-title">${escapeHtml(words.chartTitle)}</title>
<desc id="chart-desc">${escapeHtml(words.chartDescription)}</desc>
<line x1="${left}" y1="${top + plot}" x2="${width}" y2="${top + plot}" stroke="#555"></line>
<text x="${left - 6}" y="${top + 4}" text-anchor="end">${max}</text>
<text x="${left - 6}" y="${top + plot}" text-anchor="end">0</text>
${bars}
</svg>
<figcaption><ul class="legend">${legend}</ul></figcaption>
</figure>`;
}

const STYLE = `
body{font:15px/1.45 system-ui,sans-serif;color:#1d1d1d;background:#fff;margin:0}
main{max-width:1200px;margin:0 auto;padding:1rem 1.5rem 3rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.8rem}
.verdict{font-weight:600;padding:.6rem .8rem;border-radius:4px}
.verdict.bad{background:#fbdcdc;color:#7a1010}.verdict.good{background:#dcf3e3;color:#0b5a2a}
.note{background:#fff4d6;color:#4a3500;padding:.5rem .8rem;border-radius:4px}
fieldset{border:1px solid #bbb;border-radius:4px;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem}
.filter{white-space:nowrap}
.s{padding:.05rem .4rem;border-radius:3px;font-weight:600}
svg text{font-size:11px;fill:#333}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;padding:0;margin:.3rem 0 0}
.swatch{display:inline-block;width:.9rem;height:.9rem;margin-right:.35rem;vertical-align:-.1rem;border-radius:2px}
.scroll,figure{overflow-x:auto}
figure{margin:0}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th button{font:inherit;font-weight:700;background:none;border:0;padding:0;cursor:pointer;color:#1d1d1d;text-align:left}
th[aria-sort=ascending] button::after{content:" \\25B2"}th[aria-sort=descending] button::after{content:" \\25BC"}
tr[hidden]{display:none}
`;

// Sorts by a column's data-sort values (numbers as numbers), and shows only the rows whose
// status is ticked.
const SCRIPT = `
(() => {
  const table = document.querySelector("table");
  const body = table.tBodies[0];
  const shown = document.getElementById("shown");
  const boxes = [...document.querySelectorAll('input[name="status"]')];
  const filter = () => {
    const on = new Set(boxes.filter((b) => b.checked).map((b) => b.value));
    let n = 0;
    for (const row of body.rows) {
      row.hidden = !on.has(row.dataset.status);
      if (!row.hidden) n++;
    }
    shown.textContent = n.toLocaleString(document.documentElement.lang + "-BE") + " __SHOWN__";
  };
  for (const box of boxes) box.addEventListener("change", filter);
  for (const button of table.querySelectorAll("th button")) {
    button.addEventListener("click", () => {
      const th = button.parentElement;
      const column = Number(button.dataset.column);
      const direction = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      for (const other of table.querySelectorAll("th")) other.setAttribute("aria-sort", "none");
      th.setAttribute("aria-sort", direction === 1 ? "ascending" : "descending");
      const value = (row) => row.cells[column].dataset.sort;
      const rows = [...body.rows].sort((a, b) => {
        const x = value(a), y = value(b);
        const nx = Number(x), ny = Number(y);
        const numeric = x !== "" && y !== "" && !Number.isNaN(nx) && !Number.isNaN(ny);
        return direction * (numeric ? nx - ny : x.localeCompare(y));
      });
      body.append(...rows);
    });
  }
  filter();
})();
`;
