import type { Dcd } from "../../../shared-schema/src/dcd.ts";
import { CLINICAL_CONCEPTS, type ClinicalConcept } from "./clinical-concepts.ts";
import { findConcepts } from "./find-concepts.ts";
import { findLevels, type LevelMention } from "./find-levels.ts";
import { reportLanguage } from "./report-language.ts";
import { type CodeTarget, type LevelTargets, reportTargetsOf } from "./report-targets.ts";
import { splitSentences } from "./split-sentences.ts";
import { tokenizeSentence } from "./tokenize-sentence.ts";

/** A value the report suggests for a field, and the sentence that says it. */
export interface Proposal {
  /** The field's technical name, or `BLOCK.FIELD` for an entry of a repeat block. */
  field: string;
  /** A code of the field's list, or "true" for a yes/no field. */
  value: string;
  /** The sentence of the report, as written. */
  source: string;
}

const CONCEPTS = new Map(CLINICAL_CONCEPTS.map((concept) => [concept.id, concept]));

/** A concept the report says was done, and the sentence that says it. */
interface Finding {
  concept: ClinicalConcept;
  source: string;
}

interface Sentence {
  text: string;
  levels: LevelMention[];
  /** Names a procedure or a device: where the operated levels are said. */
  operative: boolean;
  /** Names any concept. */
  clinical: boolean;
}

/**
 * What an operative report (fr, nl, de or en) proposes for a DCD: the clinical concepts
 * it names, matched to the DCD's own code lists by their labels, and its vertebral levels
 * for the DCD's level fields. Negated, planned and earlier procedures propose nothing.
 * Deterministic: the same text and DCD give the same proposals, in form order.
 */
export function extractProposals(text: string, dcd: Dcd): Proposal[] {
  const tokenized = splitSentences(text).map((sentence) => ({
    text: sentence,
    tokens: tokenizeSentence(sentence),
  }));
  const language = reportLanguage(tokenized.flatMap(({ tokens }) => tokens));
  // In text order, so that a field of one value takes what the report says first (the
  // indication before the rest).
  const findings: Finding[] = [];
  const sentences: Sentence[] = tokenized.map(({ text: source, tokens }) => {
    const found = findConcepts(tokens, language);
    for (const match of found)
      for (const concept of withImplied(match.meaning)) findings.push({ concept, source });
    const kinds = new Set(found.map((match) => match.meaning.kind));
    return {
      text: source,
      levels: findLevels(tokens, language.cues),
      operative: kinds.has("procedure") || kinds.has("device"),
      clinical: [...kinds].some((kind) => kind !== "anatomy"),
    };
  });

  const targets = reportTargetsOf(dcd);
  const proposals = new Map<string, Proposal>();
  const propose = (target: Pick<CodeTarget, "field" | "value" | "single">, source: string) => {
    const key = target.single ? target.field : `${target.field}=${target.value}`;
    if (!proposals.has(key))
      proposals.set(key, { field: target.field, value: target.value, source });
  };
  for (const { concept, source } of findings) {
    const found = targets.byConcept.get(concept.id) ?? [];
    for (const target of found) propose(target, source);
    if (concept.kind !== "device") continue;
    // A device says an implant was used: its block's yes/no field, or for a device the
    // DCD has no code for ("implant", "hardware"), that of the block devices fill.
    const gates = found.length > 0 ? found.map((target) => target.gate) : [targets.deviceGate];
    for (const gate of gates)
      if (gate) propose({ field: gate, value: "true", single: true }, source);
  }
  const levels = targets.levels ? levelProposals(sentences, targets.levels) : [];
  const place = (proposal: Proposal) => targets.order.get(proposal.field) ?? 0;
  return [...levels, ...proposals.values()].sort((a, b) => place(a) - place(b));
}

/** The concept and all it entails, each once. */
function withImplied(concept: ClinicalConcept): ClinicalConcept[] {
  const seen = new Map<string, ClinicalConcept>();
  const visit = (next: ClinicalConcept) => {
    if (seen.has(next.id)) return;
    seen.set(next.id, next);
    for (const id of next.implies ?? []) {
      const implied = CONCEPTS.get(id);
      if (implied) visit(implied);
    }
  };
  visit(concept);
  return [...seen.values()];
}

/**
 * The operated levels: those of the sentences that name a procedure or a device (an MRI
 * finding or the navigation's reference on L3 is not operated), else of the sentences
 * that name anything clinical, else all.
 */
function levelProposals(sentences: Sentence[], targets: LevelTargets): Proposal[] {
  const tiers = [
    sentences.filter((sentence) => sentence.operative),
    sentences.filter((sentence) => sentence.clinical),
    sentences,
  ];
  const chosen = tiers.find((tier) => tier.some((sentence) => sentence.levels.length > 0)) ?? [];
  const sourceOf = new Map<number, string>();
  for (const sentence of chosen)
    for (const mention of sentence.levels)
      for (const level of mention) if (!sourceOf.has(level)) sourceOf.set(level, sentence.text);
  const levels = [...sourceOf.keys()]
    .filter((level) => targets.codes.has(level))
    .sort((a, b) => a - b);
  const low = levels[0];
  const high = levels[levels.length - 1];
  if (low === undefined || high === undefined) return [];

  const propose = (field: string, level: number): Proposal => ({
    field,
    value: targets.codes.get(level) as string,
    source: sourceOf.get(level) as string,
  });
  const { bounds } = targets;
  const bounded =
    bounds.length === 2
      ? [propose(bounds[0] as string, low), propose(bounds[1] as string, high)]
      : bounds.length === 1 && low === high
        ? [propose(bounds[0] as string, low)]
        : [];
  return [
    ...bounded,
    ...targets.each.flatMap((field) => levels.map((level) => propose(field, level))),
  ];
}
