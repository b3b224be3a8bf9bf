// A socket fault (a dropped, held or refused connection) is no HTTP reply, so the
// runtime-neutral app cannot play it: it answers with this marked stand-in instead, and the
// transport in front of it plays the fault. The Node runner destroys the socket
// (start-hd4dp-emulator.ts); in workerd tests emulator-fetch.ts throws what a failed fetch
// throws. A transport that ignores the marker sends the stand-in, a 599 that says why,
// rather than something a client could take for a registry reply.
import { jsonMessage } from "./json-message.ts";

export type SocketFault =
  /** The connection is reset after the call reached the emulator (maybe after processing it). */
  | { kind: "drop" }
  /** The emulator is unreachable: the connection is reset before anything is read. */
  | { kind: "down" }
  /** No reply for `holdMs`, then the connection is reset: longer than a client waits. */
  | { kind: "timeout"; holdMs: number };

export const SOCKET_FAULT_HEADER = "x-hd4dp-emulator-socket-fault";
const HOLD_HEADER = "x-hd4dp-emulator-hold-ms";
const STAND_IN_STATUS = 599;

export function socketFaultReply(fault: SocketFault): Response {
  const headers: Record<string, string> = { [SOCKET_FAULT_HEADER]: fault.kind };
  if (fault.kind === "timeout") headers[HOLD_HEADER] = String(fault.holdMs);
  const text = `socket fault "${fault.kind}": the transport was to play it, not send this`;
  return jsonMessage(STAND_IN_STATUS, text, headers);
}

/** The socket fault a reply of the app stands for, or undefined for a reply to send. */
export function socketFaultOf(response: Response): SocketFault | undefined {
  if (response.status !== STAND_IN_STATUS) return undefined;
  const kind = response.headers.get(SOCKET_FAULT_HEADER);
  if (kind === "drop" || kind === "down") return { kind };
  if (kind === "timeout") return { kind, holdMs: Number(response.headers.get(HOLD_HEADER)) };
  return undefined;
}
