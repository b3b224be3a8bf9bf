import { cueBefore } from "./find-concepts.ts";
import { type CompiledCues, cueAt } from "./report-language.ts";
import { levelIndex, readLevel } from "./spine-levels.ts";
import type { Token } from "./tokenize-sentence.ts";

/** Levels named together ("L4-L5", "L3 à L5", "BWK 4 bis BWK 8"), as positions in SPINE_LEVELS. */
export type LevelMention = number[];

/** Prefixes written apart from their number ("LWK 1", "Th 12"). */
const APART = new Set(["hwk", "bwk", "lwk", "swk", "th"]);
const JOINERS = new Set(["-", "/", "–", "—"]);
/** How near a root word must be to make a level a nerve root ("racine L5", "L5 nerve root"). */
const ROOT_REACH = 2;

interface Level {
  region: string;
  index: number;
  end: number;
}

/** The level written at `at`, and the word after it. */
function levelAt(tokens: readonly Token[], at: number): Level | undefined {
  const token = tokens[at];
  if (!token) return undefined;
  const written = readLevel(token.word);
  if (written) {
    const index = levelIndex(written.region, written.number);
    return index === undefined ? undefined : { region: written.region, index, end: at + 1 };
  }
  const number = tokens[at + 1];
  if (!APART.has(token.word) || !number || number.before !== "" || !/^\d{1,2}$/.test(number.word))
    return undefined;
  const index = levelIndex(token.word, Number(number.word));
  return index === undefined ? undefined : { region: token.word, index, end: at + 2 };
}

/** The level that ends a range begun by `from` at `at` ("-L5", "/5", "à L5", "bis BWK 8"). */
function rangeEnd(tokens: readonly Token[], from: Level, cues: CompiledCues): Level | undefined {
  const next = tokens[from.end];
  if (!next) return undefined;
  if (JOINERS.has(next.before)) {
    const level = levelAt(tokens, from.end);
    if (level) return level;
    if (!/^\d{1,2}$/.test(next.word)) return undefined;
    const index = levelIndex(from.region, Number(next.word)); // "L4-5", "HWK 5/6"
    return index === undefined ? undefined : { region: from.region, index, end: from.end + 1 };
  }
  const through = next.before === "" ? cueAt(tokens, from.end, cues.through) : 0;
  return through ? levelAt(tokens, from.end + through) : undefined;
}

/**
 * Whether a root word stands within reach of the words start..end, in their clause; after
 * them, not beyond a breaker ("hernie L5-S1 avec radiculalgie S1" is an operated L5-S1).
 */
function nearRoot(tokens: readonly Token[], start: number, end: number, cues: CompiledCues) {
  const clause = tokens[start]?.clause;
  const isRoot = (at: number) => tokens[at]?.clause === clause && cueAt(tokens, at, cues.roots) > 0;
  for (let at = start - 1; at >= start - ROOT_REACH; at--) if (isRoot(at)) return true;
  for (let at = end; at < end + ROOT_REACH && !cueAt(tokens, at, cues.breakers); at++)
    if (isRoot(at)) return true;
  return false;
}

/**
 * The vertebral levels a sentence names, ranges expanded ("L3-L5" is L3, L4 and L5); not
 * a nerve root ("racine S1") nor a level of an earlier operation ("Zustand nach ... L5/S1").
 */
export function findLevels(tokens: readonly Token[], cues: CompiledCues): LevelMention[] {
  const mentions: LevelMention[] = [];
  let at = 0;
  while (at < tokens.length) {
    const first = levelAt(tokens, at);
    if (!first) {
      at++;
      continue;
    }
    let last = first;
    for (let next = rangeEnd(tokens, last, cues); next; next = rangeEnd(tokens, last, cues))
      last = next;
    const low = Math.min(first.index, last.index);
    const high = Math.max(first.index, last.index);
    if (!nearRoot(tokens, at, last.end, cues) && !cueBefore(tokens, at, cues.history)) {
      mentions.push(Array.from({ length: high - low + 1 }, (_, i) => low + i));
    }
    at = last.end;
  }
  return mentions;
}
