import type { Dcd } from "../../../shared-schema/src/dcd.ts";
import { SPIN_SURG } from "../../../shared-schema/src/spin-surg.ts";

/**
 * The DCD built into the extension, checked by parseDcd when it loads like any other: the
 * form still opens when the worker is out of reach and this browser has no copy of its DCD.
 */
export const BUNDLED_DCD: Dcd = SPIN_SURG;
