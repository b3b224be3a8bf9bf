import ExcelJS from "exceljs";

/** A cell as a test writes it: `null` leaves the cell empty. */
export type TestCell = string | number | boolean | null;

/**
 * An xlsx file from rows per sheet (sheet name -> rows, the first row usually the headers),
 * so that import tests describe their workbook inline instead of keeping binary fixtures.
 * Sheets are written in the order of the object's keys.
 */
export async function buildWorkbook(sheets: Record<string, TestCell[][]>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((cells, r) => {
      const row = sheet.getRow(r + 1);
      cells.forEach((value, c) => {
        if (value !== null) row.getCell(c + 1).value = value;
      });
      row.commit();
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
