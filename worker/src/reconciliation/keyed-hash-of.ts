// The keyed hash of the worker's HMAC_KEY, derived once per configuration (the runtime keeps
// one per isolate): a reconciliation hashes thousands of business keys per request.

import type { WorkerConfig } from "../config/load-config.ts";
import { createKeyedHash, type KeyedHash } from "../crypto/create-keyed-hash.ts";

const derived = new WeakMap<WorkerConfig, Promise<KeyedHash>>();

export function keyedHashOf(config: WorkerConfig): Promise<KeyedHash> {
  let hash = derived.get(config);
  if (!hash) {
    hash = createKeyedHash(config.hmacKey);
    derived.set(config, hash);
  }
  return hash;
}
