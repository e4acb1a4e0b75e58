import { z } from "zod";
import { isUnicastMac, isZeroMac, normalizeMac } from "../net/mac";
import type { HostSnapshot } from "../host/snapshot";

// MACs for new guest NICs. 52:54:00 is the prefix QEMU and libvirt use for
// their own guests, so a generated address reads as a VM's at a glance.

const LIBVIRT_MAC_PREFIX = "52:54:00";

export const macSchema = z
  .string()
  .trim()
  .transform(normalizeMac)
  .refine((m) => /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/.test(m), "Write six hex pairs separated by colons, e.g. 52:54:00:12:34:56.")
  .refine((m) => !isZeroMac(m), "00:00:00:00:00:00 is not an address a NIC can have.")
  .refine(isUnicastMac, "That is a multicast address (the first octet is odd); a NIC needs a unicast one.");

/** Every MAC on the host's guests and links: a new NIC must not repeat one on its segment. */
export function macsInUse(snapshot: Pick<HostSnapshot, "domains" | "links">): Set<string> {
  const used = new Set<string>();
  for (const d of snapshot.domains) for (const nic of d.interfaces) if (nic.mac) used.add(normalizeMac(nic.mac));
  for (const l of snapshot.links) if (l.mac) used.add(normalizeMac(l.mac));
  return used;
}

const hex = (n: number) => n.toString(16).padStart(2, "0");

/** A fresh 52:54:00:xx:xx:xx not in `used`. `random` returns three bytes (injectable for tests). */
export function generateMac(used: ReadonlySet<string>, random: () => [number, number, number]): string {
  for (let attempt = 0; attempt < 64; attempt++) {
    const mac = `${LIBVIRT_MAC_PREFIX}:${random().map((b) => hex(b & 0xff)).join(":")}`;
    if (!used.has(mac)) return mac;
  }
  throw new Error("could not find an unused MAC address");
}
