// Every value of every table of an outbox's SQLite database, as text: what a test searches
// for patient data that must never be kept in clear.

import { runInDurableObject } from "cloudflare:test";
import { outboxStub } from "./api.ts";

export function dumpStorage(hospitalId: string): Promise<string> {
  return runInDurableObject(outboxStub(hospitalId), (_instance, state) => {
    const sql = state.storage.sql;
    const tables = sql
      .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .toArray()
      .map((t) => t.name)
      .filter((name) => !name.startsWith("_cf_") && !name.startsWith("sqlite_"));
    const parts: string[] = [];
    for (const table of tables) {
      for (const row of sql.exec(`SELECT * FROM "${table}"`).toArray()) {
        for (const value of Object.values(row)) {
          parts.push(
            value instanceof ArrayBuffer ? new TextDecoder("latin1").decode(value) : String(value),
          );
        }
      }
    }
    return parts.join("\n");
  });
}
