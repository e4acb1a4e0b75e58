// Shared builders for the domain tests: a valid NAT spec, wizard values and host facts to vary.
import { EMPTY_FACTS, type HostFacts, type NatNetwork, type WizardValues } from "@/lib/domain/network";

export const natSpec = (): NatNetwork => ({
  name: "net1",
  mode: "nat",
  ipv4: { address: "192.168.100.1", prefix: 24, dhcp: { ranges: [{ start: "192.168.100.128", end: "192.168.100.254" }], hosts: [] }, routes: [] },
});

export const facts = (over: Partial<HostFacts> = {}): HostFacts => ({
  ...EMPTY_FACTS,
  networks: [{ name: "default", uuid: "dd8fe884-6c02-601e-7551-cca97df1c5df", active: true, subnets: ["192.168.122.1/24"], bridge: "virbr0" }],
  addresses: [
    { ifname: "lo", cidr: "127.0.0.1/8" },
    { ifname: "eth0", cidr: "198.18.0.2/30" },
    { ifname: "virbr0", cidr: "192.168.122.1/24" },
  ],
  routes: [{ dst: "10.0.0.0/16", dev: "eth1" }, { dst: "198.18.0.0/30", dev: "eth0" }],
  interfaces: ["lo", "eth0", "eth1", "virbr0", "br0"],
  bridges: ["virbr0", "br0"],
  ...over,
});

export const wizardValues = (): WizardValues => ({
  name: "net1",
  ipv4: { enabled: true, network: "192.168.100.0/24", confirmPublic: false, dhcpEnabled: true, dhcpStart: "192.168.100.128", dhcpEnd: "192.168.100.254", routeEnabled: false, routeNetwork: "", routeGateway: "" },
  ipv6: { enabled: false, network: "", confirmPublic: false, dhcpEnabled: false, dhcpStart: "", dhcpEnd: "", routeEnabled: false, routeNetwork: "", routeGateway: "" },
  connection: "virtual",
  device: { hostBridge: "", ovs: false, portgroups: [], defaultPortgroup: "0", macvtapMode: "bridge", interfaces: [], pf: "" },
  forward: { kind: "forward", destination: "", mode: "nat" },
  ipv6Internal: false,
  domain: "net1",
  autostart: true,
});

/** Deep-set a dotted path on a copy: for table rows that change one field. */
export function withField<T>(base: T, path: string, value: unknown): T {
  const copy = structuredClone(base) as Record<string, unknown>;
  const keys = path.split(".");
  let cur: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) cur = cur[k] as Record<string, unknown>;
  cur[keys.at(-1)!] = value;
  return copy as T;
}

/** Repeatable "random" bytes for defaults. */
export const fixedBytes = (byte: number) => (n: number) => new Uint8Array(n).fill(byte);
