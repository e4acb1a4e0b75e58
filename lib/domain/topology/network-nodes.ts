import type { HostRoute, SnapshotNetwork } from "../host/snapshot";
import { defaultRouteDev } from "../host/routes";
import { isLayer3, MODES, modeOf, modeOfForward, type TopologyRole } from "../network/modes";
import type { GraphDraft } from "./draft";
import { nodeId } from "./ids";

// libvirt networks, drawn as the mode table says (lib/domain/network/modes.ts).
// A network whose mode owns its bridge (virbrN) is one node with it, so taps
// attach to the network; a bridge network names a host bridge that keeps its
// own node; "uplink" networks leave by their forward dev or the default route.

type NetworkView = {
  label: string;
  bridge?: string;
  ownsBridge: boolean;
  role: TopologyRole;
  /** The configured devices it leaves by; empty for an "uplink" network that follows the default route. */
  uplinks: string[];
  subnets: string[];
};

const cidr = (ip?: { address: string; prefix: number }) => (ip ? [`${ip.address}/${ip.prefix}`] : []);

/** When the model could not read the XML, the bridge and mode are still worth drawing. */
function viewFromXml(xml: string): NetworkView {
  const forward = /<forward\b[^>]*\bmode=['"]([a-z]+)['"]/.exec(xml)?.[1] ?? (/<forward\b/.test(xml) ? "nat" : null);
  const bridge = /<bridge\b[^>]*\bname=['"]([^'"]+)['"]/.exec(xml)?.[1];
  const mode = modeOfForward(forward, !!bridge);
  if (!mode) return { label: forward ?? "unknown", bridge, ownsBridge: false, role: "closed", uplinks: [], subnets: [] };
  const row = MODES[mode];
  const label = mode === "macvtap" ? `macvtap ${forward}` : row.label;
  return { label, bridge, ownsBridge: row.ownsBridge, role: row.topology, uplinks: mode === "bridge" && bridge ? [bridge] : [], subnets: [] };
}

function networkView(net: SnapshotNetwork): NetworkView {
  const spec = net.spec;
  if (!spec) return viewFromXml(net.xml);
  const row = modeOf(spec);
  return {
    label: row.graphLabel(spec),
    bridge: row.bridge(spec),
    ownsBridge: row.ownsBridge,
    role: row.topology,
    uplinks: row.uplinks(spec),
    subnets: isLayer3(spec) ? [...cidr(spec.ipv4), ...cidr(spec.ipv6)] : [],
  };
}

export function networkNodeId(host: string, net: Pick<SnapshotNetwork, "uuid" | "name">): string {
  return nodeId(host, "network", net.uuid || net.name);
}

export function addNetworks(draft: GraphDraft, networks: SnapshotNetwork[]) {
  for (const net of networks) {
    const id = networkNodeId(draft.host, net);
    const view = networkView(net);
    draft.add({
      id,
      kind: "network",
      label: net.name,
      sublabels: [view.bridge, view.label, ...view.subnets].filter((s): s is string => !!s),
      state: net.active ? "active" : "inactive",
      networkName: net.name,
      networks: [net.name],
      details: [
        { label: "Network", value: net.name },
        { label: "UUID", value: net.uuid },
        { label: "State", value: net.active ? "active" : "inactive" },
        { label: "Mode", value: view.label },
        ...(view.bridge ? [{ label: "Bridge", value: view.bridge }] : []),
        ...(view.role === "uplink" && view.uplinks[0] ? [{ label: "Forward device", value: view.uplinks[0] }] : []),
        ...view.subnets.map((s) => ({ label: s.includes(":") ? "IPv6" : "IPv4", value: s })),
      ],
    });
    if (view.bridge && view.ownsBridge) draft.byIfname.set(view.bridge, id);
  }
}

/** network → uplink edges; call once every link has its node, so the target resolves. */
export function addUplinks(draft: GraphDraft, networks: SnapshotNetwork[], routes: HostRoute[]) {
  const viaRoute = defaultRouteDev(routes);
  for (const net of networks) {
    const id = networkNodeId(draft.host, net);
    const view = networkView(net);
    const targets =
      view.role === "uplink" ? (view.uplinks.length ? view.uplinks : viaRoute ? [viaRoute] : [])
      : view.role === "named" ? view.uplinks
      : [];
    for (const dev of new Set(targets)) {
      const target = draft.nodeForIfname(dev);
      draft.connect(id, target, "uplink", { label: view.label, configured: !net.active });
      draft.tag(target, net.name);
    }
  }
}
