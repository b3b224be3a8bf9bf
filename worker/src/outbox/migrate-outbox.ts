// The outbox's SQLite schema as numbered migrations: each runs once, in order, in the
// transaction of the Durable Object's start, and `schema_version` records how far an outbox
// got. A new column or table is a new entry at the end; an entry never changes once
// deployed.

import { logEvent } from "../log/log-event.ts";

const MIGRATIONS: readonly string[] = [
  // 1: registrations with every patient value sealed (record, the registry's business key,
  // HD4DP's error text), the delivered business keys, the history and the hospital's pause.
  `CREATE TABLE registrations (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     idempotency_hash TEXT NOT NULL UNIQUE,
     body_hash TEXT NOT NULL,
     dcd_id TEXT NOT NULL,
     dcd_version TEXT NOT NULL,
     draft INTEGER NOT NULL,
     business_key_hash TEXT,
     state TEXT NOT NULL,
     record_sealed BLOB,
     business_key_sealed BLOB,
     registration_code TEXT,
     attempts INTEGER NOT NULL DEFAULT 0,
     error_code TEXT,
     error_params TEXT,
     error_detail_sealed BLOB,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     next_attempt_at INTEGER,
     status_checked_at INTEGER
   );
   CREATE INDEX registrations_due ON registrations (state, next_attempt_at);
   CREATE INDEX registrations_key ON registrations (business_key_hash, state);
   CREATE INDEX registrations_finished ON registrations (state, updated_at);
   CREATE TABLE delivered_keys (
     business_key_hash TEXT PRIMARY KEY,
     business_key_sealed BLOB NOT NULL,
     registration_id TEXT NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE registration_events (
     registration_id TEXT NOT NULL,
     at INTEGER NOT NULL,
     event TEXT NOT NULL
   );
   CREATE INDEX registration_events_id ON registration_events (registration_id, at);
   CREATE TABLE hospital_state (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     paused_until INTEGER NOT NULL DEFAULT 0,
     needs_it INTEGER NOT NULL DEFAULT 0,
     error_code TEXT,
     error_params TEXT,
     since INTEGER,
     pause_count INTEGER NOT NULL DEFAULT 0
   );
   INSERT INTO hospital_state (id) VALUES (1);`,
];

/** Tables of the development builds made before versioning: never deployed to a hospital. */
const UNVERSIONED_TABLES = ["registrations", "delivered_keys", "meta"];

export function migrateOutbox(sql: SqlStorage): void {
  sql.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  let version = sql
    .exec<{ version: number }>("SELECT version FROM schema_version")
    .toArray()[0]?.version;
  if (version === undefined) {
    // A local `.wrangler/state` from a development build before versioned migrations: its
    // synthetic test data is dropped rather than carried through code that never shipped.
    const stale = sql
      .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .toArray()
      .filter((table) => UNVERSIONED_TABLES.includes(table.name));
    for (const table of stale) sql.exec(`DROP TABLE ${table.name}`);
    if (stale.length > 0) logEvent("outbox.unversioned_state_dropped", { count: stale.length });
    sql.exec("INSERT INTO schema_version (version) VALUES (0)");
    version = 0;
  }
  for (let next = version; next < MIGRATIONS.length; next++) {
    sql.exec(MIGRATIONS[next] as string);
    sql.exec("UPDATE schema_version SET version = ?", next + 1);
  }
}
