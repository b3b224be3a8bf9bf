import type { Dcd } from "../../../shared-schema/src/dcd.ts";
import type { DcdRef } from "../dcd/dcd-delivery.ts";
import { BUNDLED_DCD } from "./bundled-dcd.ts";
import { dcdCacheItem } from "./dcd-cache.ts";

/**
 * The DCD a registration was made with, among those the form can have had (cached or
 * bundled). When a newer download of the same DCD replaced it meanwhile, that one: its
 * business key is the registry's, which a version does not change.
 */
export async function findDcd(ref: DcdRef): Promise<Dcd> {
  const known = [...Object.values(await dcdCacheItem.getValue()).map((c) => c.dcd), BUNDLED_DCD];
  const found =
    known.find((dcd) => dcd.id === ref.id && dcd.version === ref.version) ??
    known.find((dcd) => dcd.id === ref.id);
  if (!found) throw new Error(`unknown DCD ${ref.id} ${ref.version}`);
  return found;
}
