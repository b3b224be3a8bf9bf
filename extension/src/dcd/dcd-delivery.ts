import type { Dcd } from "../../../shared-schema/src/dcd.ts";

/** Which DCD a registration was made with. */
export type DcdRef = Pick<Dcd, "id" | "version">;

/**
 * Where the DCD in use comes from: the worker (downloaded, or confirmed current by a 304),
 * this browser's copy of an earlier download (the worker failed this time), or the copy built
 * into the extension (nothing better).
 */
export type DcdOrigin = "worker" | "cache" | "bundled";

/** Why the worker's copy is not in use; `detail` is the worker's or the checker's words. */
export interface DcdFallbackReason {
  kind: "notConfigured" | "unreachable" | "refused" | "unusable";
  detail?: string;
}

/** The DCD the background hands to the form, the options page and the popup. */
export interface DcdDelivery {
  dcd: Dcd;
  origin: DcdOrigin;
  /** The worker's ETag of this copy; none for the bundled copy. */
  etag?: string;
  reason?: DcdFallbackReason;
}
