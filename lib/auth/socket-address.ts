import "server-only";
import { Server, type IncomingMessage } from "node:http";

// Next.js (16, App Router) gives server actions and route handlers the
// request's headers but not its socket, and `next start` fills
// X-Forwarded-For with the socket's address only when the client sent none,
// so from `headers()` alone a client picks its own address. Short of a custom
// server, the one place that sees the socket is Node's HTTP server itself:
// this wraps its 'request' event (in this process, before Next's handler runs)
// to copy the socket's address into a header of our own, overwriting whatever
// a client sent under that name. lib/auth/client-address.ts reads it.

export const SOCKET_ADDRESS_HEADER = "x-switchyard-socket-address";

const installed = Symbol.for("switchyard.socket-address");

export function installSocketAddressHeader(): void {
  const proto = Server.prototype as Server & { [installed]?: true };
  if (proto[installed]) return;
  proto[installed] = true;
  const emit = proto.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as IncomingMessage;
      req.headers[SOCKET_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "";
    }
    return emit.call(this, event, ...args);
  } as Server["emit"];
}
