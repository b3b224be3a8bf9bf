import spinSurgJson from "../dcds/SPIN_SURG-0.1.0.json" with { type: "json" };
import type { Dcd } from "./dcd.ts";
import { parseDcd } from "./parse-dcd.ts";

/**
 * SPIN_SURG 0.1.0, the provisional definition shipped until the official Healthdata
 * workbook is imported (docs/dcd-spin-surg.md). It is data: `dcds/SPIN_SURG-0.1.0.json`,
 * checked like any imported DCD, and the default DCD of the worker and the extension.
 */
export const SPIN_SURG: Dcd = parseDcd(spinSurgJson, "dcds/SPIN_SURG-0.1.0.json");
