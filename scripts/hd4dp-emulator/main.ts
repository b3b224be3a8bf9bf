// CLI: `node scripts/hd4dp-emulator/main.ts [--port 8788] [--state-file f.json [--reset]]
// [--fail-rate 0.3 --mix 500=1,429=1 ...] [--forbidden ...]`.
// Faults can also come from the environment (HD4DP_EMULATOR_FAULTS='{"failRate":0.3}') and be
// changed while it runs: POST /_emulator/faults.
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseFaults } from "./parse-faults.ts";
import { startHd4dpEmulator } from "./start-hd4dp-emulator.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.HD4DP_EMULATOR_PORT ?? "8788" },
    host: { type: "string", default: "127.0.0.1" },
    "state-file": { type: "string" },
    reset: { type: "boolean" },
    "token-ttl": { type: "string" },
    seed: { type: "string" },
    "latency-ms": { type: "string" },
    "fail-rate": { type: "string" },
    mix: { type: "string" },
    "retry-after": { type: "string" },
    "post-processing-share": { type: "string" },
    "timeout-hold-ms": { type: "string" },
    down: { type: "boolean" },
    redirect: { type: "boolean" },
    "redirect-origin": { type: "string" },
    html200: { type: "boolean" },
    forbidden: { type: "boolean" },
    "forbidden-until": { type: "string" },
    "refuse-credentials": { type: "boolean" },
    "not-found-root": { type: "boolean" },
    "empty-business-key": { type: "boolean" },
    quiet: { type: "boolean" },
    help: { type: "boolean" },
  },
});

if (values.help) {
  console.log(`HD4DP v2 S2S emulator
  --port 8788 --host 127.0.0.1 --token-ttl <s> --seed <n> --quiet
  --state-file <path>   keep the records in this JSON file across restarts (default: memory)
  --reset               start from an empty state (deletes the state file)
  drawn faults: --latency-ms <ms> --fail-rate <0..1> --mix 500=1,503=1,429=1,timeout=1,drop=1
          --retry-after <s> --post-processing-share <0..1> --timeout-hold-ms <ms> --down
  always-on faults: --redirect [--redirect-origin <origin>] --html200 --forbidden
          --forbidden-until <epoch ms or ISO date> --refuse-credentials --not-found-root
          --empty-business-key
  env: HD4DP_EMULATOR_PORT, HD4DP_EMULATOR_FAULTS (JSON, same keys as POST /_emulator/faults)`);
  process.exit(0);
}

const num = (value: string | undefined) => (value === undefined ? undefined : Number(value));
const instant = (value: string | undefined) =>
  value === undefined ? undefined : /^\d+$/.test(value) ? Number(value) : Date.parse(value);
const mix = values.mix
  ? Object.fromEntries(
      values.mix.split(",").map((pair) => {
        const [kind = "", weight = "1"] = pair.split("=");
        return [kind.trim(), Number(weight)];
      }),
    )
  : undefined;
const fromFlags = {
  latencyMs: num(values["latency-ms"]),
  failRate: num(values["fail-rate"]),
  mix,
  retryAfterSeconds: num(values["retry-after"]),
  postProcessingShare: num(values["post-processing-share"]),
  timeoutHoldMs: num(values["timeout-hold-ms"]),
  down: values.down,
  redirect: values.redirect,
  redirectOrigin: values["redirect-origin"],
  html200: values.html200,
  forbidden: values.forbidden,
  forbiddenUntil: instant(values["forbidden-until"]),
  refuseCredentials: values["refuse-credentials"],
  notFoundRoot: values["not-found-root"],
  emptyBusinessKey: values["empty-business-key"],
};

try {
  const fromEnv = JSON.parse(process.env.HD4DP_EMULATOR_FAULTS || "{}");
  const flags = Object.fromEntries(Object.entries(fromFlags).filter(([, v]) => v !== undefined));
  const stateFile = values["state-file"];
  if (values.reset && stateFile !== undefined) {
    rmSync(stateFile, { force: true });
    console.log(`[hd4dp] --reset: deleted ${stateFile}, starting from an empty state`);
  }
  const emulator = await startHd4dpEmulator({
    port: Number(values.port),
    host: values.host,
    stateFile,
    faults: parseFaults({ ...fromEnv, ...flags }),
    tokenTtlSeconds: num(values["token-ttl"]),
    seed: num(values.seed),
    // Method, path and status only: the query (and the business key in it) never.
    log: values.quiet ? undefined : (line) => console.log(`[hd4dp] ${line}`),
  });
  console.log(
    `[hd4dp] HD4DP emulator on ${emulator.url} (inspect: ${emulator.url}/_emulator/received)`,
  );
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  console.error(`[hd4dp] ${(error as Error).message}`);
  process.exit(1);
}
