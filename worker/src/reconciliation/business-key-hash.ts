// The keyed hash of a record's business key, the very text the outbox hashes when it
// enqueues a registration (durable-objects/outbox.ts): per DCD id, not per version, so an
// act is found whatever version its registration was validated with.

import { businessKeyOf } from "../../../shared-schema/src/business-key.ts";
import type { Dcd, DcdRecord } from "../../../shared-schema/src/dcd.ts";
import type { KeyedHash } from "../crypto/create-keyed-hash.ts";

export function businessKeyHash(hash: KeyedHash, dcd: Dcd, record: DcdRecord): Promise<string> {
  return hash(`business-key:${dcd.id}:${businessKeyOf(dcd, record)}`);
}
