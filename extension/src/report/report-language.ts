import { LOCALES, type Locale } from "../../../shared-schema/src/dcd.ts";
import { CLINICAL_CONCEPTS, type ClinicalConcept } from "./clinical-concepts.ts";
import { LANGUAGE_CUES, type LanguageCues } from "./language-cues.ts";
import { type CompiledTerm, compileTerm, indexTerms, type TermIndex } from "./match-terms.ts";
import type { Token } from "./tokenize-sentence.ts";

/** The cues of a language, each a run of folded words. */
export type CompiledCues = { [K in keyof LanguageCues]: string[][] };

/** What reading a report in a language needs: its cues and the concepts' terms. */
export interface ReportLanguage {
  cues: CompiledCues;
  terms: TermIndex<ClinicalConcept>;
}

const compiled = new Map<string, ReportLanguage>();

/**
 * The words of the report's language only, so that a word of another language does not
 * mislead ("dorsal" is posterior in German, thoracic in French); of all four when the
 * language is not clear (a report of a few abbreviations).
 */
export function reportLanguage(tokens: readonly Token[]): ReportLanguage {
  const language = detectLanguage(tokens);
  const key = language ?? "all";
  let found = compiled.get(key);
  if (!found) {
    found = compileLanguage(language ? [language] : LOCALES);
    compiled.set(key, found);
  }
  return found;
}

/** The language whose common words are the most frequent, when one clearly leads. */
export function detectLanguage(tokens: readonly Token[]): Locale | undefined {
  const counts = LOCALES.map((locale) => {
    const words = new Set(LANGUAGE_CUES[locale].stopwords);
    return tokens.filter((token) => words.has(token.word)).length;
  });
  const best = Math.max(...counts);
  const leaders = counts.filter((count) => count === best).length;
  return best >= 2 && leaders === 1 ? LOCALES[counts.indexOf(best)] : undefined;
}

function compileLanguage(locales: readonly Locale[]): ReportLanguage {
  const cues = {} as CompiledCues;
  for (const key of Object.keys(LANGUAGE_CUES.en) as (keyof LanguageCues)[]) {
    // Longest first: "tot en met" before "tot".
    cues[key] = locales
      .flatMap((locale) => LANGUAGE_CUES[locale][key].map((cue) => cue.split(" ")))
      .sort((a, b) => b.length - a.length);
  }
  const terms: CompiledTerm<ClinicalConcept>[] = [];
  for (const concept of CLINICAL_CONCEPTS) {
    for (const language of [...locales, "any" as const]) {
      for (const term of concept.terms[language] ?? []) terms.push(compileTerm(term, concept));
    }
  }
  return { cues, terms: indexTerms(terms) };
}

/** The length of the cue that starts at `index` (0: none), within the token's clause. */
export function cueAt(tokens: readonly Token[], index: number, cues: readonly string[][]): number {
  const clause = tokens[index]?.clause;
  for (const cue of cues) {
    const fits = cue.every((word, offset) => {
      const token = tokens[index + offset];
      return token?.word === word && token.clause === clause;
    });
    if (fits) return cue.length;
  }
  return 0;
}
