/** A JSON `{ message }` reply, the contract's ErrorReplySchema (ASSUMED) for any refusal. */
export function jsonMessage(status: number, text: string, headers?: Record<string, string>) {
  return Response.json({ message: text }, { status, headers });
}
