import "server-only";
import { fail, type ActionResult } from "@/lib/actions/result";
import type { HostRef, HostSnapshot } from "@/lib/domain/host/snapshot";
import { readHostSnapshot } from "@/lib/libvirt/host-snapshot";
import { withHost } from "@/lib/libvirt/host-read";

// Every host a cross-host change touches is read fresh, in parallel (one exec
// each), before anything is planned. A host that has not answered within the
// bound counts as not answering: a dead host must not hold up the page or the
// plan for the transport's full connect and command timeouts.

export type HostRead = { host: HostRef; snapshot: HostSnapshot };

/** How long a cross-host read waits for each host. */
export const HOST_ANSWER_MS = 6_000;

export function within<T>(work: Promise<ActionResult<T>>, ms: number, what: string): Promise<ActionResult<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<ActionResult<T>>((resolve) => {
    timer = setTimeout(() => resolve(fail("timeout", `${what} did not answer within ${ms / 1000} s.`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export function readHosts(hostIdsOrNames: string[], ms = HOST_ANSWER_MS): Promise<ActionResult<HostRead>[]> {
  return Promise.all(
    hostIdsOrNames.map((h) => within(withHost(h, async (host, target) => ({ host, snapshot: await readHostSnapshot(target, { scope: "full" }) })), ms, "The host")),
  );
}
