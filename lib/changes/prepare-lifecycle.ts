import "server-only";
import { fail, type ActionResult } from "@/lib/actions/result";
import { findNetworkByUuid } from "@/lib/domain/host/snapshot-vms";
import { readHostSnapshot } from "@/lib/libvirt/host-snapshot";
import { withHost } from "@/lib/libvirt/host-read";
import { networkChangePlan, refusal, type NetworkChange } from "@/lib/libvirt/network-plans";
import { storePlan } from "./plan-store";
import type { PrepareRequest } from "./request";
import type { Plan } from "@/lib/domain/plan";

/**
 * Reads the host once, builds the plan for a lifecycle change of the network
 * with this UUID, and stores it for the operator. The plan lists the VMs as
 * they are now, and its commands carry the UUID, so it applies to exactly the
 * network that was shown.
 */
export async function prepareNetworkChange({ operator, host: hostName, input: { uuid, change } }: PrepareRequest<{ uuid: string; change: NetworkChange }>): Promise<ActionResult<Plan>> {
  const read = await withHost(hostName, async (host, target) => ({ host, snapshot: await readHostSnapshot(target) }));
  if (!read.ok) return read;
  const { host, snapshot } = read.data;
  const network = findNetworkByUuid(snapshot, uuid);
  if (!network) return fail("network-not-found", "That network is no longer on the host; refresh the page.");
  const why = refusal(change, network);
  if (why) return fail("invalid-state", why);
  return storePlan(networkChangePlan(change, host, snapshot, network), operator.id);
}
