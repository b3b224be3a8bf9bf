// Runs the worker under `wrangler dev` (local mode) for `npm start`, the fault test, the
// bench and the extension's end-to-end tests. docs/stack.md: killing wrangler's PID orphans
// workerd, so wrangler gets its own process group (detached) and stop() signals the group.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { findFreePort } from "./find-free-port.ts";

export const REPO_ROOT = resolve(import.meta.dirname, "../..");

export interface StartWranglerDevOptions {
  port: number;
  /** Directory of the local Durable Object state (`--persist-to`); kept across restart(). */
  persistTo: string;
  /**
   * The complete local vars and secrets. When given they replace `.dev.vars` (wrangler
   * skips it when an `--env-file` is passed), so tests never read or touch the developer's
   * file. Every name must be declared in wrangler.toml ([vars] or [secrets].required):
   * wrangler drops the others.
   */
  vars?: Record<string, string>;
  host?: string;
  /** Receives wrangler's output line by line. Default: kept only to explain a failed start. */
  log?: (line: string) => void;
  /** How long to wait for GET /healthz to answer 200. Default 60 s. */
  readyTimeoutMs?: number;
  /** The project directory (wrangler.toml). Default: this repository. */
  cwd?: string;
  /**
   * Another DCD folder than wrangler.toml's `[assets] directory` (tests of other registries):
   * the worker then runs from a copy of wrangler.toml whose paths are absolute.
   */
  dcdDirectory?: string;
}

export interface WranglerDev {
  url: string;
  /** The directory of the persisted state (the caller's: never deleted here). */
  readonly persistTo: string;
  /** The vars it runs with now (those of the start, or of the last restart that changed them). */
  readonly vars: Readonly<Record<string, string>> | undefined;
  /** Stops the whole process group (wrangler and workerd). SIGKILL simulates a crash. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /**
   * Stops, then starts again on the same port and persisted state; resolves once /healthz
   * answers. With `vars` it runs with those from now on (the complete set, as at the start):
   * a deploy that changes a setting, such as a key rotation.
   */
  restart(signal?: NodeJS.Signals, change?: { vars?: Record<string, string> }): Promise<void>;
}

const OFFLINE_ENV = {
  // docs/stack.md "wrangler dev offline": no metrics, no cf.json fetch (ENOTFOUND offline), no banner.
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
  NO_COLOR: "1",
  // Its own log level, whatever the caller's (the worker tests hold wrangler's notes back).
  WRANGLER_LOG: "log",
};

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function waitUntilGroupGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!signalGroup(pid, 0)) return true;
    await sleep(50);
  }
  return !signalGroup(pid, 0);
}

/** wrangler.toml of `cwd` with its entry point absolute and the DCD folder replaced. */
function configWithDcdDirectory(cwd: string, dcdDirectory: string): string {
  const toml = readFileSync(join(cwd, "wrangler.toml"), "utf8");
  const main = /^main = "(.+)"$/m.exec(toml)?.[1];
  if (!main || !/^directory = ".+"$/m.test(toml)) {
    throw new Error("startWranglerDev: wrangler.toml has no main or no [assets] directory");
  }
  return toml
    .replace(/^main = ".+"$/m, `main = ${JSON.stringify(resolve(cwd, main))}`)
    .replace(/^directory = ".+"$/m, `directory = ${JSON.stringify(resolve(dcdDirectory))}`);
}

/** dotenv text; refuses values dotenv would alter (quotes, newlines, `$` expansion). */
function toDotenv(vars: Record<string, string>): string {
  return Object.entries(vars)
    .map(([key, value]) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) || /['\n\r$]/.test(value)) {
        throw new Error(
          `startWranglerDev: cannot pass ${key} through an env file (quote, newline or $)`,
        );
      }
      return `${key}='${value}'`;
    })
    .join("\n");
}

export async function startWranglerDev(options: StartWranglerDevOptions): Promise<WranglerDev> {
  const host = options.host ?? "127.0.0.1";
  const cwd = options.cwd ?? REPO_ROOT;
  const url = `http://${host}:${options.port}`;
  const wrangler = join(cwd, "node_modules", "wrangler", "bin", "wrangler.js");
  if (!existsSync(wrangler))
    throw new Error(`wrangler is not installed in ${cwd}: run npm install`);
  const recent: string[] = [];
  let vars = options.vars;
  const envDir =
    options.vars || options.dcdDirectory
      ? mkdtempSync(join(tmpdir(), "wrangler-vars-"))
      : undefined;
  let child: ChildProcess | undefined;
  let killOnExit: (() => void) | undefined;

  const env: NodeJS.ProcessEnv = { ...process.env, ...OFFLINE_ENV };
  // With [secrets] declared, wrangler also reads process.env and prefers it over the env
  // file: a stray REGISTRY_URL in the shell must not redirect a test.
  for (const key of Object.keys(options.vars ?? {})) delete env[key];

  function keep(line: string): void {
    recent.push(line);
    if (recent.length > 40) recent.shift();
    options.log?.(line);
  }

  async function launch(): Promise<void> {
    const args = [wrangler, "dev", "--local", "--ip", host, "--port", String(options.port)];
    args.push("--persist-to", options.persistTo, "--show-interactive-dev-session=false");
    // A fixed inspector port (9229) would collide with a second wrangler dev on the machine.
    args.push("--inspector-port", String(await findFreePort(host)));
    if (envDir && options.dcdDirectory) {
      mkdirSync(envDir, { recursive: true, mode: 0o700 });
      const config = join(envDir, "wrangler.toml");
      writeFileSync(config, configWithDcdDirectory(cwd, options.dcdDirectory));
      args.push("--config", config);
    }
    if (envDir && vars) {
      mkdirSync(envDir, { recursive: true, mode: 0o700 });
      const envFile = join(envDir, ".env");
      writeFileSync(envFile, toDotenv(vars), { mode: 0o600 });
      args.push("--env-file", envFile);
    }
    const started = spawn(process.execPath, args, {
      cwd,
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = started;
    const pid = started.pid;
    if (pid === undefined) throw new Error("could not spawn wrangler dev");
    // If this process dies without stop() (a crashed test), take workerd with it.
    killOnExit = () => signalGroup(pid, "SIGKILL");
    process.once("exit", killOnExit);
    // Always drain the pipes: a full pipe would block wrangler.
    for (const stream of [started.stdout, started.stderr]) {
      if (stream) createInterface({ input: stream }).on("line", keep);
    }
    const exited = new Promise<void>((resolve) => started.once("exit", () => resolve()));
    const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
    let exitedEarly = false;
    void exited.then(() => {
      exitedEarly = true;
    });
    // A worker that answers 5xx again and again is up but misconfigured (the worker checks
    // its config on the first request): say so at once instead of waiting for the deadline.
    let failures = 0;
    let answer = "";
    while (Date.now() < deadline && !exitedEarly && failures < 20) {
      try {
        // The first request also bundles and loads the worker: give it time.
        const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(15_000) });
        answer = `HTTP ${response.status} ${(await response.text()).slice(0, 500)}`;
        if (response.ok) return;
        failures++;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    const why = exitedEarly
      ? "exited"
      : failures > 0
        ? `answers GET /healthz with ${answer}`
        : "did not answer GET /healthz in time";
    await stop("SIGKILL");
    throw new Error(`wrangler dev on ${url} ${why}. Last output:\n${recent.join("\n")}`);
  }

  async function stop(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    const stopping = child;
    child = undefined;
    if (!stopping?.pid) return;
    const pid = stopping.pid;
    const exited =
      stopping.exitCode !== null || stopping.signalCode !== null
        ? Promise.resolve()
        : new Promise<void>((resolve) => stopping.once("exit", () => resolve()));
    signalGroup(pid, signal);
    await Promise.race([exited, sleep(5_000)]);
    // workerd shares the group: wait for it too, and force it if it lingers.
    if (!(await waitUntilGroupGone(pid, 5_000))) {
      signalGroup(pid, "SIGKILL");
      await waitUntilGroupGone(pid, 2_000);
    }
    if (killOnExit) process.off("exit", killOnExit);
    if (envDir) rmSync(join(envDir, ".env"), { force: true });
  }

  try {
    await launch();
  } catch (error) {
    if (envDir) rmSync(envDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    persistTo: options.persistTo,
    get vars() {
      return vars;
    },
    stop: async (signal) => {
      await stop(signal);
      if (envDir) rmSync(envDir, { recursive: true, force: true });
    },
    restart: async (signal, change) => {
      if (change?.vars && !vars) {
        // Without vars it runs on the developer's .dev.vars, which is never written here.
        throw new Error("startWranglerDev: restart can change the vars only of a start with vars");
      }
      // Refused before stopping: a value the env file cannot carry must not leave it down.
      if (change?.vars) toDotenv(change.vars);
      await stop(signal);
      if (change?.vars) {
        vars = change.vars;
        for (const key of Object.keys(vars)) delete env[key];
      }
      await launch();
    },
  };
}
