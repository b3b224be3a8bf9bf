// `npm start`: the embedded default. The worker under `wrangler dev` with local Durable
// Object state, the HD4DP emulator it delivers to, and the demo EHR the extension reads. Ctrl-C stops everything,
// wrangler's process group included (no orphaned workerd, docs/stack.md). Both the worker and the
// emulator keep their state in .wrangler/state, so a second start finds the outbox and the
// registry as the first one left them; `npm start -- --reset` starts both from scratch.
import { spawnSync } from "node:child_process";
import { appendFileSync, copyFileSync, existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startDemoEhr } from "./demo-ehr/start-demo-ehr.ts";
import { startHd4dpEmulator } from "./hd4dp-emulator/start-hd4dp-emulator.ts";
import { readDevVars } from "./lib/read-dev-vars.ts";
import { REPO_ROOT, startWranglerDev } from "./lib/start-wrangler-dev.ts";

const { values: flags } = parseArgs({ options: { reset: { type: "boolean" } } });
const STATE = join(REPO_ROOT, ".wrangler", "state");

interface Service {
  name: string;
  /** What the developer reads next to the URL. */
  about: string;
  start(): Promise<{ url: string; stop(): Promise<void> }>;
}

const HOST = "127.0.0.1";

// Started in this order and stopped in reverse.
const services: Service[] = [
  {
    name: "hd4dp",
    about:
      "HD4DP S2S emulator (state in .wrangler/state); inspect GET /_emulator/received, faults POST /_emulator/faults",
    start: () =>
      startHd4dpEmulator({
        port: 8788,
        host: HOST,
        stateFile: join(STATE, "hd4dp-emulator.json"),
        log: (line) => console.log(`[hd4dp] ${line}`),
      }).then((emulator) => ({ url: emulator.url, stop: emulator.close })),
  },
  {
    name: "worker",
    about: "registration API (wrangler dev, state in .wrangler/state)",
    start: () =>
      startWranglerDev({
        port: 8787,
        host: HOST,
        persistTo: STATE,
        log: (line) => console.log(`[worker] ${line}`),
      }),
  },
  {
    name: "demo-ehr",
    about: "demo EHR with synthetic patients: open a chart with the extension loaded",
    start: () =>
      startDemoEhr({ port: 8789, host: HOST }).then((ehr) => ({ url: ehr.url, stop: ehr.close })),
  },
];

if (flags.reset) {
  rmSync(STATE, { recursive: true, force: true });
  console.log(
    "--reset: deleted .wrangler/state (the worker's Durable Object state and the HD4DP emulator's records).",
  );
}

const devVars = join(REPO_ROOT, ".dev.vars");
const example = join(REPO_ROOT, ".dev.vars.example");
if (!existsSync(devVars)) {
  copyFileSync(example, devVars);
  console.log("Created .dev.vars from .dev.vars.example (development values only).");
} else {
  // A variable the worker gained since .dev.vars was made would stop it at its first request:
  // take it over from the example, line as written there. Names only on the console.
  const present = readDevVars(devVars);
  const lines = readFileSync(example, "utf8").split(/\r?\n/);
  const added = Object.keys(readDevVars(example))
    .filter((name) => !Object.hasOwn(present, name))
    .flatMap((name) => {
      const line = lines.find((l) => new RegExp(`^\\s*(?:export\\s+)?${name}\\s*=`).test(l));
      return line === undefined ? [] : [{ name, line }];
    });
  if (added.length > 0) {
    const before = readFileSync(devVars, "utf8");
    const separator = before === "" || before.endsWith("\n") ? "" : "\n";
    const block = added.map(({ line }) => line).join("\n");
    appendFileSync(
      devVars,
      `${separator}\n# Added by npm start from .dev.vars.example (development values only).\n${block}\n`,
    );
    const names = added.map(({ name }) => name).join(", ");
    console.log(`Added ${names} to .dev.vars from .dev.vars.example (development values only).`);
  }
}

// The unpacked extension to load in the browser, built once, on the first start: a
// development build, the one that knows this local worker and the demo EHR (a release build
// knows neither).
if (!existsSync(join(REPO_ROOT, "extension", ".output", "chrome-mv3-dev", "manifest.json"))) {
  console.log("Building the extension (first start only) ...");
  const build = spawnSync("npx", ["wxt", "build", "extension", "--mode", "development"], {
    cwd: REPO_ROOT,
    stdio: "inherit",
  });
  if (build.status !== 0) console.error("The extension did not build; the servers start anyway.");
}

const running: { name: string; stop(): Promise<void> }[] = [];
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const service of running.reverse()) {
      await service.stop().catch((error: unknown) => {
        console.error(`[${service.name}] stop failed: ${(error as Error).message}`);
      });
    }
  }
  process.exit(code);
}

process.once("SIGINT", () => void stopAll(0));
process.once("SIGTERM", () => void stopAll(0));

const lines: string[] = [];
for (const service of services) {
  try {
    const { url, stop } = await service.start();
    running.push({ name: service.name, stop });
    lines.push(`  ${service.name.padEnd(8)} ${url.padEnd(24)} ${service.about}`);
  } catch (error) {
    console.error(`[${service.name}] failed to start: ${(error as Error).message}`);
    await stopAll(1);
  }
}

console.log(`
Ready:
${lines.join("\n")}

Try:
  curl -s -H 'Authorization: Bearer local-dev-token' -H 'Content-Type: application/json' -d '{"codes":["281116","224674"]}' http://${HOST}:8787/v1/eligibility

Extension: npm run build:extension:dev, then load extension/.output/chrome-mv3-dev unpacked
(chrome://extensions, developer mode) and set the API token local-dev-token in its options.

Ctrl-C stops everything.`);
