// The row scanner of the CSV readers (HD4DP upload files, billing exports): one pass of
// charCodeAt over the text, quotes handled in that same pass, cells written into one reused
// array. The separator is a parameter: HD4DP files use ';', billing exports ';' or ','.

const SEMICOLON = 59;
const QUOTE = 34;
const CR = 13;
const LF = 10;
const BOM = 0xfeff;

export interface CsvScanError {
  code: "unterminated_quote";
  /** English: where the quote starts and how to fix it. */
  message: string;
  line: number;
}

/** Scanner state, one object so that the row reader stays a plain monomorphic function. */
export interface CsvScanner {
  text: string;
  pos: number;
  /** Physical line of `pos`, 1-based. */
  line: number;
  cells: string[];
  count: number;
}

/** A scanner at the start of `text`, past a leading BOM. */
export function createScanner(text: string): CsvScanner {
  return { text, pos: text.charCodeAt(0) === BOM ? 1 : 0, line: 1, cells: [], count: 0 };
}

/** Moves past empty lines, counting them. */
export function skipBlankLines(scanner: CsvScanner): void {
  const { text } = scanner;
  let pos = scanner.pos;
  for (;;) {
    const code = text.charCodeAt(pos);
    if (code === LF) {
      pos++;
    } else if (code === CR) {
      pos += text.charCodeAt(pos + 1) === LF ? 2 : 1;
    } else {
      break;
    }
    scanner.line++;
  }
  scanner.pos = pos;
}

/**
 * Reads the row at `scanner.pos` into `scanner.cells[0..count)` and moves past its line end
 * (CRLF, LF or a lone CR). Inside quotes everything is kept as it is, line breaks included;
 * text after a closing quote is kept literally, as most spreadsheet tools do.
 */
export function scanRow(scanner: CsvScanner, separator = SEMICOLON): CsvScanError | undefined {
  const { text, cells } = scanner;
  const end = text.length;
  let pos = scanner.pos;
  let count = 0;
  for (;;) {
    let value: string;
    if (text.charCodeAt(pos) === QUOTE) {
      const startLine = scanner.line;
      let start = pos + 1;
      let i = start;
      value = "";
      for (;;) {
        if (i >= end) {
          scanner.pos = end;
          scanner.count = count;
          return {
            code: "unterminated_quote",
            message:
              `The quoted value that starts on line ${startLine} has no closing double quote: ` +
              `add the closing '"', and write a '"' inside a value as '""'`,
            line: startLine,
          };
        }
        const code = text.charCodeAt(i);
        if (code === QUOTE) {
          if (text.charCodeAt(i + 1) === QUOTE) {
            value += text.slice(start, i + 1);
            i += 2;
            start = i;
            continue;
          }
          value += text.slice(start, i);
          i++;
          break;
        }
        if (code === LF || (code === CR && text.charCodeAt(i + 1) !== LF)) scanner.line++;
        i++;
      }
      start = i;
      while (i < end) {
        const code = text.charCodeAt(i);
        if (code === separator || code === LF || code === CR) break;
        i++;
      }
      if (i > start) value += text.slice(start, i);
      pos = i;
    } else {
      const start = pos;
      while (pos < end) {
        const code = text.charCodeAt(pos);
        if (code === separator || code === LF || code === CR) break;
        pos++;
      }
      value = text.slice(start, pos);
    }
    cells[count++] = value;
    if (pos >= end) break;
    const code = text.charCodeAt(pos);
    if (code === separator) {
      pos++;
      continue;
    }
    pos += code === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
    scanner.line++;
    break;
  }
  scanner.pos = pos;
  scanner.count = count;
  return undefined;
}
