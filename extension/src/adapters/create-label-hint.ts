// The combining accents normalizeText drops after a letter (text written in NFD).
const MARKS = "[\\u0300-\\u036f]*";
const PREFIX_LENGTH = 3;
/** Letters that fr/nl/de/en words may begin with accented ("Égal", "Öffnung", "Ça"). */
const ACCENTABLE = "aceinosuyz";
/** Folded pairs that a page may print as one character (æ, œ, ß). */
const PAIRS = ["ae", "oe", "ss"];

interface Node {
  children: Map<string, Node>;
  /** A word of fewer than three letters ends here: it must end in the text too. */
  short: boolean;
  /** Three letters of a word end here: the text holds it, whatever follows. */
  full: boolean;
}

/**
 * A regular expression that finds, anywhere in a text, the start of a word that could fold
 * into one of `words` (folded, lower case), from their first three letters: a letter may
 * be printed in upper case, or accented (a word's first letter in Latin-1 and Latin
 * Extended, the next ones as any non-ASCII character: ’ for ', "ß" for "ss"), followed by
 * combining accents. A shorter word must end there ("no" is not "Note"); a dotted acronym
 * passes. The words share their first letters (a trie), so that the engine tries few of
 * them at each position of a text: one native test rejects most of a page's texts before
 * any is split into words, and never one that holds one of the words.
 */
export function createLabelHint(words: Iterable<string>): RegExp {
  const root: Node = { children: new Map(), short: false, full: false };
  for (const word of words) {
    if (word.length < 2) continue;
    let node = root;
    for (const part of partsOf(word.slice(0, PREFIX_LENGTH))) {
      let child = node.children.get(part);
      if (!child) {
        child = { children: new Map(), short: false, full: false };
        node.children.set(part, child);
      }
      node = child;
    }
    if (word.length < PREFIX_LENGTH) node.short = true;
    else node.full = true;
  }
  // A dotted acronym ("D.O.B.") is a word of its own only once its letters are joined.
  const acronym = "[A-Za-z]\\.[A-Za-z]\\.";
  // A word starts the text or follows a non-alphanumeric character: matching that character
  // costs V8 less than looking behind at every position.
  return new RegExp(`(?:^|[^A-Za-z0-9])(?:${patternOf(root, true)}|${acronym})`);
}

/** "ssi" -> ["ss", "i"]: a pair of letters may be one printed character. */
function partsOf(prefix: string): string[] {
  const parts: string[] = [];
  for (let i = 0; i < prefix.length; i++) {
    const pair = prefix.slice(i, i + 2);
    if (PAIRS.includes(pair)) {
      parts.push(pair);
      i++;
    } else parts.push(prefix[i] as string);
  }
  return parts;
}

function patternOf(node: Node, first: boolean): string {
  if (node.full) return "";
  const alternatives = [...node.children].map(
    ([part, child]) => unitOf(part, first) + patternOf(child, false),
  );
  if (node.short) alternatives.push("(?![A-Za-z0-9])");
  return alternatives.length === 1 ? (alternatives[0] as string) : `(?:${alternatives.join("|")})`;
}

// The trie repeats a few dozen units hundreds of times, built while the page loads.
const units = new Map<string, string>();

function unitOf(part: string, first: boolean): string {
  const key = first ? `^${part}` : part;
  let unit = units.get(key);
  if (unit === undefined) {
    unit = spelledUnitOf(part, first);
    units.set(key, unit);
  }
  return unit;
}

function spelledUnitOf(part: string, first: boolean): string {
  const other = first ? "\\u00c0-\\u024f" : "\\u0080-\\uffff";
  if (part.length === 2) {
    return `(?:${unitOf(part[0] as string, first)}${unitOf(part[1] as string, false)}|[${other}]${MARKS})`;
  }
  // Both cases spelled out: with the `i` flag, V8 would close [\u0080-\uffff] under case
  // folding, several milliseconds of compiling on the first reading.
  const literals = [...new Set([part.toLowerCase(), part.toUpperCase()])]
    .map((c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`)
    .join("");
  const accented = !first || ACCENTABLE.includes(part) ? other : "";
  return `[${literals}${accented}]${MARKS}`;
}
