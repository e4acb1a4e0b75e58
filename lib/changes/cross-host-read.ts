import "server-only";
import type { ActionResult } from "@/lib/actions/result";
import type { HostRef, HostSnapshot } from "@/lib/domain/host/snapshot";
import { readHostSnapshot } from "@/lib/libvirt/host-snapshot";
import { withHost } from "@/lib/libvirt/host-read";

// Every host a cross-host change touches is read fresh, in parallel (one exec
// each), before anything is planned.

export type HostRead = { host: HostRef; snapshot: HostSnapshot };

export function readHosts(hostIdsOrNames: string[]): Promise<ActionResult<HostRead>[]> {
  return Promise.all(hostIdsOrNames.map((h) => withHost(h, async (host, target) => ({ host, snapshot: await readHostSnapshot(target, { scope: "full" }) }))));
}
