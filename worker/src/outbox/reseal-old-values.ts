// After a key rotation (ENCRYPTION_KEYS, docs/deploy.md): finds the values an older key
// sealed and seals them again with the current one, a batch per alarm run, so the old key
// can be removed once none is left. A value whose key is not configured is skipped and
// counted: health() shows it to IT.

import type { RecordCipher } from "../crypto/record-cipher.ts";
import { SEALED_COLUMNS } from "./sealed-columns.ts";

/** Re-seals up to `batch` values per column; the number re-sealed. */
export async function resealOldValues(
  sql: SqlStorage,
  cipher: RecordCipher,
  batch: number,
): Promise<number> {
  let resealed = 0;
  for (const column of SEALED_COLUMNS) {
    const rows = sql
      .exec<{ ref: string; value: ArrayBuffer }>(
        `SELECT ${column.key} AS ref, ${column.column} AS value FROM ${column.table}
         WHERE ${column.column} IS NOT NULL AND substr(${column.column}, 1, ?) != ? LIMIT ?`,
        cipher.currentPrefix.length,
        cipher.currentPrefix.buffer,
        batch,
      )
      .toArray();
    for (const { ref, value } of rows) {
      let plain: unknown;
      try {
        plain = await cipher.open(column.aad(ref), value);
      } catch {
        continue;
      }
      const sealed = await cipher.seal(column.aad(ref), plain);
      // Only if unchanged meanwhile: a newer value was sealed with the current key anyway.
      sql.exec(
        `UPDATE ${column.table} SET ${column.column} = ? WHERE ${column.key} = ? AND ${column.column} = ?`,
        sealed,
        ref,
        value,
      );
      resealed++;
    }
  }
  return resealed;
}

/** Values not sealed with the key whose prefix is `currentPrefix`. */
export function countSealedWithOldKeys(
  sql: SqlStorage,
  currentPrefix: Uint8Array<ArrayBuffer>,
): number {
  let count = 0;
  for (const column of SEALED_COLUMNS) {
    count += sql
      .exec<{ n: number }>(
        `SELECT count(*) AS n FROM ${column.table}
         WHERE ${column.column} IS NOT NULL AND substr(${column.column}, 1, ?) != ?`,
        currentPrefix.length,
        currentPrefix.buffer,
      )
      .one().n;
  }
  return count;
}
