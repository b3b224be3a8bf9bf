import { storage } from "wxt/utils/storage";
import type { Dcd } from "../../../shared-schema/src/dcd.ts";
import type { DcdSetting } from "../settings/settings.ts";

/** A DCD as the worker last served it (checked with parseDcd before it was stored). */
export interface CachedDcd {
  dcd: Dcd;
  /** Sent back as If-None-Match: a 304 keeps this copy. */
  etag?: string;
  fetchedAt: string;
}

/**
 * The worker's DCDs, by the setting that asked for them (`SPIN_SURG`, `SPIN_SURG@0.1.0`), so
 * the form opens offline with the last one. A DCD is no patient data: it may stay.
 */
export const dcdCacheItem = storage.defineItem<Record<string, CachedDcd>>("local:dcd-cache", {
  fallback: {},
  version: 1,
});

export function dcdCacheKey(setting: DcdSetting): string {
  return setting.version ? `${setting.id}@${setting.version}` : setting.id;
}
