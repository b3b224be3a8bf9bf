// How well and how fast the extension proposes the clinical part of a registration from an
// operative report: precision, recall and F1 over the synthetic corpus
// (test/extension/fixtures/reports), per language and overall, a proposal counting as
// correct only when its field and its value are both expected; and the time to read one
// report, cold (the vocabulary and the DCD's targets compiled on first use) and warm.
import { extractProposals } from "../extension/src/report/extract-proposals.ts";
import { SPIN_SURG } from "../shared-schema/src/spin-surg.ts";
import {
  readReportCorpus,
  type Score,
  scoreReportCorpus,
} from "../test/extension/report/score-report-corpus.ts";
import { median } from "./median.ts";

const ROUNDS = 51;
const reports = readReportCorpus();

const coldStart = performance.now();
extractProposals(reports[0]?.text ?? "", SPIN_SURG);
const coldMs = performance.now() - coldStart;

// Each report's median over the rounds, then the median of those.
const perReport = reports.map(({ text }) => {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS + 2; round++) {
    const start = performance.now();
    extractProposals(text, SPIN_SURG);
    if (round >= 2) times.push(performance.now() - start);
  }
  return median(times);
});

const { overall, byLanguage, mistakes } = scoreReportCorpus(reports, SPIN_SURG);
const row = (name: string, count: number, score: Score) =>
  `| ${name} | ${count} | ${score.correct}/${score.proposed} | ${score.precision.toFixed(3)} | ` +
  `${score.correct}/${score.expected} | ${score.recall.toFixed(3)} | ${score.f1.toFixed(3)} |`;

console.log(
  `${reports.length} synthetic operative reports, proposals for ${SPIN_SURG.id} ${SPIN_SURG.version}`,
);
console.log(
  "| language | reports | correct/proposed | precision | correct/expected | recall | F1 |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const [language, score] of Object.entries(byLanguage)) {
  const count = reports.filter((report) => report.language === language).length;
  console.log(row(language, count, score));
}
console.log(row("all", reports.length, overall));
const verdict = (value: number) => (value >= 0.9 ? "met" : "MISSED");
console.log(
  `target ≥ 0.9: precision ${verdict(overall.precision)}, recall ${verdict(overall.recall)}`,
);
console.log("| measure | ms |");
console.log("|---|---:|");
console.log(`| first report, cold | ${coldMs.toFixed(2)} |`);
console.log(
  `| median per report, warm (${ROUNDS} rounds each) | ${median(perReport).toFixed(3)} |`,
);
console.log(`| slowest report's median | ${Math.max(...perReport).toFixed(3)} |`);
for (const { name, wrong, missed } of mistakes)
  console.log(`${name}: wrong [${wrong.join(" ")}] missed [${missed.join(" ")}]`);
