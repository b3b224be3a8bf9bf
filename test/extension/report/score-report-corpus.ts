import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { extractProposals } from "../../../extension/src/report/extract-proposals.ts";
import type { Dcd, Locale } from "../../../shared-schema/src/dcd.ts";

const CORPUS = resolve(import.meta.dirname, "../fixtures/reports");

/** A synthetic operative report and what a surgeon would register from it. */
export interface CorpusReport {
  name: string;
  language: Locale;
  text: string;
  /** "field=value" pairs. */
  expected: string[];
}

/** The reports of fixtures/reports: `fr-01.txt` beside `fr-01.json` ({ case, expected }). */
export function readReportCorpus(): CorpusReport[] {
  return readdirSync(CORPUS)
    .filter((file) => file.endsWith(".txt"))
    .sort()
    .map((file) => {
      const name = file.replace(/\.txt$/, "");
      const { expected } = JSON.parse(readFileSync(join(CORPUS, `${name}.json`), "utf8")) as {
        expected: Record<string, string[]>;
      };
      return {
        name,
        language: name.slice(0, 2) as Locale,
        text: readFileSync(join(CORPUS, file), "utf8"),
        expected: Object.entries(expected).flatMap(([field, values]) =>
          values.map((value) => `${field}=${value}`),
        ),
      };
    });
}

export interface Score {
  correct: number;
  proposed: number;
  expected: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface CorpusScore {
  overall: Score;
  byLanguage: Partial<Record<Locale, Score>>;
  /** Per report, the pairs proposed but not expected, and expected but not proposed. */
  mistakes: { name: string; wrong: string[]; missed: string[] }[];
}

function score(correct: number, proposed: number, expected: number): Score {
  const precision = proposed === 0 ? 1 : correct / proposed;
  const recall = expected === 0 ? 1 : correct / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { correct, proposed, expected, precision, recall, f1 };
}

/**
 * Precision and recall over every proposal of every report: one counts as correct only when
 * its field and its value are both expected (micro-averaged, so a long report weighs more).
 */
export function scoreReportCorpus(reports: readonly CorpusReport[], dcd: Dcd): CorpusScore {
  const totals = new Map<Locale | "all", [number, number, number]>();
  const add = (key: Locale | "all", correct: number, proposed: number, expected: number) => {
    const [c, p, e] = totals.get(key) ?? [0, 0, 0];
    totals.set(key, [c + correct, p + proposed, e + expected]);
  };
  const mistakes: CorpusScore["mistakes"] = [];
  for (const report of reports) {
    const proposed = new Set(
      extractProposals(report.text, dcd).map(({ field, value }) => `${field}=${value}`),
    );
    const expected = new Set(report.expected);
    const correct = [...proposed].filter((pair) => expected.has(pair)).length;
    for (const key of [report.language, "all"] as const)
      add(key, correct, proposed.size, expected.size);
    const wrong = [...proposed].filter((pair) => !expected.has(pair));
    const missed = [...expected].filter((pair) => !proposed.has(pair));
    if (wrong.length + missed.length > 0) mistakes.push({ name: report.name, wrong, missed });
  }
  const scoreOf = (key: Locale | "all") => score(...(totals.get(key) ?? [0, 0, 0]));
  const byLanguage: CorpusScore["byLanguage"] = {};
  for (const language of new Set(reports.map((report) => report.language)))
    byLanguage[language] = scoreOf(language);
  return { overall: scoreOf("all"), byLanguage, mistakes };
}
