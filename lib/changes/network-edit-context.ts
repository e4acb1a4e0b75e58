import "server-only";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import type { HostRef, HostSnapshot, SnapshotNetwork } from "@/lib/domain/host/snapshot";
import { findNetworkByUuid } from "@/lib/domain/host/snapshot-vms";
import { isLayer3, parseNetworkXml, type Layer3Network } from "@/lib/domain/network";
import { readHostSnapshot } from "@/lib/libvirt/host-snapshot";
import { withHost } from "@/lib/libvirt/host-read";
import { readInactiveXml } from "@/lib/libvirt/xml-edit/read-inactive";
import type { SshTarget } from "@/lib/ssh";

// What every DHCP, DNS and XML edit starts from: the network as the host has
// it right now, found by UUID (a name may have been reused since the page
// loaded), with both its live state and its persistent definition. Edits that
// redefine the network start from the persistent XML, never from the live
// one, so a redefinition does not freeze runtime details into the config.

export type EditContext = {
  host: HostRef;
  target: SshTarget;
  snapshot: HostSnapshot;
  network: SnapshotNetwork;
  /** `net-dumpxml --inactive`: what net-define would replace. */
  inactiveXml: string;
  /** The model's reading of inactiveXml; null for modes without addresses. */
  config: Layer3Network | null;
  /** XML the model does not carry (a rebuild from `config` would drop it). */
  unmodeled: string[];
};

export async function loadEditContext(hostName: string, uuid: string): Promise<ActionResult<EditContext>> {
  const read = await withHost(hostName, async (host, target) => {
    const snapshot = await readHostSnapshot(target);
    const network = findNetworkByUuid(snapshot, uuid);
    return { host, target, snapshot, network, inactiveXml: network ? await readInactiveXml(target, network.uuid) : "" };
  });
  if (!read.ok) return read;
  const { host, target, snapshot, network, inactiveXml } = read.data;
  if (!network) return fail("network-not-found", "That network is no longer on the host; refresh the page.");
  const parsed = parseNetworkXml(inactiveXml);
  if (!parsed.ok) return fail("unreadable", `Switchyard cannot read this network's XML: ${parsed.error}`);
  const config = isLayer3(parsed.spec) ? parsed.spec : null;
  return ok({ host, target, snapshot, network, inactiveXml, config, unmodeled: parsed.unmodeled });
}

/** The live model too when the network runs, so a check sees both copies net-update changes. */
export function specsToCheck(ctx: EditContext): Layer3Network[] {
  const live = ctx.network.active && ctx.network.spec && isLayer3(ctx.network.spec) ? ctx.network.spec : null;
  return [ctx.config, live].filter((s): s is Layer3Network => s !== null);
}
