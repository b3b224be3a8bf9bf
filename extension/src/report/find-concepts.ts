import type { ClinicalConcept } from "./clinical-concepts.ts";
import { matchTerms, type TermMatch } from "./match-terms.ts";
import { type CompiledCues, cueAt, type ReportLanguage } from "./report-language.ts";
import type { Token } from "./tokenize-sentence.ts";

/** How far before a concept a negation reaches, in words ("keine Verwendung des Mikroskops"). */
const NEGATION_REACH = 6;
/** How far after a concept a negation may stand ("la navigation n'a pas été utilisée"). */
const LATE_NEGATION_REACH = 4;
/** How close to a late negation its verb must be ("not used", "niet gebruikt"). */
const USED_REACH = 3;

/**
 * The concepts a sentence says were done: what is negated, planned for later, of an earlier
 * operation, or (for devices) taken out, is left out.
 */
export function findConcepts(
  tokens: readonly Token[],
  language: ReportLanguage,
): TermMatch<ClinicalConcept>[] {
  const matches = matchTerms(tokens, language.terms);
  const inMatch = new Set(matches.flatMap(({ start, end }) => range(start, end)));
  const { cues } = language;
  const done = matches.filter(
    (match) =>
      !negatedBefore(tokens, match.start, cues, inMatch) &&
      !negatedAfter(tokens, match.end, cues, inMatch) &&
      !inClause(tokens, match.start, cues.planned) &&
      !cueBefore(tokens, match.start, cues.history),
  );
  const removedIn = new Set(
    done.filter((match) => match.meaning.removesDevices).map((match) => clauseOf(tokens, match)),
  );
  return done.filter(
    (match) => match.meaning.kind !== "device" || !removedIn.has(clauseOf(tokens, match)),
  );
}

function negatedBefore(
  tokens: readonly Token[],
  start: number,
  cues: CompiledCues,
  inMatch: ReadonlySet<number>,
): boolean {
  const clause = tokens[start]?.clause;
  for (let at = start - 1; at >= Math.max(0, start - NEGATION_REACH); at--) {
    if (tokens[at]?.clause !== clause) return false;
    if (inMatch.has(at)) continue;
    if (cueAt(tokens, at, cues.breakers)) return false;
    if (cueAt(tokens, at, cues.negations)) return true;
  }
  return false;
}

function negatedAfter(
  tokens: readonly Token[],
  end: number,
  cues: CompiledCues,
  inMatch: ReadonlySet<number>,
): boolean {
  const statement = tokens[end - 1]?.statement;
  const inStatement = (at: number) => tokens[at]?.statement === statement;
  for (let at = end; at < end + LATE_NEGATION_REACH && inStatement(at); at++) {
    if (inMatch.has(at) || cueAt(tokens, at, cues.breakers)) return false;
    if (!cueAt(tokens, at, cues.negations)) continue;
    if (!inStatement(at + 1)) return true; // "Microscope : non."
    for (let verb = at + 1; verb <= at + USED_REACH && inStatement(verb); verb++) {
      if (cueAt(tokens, verb, cues.used)) return true;
    }
  }
  return false;
}

/** A cue anywhere in the clause of the word at `index`. */
function inClause(tokens: readonly Token[], index: number, cues: readonly string[][]): boolean {
  const clause = tokens[index]?.clause;
  return tokens.some((token, at) => token.clause === clause && cueAt(tokens, at, cues) > 0);
}

/** A cue before the word at `index`, in its clause. */
export function cueBefore(
  tokens: readonly Token[],
  index: number,
  cues: readonly string[][],
): boolean {
  const clause = tokens[index]?.clause;
  for (let at = index - 1; at >= 0 && tokens[at]?.clause === clause; at--) {
    if (cueAt(tokens, at, cues)) return true;
  }
  return false;
}

function clauseOf(tokens: readonly Token[], match: TermMatch<unknown>): number {
  return tokens[match.start]?.clause ?? -1;
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, i) => start + i);
}
