/**
 * A file that cannot be imported as a whole (not a workbook, neither layout, several DCDs in
 * one file): the message, one line, says what was expected.
 */
export class WorkbookFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookFormatError";
  }
}
