// What the XML editor accepts outside <metadata>, written out. Paths are the
// element's place under the root, without prefixes (nothing outside
// <metadata> may carry a namespace).

/** Elements the model reads (lib/domain/network/xml-parse.ts), with the attributes it reads or knows. */
export const MODELLED: Readonly<Record<string, readonly string[]>> = {
  "/network": ["connections", "ipv6", "trustGuestRxFilters"],
  "/network/name": [],
  "/network/uuid": [],
  "/network/bridge": ["name", "stp", "delay", "macTableManager", "zone"],
  "/network/mtu": ["size"],
  "/network/mac": ["address"],
  "/network/domain": ["name", "localOnly", "register"],
  "/network/dns": ["enable", "forwardPlainNames"],
  "/network/dns/forwarder": ["addr", "domain"],
  "/network/dns/host": ["ip"],
  "/network/dns/host/hostname": [],
  "/network/ip": ["family", "address", "prefix", "netmask", "localPtr"],
  "/network/ip/dhcp": [],
  "/network/ip/dhcp/range": ["start", "end"],
  "/network/ip/dhcp/host": ["mac", "id", "name", "ip"],
  "/network/route": ["family", "address", "prefix", "netmask", "gateway", "metric"],
  "/network/forward": ["mode", "dev", "managed", "connections"],
  "/network/forward/nat": ["ipv6"],
  "/network/forward/nat/address": ["start", "end"],
  "/network/forward/nat/port": ["start", "end"],
  "/network/forward/interface": ["dev", "connections"],
  "/network/forward/pf": ["dev"],
};

/**
 * libvirt network elements Switchyard passes through without modelling them:
 * they shape guest traffic or describe the network, and give guests nothing
 * of the host's. Their content (without namespaces) is left to libvirt's own
 * schema check, which runs on every edit before a plan is made.
 */
export const PASSTHROUGH: readonly string[] = [
  "/network/title",
  "/network/description",
  "/network/portgroup",
  "/network/bandwidth",
  "/network/vlan",
  "/network/virtualport",
  "/network/port",
  "/network/dns/txt",
  "/network/dns/srv",
  "/network/ip/dhcp/range/lease",
  "/network/ip/dhcp/host/lease",
  "/network/forward/driver",
  // <bootp file> alone names a boot file; <bootp server> is refused (BOOTP_SERVER below).
  "/network/ip/dhcp/bootp",
];

/** Free-form, and any namespace may live inside it (libvirt keeps it for applications). */
export const METADATA = "/network/metadata";

/** libvirt accepts these, but from an editor they expose the host; named so the refusal can say why. */
export const HOST_EXPOSING: Readonly<Record<string, string>> = {
  "/network/ip/tftp": "<tftp root> makes dnsmasq serve that host directory to every guest; Switchyard does not apply it.",
};

/** <bootp server> points every guest's network boot at a machine of the editor's choosing. */
export const BOOTP_SERVER = { path: "/network/ip/dhcp/bootp", attribute: "server", message: "<bootp server> points every guest's network boot at a server of the editor's choosing; Switchyard does not model it, so it does not apply it." };

/** libvirt's dnsmasq passthrough namespace: its options run inside dnsmasq, as root. */
export const DNSMASQ_NS = "http://libvirt.org/schemas/network/dnsmasq/1.0";

/**
 * Forward modes that only route through their device (the host keeps it).
 * Every other mode hands the device to guests (macvtap, passthrough, SR-IOV),
 * which on the console's SSH uplink cuts the host off or puts guests on it.
 */
export const ROUTING_MODES: readonly string[] = ["nat", "route"];
