import type {
  CodeList,
  Condition,
  Dcd,
  Field,
  RepeatField,
} from "../../../shared-schema/src/dcd.ts";
import { CLINICAL_CONCEPTS, type ClinicalConcept } from "./clinical-concepts.ts";
import { compileTerm, indexTerms, type TermIndex, termsCovering } from "./match-terms.ts";
import { levelIndex, readLevel } from "./spine-levels.ts";
import { type Token, tokenizeSentence } from "./tokenize-sentence.ts";

/** A value a concept proposes: a field of the DCD and one of its codes. */
export interface CodeTarget {
  /** The field's technical name, or `BLOCK.FIELD` for a field of a repeat block's entries. */
  field: string;
  value: string;
  /** The field holds one value (a code field), not several (a multi field, a block's entries). */
  single: boolean;
  /** The yes/no field that must be yes for the block to be asked. */
  gate?: string;
}

/** The fields that take vertebral levels, and the code of each level. */
export interface LevelTargets {
  /** Code fields, cranial first: the first takes the most cranial level, the last the most caudal. */
  bounds: string[];
  /** Multi fields: each level. */
  each: string[];
  /** Position in SPINE_LEVELS -> code. */
  codes: Map<number, string>;
}

/** Where a DCD takes what a report says, read from the DCD alone. */
export interface ReportTargets {
  /** Concept id -> the codes whose labels are among its terms. */
  byConcept: Map<string, CodeTarget[]>;
  /** The yes/no field of the only block that devices fill: "an implant was used". */
  deviceGate: string | undefined;
  levels: LevelTargets | undefined;
  /** Field path -> place in the form, to list proposals in form order. */
  order: Map<string, number>;
}

const cache = new WeakMap<Dcd, ReportTargets>();
let terms: TermIndex<ClinicalConcept> | undefined;

/** Every term of every concept in every language, and the names a list may give it. */
function everyTerm(): TermIndex<ClinicalConcept> {
  terms ??= indexTerms(
    CLINICAL_CONCEPTS.flatMap((concept) =>
      [...Object.values(concept.terms).flat(), ...(concept.labels ?? [])].map((term) =>
        compileTerm(term, concept),
      ),
    ),
  );
  return terms;
}

export function reportTargetsOf(dcd: Dcd): ReportTargets {
  let targets = cache.get(dcd);
  if (!targets) {
    targets = readTargets(dcd);
    cache.set(dcd, targets);
  }
  return targets;
}

interface CodeFieldPlace {
  field: Extract<Field, { type: "code" | "multi" }>;
  path: string;
  inBlock?: RepeatField;
}

/** Code and multi fields the surgeon fills, repeat blocks' own included. */
function codeFields(dcd: Dcd): CodeFieldPlace[] {
  const open = (field: Field) => !field.system && !field.readonly;
  return dcd.fields.filter(open).flatMap((field): CodeFieldPlace[] => {
    if (field.type === "code" || field.type === "multi") return [{ field, path: field.name }];
    if (field.type !== "repeat") return [];
    return field.fields
      .filter(open)
      .flatMap((inner) =>
        inner.type === "code" || inner.type === "multi"
          ? [{ field: inner, path: `${field.name}.${inner.name}`, inBlock: field }]
          : [],
      );
  });
}

/** The yes/no field a block is asked under ({ field, equals: true }), if any. */
export function gateOf(dcd: Dcd, block: RepeatField): string | undefined {
  const condition =
    block.relevant ?? (typeof block.required === "object" ? block.required : undefined);
  if (!condition || !("equals" in condition) || condition.equals !== true) return undefined;
  const gate = dcd.fields.find((field) => field.name === condition.field);
  return gate?.type === "bool" ? gate.name : undefined;
}

/** Position in SPINE_LEVELS -> code, when the list's items are vertebral levels. */
function levelCodes(list: CodeList): Map<number, string> | undefined {
  const codes = new Map<number, string>();
  for (const item of list.items) {
    const written = readLevel(item.value);
    const index = written && levelIndex(written.region, written.number);
    if (index !== undefined && index !== null) codes.set(index, item.value);
  }
  // Most of the list, and more than a few: a list of levels, not one that holds an "L1".
  return codes.size >= 5 && codes.size * 2 >= list.items.length ? codes : undefined;
}

function readTargets(dcd: Dcd): ReportTargets {
  const places = codeFields(dcd);
  const lists = new Map(dcd.codeLists.map((list) => [list.name, list]));
  const byConcept = conceptTargets(dcd, places, lists);
  const deviceGates = new Set(
    CLINICAL_CONCEPTS.filter((concept) => concept.kind === "device").flatMap((concept) =>
      (byConcept.get(concept.id) ?? []).flatMap((target) => (target.gate ? [target.gate] : [])),
    ),
  );
  const order = new Map<string, number>();
  dcd.fields.forEach((field, index) => {
    order.set(field.name, index * 100);
    if (field.type !== "repeat") return;
    for (const [j, inner] of field.fields.entries())
      order.set(`${field.name}.${inner.name}`, index * 100 + j + 1);
  });
  return {
    byConcept,
    deviceGate: deviceGates.size === 1 ? [...deviceGates][0] : undefined,
    levels: readLevelTargets(dcd, places, lists),
    order,
  };
}

/** Concept id -> the codes whose label (in any language) the concept's words name. */
function conceptTargets(
  dcd: Dcd,
  places: readonly CodeFieldPlace[],
  lists: ReadonlyMap<string, CodeList>,
): Map<string, CodeTarget[]> {
  // A list that two fields use says nothing about which of them a word is for.
  const users = new Map<string, CodeFieldPlace[]>();
  for (const place of places) {
    users.set(place.field.codeList, [...(users.get(place.field.codeList) ?? []), place]);
  }
  const labelled: { target: CodeTarget; labels: Token[][] }[] = [];
  for (const [name, [place, ...others]] of users) {
    const list = lists.get(name);
    if (!place || others.length > 0 || !list || levelCodes(list)) continue;
    const gate = place.inBlock && gateOf(dcd, place.inBlock);
    for (const item of list.items) {
      const target: CodeTarget = {
        field: place.path,
        value: item.value,
        single: place.field.type === "code" && !place.inBlock,
        ...(gate ? { gate } : {}),
      };
      const parts = Object.values(item.label).flatMap((label) => label.split("/"));
      labelled.push({ target, labels: parts.map(tokenizeSentence) });
    }
  }

  // The whole label, or a whole part of it: "Pedicle screw" is no "Rod", "Interbody cage" no "cage".
  const byConcept = new Map<string, CodeTarget[]>();
  for (const { target, labels } of labelled) {
    const named = new Set(labels.flatMap((label) => [...termsCovering(label, everyTerm())]));
    for (const concept of named)
      byConcept.set(concept.id, [...(byConcept.get(concept.id) ?? []), target]);
  }
  return byConcept;
}

function readLevelTargets(
  dcd: Dcd,
  places: readonly CodeFieldPlace[],
  lists: ReadonlyMap<string, CodeList>,
): LevelTargets | undefined {
  let codes: Map<number, string> | undefined;
  const bounds: string[] = [];
  const each: string[] = [];
  for (const place of places) {
    const list = lists.get(place.field.codeList);
    const found = !place.inBlock && list ? levelCodes(list) : undefined;
    if (!found) continue;
    codes ??= found;
    (place.field.type === "code" ? bounds : each).push(place.path);
  }
  return codes ? { bounds: cranialFirst(dcd, bounds), each, codes } : undefined;
}

/**
 * Level fields in cranial-to-caudal order, as the DCD's own rules compare them: a rule
 * "to ≥ from" by position in the list (`ordinal`, the list cranial first) makes "to" the
 * caudal one. Without such a rule, the DCD's order. (Under a `not`, a comparison says the
 * opposite: not read.)
 */
function cranialFirst(dcd: Dcd, names: string[]): string[] {
  const conditions: Condition[] = dcd.rules.flatMap((rule) =>
    rule.when ? [rule.when, rule.assert] : [rule.assert],
  );
  while (conditions.length > 0) {
    const condition = conditions.pop() as Condition;
    if ("all" in condition) conditions.push(...condition.all);
    else if ("any" in condition) conditions.push(...condition.any);
    if (!("compare" in condition)) continue;
    const [a, op, b] = condition.compare;
    if (!("field" in a && "field" in b && a.ordinal && b.ordinal) || op === "==" || op === "!=")
      continue;
    if (!names.includes(a.field) || !names.includes(b.field) || a.field === b.field) continue;
    const [cranial, caudal] = op === ">" || op === ">=" ? [b.field, a.field] : [a.field, b.field];
    return [cranial, ...names.filter((name) => name !== cranial && name !== caudal), caudal];
  }
  return names;
}
