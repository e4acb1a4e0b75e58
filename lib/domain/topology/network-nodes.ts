import type { NetworkFact, IpRouteEntry } from "./facts";
import type { GraphDraft } from "./draft";
import { nodeId } from "./ids";
import { forwardLabel } from "./labels";

// libvirt networks. A layer-3 network (isolated, nat, route, open) owns its
// virbrN, so one node stands for both and taps attach to it. A mode='bridge'
// network names an existing host bridge instead, which keeps its own node.

const OWNS_BRIDGE = new Set(["isolated", "nat", "route", "open"]);
const MACVTAP_MODES = new Set(["bridge", "private", "vepa", "passthrough"]);

/** A mode='bridge' network without a host bridge of its own is a macvtap pool: say so, "Bridge" alone misleads. */
function isMacvtapPool(net: NetworkFact): boolean {
  return MACVTAP_MODES.has(net.forward.mode) && !(net.forward.mode === "bridge" && net.bridge);
}

export function modeLabel(net: NetworkFact): string {
  return isMacvtapPool(net) ? `macvtap ${net.forward.mode}` : forwardLabel(net.forward.mode);
}

export function networkNodeId(host: string, net: NetworkFact): string {
  return nodeId(host, "network", net.uuid || net.name);
}

export function addNetworks(draft: GraphDraft, networks: NetworkFact[]) {
  for (const net of networks) {
    const id = networkNodeId(draft.host, net);
    const mode = modeLabel(net);
    const subnets = [...(net.ipv4 ?? []), ...(net.ipv6 ?? [])];
    draft.add({
      id,
      kind: "network",
      label: net.name,
      sublabels: [net.bridge, mode, ...subnets].filter((s): s is string => !!s),
      state: net.active ? "active" : "inactive",
      networkName: net.name,
      networks: [net.name],
      details: [
        { label: "Network", value: net.name },
        { label: "UUID", value: net.uuid },
        { label: "State", value: net.active ? "active" : "inactive" },
        { label: "Mode", value: mode },
        ...(net.bridge ? [{ label: "Bridge", value: net.bridge }] : []),
        ...(net.forward.dev ? [{ label: "Forward device", value: net.forward.dev }] : []),
        ...subnets.map((s) => ({ label: s.includes(":") ? "IPv6" : "IPv4", value: s })),
      ],
    });
    if (net.bridge && OWNS_BRIDGE.has(net.forward.mode)) draft.byIfname.set(net.bridge, id);
  }
}

/** The default route's device: where NAT, routed and open traffic leaves when no forward dev pins it. */
export function defaultRouteDev(routes: IpRouteEntry[]): string | undefined {
  const defaults = routes.filter((r) => r.dst === "default" && r.dev);
  defaults.sort((a, b) => (a.metric ?? 0) - (b.metric ?? 0));
  return defaults[0]?.dev;
}

/** network → uplink edges; call once every link has its node, so the target resolves. */
export function addUplinks(draft: GraphDraft, networks: NetworkFact[], routes: IpRouteEntry[]) {
  const viaRoute = defaultRouteDev(routes);
  for (const net of networks) {
    const id = networkNodeId(draft.host, net);
    const { mode, dev, interfaces = [] } = net.forward;
    const label = modeLabel(net);
    const configured = !net.active;
    if (mode === "nat" || mode === "route" || mode === "open") {
      const uplink = dev ?? viaRoute;
      if (!uplink) continue;
      const target = draft.nodeForIfname(uplink);
      draft.connect(id, target, "uplink", { label, configured });
      draft.tag(target, net.name);
    } else if (mode === "bridge" && net.bridge) {
      const target = draft.nodeForIfname(net.bridge);
      draft.connect(id, target, "uplink", { label, configured });
      draft.tag(target, net.name);
    } else if (isMacvtapPool(net)) {
      for (const lower of new Set([...(dev ? [dev] : []), ...interfaces])) {
        const target = draft.nodeForIfname(lower);
        draft.connect(id, target, "uplink", { label, configured });
        draft.tag(target, net.name);
      }
    }
    // isolated and hostdev: nothing leaves by a host device.
  }
}
