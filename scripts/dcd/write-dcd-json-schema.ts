// Writes shared-schema/dcd.schema.json from the zod schema of the DCD format.
import { writeFileSync } from "node:fs";
import { dcdJsonSchema } from "../../shared-schema/src/dcd-json-schema.ts";

const target = new URL("../../shared-schema/dcd.schema.json", import.meta.url);
writeFileSync(target, `${JSON.stringify(dcdJsonSchema(), null, 2)}\n`);
console.log(`Wrote ${target.pathname}`);
