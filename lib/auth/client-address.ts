import "server-only";
import { headers } from "next/headers";
import { SOCKET_ADDRESS_HEADER } from "./socket-address";

/** Whether a reverse proxy in front sets X-Forwarded-For (SWITCHYARD_TRUST_PROXY=1). */
export const trustsProxy = () => process.env.SWITCHYARD_TRUST_PROXY === "1";

/**
 * The address the per-address sign-in limit counts against and the audit log
 * shows. Without SWITCHYARD_TRUST_PROXY=1 it is the TCP peer's address (see
 * ./socket-address.ts), whatever X-Forwarded-For says. With it, the last
 * X-Forwarded-For entry: the address the proxy itself saw, which it appends.
 */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  if (trustsProxy()) {
    const last = (h.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean).pop();
    if (last) return last.slice(0, 64);
  }
  return (h.get(SOCKET_ADDRESS_HEADER) || "unknown").slice(0, 64);
}
