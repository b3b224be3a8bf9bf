// The emulator (create-hd4dp-emulator-app.ts) on a real socket, for `npm start`, the
// relay stack and the Node tests. It plays the socket faults the app asks for
// (socket-fault-reply.ts) on the connection itself, and keeps the state in a file when
// given one, so a restart remembers what it received.
import type { Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { createAdaptorServer, type HttpBindings } from "@hono/node-server";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import { createFileStateStore } from "./create-file-state-store.ts";
import {
  createHd4dpEmulatorApp,
  type Hd4dpEmulatorAppOptions,
  type Hd4dpEmulatorControl,
} from "./create-hd4dp-emulator-app.ts";
import { socketFaultOf } from "./socket-fault-reply.ts";

export { DEV_CLIENT_ID, DEV_CLIENT_SECRET } from "./create-hd4dp-emulator-app.ts";

export interface StartHd4dpEmulatorOptions extends Omit<Hd4dpEmulatorAppOptions, "store"> {
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  /** JSON file of the state (created when missing). Default: memory, forgotten on close. */
  stateFile?: string;
}

export interface Hd4dpEmulator extends Hd4dpEmulatorControl {
  url: string;
  close(): Promise<void>;
}

export async function startHd4dpEmulator(
  options: StartHd4dpEmulatorOptions,
): Promise<Hd4dpEmulator> {
  const { port, host = "127.0.0.1", stateFile, ...appOptions } = options;
  const { app, control } = createHd4dpEmulatorApp({
    ...appOptions,
    ...(stateFile === undefined ? {} : { store: createFileStateStore(stateFile) }),
  });
  const held = new Set<ReturnType<typeof setTimeout>>();

  /** Hold the call without a reply, then hang up: longer than the client waits. */
  function hold(socket: Socket, ms: number): void {
    const timer = setTimeout(() => socket.destroy(), ms);
    held.add(timer);
    socket.once("close", () => {
      clearTimeout(timer);
      held.delete(timer);
    });
  }

  const server = createAdaptorServer({
    // The globals stay Node's own: this runs inside tests and `npm start`.
    overrideGlobalObjects: false,
    fetch: async (request, env) => {
      const response = await app.fetch(request);
      const fault = socketFaultOf(response);
      if (fault === undefined) return response;
      await response.body?.cancel();
      const { socket } = (env as HttpBindings).incoming;
      if (fault.kind === "timeout") hold(socket, fault.holdMs);
      else socket.destroy();
      return RESPONSE_ALREADY_SENT;
    },
  }) as Server;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    ...control,
    url: `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`,
    close: async () => {
      for (const timer of held) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
