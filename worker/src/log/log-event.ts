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

export function logEvent(event: string, fields: LogFields = {}): void {
  console.log(JSON.stringify({ event, ...fields }));
}

export function logError(event: string, fields: LogFields = {}): void {
  console.error(JSON.stringify({ event, level: "error", ...fields }));
}
