// The fault test trusts "no patient identifier in the worker's state" only if the scan finds
// one where there is one: planted identifiers are found, in any file and spelling, and
// random bytes (ciphertext) do not make it cry wolf.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createRandom } from "../../scripts/hd4dp-emulator/pick-fault.ts";
import { validSpinSurgRecord } from "../support/valid-spin-surg-record.ts";
import { findPatientData } from "./find-patient-data.ts";

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "find-patient-data-"));
});
afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** Deterministic noise, so that a chance match cannot make this test flaky. */
function noise(bytes: number, seed: number): Buffer {
  const random = createRandom(seed);
  return Buffer.from(Array.from({ length: bytes }, () => Math.floor(random() * 256)));
}

const sorted = <T extends { file: string; field: string; record: number }>(hits: T[]) =>
  hits.toSorted((a, b) =>
    `${a.file}${a.field}${a.record}`.localeCompare(`${b.file}${b.field}${b.record}`),
  );

it("finds every identifier of the records, in any file below, and says where, not what", () => {
  const records = Array.from({ length: 8 }, (_, i) => validSpinSurgRecord(i));
  mkdirSync(join(directory, "v3", "do"), { recursive: true });
  // A NISS patient (0), one with an internal patient id (1), a foreign one by names (7).
  const json = JSON.stringify([records[0], records[1], records[7]]);
  writeFileSync(
    join(directory, "v3", "do", "state.sqlite-wal"),
    Buffer.concat([noise(4096, 1), Buffer.from(json), noise(4096, 2)]),
  );
  const scan = findPatientData(directory, records);
  const file = join("v3", "do", "state.sqlite-wal");
  expect(scan.files).toBe(1);
  expect(sorted(scan.hits)).toEqual(
    sorted([
      { file, field: "IDC_PAT", record: 0 },
      { file, field: "D_PAT_DOB", record: 0 },
      { file, field: "IDC_PAT", record: 1 },
      { file, field: "D_PAT_DOB", record: 1 },
      { file, field: "TX_IDC_PAT_INT", record: 1 },
      { file, field: "TX_PAT_LAST_NAM", record: 7 },
      { file, field: "TX_PAT_FIRST_NAM", record: 7 },
      { file, field: "D_PAT_DOB", record: 7 },
    ]),
  );
  expect(JSON.stringify(scan.hits)).not.toContain(String(records[0]?.IDC_PAT));
});

it("finds a NISS inside a longer run of digits, and names in any case or JSON's escapes", () => {
  const records = [{ IDC_PAT: "93051822361", TX_PAT_LAST_NAM: "Müller", TX_PAT_FIRST_NAM: "Jan" }];
  writeFileSync(join(directory, "digits"), "id=0093051822361000;");
  writeFileSync(join(directory, "log"), 'key "MÜLLER|jan" {"TX_PAT_LAST_NAM":"M\\u00fcller"}');
  const fields = findPatientData(directory, records).hits.map((h) => `${h.file} ${h.field}`);
  expect(fields.toSorted()).toEqual([
    "digits IDC_PAT",
    "log TX_PAT_FIRST_NAM",
    "log TX_PAT_LAST_NAM",
  ]);
});

it("does not take a short name in random bytes for a leak, only one in text", () => {
  const records = [{ TX_PAT_FIRST_NAM: "Jan", TX_PAT_LAST_NAM: "Luc" }];
  // Both names inside ciphertext-like bytes: chance, not a leak.
  writeFileSync(
    join(directory, "sealed"),
    Buffer.concat([
      noise(1 << 20, 3),
      Buffer.from([0x01, 0x9c, 0x4a, 0x61, 0x6e, 0x00, 0xf3, 0x4c, 0x75, 0x63, 0x8e]),
    ]),
  );
  expect(findPatientData(directory, records).hits).toEqual([]);
  writeFileSync(join(directory, "text"), '{"first":"Jan"}');
  expect(findPatientData(directory, records).hits).toEqual([
    { file: "text", field: "TX_PAT_FIRST_NAM", record: 0 },
  ]);
});
