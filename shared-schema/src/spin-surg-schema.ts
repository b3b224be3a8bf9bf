import { compileDcd } from "./compile-dcd.ts";
import { SPIN_SURG } from "./spin-surg.ts";

/** SPIN_SURG compiled once: the one validator of the overlay, the worker and the tools. */
export const spinSurg = compileDcd(SPIN_SURG);
