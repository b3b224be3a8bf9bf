// A progress bar on the terminal (stderr) while batches of acts are checked: only when it is
// a terminal, so a redirected or piped output stays clean.

import type { Writable } from "node:stream";

const WIDTH = 30;

export interface ProgressBar {
  update(done: number): void;
  end(): void;
}

export function createProgressBar(stream: Writable, total: number, label: string): ProgressBar {
  const tty = (stream as Writable & { isTTY?: boolean }).isTTY === true;
  if (!tty) return { update: () => {}, end: () => {} };
  const draw = (done: number) => {
    const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
    stream.write(
      `\r[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${done.toLocaleString("en")}/${total.toLocaleString("en")} ${label}`,
    );
  };
  draw(0);
  return {
    update: draw,
    end: () => stream.write("\r\x1b[K"),
  };
}
