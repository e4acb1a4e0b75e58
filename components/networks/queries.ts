import type { ActionResult } from "@/lib/actions/result";
import type { HostView } from "@/lib/domain/host/snapshot";
import type { ServedRows } from "@/lib/hosts/live-model";
import { hostRowsHref, hostViewHref } from "@/lib/routes";

// One TanStack Query per host and scope, keyed by the host's name. The
// live-updates stream invalidates ["host-view", host, …] to refetch a host
// through the one-exec reader. The network pages read libvirt only; topology
// reads the kernel side too ("full"), so the two never share a cached answer.
export type HostViewScope = "networks" | "full";

export const hostViewKey = (host: string, scope: HostViewScope = "networks") => ["host-view", host, scope] as const;
/** The networks lists (host and fleet) cache only their rows, under the same "host-view" prefix live updates refresh. */
export const hostRowsKey = (host: string) => ["host-view", host, "rows"] as const;

/** The browser gives up on its own a little after the server's read timeout. */
const CLIENT_TIMEOUT_MS = 35_000;

export async function fetchHostView(host: string, signal?: AbortSignal, scope: HostViewScope = "networks"): Promise<ActionResult<HostView>> {
  const timeout = AbortSignal.timeout(CLIENT_TIMEOUT_MS);
  const response = await fetch(hostViewHref(host, scope), {
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    cache: "no-store",
  });
  if (!response.ok && response.headers.get("content-type")?.includes("json") !== true) {
    return { ok: false, code: `http-${response.status}`, message: `The server answered ${response.status}.` };
  }
  return (await response.json()) as ActionResult<HostView>;
}

export type RowsResult = ActionResult<ServedRows>;

/** One host's list rows; `settle` waits for the background read an earlier answer said was running. */
export async function fetchHostRows(host: string, signal?: AbortSignal, settle = false): Promise<RowsResult> {
  const timeout = AbortSignal.timeout(CLIENT_TIMEOUT_MS);
  const response = await fetch(hostRowsHref(host, settle), { signal: signal ? AbortSignal.any([signal, timeout]) : timeout, cache: "no-store" });
  if (!response.ok && response.headers.get("content-type")?.includes("json") !== true) {
    return { ok: false, code: `http-${response.status}`, message: `The server answered ${response.status}.` };
  }
  return (await response.json()) as RowsResult;
}
