import { z } from "zod";
import { DcdSchema } from "./dcd-schema.ts";

/**
 * The JSON Schema (draft 2020-12) of the `Dcd` format, generated from the zod schema that
 * checks every DCD on load: `dcd.schema.json` ships it for editors and tools outside
 * TypeScript, and a test keeps the file equal to this.
 */
export function dcdJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(DcdSchema, { target: "draft-2020-12" }),
    title: "Healthdata data collection definition (DCD), spine-reg format",
  };
}
