// Inside the hospital's outbox: what it and HD4DP know of each business key (keyed hashes,
// computed by the caller as the outbox computes them on enqueue). HD4DP's list of submitted
// records is read once per call, with each record's data, so that registrations made
// directly in HD4DP are matched by the business key computed from their fields. Those field
// values are patient data: they live in this call's memory only, nothing of them is stored
// or logged, and only statuses and registration codes go back.

import { billedActFieldsOf, billedActOf } from "../../../shared-schema/src/billed-act-fields.ts";
import type { KeyedHash } from "../crypto/create-keyed-hash.ts";
import type { DcdCatalogue } from "../dcd/load-dcd-catalogue.ts";
import type { DeliveredKeyRow, OutboxStore } from "../outbox/outbox-store.ts";
import type { Hd4dpClient } from "../registry/hd4dp-client.ts";
import type { SubmittedRecord } from "../registry/hd4dp-contract.ts";
import { businessKeyHash } from "./business-key-hash.ts";
import { checkBilledAct } from "./check-billed-act.ts";
import { decideRegistrationStatus, type RegistrationMatch } from "./decide-registration-status.ts";

export interface RegistrationMatches {
  /** In the order of the hashes asked about. */
  matches: RegistrationMatch[];
  /** "unavailable": HD4DP's list could not be read; registrations made there are not seen. */
  registry: "read" | "unavailable";
}

export interface MatchTools {
  hash: KeyedHash;
  client: Hd4dpClient;
  dcds: DcdCatalogue;
}

export async function matchRegistrations(
  store: OutboxStore,
  tools: MatchTools,
  dcdId: string,
  hashes: string[],
): Promise<RegistrationMatches> {
  const rows = groupBy(store.rowsOfBusinessKeys(hashes), (row) => row.business_key_hash);
  const delivered = new Map<string, DeliveredKeyRow>(
    store.deliveredKeysAmong(hashes).map((row) => [row.business_key_hash, row]),
  );
  const registry = await registryByKey(tools, dcdId, new Set(hashes));
  return {
    matches: hashes.map((hash) =>
      decideRegistrationStatus({
        outbox: rows.get(hash) ?? [],
        ...(delivered.has(hash) ? { delivered: delivered.get(hash) } : {}),
        registry: registry === null ? null : (registry.get(hash) ?? []),
      }),
    ),
    registry: registry === null ? "unavailable" : "read",
  };
}

/** HD4DP's records of the wanted keys, by keyed hash; null when its list cannot be read. */
async function registryByKey(
  { hash, client, dcds }: MatchTools,
  dcdId: string,
  wanted: Set<string>,
): Promise<Map<string, SubmittedRecord[]> | null> {
  const configured = dcds.select({ dcd: dcdId });
  const fields = configured && billedActFieldsOf(configured.dcd);
  if (!configured || !fields?.ok) return null;
  const list = await client.submittedList(dcdId, true);
  if (list === null) return null;
  const context = { dcd: configured.dcd, fields: fields.value, locale: "en" as const };
  const keyed = list.map(async ({ data, ...status }) => {
    if (!data) return undefined;
    const { identity } = checkBilledAct(billedActOf(fields.value, data, ""), context);
    // A record whose key fields do not read (a typo entered in HD4DP) matches no act.
    if (!("record" in identity)) return undefined;
    return { key: await businessKeyHash(hash, configured.dcd, identity.record), status };
  });
  const found = new Map<string, SubmittedRecord[]>();
  for (const entry of await Promise.all(keyed)) {
    if (entry && wanted.has(entry.key)) pushTo(found, entry.key, entry.status);
  }
  return found;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key !== null) pushTo(groups, key, item);
  }
  return groups;
}

function pushTo<T>(groups: Map<string, T[]>, key: string, item: T): void {
  const group = groups.get(key);
  if (group) group.push(item);
  else groups.set(key, [item]);
}
