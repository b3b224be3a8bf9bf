import { browser } from "wxt/browser";
import { businessKeyOf } from "../../../shared-schema/src/business-key.ts";
import type { Dcd, DcdRecord } from "../../../shared-schema/src/dcd.ts";
import { toHex } from "../background/to-hex.ts";
import type { LocalRegistration } from "./local-registration.ts";

// What a submission's business key was, to warn before a change that would make the registry
// keep two records, without keeping anything a stolen profile could be searched with: an
// unsalted hash of a NISS is reversed in seconds (10^11 candidates at most). HMACs under a
// random key, key and HMACs in storage.session only: in memory, never on disk, closed to
// content scripts, gone when the browser closes. After a restart the check falls back to the
// record while the browser still keeps it (not sent yet, an HD4DP draft, a failure), and
// else says nothing: a panel that sent a registration did not survive the restart either.

const SECRET = "keyFieldSecret";
const MACS = "keyFieldMacs";
const WHOLE_KEY = "*";

type Macs = Record<string, string>;

let secret: Promise<CryptoKey> | undefined;

/** This browser session's HMAC key: drawn once, kept across service-worker restarts. */
function sessionSecret(): Promise<CryptoKey> {
  secret ??= (async () => {
    const stored = (await browser.storage.session.get(SECRET))[SECRET];
    const hex =
      typeof stored === "string" ? stored : toHex(crypto.getRandomValues(new Uint8Array(32)));
    if (hex !== stored) await browser.storage.session.set({ [SECRET]: hex });
    const bytes = Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
    return crypto.subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
    ]);
  })();
  return secret;
}

async function readMacs(): Promise<Record<string, Macs>> {
  const stored = (await browser.storage.session.get(MACS))[MACS];
  return typeof stored === "object" && stored !== null ? (stored as Record<string, Macs>) : {};
}

/** The business key as a whole and each field that may be part of it, as HMACs. */
async function keyFieldMacs(dcd: Dcd, record: DcdRecord): Promise<Macs> {
  const { fields, fallback } = dcd.businessKey;
  const names = new Set([...fields, ...(fallback?.fields ?? [])]);
  const key = await sessionSecret();
  const mac = async (text: string) =>
    toHex(new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(text))));
  const macs: Macs = { [WHOLE_KEY]: await mac(businessKeyOf(dcd, record)) };
  for (const name of names) {
    macs[name] = await mac(
      `${name}=${String(record[name] ?? "")
        .trim()
        .toUpperCase()}`,
    );
  }
  return macs;
}

/** The worker accepted this submission: its business key is the one the registry knows. */
export async function rememberKeyFields(
  localId: string,
  dcd: Dcd,
  record: DcdRecord,
): Promise<void> {
  const macs = await keyFieldMacs(dcd, record);
  await browser.storage.session.set({ [MACS]: { ...(await readMacs()), [localId]: macs } });
}

/**
 * The business-key fields changed since the last submission of this registration; empty
 * when the business key as a whole is the same (a correction of the same record), or when
 * nothing tells what it was.
 */
export async function changedKeyFields(
  entry: LocalRegistration,
  dcd: Dcd,
  record: DcdRecord,
): Promise<string[]> {
  const before =
    (await readMacs())[entry.localId] ??
    (entry.submitted && entry.record ? await keyFieldMacs(dcd, entry.record) : undefined);
  if (!before) return [];
  const now = await keyFieldMacs(dcd, record);
  if (before[WHOLE_KEY] === now[WHOLE_KEY]) return [];
  return Object.keys(before).filter((name) => name !== WHOLE_KEY && before[name] !== now[name]);
}

/** Forgets the business keys of registrations no longer kept. */
export async function forgetKeyFields(kept: ReadonlySet<string>): Promise<void> {
  const macs = await readMacs();
  const next = Object.fromEntries(Object.entries(macs).filter(([localId]) => kept.has(localId)));
  if (Object.keys(next).length < Object.keys(macs).length)
    await browser.storage.session.set({ [MACS]: next });
}
