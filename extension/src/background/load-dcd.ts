import type { Dcd } from "../../../shared-schema/src/dcd.ts";
import { DcdFormatError, parseDcd } from "../../../shared-schema/src/parse-dcd.ts";
import { type DcdReply, WorkerError, WorkerUnreachableError } from "../api/worker-client.ts";
import type { DcdDelivery, DcdFallbackReason } from "../dcd/dcd-delivery.ts";
import { loadSettings } from "../settings/load-settings.ts";
import type { DcdSetting } from "../settings/settings.ts";
import { BUNDLED_DCD } from "./bundled-dcd.ts";
import { createClientFromSettings } from "./create-client-from-settings.ts";
import { type CachedDcd, dcdCacheItem, dcdCacheKey } from "./dcd-cache.ts";

/** The problems of an unusable DCD quoted in the reason: enough for IT to see what is wrong. */
const QUOTED_PROBLEMS = 3;

/**
 * The DCD of the settings (`dcd`): asked of the worker each time (If-None-Match with the
 * cached copy's ETag, so usually a 304), else this browser's copy of the last download, else
 * the copy built into the extension when it is the DCD asked for. Throws when none of them
 * is: a form of another registry would register the wrong thing.
 */
export async function loadDcd(): Promise<DcdDelivery> {
  const { settings } = await loadSettings();
  const setting = settings.dcd;
  const key = dcdCacheKey(setting);
  const cache = await dcdCacheItem.getValue();
  const cached = cache[key];
  const client = await createClientFromSettings();
  if (!client) return fallback(setting, cached, { kind: "notConfigured" });

  let reply: DcdReply;
  try {
    reply = await client.dcd(setting, cached?.etag);
  } catch (error) {
    return fallback(setting, cached, reasonOf(error));
  }
  if (reply.notModified) {
    // Asked with the cached copy's ETag only, so there is one.
    if (cached) return { dcd: cached.dcd, origin: "worker", ...etagOf(cached.etag) };
    return fallback(setting, cached, { kind: "unusable", detail: "304 without a cached copy" });
  }
  let dcd: Dcd;
  try {
    dcd = parseDcd(reply.json, "The worker's DCD");
  } catch (error) {
    return fallback(setting, cached, reasonOf(error));
  }
  const mismatch = mismatchOf(dcd, setting);
  if (mismatch) return fallback(setting, cached, { kind: "unusable", detail: mismatch });
  const fresh: CachedDcd = { dcd, ...etagOf(reply.etag), fetchedAt: new Date().toISOString() };
  await dcdCacheItem.setValue({ ...cache, [key]: fresh });
  return { dcd, origin: "worker", ...etagOf(reply.etag) };
}

function fallback(
  setting: DcdSetting,
  cached: CachedDcd | undefined,
  reason: DcdFallbackReason,
): DcdDelivery {
  if (cached) return { dcd: cached.dcd, origin: "cache", ...etagOf(cached.etag), reason };
  if (!mismatchOf(BUNDLED_DCD, setting)) return { dcd: BUNDLED_DCD, origin: "bundled", reason };
  const asked = setting.version ? `${setting.id} ${setting.version}` : setting.id;
  const why = reason.detail ? `${reason.kind}: ${reason.detail}` : reason.kind;
  throw new Error(`no copy of the DCD ${asked} (${why}); this build carries ${BUNDLED_DCD.id}`);
}

/** Why a DCD is not the one the setting asks for, or undefined when it is. */
function mismatchOf(dcd: Dcd, setting: DcdSetting): string | undefined {
  if (dcd.id !== setting.id) return `${dcd.id} instead of ${setting.id}`;
  if (setting.version && dcd.version !== setting.version) {
    return `${dcd.id} ${dcd.version} instead of ${setting.version}`;
  }
  return undefined;
}

function reasonOf(error: unknown): DcdFallbackReason {
  if (error instanceof WorkerUnreachableError) return { kind: "unreachable" };
  if (error instanceof WorkerError) return { kind: "refused", detail: error.message };
  if (error instanceof DcdFormatError) {
    return { kind: "unusable", detail: error.problems.slice(0, QUOTED_PROBLEMS).join("; ") };
  }
  throw error;
}

function etagOf(etag: string | undefined): { etag?: string } {
  return etag ? { etag } : {};
}
