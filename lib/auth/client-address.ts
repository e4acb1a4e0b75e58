import "server-only";
import { headers } from "next/headers";

/**
 * The address the per-address sign-in limit counts against. Next fills
 * X-Forwarded-For with the socket's address only when the request has none, so
 * the last entry is the nearest hop's view. Directly exposed, a client can forge
 * it: the per-user limit still holds, and a reverse proxy that overwrites the
 * header makes the per-address limit trustworthy.
 */
export async function clientAddress(): Promise<string> {
  const forwarded = (await headers()).get("x-forwarded-for") ?? "";
  const last = forwarded.split(",").map((s) => s.trim()).filter(Boolean).pop();
  return (last ?? "unknown").slice(0, 64);
}
