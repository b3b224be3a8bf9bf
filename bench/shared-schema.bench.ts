// Validation and CSV codec speed on 10,000 synthetic records, measured side by side with
// JSON.parse of the same records in one run (medians of several rounds), since ratios on
// the same machine at the same moment are what stays comparable on a shared machine.
// Targets: jitless validation ≤ 5x JSON.parse; CSV decode ≤ 3x JSON.parse.
import "../shared-schema/src/jitless-zod.ts";
import { decodeHd4dpCsv } from "../shared-schema/src/csv/decode-hd4dp-csv.ts";
import { encodeHd4dpCsv } from "../shared-schema/src/csv/encode-hd4dp-csv.ts";
import { spinSurg } from "../shared-schema/src/spin-surg-schema.ts";
import { validSpinSurgRecord } from "../test/support/valid-spin-surg-record.ts";

const COUNT = 10_000;
const ROUNDS = 21;
const records = Array.from({ length: COUNT }, (_, i) => validSpinSurgRecord(i));
const json = records.map((record) => JSON.stringify(record));
const jsonArray = `[${json.join(",")}]`;
const csv = encodeHd4dpCsv(spinSurg.dcd, records);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * Median milliseconds of each function over ROUNDS rounds, after two warm-up rounds. The
 * functions take turns within each round, so that a burst of load from another process
 * on this shared machine hits every measure alike and the ratios stay fair.
 */
function measureSideBySide(fns: Record<string, () => unknown>): Record<string, number> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let round = 0; round < ROUNDS + 2; round++) {
    for (const [name, fn] of Object.entries(fns)) {
      const start = performance.now();
      fn();
      if (round >= 2) times[name]?.push(performance.now() - start);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, list]) => [name, median(list)]));
}

// Sanity: the benchmark measures valid records and a faithful codec, or its figures lie.
const invalid = records.findIndex((record) => !spinSurg.validate(record).valid);
if (invalid >= 0) throw new Error(`record ${invalid} is not valid: fix the generator`);
const decoded = decodeHd4dpCsv(spinSurg.dcd, csv);
if (!decoded.ok || decoded.value.rows.length !== COUNT) throw new Error("CSV decode failed");

const parsed = records.map(() => ({}));
const results = measureSideBySide({
  "JSON.parse (baseline)": () => {
    for (let i = 0; i < COUNT; i++) parsed[i] = JSON.parse(json[i] as string);
  },
  "validate (jitless zod, warnings included)": () => {
    for (const record of records) spinSurg.validate(record);
  },
  "schema.safeParse (errors only)": () => {
    const schema = spinSurg.schema(false);
    for (const record of records) schema.safeParse(record);
  },
  "CSV encode": () => encodeHd4dpCsv(spinSurg.dcd, records),
  "CSV decode": () => decodeHd4dpCsv(spinSurg.dcd, csv),
  "JSON.parse of one array": () => JSON.parse(jsonArray),
});

const baseline = results["JSON.parse (baseline)"] as number;
const targets: Record<string, number> = {
  "validate (jitless zod, warnings included)": 5,
  "CSV decode": 3,
};
console.log(
  `${COUNT} records, ${(csv.length / 1024).toFixed(0)} KiB CSV, median of ${ROUNDS} rounds`,
);
console.log("| measure | ms | per record (µs) | x JSON.parse | target |");
console.log("|---|---:|---:|---:|---|");
for (const [name, ms] of Object.entries(results)) {
  const ratio = ms / baseline;
  const target = targets[name];
  const verdict = target === undefined ? "" : `≤ ${target}x ${ratio <= target ? "met" : "MISSED"}`;
  console.log(
    `| ${name} | ${ms.toFixed(1)} | ${((ms * 1000) / COUNT).toFixed(2)} | ${ratio.toFixed(2)} | ${verdict} |`,
  );
}
