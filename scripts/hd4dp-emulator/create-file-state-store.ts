// Node only: the emulator's state in a JSON file (`npm start` keeps it in .wrangler/state,
// beside the worker's). Written whole to a temporary file and renamed over the old one, so
// a crash leaves the old state or the new one, never half a file.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { EmulatorStateSchema, type StateStore } from "./emulator-state-schema.ts";

export function createFileStateStore(file: string): StateStore {
  return {
    load: () => {
      if (!existsSync(file)) return undefined;
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(file, "utf8"));
      } catch {
        throw new Error(`${file} is not JSON: delete it, or start the emulator with --reset`);
      }
      const parsed = EmulatorStateSchema.safeParse(json);
      if (!parsed.success) {
        throw new Error(
          `${file} is not an emulator state (delete it, or start with --reset): ${z.prettifyError(parsed.error)}`,
        );
      }
      return parsed.data;
    },
    save: (state) => {
      mkdirSync(dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      // The business-key secret is in it: for this user only.
      writeFileSync(temporary, JSON.stringify(state), { mode: 0o600, flush: true });
      renameSync(temporary, file);
    },
  };
}
