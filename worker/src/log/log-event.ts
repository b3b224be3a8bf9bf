// The worker's only logger. Its fields are a closed list of data-free values (ids, states,
// counts, status codes), so patient data (NISS, names, birth dates) cannot reach a log line
// by accident: there is no free-text field to put it in.

export interface LogFields {
  hospitalId?: string;
  registrationId?: string;
  requestId?: string;
  state?: string;
  attempts?: number;
  httpStatus?: number;
  delayMs?: number;
  method?: string;
  route?: string;
  errorName?: string;
  /** A delivery error code (outbox/next-delivery-state.ts). */
  code?: string;
  variable?: string;
  count?: number;
  dcdId?: string;
  dcdVersion?: string;
}

/** Where log lines go: the console (Workers Logs collects it), or a test's own sink. */
export type LogSink = (line: string, level: "info" | "error") => void;

const toConsole: LogSink = (line, level) =>
  level === "error" ? console.error(line) : console.log(line);

let sink: LogSink = toConsole;

/** Replaces the sink (tests: silent, or reading the lines); returns the one it replaced. */
export function setLogSink(next: LogSink | null): LogSink {
  const previous = sink;
  sink = next ?? toConsole;
  return previous;
}

export function logEvent(event: string, fields: LogFields = {}): void {
  sink(JSON.stringify({ event, ...fields }), "info");
}

export function logError(event: string, fields: LogFields = {}): void {
  sink(JSON.stringify({ event, level: "error", ...fields }), "error");
}
