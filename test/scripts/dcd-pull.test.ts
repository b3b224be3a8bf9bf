// `spine-reg dcd pull` end to end: the CLI as a separate process against the HD4DP emulator,
// which publishes SPIN_SURG (with the ASSUMED item ids) as the definition contract assumes
// HD4DP does. What comes back is SPIN_SURG's form, lists, texts and ids, without what the
// API does not carry.
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEV_CLIENT_ID,
  DEV_CLIENT_SECRET,
  type Hd4dpEmulator,
  startHd4dpEmulator,
} from "../../scripts/hd4dp-emulator/start-hd4dp-emulator.ts";
import { compileDcd } from "../../shared-schema/src/compile-dcd.ts";
import type { Dcd, Field } from "../../shared-schema/src/dcd.ts";
import { parseDcd } from "../../shared-schema/src/parse-dcd.ts";
import { NOT_CARRIED } from "../../shared-schema/src/s2s/hd4dp-definition-contract.ts";
import { S2S_CODE_IDS } from "../../shared-schema/src/s2s/s2s-code-ids.ts";
import { s2sCodeIdsOf } from "../../shared-schema/src/s2s/s2s-code-ids-of.ts";
import { SPIN_SURG } from "../../shared-schema/src/spin-surg.ts";
import { TokenReplySchema } from "../../worker/src/registry/hd4dp-contract.ts";
import { TODAY, VALID_RECORD } from "../shared-schema/fixtures/valid-record.ts";
import { runSpineReg } from "../support/run-spine-reg.ts";

const dcdPull = (...args: string[]) => runSpineReg("dcd", "pull", ...args);

let emulator: Hd4dpEmulator;
let dir: string;
const clientAuth = () => [
  "--token-url",
  `${emulator.url}/oauth/token`,
  "--client-id",
  DEV_CLIENT_ID,
  "--client-secret",
  DEV_CLIENT_SECRET,
];

beforeAll(async () => {
  emulator = await startHd4dpEmulator({ port: 0, seed: 7 });
  dir = await mkdtemp(join(tmpdir(), "spine-reg-dcd-pull-"));
});
afterAll(async () => {
  await emulator.close();
});

/** A field's shape without what the API does not carry. */
function carried(field: Field): unknown {
  return {
    name: field.name,
    type: field.type,
    label: field.label,
    help: field.help,
    section: field.section,
    system: field.system,
    codeList: "codeList" in field ? field.codeList : undefined,
    fields: field.type === "repeat" ? field.fields.map(carried) : undefined,
  };
}

describe("spine-reg dcd pull", () => {
  it("pulls SPIN_SURG: its fields, lists, labels in four languages and item ids", async () => {
    const out = join(dir, "SPIN_SURG.json");
    const { code, stdout, stderr } = await dcdPull(
      "--hd4dp",
      `${emulator.url}/proxy`,
      "--dcd",
      "SPIN_SURG",
      ...clientAuth(),
      "--out",
      out,
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain(`Pulled SPIN_SURG 0.1.0 from ${emulator.url}/proxy into ${out}.`);
    expect(stdout).toContain("36 fields, of which 1 repeat block (3 fields inside), 3 sections.");
    expect(stdout).toContain("Texts in fr, nl, de, en.");
    for (const what of NOT_CARRIED) expect(stdout).toContain(`  - ${what}`);

    const pulled: Dcd = parseDcd(JSON.parse(await readFile(out, "utf8")), out);
    expect(pulled).toMatchObject({ id: "SPIN_SURG", version: "0.1.0", label: SPIN_SURG.label });
    expect(pulled.fields.map(carried)).toEqual(SPIN_SURG.fields.map(carried));
    expect(pulled.sections).toEqual(SPIN_SURG.sections);
    expect(pulled.codeLists).toEqual(
      SPIN_SURG.codeLists.map((list) => ({
        name: list.name,
        ...(list.format ? { format: list.format } : {}),
        items: list.items.map(({ value, label }) => ({
          value,
          label,
          id: String(S2S_CODE_IDS[list.name]?.[value]),
        })),
      })),
    );
    expect(pulled.businessKey).toEqual({ fields: SPIN_SURG.businessKey.fields });
    expect(pulled.rules).toEqual([]);
    // The worker relays the pulled DCD with the same ids, now carried by the DCD itself.
    expect(s2sCodeIdsOf(pulled)).toEqual({
      source: "dcd",
      missing: [],
      ids: { ...S2S_CODE_IDS, NOMENCLATURE: {} },
    });
    expect(compileDcd(pulled).validate(VALID_RECORD, { today: TODAY }).valid).toBe(true);
  });

  it("takes a ready access token and a version", async () => {
    const reply = await fetch(`${emulator.url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: DEV_CLIENT_ID,
        client_secret: DEV_CLIENT_SECRET,
      }),
    });
    const { access_token } = TokenReplySchema.parse(await reply.json());
    const out = join(dir, "with-token.json");
    const args = ["--hd4dp", `${emulator.url}/proxy/`, "--dcd", "SPIN_SURG", "--out", out];
    const { code } = await dcdPull(...args, "--version", "0.1.0", "--token", access_token);
    expect(code).toBe(0);
    expect(JSON.parse(await readFile(out, "utf8")).version).toBe("0.1.0");
  });

  it("exits 1 with HD4DP's answer for refused credentials, an unknown DCD or version", async () => {
    const base = ["--hd4dp", `${emulator.url}/proxy`, "--out", join(dir, "never.json")];
    const refused = await dcdPull(
      ...base,
      "--dcd",
      "SPIN_SURG",
      ...clientAuth().slice(0, -1),
      "wrong-secret",
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("the token endpoint answered HTTP 401");
    expect(refused.stderr).toContain("--client-secret");

    const unknown = await dcdPull(...base, "--dcd", "HIP_REG", ...clientAuth());
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("HD4DP does not offer HIP_REG");
    expect(unknown.stderr).toContain("it offers: SPIN_SURG");

    const version = await dcdPull(
      ...base,
      "--dcd",
      "SPIN_SURG",
      "--version",
      "9.0.0",
      ...clientAuth(),
    );
    expect(version.code).toBe(1);
    expect(version.stderr).toMatch(/GET \/api\/dcd\/payload\/definition\?.*: HTTP 404/);
    await expect(readFile(join(dir, "never.json"))).rejects.toThrow(/ENOENT/);
  });

  it("exits 2 with the usage for missing or conflicting arguments", async () => {
    const missing = await dcdPull("--hd4dp", `${emulator.url}/proxy`, "--dcd", "SPIN_SURG");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--hd4dp, --dcd and --out are required.");
    expect(missing.stderr).toContain("Usage:");
    const both = await dcdPull(
      ...["--hd4dp", `${emulator.url}/proxy`, "--dcd", "SPIN_SURG", "--out", "x.json"],
      ...["--token", "t", "--client-id", "c"],
    );
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("give either --token, or all of");
  });
});
