// The CLI as an admin runs it: `bin/spine-reg.js` in a separate Node process, so that tests
// see its exit code and its output as a shell would, not what `main` returns in-process.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const BIN = join(import.meta.dirname, "../../bin/spine-reg.js");

export interface SpineRegRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `spine-reg ...args` to its end; a non-zero exit is a result, not a rejection. */
export async function runSpineReg(...args: string[]): Promise<SpineRegRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as SpineRegRun;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
