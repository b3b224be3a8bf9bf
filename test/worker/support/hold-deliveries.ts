// Lets a test decide when an outbox's alarm runs. Delivering starts by itself as soon as a
// registration is queued, so a test that needs several registrations in one batch, or
// needs to prove that runDurableObjectAlarm did the work, first holds the outbox with the
// pause a 429 sets (hospital_state.paused_until), queues, then lifts the pause while leaving the
// alarm an hour ahead: nothing runs until runDurableObjectAlarm does. (Deleting the alarm
// would not do: runDurableObjectAlarm runs only a scheduled alarm.) Read state through
// storageState meanwhile: a GET re-arms the alarm for the due registrations.

import { runInDurableObject } from "cloudflare:test";
import { outboxStub } from "./api.ts";

const AN_HOUR = 3_600_000;

export function holdDeliveries(hospitalId: string): Promise<void> {
  return runInDurableObject(outboxStub(hospitalId), (_instance, state) => {
    state.storage.sql.exec("UPDATE hospital_state SET paused_until = ?", Date.now() + AN_HOUR);
  });
}

/** Lifts the hold; the alarm stays an hour ahead, for runDurableObjectAlarm to run now. */
export function releaseForManualAlarm(hospitalId: string): Promise<void> {
  return runInDurableObject(outboxStub(hospitalId), async (_instance, state) => {
    state.storage.sql.exec("UPDATE hospital_state SET paused_until = 0");
    await state.storage.setAlarm(Date.now() + AN_HOUR);
  });
}

/** A registration's state read from storage, without touching the alarm. */
export function storageState(hospitalId: string, id: string): Promise<string | undefined> {
  return runInDurableObject(
    outboxStub(hospitalId),
    (_instance, state) =>
      state.storage.sql
        .exec<{ state: string }>("SELECT state FROM registrations WHERE id = ?", id)
        .toArray()[0]?.state,
  );
}
