// From the wizard's form to a NetworkSpec, and the form's starting values.
import { parseCidr, type Cidr } from "../net/ip";
import { cryptoRandomBytes, defaultDhcpV4, defaultDhcpV6, defaultIpv4Network, defaultNetworkName, randomUlaNetwork, type RandomBytes } from "./defaults";
import type { HostFacts } from "./facts";
import { defaultDomainFor } from "./schema/dns";
import { gatewayOf } from "./schema/subnet";
import { wizardPortgroups, type WizardDeviceValues, type WizardFamilyValues, type WizardValues } from "./schema/wizard";
import { MODES } from "./modes";
import type { IpConfig, NetworkSpec } from "./spec";

function familyDefaults(network: string | null, dhcp: (c: Cidr) => { start: string; end: string }, enabled: boolean): WizardFamilyValues {
  const c = network ? parseCidr(network) : null;
  const range = c ? dhcp(c) : { start: "", end: "" };
  return {
    enabled: enabled && !!c,
    network: network ?? "",
    confirmPublic: false,
    dhcpEnabled: true,
    dhcpStart: range.start,
    dhcpEnd: range.end,
    routeEnabled: false,
    routeNetwork: "",
    routeGateway: "",
  };
}

/**
 * The values virt-manager starts its wizard with: the first free name and /24,
 * DHCPv4 on; IPv6 off but prefilled with a random ULA /64; NAT to any
 * device; DNS domain = the name; start at boot.
 */
export function defaultWizardValues(facts: HostFacts, random: RandomBytes = cryptoRandomBytes): WizardValues {
  const name = defaultNetworkName(facts);
  return {
    name,
    ipv4: familyDefaults(defaultIpv4Network(facts), defaultDhcpV4, true),
    ipv6: familyDefaults(randomUlaNetwork(random), defaultDhcpV6, false),
    connection: "virtual",
    device: EMPTY_WIZARD_DEVICE,
    forward: { kind: "forward", destination: "", mode: "nat" },
    ipv6Internal: false,
    domain: defaultDomainFor(name),
    autostart: true,
  };
}

/** The device step's starting values: nothing chosen, macvtap in bridge mode (guests on one NIC reach each other). */
export const EMPTY_WIZARD_DEVICE: WizardDeviceValues = { hostBridge: "", ovs: false, portgroups: [], defaultPortgroup: "0", macvtapMode: "bridge", interfaces: [], pf: "" };

function ipFrom(v: WizardFamilyValues): IpConfig | undefined {
  if (!v.enabled) return undefined;
  const c = parseCidr(v.network.trim());
  if (!c) throw new Error(`wizardToSpec: invalid network ${JSON.stringify(v.network)}; validate first`);
  const ip: IpConfig = { address: gatewayOf(c), prefix: c.prefix, routes: [] };
  if (v.dhcpEnabled) ip.dhcp = { ranges: [{ start: v.dhcpStart.trim(), end: v.dhcpEnd.trim() }], hosts: [] };
  if (v.routeEnabled) {
    const r = parseCidr(v.routeNetwork.trim());
    if (!r) throw new Error(`wizardToSpec: invalid route ${JSON.stringify(v.routeNetwork)}; validate first`);
    ip.routes.push({ address: r.address, prefix: r.prefix, gateway: v.routeGateway.trim() });
  }
  return ip;
}

/**
 * The spec the wizard describes. Call it with values that passed
 * `wizardSchema`; it throws on a network it cannot parse rather than guess.
 * No bridge name is set: libvirt picks virbrN, as with virt-manager.
 */
export function wizardToSpec(v: WizardValues, opts: { uuid?: string } = {}): NetworkSpec {
  if (v.connection !== "virtual") {
    // A device network is its name and its devices: no addresses, DHCP, DNS or domain (libvirt refuses them).
    const d = v.device;
    const device = { hostBridge: d.hostBridge, ovs: d.ovs, portgroups: wizardPortgroups(d), macvtapMode: d.macvtapMode, interfaces: d.interfaces, pf: d.pf };
    return MODES[v.connection].wizard.spec({ name: v.name, ...(opts.uuid ? { uuid: opts.uuid } : {}) }, device);
  }
  const base = {
    name: v.name,
    ...(opts.uuid ? { uuid: opts.uuid } : {}),
    ...(v.domain.trim() ? { domain: { name: v.domain.trim() } } : {}),
    ...(v.ipv6Internal ? { ipv6Internal: true } : {}),
  };
  const ipv4 = ipFrom(v.ipv4);
  const ipv6 = ipFrom(v.ipv6);
  const ips = { ...(ipv4 ? { ipv4 } : {}), ...(ipv6 ? { ipv6 } : {}) };
  const form = v.forward.kind === "isolated" ? MODES.isolated.wizard : MODES[v.forward.mode].wizard;
  return form.spec({ ...base, ...ips }, form.destination ? v.forward.destination : "");
}

/**
 * A link such as "Create a bridged network" on a bridge row opens the wizard
 * with `?mode=bridge&bridge=NAME`: start on the bridged connection with that
 * bridge chosen — but only a bridge the host read actually lists, so a crafted
 * link can preselect nothing the host does not have.
 */
export function preselectHostBridge(values: WizardValues, bridges: readonly { name: string; ovs: boolean }[], query: { mode?: unknown; bridge?: unknown }): WizardValues {
  if (query.mode !== "bridge" || typeof query.bridge !== "string") return values;
  const bridge = bridges.find((b) => b.name === query.bridge);
  if (!bridge) return values;
  return { ...values, connection: "bridge", device: { ...values.device, hostBridge: bridge.name, ovs: bridge.ovs } };
}
