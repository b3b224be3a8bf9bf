// Retention (RETENTION_DAYS): what the period no longer covers goes, finished registrations
// with their history, and with them the sealed record of a failed one. `now` is a parameter
// so tests can play a month.

const FINISHED = "state IN ('sent', 'open', 'deleted', 'failed') AND updated_at < ?";

/** Deletes registrations finished before `now - retentionMs`; how many. */
export function purgeFinished(sql: SqlStorage, now: number, retentionMs: number): number {
  const before = now - retentionMs;
  sql.exec(
    `DELETE FROM registration_events WHERE registration_id IN (SELECT id FROM registrations WHERE ${FINISHED})`,
    before,
  );
  return sql.exec(`DELETE FROM registrations WHERE ${FINISHED}`, before).rowsWritten;
}
